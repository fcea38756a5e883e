import { type App, Stack, type Stage, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

// cdk-nag 3 runs as a CDK validation plugin: an unacknowledged finding fails `cdk synth` (and
// `Template.fromStack` in the tests). Acknowledgements sit beside the construct they concern, on
// that construct only, each with the reason it is acceptable. No function's table grant needs one:
// each names the table or the one index ARN it queries, never `index/*`, and limits the partition
// keys with dynamodb:LeadingKeys (table-grants.ts; tests/infra/grants.test.ts holds them to that).

export function addNagChecks(app: App | Stage): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  return checks;
}

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** A resource reference as cdk-nag's IAM5 finding spells it, e.g. `<WebBucket12880F5B.Arn>/*`. */
export function nagResource(scope: IConstruct, value: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(value));
}
