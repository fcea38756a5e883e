import { type App, Stack, type Stage, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

// cdk-nag 3 runs as a CDK validation plugin: an unacknowledged finding fails `cdk synth` (and
// `Template.fromStack` in the tests). Acknowledgements sit beside the construct they concern, on
// that construct only, each with the reason it is acceptable.

export function addNagChecks(app: App | Stage): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  return checks;
}

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** A resource reference as cdk-nag's IAM5 finding spells it, e.g. `<TableD1C2A3.Arn>/index/*`. */
export function nagResource(scope: IConstruct, value: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(value));
}
