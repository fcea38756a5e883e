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
  notify(msg: AlertMessage): Promise<void>;
}

export function snsAlertNotifier(topicArn: string | undefined, load = sns): AlertNotifier {
  return {
    async notify(msg) {
      if (!topicArn) return;
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
    },
  };
}

export function recordingNotifier(): AlertNotifier & { sent: AlertMessage[] } {
  const sent: AlertMessage[] = [];
  return {
    sent,
    async notify(msg) {
      sent.push(msg);
    },
  };
}
