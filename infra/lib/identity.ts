import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface IdentityProps {
  /** Cognito groups to create; a person's groups are their roles (`cognito:groups` in the ID token). */
  roles: readonly string[];
}

// People (mediators, dispatchers, on-duty staff, reviewers) sign in here. Their department is the
// custom attribute `departmentId`, which only an administrator may set: the web client can read
// it but not write it, so nobody moves themselves into another department's cases.
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: { departmentId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Government staff accounts: a second factor always, by authenticator app (SMS from
      // Cognito is neither reliable nor cheap for mainland numbers).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const standard = { email: true, fullname: true };
    this.client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true, userPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      disableOAuth: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ ...standard, emailVerified: true })
        .withCustomAttributes('departmentId'),
      writeAttributes: new ClientAttributes().withStandardAttributes(standard),
      idTokenValidity: Duration.hours(1),
      // Cognito's default 3 minutes is too short to set up an authenticator app at first sign-in.
      authSessionValidity: Duration.minutes(15),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });

    for (const role of [...new Set(props.roles)].sort()) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Fazhi role ${role}` });
    }
  }
}
