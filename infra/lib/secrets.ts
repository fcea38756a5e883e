import { WEBHOOK_SECRET_PURPOSE } from '@fazhi/platform/secrets/webhook-secrets';
import { AnyPrincipal, Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export const WEBHOOK_SECRETS_KEY_ENV = 'FAZHI_WEBHOOK_SECRETS_KEY_ARN';
export const PURPOSE_CONDITION = 'kms:EncryptionContext:fazhi:purpose';

// The key that seals department webhook signing secrets (platform/secrets/webhook-secrets.ts).
// Only the role of the function that issues a secret may generate data keys with it, only the
// role of the delivery may decrypt, and only for the webhook-secret purpose: the key policy denies
// both to every other principal, the account's administrators included, so neither a backup of
// the table, nor the stream, nor any other function can read a secret.
export class WebhookSecrets extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Seals Fazhi department webhook signing secrets (envelope encryption)',
      enableKeyRotation: true,
    });
  }

  grantSeal(role: IRole): void {
    role.addToPrincipalPolicy(this.statement('SealWebhookSecrets', 'kms:GenerateDataKey'));
  }

  grantOpen(role: IRole): void {
    role.addToPrincipalPolicy(this.statement('OpenWebhookSecrets', 'kms:Decrypt'));
  }

  /** Denies generating and decrypting to every principal but the given roles. */
  restrictTo(sealers: IRole[], openers: IRole[]): void {
    const deny = (sid: string, action: string, roles: IRole[]) =>
      this.key.addToResourcePolicy(
        new PolicyStatement({
          sid,
          effect: Effect.DENY,
          principals: [new AnyPrincipal()],
          actions: [action],
          resources: ['*'],
          ...(roles.length > 0
            ? { conditions: { ArnNotEquals: { 'aws:PrincipalArn': roles.map((r) => r.roleArn) } } }
            : {}),
        }),
      );
    deny('OnlyTheIssuerGeneratesDataKeys', 'kms:GenerateDataKey*', sealers);
    deny('OnlyTheDeliveryDecrypts', 'kms:Decrypt', openers);
  }

  private statement(sid: string, action: string): PolicyStatement {
    return new PolicyStatement({
      sid,
      actions: [action],
      resources: [this.key.keyArn],
      conditions: { StringEquals: { [PURPOSE_CONDITION]: WEBHOOK_SECRET_PURPOSE } },
    });
  }
}
