// The local runtime's IAM for the table. Every function's DynamoDB requests go through one client
// carrying this middleware; it knows which function is running (the invocation is wrapped in
// `asFunction`) and checks each request, as DynamoDB's authorisation does in AWS, against the
// statements the CDK app grants that function (platform/table-access.ts). A request the wiring
// did not declare fails as it would fail in Lambda: an AccessDeniedException, never retried.
// The runtime's own work (seeding, the bus's retry and dead-letter items, the start-up relay)
// runs outside any function and uses its own unguarded client, as AWS services do their own.
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import type { LinkMac } from '@fazhi/platform/secrets/link-tokens';
import type { SecretSealer } from '@fazhi/platform/secrets/webhook-secrets';
import type { SmsSender } from '@fazhi/platform/sms';
import {
  type AccessRequest,
  accessRequests,
  isAllowed,
  type LowLevelInput,
  type TableStatement,
  tableStatements,
} from '@fazhi/platform/table-access';
import type { FunctionWiring, Permission } from '@fazhi/platform/wiring';

interface Running {
  name: string;
  statements: TableStatement[];
  permissions: readonly Permission[];
}

const running = new AsyncLocalStorage<Running>();
const compiled = new WeakMap<FunctionWiring, Running>();

/** Runs `fn` as an invocation of `wiring`: its DynamoDB requests are checked against its grants. */
export function asFunction<T>(wiring: FunctionWiring, fn: () => T): T {
  let r = compiled.get(wiring);
  if (!r) {
    r = { name: wiring.name, statements: tableStatements(wiring.table), permissions: wiring.permissions };
    compiled.set(wiring, r);
  }
  return running.run(r, fn);
}

/** The function whose invocation is running, if any. */
export function runningFunction(): string | undefined {
  return running.getStore()?.name;
}

export const LOCAL_ACCOUNT = '000000000000';
export const localTableArn = (table: string) => `arn:aws:dynamodb:local:${LOCAL_ACCOUNT}:table/${table}`;

export interface AccessDenial {
  functionName: string;
  /** `dynamodb:PutItem`, `kms:Decrypt`, … */
  action: string;
  resource: string;
  leadingKeys?: string[];
  message: string;
}

const notAuthorized = (functionName: string, action: string, resource: string, extra = '') =>
  `User: arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/fazhi-${functionName}/${functionName} is not authorized to perform: ` +
  `${action} on resource: ${resource} because no identity-based policy allows the ${action} action${extra}`;

/** Shaped as DynamoDB answers a request IAM refuses (HTTP 400, `AccessDeniedException`). */
export function resourceOf(request: AccessRequest): string {
  return `${localTableArn(request.table)}${request.index ? `/index/${request.index}` : ''}`;
}

export function accessDenied(functionName: string, request: AccessRequest): DynamoDBServiceException {
  const message = notAuthorized(
    functionName,
    `dynamodb:${request.action}`,
    resourceOf(request),
    ` (leading keys: ${request.leadingKeys.join(', ') || 'none'})`,
  );
  return new DynamoDBServiceException({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message,
  });
}

export interface AccessGuardOptions {
  tableName: string;
  /** Told of every refusal (the test harness fails a run that had one it did not expect). */
  onDenied?: (denial: AccessDenial) => void;
  /**
   * Append every request a function makes (allowed or not) to this JSON-lines file: the
   * observed access, to compare with a wiring's declaration (FAZHI_ACCESS_LOG).
   */
  logFile?: string;
  /** False only to survey what functions touch (with `logFile`): refusals are logged, not raised. */
  enforce?: boolean;
}

type Args = { input?: LowLevelInput };
type Stack = {
  add(
    mw: (next: (args: Args) => Promise<unknown>, context: { commandName?: string }) => (args: Args) => Promise<unknown>,
    options: { step: 'build'; name: string; priority: 'high' },
  ): void;
};

/** Installs the guard on a DynamoDB client's middleware stack (the client functions use). */
export function guardClient(client: { middlewareStack: unknown }, opts: AccessGuardOptions): void {
  (client.middlewareStack as Stack).add(
    (next, context) => async (args) => {
      const fn = running.getStore();
      if (fn) {
        for (const request of accessRequests(context.commandName ?? '', args.input ?? {})) {
          const allowed = isAllowed(fn.statements, opts.tableName, request);
          if (opts.logFile) {
            appendFileSync(opts.logFile, `${JSON.stringify({ fn: fn.name, allowed, ...request, table: undefined })}\n`);
          }
          if (!allowed && opts.enforce !== false) {
            const error = accessDenied(fn.name, request);
            opts.onDenied?.({
              functionName: fn.name,
              action: `dynamodb:${request.action}`,
              resource: resourceOf(request),
              leadingKeys: request.leadingKeys,
              message: error.message,
            });
            throw error;
          }
        }
      }
      return next(args);
    },
    { step: 'build', name: 'fazhiAccessGuard', priority: 'high' },
  );
}

export const LOCAL_WEBHOOK_KEY_ARN = `arn:aws:kms:local:${LOCAL_ACCOUNT}:key/webhook-secrets`;

/** As KMS answers a caller whose role lacks the key grant. */
export class KmsAccessDenied extends Error {
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedException';
  }
}

/**
 * The webhook-secrets key's grants, locally: a function may seal only with `webhook-secret:seal`
 * (KMS GenerateDataKey) and open only with `webhook-secret:open` (KMS Decrypt) in its wiring, as
 * the key's IAM grants in AWS. The runtime itself (outside any function) may do both.
 */
export function guardSecrets(sealer: SecretSealer, onDenied?: (denial: AccessDenial) => void): SecretSealer {
  const check = permissionCheck(LOCAL_WEBHOOK_KEY_ARN, onDenied);
  return {
    seal: async (secret, c) => {
      check('webhook-secret:seal', 'kms:GenerateDataKey');
      return sealer.seal(secret, c);
    },
    open: async (sealed, c) => {
      check('webhook-secret:open', 'kms:Decrypt');
      return sealer.open(sealed, c);
    },
  };
}

export const LOCAL_LINK_KEY_ARN = `arn:aws:kms:local:${LOCAL_ACCOUNT}:key/link-tokens`;

/** Refuses, as IAM would, a running function whose wiring lacks `permission`. */
function permissionCheck(resource: string, onDenied?: (denial: AccessDenial) => void) {
  return (permission: Permission, action: string) => {
    const fn = running.getStore();
    if (!fn || fn.permissions.includes(permission)) return;
    const message = notAuthorized(fn.name, action, resource);
    onDenied?.({ functionName: fn.name, action, resource, message });
    throw new KmsAccessDenied(message);
  };
}

/** The link-token key's grants, locally: GenerateMac with `link-token:sign`, VerifyMac with `link-token:verify`. */
export function guardLinks(mac: LinkMac, onDenied?: (denial: AccessDenial) => void): LinkMac {
  const check = permissionCheck(LOCAL_LINK_KEY_ARN, onDenied);
  return {
    sign: async (m) => {
      check('link-token:sign', 'kms:GenerateMac');
      return mac.sign(m);
    },
    verify: async (m, given) => {
      check('link-token:verify', 'kms:VerifyMac');
      return mac.verify(m, given);
    },
  };
}

/** SMS, locally: only a function with `sms:send` may text a phone (SNS Publish). */
export function guardSms<S extends SmsSender>(sms: S, onDenied?: (denial: AccessDenial) => void): S {
  const check = permissionCheck('arn:aws:sns:local:phone-number', onDenied);
  return {
    ...sms,
    send: async (msg) => {
      check('sms:send', 'sns:Publish');
      return sms.send(msg);
    },
  };
}
