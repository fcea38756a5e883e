// Alerts leave the platform through this port: SNS in AWS (SMS / e-mail subscriptions), a log line
// locally (the web board and department webhooks are the local channels).
import { sns } from './aws/clients';

export interface AlertMessage {
  subject: string;
  text: string;
  departmentId: string;
  recipients: string[];
  alertId: string;
}

export interface AlertNotifier {
  /** The channel's name in the alert's history: `sns` (SMS / e-mail), `local` (the local runtime's log). */
  readonly channel: string;
  /** Resolves with whether the message went out (`skipped`: the channel is not configured here). */
  notify(msg: AlertMessage): Promise<'sent' | 'skipped'>;
}

export function snsAlertNotifier(topicArn: string | undefined, load = sns): AlertNotifier {
  return {
    channel: 'sns',
    async notify(msg) {
      if (!topicArn) return 'skipped';
      const { sdk, client } = await load();
      await client.send(
        new sdk.PublishCommand({
          TopicArn: topicArn,
          Subject: msg.subject.slice(0, 100),
          Message: msg.text,
          MessageAttributes: {
            departmentId: { DataType: 'String', StringValue: msg.departmentId },
            alertId: { DataType: 'String', StringValue: msg.alertId },
          },
        }),
      );
      return 'sent';
    },
  };
}

export function recordingNotifier(): AlertNotifier & { sent: AlertMessage[] } {
  const sent: AlertMessage[] = [];
  return {
    sent,
    channel: 'local',
    async notify(msg) {
      sent.push(msg);
      return 'sent';
    },
  };
}
