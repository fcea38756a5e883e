// Text messages to a person's phone (the public form's confirmation code, a party's satisfaction
// link) leave the platform through this port: SNS Publish with PhoneNumber in AWS, a line in the
// runtime's log locally (kept in memory too, so a test reads what was "sent"). deps.ts picks one.
import { sns } from './aws/clients';

export interface SmsMessage {
  /** A mainland mobile number, 11 digits (1xxxxxxxxxx); sent as +86. */
  phone: string;
  text: string;
}

export interface SmsSender {
  readonly channel: 'sns' | 'log';
  send(msg: SmsMessage): Promise<void>;
}

/** 138****0011: how a phone number appears in logs. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function snsSmsSender(load = sns): SmsSender {
  return {
    channel: 'sns',
    async send(msg) {
      const { sdk, client } = await load();
      await client.send(
        new sdk.PublishCommand({
          PhoneNumber: `+86${msg.phone}`,
          Message: msg.text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          },
        }),
      );
    },
  };
}

/** Locally: the message is printed to the runtime's log (phone masked) and kept in `sent`. */
export function logSmsSender(
  log: (msg: string, extra?: Record<string, unknown>) => void,
): SmsSender & { sent: SmsMessage[] } {
  const sent: SmsMessage[] = [];
  return {
    channel: 'log',
    sent,
    async send(msg) {
      sent.push(msg);
      log('sms (local: printed, not sent)', { to: maskPhone(msg.phone), text: msg.text });
    },
  };
}
