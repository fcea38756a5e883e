// The ports every handler uses, built once per process. `deps()` builds the AWS adapters from the
// environment unless a runtime configured others first (the local runtime does, before it loads
// any handler). This is the one factory that picks adapters.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '@fazhi/domain/clock';
import { monotonicFactory } from 'ulid';
import { type AlertNotifier, snsAlertNotifier } from './alert-notifier';
import { remoteTokenVerifier, type TokenVerifier } from './auth/tokens';
import { dynamoDb, lazy } from './aws/clients';
import { optionalEnv, requireEnv } from './env';
import { type EventPublisher, eventBridgePublisher } from './events/publisher';
import { webhookSecretSealer } from './secrets/data-keys';
import { type LinkMac, linkMacOf, noLinkMac } from './secrets/link-tokens';
import { noSecrets, type SecretSealer } from './secrets/webhook-secrets';
import { type SmsSender, snsSmsSender } from './sms';
import { fetchWebhookSender, type WebhookSender } from './webhook-sender';

export interface PlatformDeps {
  clock: Clock;
  ddb: DynamoDBDocumentClient;
  tableName: string;
  publisher: EventPublisher;
  tokens: TokenVerifier;
  webhooks: WebhookSender;
  notifier: AlertNotifier;
  /** Seals and opens department webhook signing secrets (secrets/webhook-secrets.ts). */
  secrets: SecretSealer;
  /** Text messages to a person's phone (sms.ts): SNS in AWS, the runtime's log locally. */
  sms: SmsSender;
  /** The MAC key of link tokens for people without a login (secrets/link-tokens.ts). */
  links: LinkMac;
  /** Where the web front end is served (links sent to people point there); '' when unknown. */
  webUrl: string;
  /** ULIDs stamped with the injected clock, monotonic within a millisecond. */
  newId(): string;
  /** Settle window of the inbox feed (see functions/exchange/inbox). */
  inboxSettleMs: number;
  /** Pending outbox events younger than this are left to the stream relay by the sweep. */
  outboxStaleMs: number;
  /**
   * How far ahead the clock sweep fires clocks, each at its own instant. In AWS
   * (FAZHI_CLOCK_LOOKAHEAD_MS, default 0) each minute's sweep fires what is due, so a firing may be
   * up to a minute late; 55000 fires to the second at the price of a sweep that runs most of every
   * minute while anything is due. The local runtime ticks every second and sets just under that.
   */
  clockLookaheadMs: number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function documentClient(client: DynamoDBClient = dynamoDb()): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function idFactory(clock: Clock): () => string {
  const next = monotonicFactory();
  return () => next(clock.now());
}

// Every adapter builds its SDK client on first use (aws/clients.ts): a function pays only for the
// services it calls.
function awsDeps(): PlatformDeps {
  const clock = systemClock;
  const ddb = lazy(() => documentClient());
  return {
    clock,
    get ddb() {
      return ddb();
    },
    tableName: requireEnv('FAZHI_TABLE_NAME'),
    publisher: eventBridgePublisher(requireEnv('FAZHI_BUS_NAME')),
    tokens: remoteTokenVerifier(
      optionalEnv('FAZHI_JWT_ISSUER', 'https://invalid.local'),
      process.env.FAZHI_JWT_AUDIENCE,
    ),
    webhooks: fetchWebhookSender(),
    notifier: snsAlertNotifier(process.env.FAZHI_ALERTS_TOPIC_ARN),
    // Set only for the functions granted the webhook-secrets key (infra/lib/functions.ts).
    secrets: process.env.FAZHI_WEBHOOK_SECRETS_KEY_ARN
      ? webhookSecretSealer({ kind: 'kms', keyId: process.env.FAZHI_WEBHOOK_SECRETS_KEY_ARN })
      : noSecrets,
    sms: snsSmsSender(),
    // Set only for the functions granted the link-token key (infra/lib/functions.ts).
    links: process.env.FAZHI_LINK_KEY_ARN
      ? linkMacOf({ kind: 'kms', keyId: process.env.FAZHI_LINK_KEY_ARN })
      : noLinkMac,
    webUrl: optionalEnv('FAZHI_WEB_URL', ''),
    newId: idFactory(clock),
    inboxSettleMs: Number(optionalEnv('FAZHI_INBOX_SETTLE_MS', '1000')),
    outboxStaleMs: Number(optionalEnv('FAZHI_OUTBOX_STALE_MS', '60000')),
    clockLookaheadMs: Number(optionalEnv('FAZHI_CLOCK_LOOKAHEAD_MS', '0')),
  };
}

let current: PlatformDeps | undefined;

export function configureDeps(d: PlatformDeps): void {
  current = d;
}

export function deps(): PlatformDeps {
  current ??= awsDeps();
  return current;
}
