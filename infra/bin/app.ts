// `cdk synth` / `cdk deploy` entry (cdk.json: `pnpm exec tsx infra/bin/app.ts`).

import { allFunctions } from '@fazhi/functions';
import { App } from 'aws-cdk-lib';
import { ensurePnpmOnPath } from '../lib/bundling';
import { FazhiStack } from '../lib/fazhi-stack';
import { addNagChecks } from '../lib/nag';
import { REPO_ROOT } from '../lib/paths';

ensurePnpmOnPath(REPO_ROOT);

const app = new App();
const stackName: unknown = app.node.tryGetContext('fazhi:stackName');
new FazhiStack(app, typeof stackName === 'string' && stackName ? stackName : 'Fazhi', {
  functions: allFunctions,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
addNagChecks(app);
app.synth();
