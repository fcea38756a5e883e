// `cdk synth` / `cdk deploy` entry (cdk.json: `pnpm exec tsx infra/bin/app.ts`).
// Deploy options (CDK context, README "Deploy options"): fazhi:stackName, fazhi:throttle,
// fazhi:reservedConcurrency, fazhi:waf + fazhi:wafAclArn (the FazhiEdge stack in us-east-1),
// fazhi:webDomain + fazhi:webCertificateArn (the site on the city's domain, TLS 1.2 minimum).

import { allFunctions } from '@fazhi/functions';
import { App } from 'aws-cdk-lib';
import { ensurePnpmOnPath } from '../lib/bundling';
import { EdgeStack } from '../lib/edge';
import { FazhiStack } from '../lib/fazhi-stack';
import { wafSettings } from '../lib/front-door';
import { addNagChecks } from '../lib/nag';
import { REPO_ROOT } from '../lib/paths';

ensurePnpmOnPath(REPO_ROOT);

const app = new App();
const stackName: unknown = app.node.tryGetContext('fazhi:stackName');
const name = typeof stackName === 'string' && stackName ? stackName : 'Fazhi';
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
const waf = wafSettings(app.node);
if (waf.enabled) {
  // CloudFront's web ACLs exist only in us-east-1 (infra/lib/edge.ts).
  new EdgeStack(app, `${name}Edge`, { env: { account: env.account, region: 'us-east-1' } });
}
if (waf.enabled && !waf.webAclArn && env.region !== 'us-east-1') {
  // The first of the two deploys: only the edge stack can be built until its ACL exists.
  process.stderr.write(
    `fazhi: -c fazhi:waf=true without -c fazhi:wafAclArn builds only ${name}Edge (us-east-1). Deploy it, then deploy ${name} with -c fazhi:waf=true -c fazhi:wafAclArn=<its WebAclArn output>.\n`,
  );
} else {
  new FazhiStack(app, name, { functions: allFunctions, env });
}
addNagChecks(app);
app.synth();
