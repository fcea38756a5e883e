import type { FunctionWiring } from '@fazhi/platform/wiring';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { FazhiStack, type FazhiStackProps } from '../../infra/lib/fazhi-stack';
import { addNagChecks } from '../../infra/lib/nag';

export interface Synthesized {
  app: App;
  stack: FazhiStack;
  checks: AwsSolutionsChecks;
  template: Template;
}

/**
 * Builds the app as `infra/bin/app.ts` does, with cdk-nag registered, and synthesises it.
 * Bundling is skipped (context `aws:cdk:bundling-stacks` = []) and so is CloudFormation's own
 * template linting, which costs ~9 s a synth; `Template.fromStack` throws on any unacknowledged
 * cdk-nag finding, so every test of a synthesised stack is also a cdk-nag test.
 */
export function synthesize(
  functions: readonly FunctionWiring[],
  props: Omit<FazhiStackProps, 'functions'> = {},
  /** CDK context, as `cdk deploy -c key=value` gives it (deploy options: README). */
  context: Record<string, unknown> = {},
): Synthesized {
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:bundling-stacks': [], ...context },
  });
  const stack = new FazhiStack(app, 'Fx', { functions, ...props });
  const checks = addNagChecks(app);
  const template = Template.fromStack(stack);
  return { app, stack, checks, template };
}

/**
 * Synthesises on first call and remembers the result or the error. Called from `beforeEach`, so a
 * cdk-nag failure fails every test of the file (visible in the pass/fail count) instead of
 * skipping them all as a failed `beforeAll` would.
 */
export function once(build: () => Synthesized): () => Synthesized {
  let result: Synthesized | undefined;
  let error: unknown;
  return () => {
    if (result === undefined && error === undefined) {
      try {
        result = build();
      } catch (e) {
        error = e ?? new Error('synthesis failed');
      }
    }
    if (error !== undefined) throw error;
    return result!;
  };
}

export function logicalIdOf(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).resolve(element.logicalId) as string;
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** The allowed actions of a function's own role policy (the grants its wiring asked for). */
export function allowedActions(s: Synthesized, functionName: string): string[] {
  const wired = s.stack.functions.get(functionName);
  if (!wired) throw new Error(`no function ${functionName}`);
  const policy = wired.role.node.tryFindChild('DefaultPolicy');
  if (!policy) return [];
  const resource = s.template.toJSON().Resources[logicalIdOf(policy)];
  const statements = resource.Properties.PolicyDocument.Statement as Statement[];
  return statements
    .filter((st) => st.Effect === 'Allow')
    .flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]))
    .sort();
}
