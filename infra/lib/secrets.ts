import { WEBHOOK_SECRET_PURPOSE } from '@fazhi/platform/secrets/webhook-secrets';
import { AnyPrincipal, Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
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

export const LINK_KEY_ENV = 'FAZHI_LINK_KEY_ARN';

// The HMAC key that signs link tokens for people without a login (platform/secrets/link-tokens.ts:
// a party's satisfaction link, an online applicant's status token). KMS HMAC keys never leave KMS;
// the functions granted may only GenerateMac or VerifyMac with it. KMS does not rotate HMAC keys:
// a rotation is a new key (links issued before it stop opening).
export class LinkTokens extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Signs Fazhi link tokens for the public (satisfaction links, application status)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
    });
  }

  grant(role: IRole, action: 'kms:GenerateMac' | 'kms:VerifyMac'): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: action === 'kms:GenerateMac' ? 'SignLinkTokens' : 'VerifyLinkTokens',
        actions: [action],
        resources: [this.key.keyArn],
      }),
    );
  }
}
