import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IConstruct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FazhiStack } from '../../infra/lib/fazhi-stack';
import { addNagChecks } from '../../infra/lib/nag';
import { Web } from '../../infra/lib/web';
import { FIXTURE_DIRS, fixtureFunctions } from './fixtures/wirings';

// The acknowledgements are the only thing between a finding and a failed synth, so each must
// hide a real finding, on the construct it is attached to — no stale or blanket ones.

/** Turns every `Validations.of(x).acknowledge` into a no-op that records what it was asked. */
function recordAcknowledgements(): { path: string; id: string }[] {
  const recorded: { path: string; id: string }[] = [];
  vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (
    this: Validations,
    ...rules: { id: string; reason: string }[]
  ) {
    const scope = (this as unknown as { scope: IConstruct }).scope;
    for (const rule of rules) {
      // The CDK acknowledges some of its own CloudFormation-lint warnings; only ours are checked.
      if (!rule.id.startsWith('AwsSolutions-')) continue;
      expect(rule.reason.length, `reason for ${rule.id}`).toBeGreaterThan(30);
      recorded.push({ path: scope.node.path, id: rule.id });
    }
  });
  return recorded;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cdk-nag acknowledgements', () => {
  it.each([
    ['the default deployment', {}],
    [
      'WAF in front of the API and the site on its own domain',
      {
        'fazhi:waf': 'true',
        'fazhi:wafAclArn':
          'arn:aws:wafv2:us-east-1:111111111111:global/webacl/fazhi/0a1b2c3d-0000-0000-0000-000000000000',
        'fazhi:webDomain': 'fazhi.example.gov.cn',
        'fazhi:webCertificateArn':
          'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
      },
    ],
  ] as const)('each one hides a finding on the construct it is attached to (or below it): %s', (_, context) => {
    // Prepare
    const recorded = recordAcknowledgements();
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
    new FazhiStack(app, 'Fx', {
      functions: fixtureFunctions,
      schemasDir: FIXTURE_DIRS.schemas,
      webDistDir: FIXTURE_DIRS.webDist,
    });
    const checks = addNagChecks(app);

    // Act
    const findings = checks
      .validateScope(app)
      .violations.flatMap((v) => v.violatingResources.map((r) => ({ id: v.ruleName, path: r.constructPath ?? '' })));

    // Assess
    expect(recorded.length).toBeGreaterThan(10);
    const stale = recorded.filter(
      (ack) => !findings.some((f) => f.id === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))),
    );
    expect(stale).toEqual([]);
    const unexplained = findings.filter(
      (f) => !recorded.some((ack) => f.id === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))),
    );
    expect(unexplained).toEqual([]);
  });

  it('needs no TLS acknowledgement once the site has its own domain and certificate', () => {
    // Prepare
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'WebDomain');
    const web = new Web(stack, 'Web', {
      distDir: FIXTURE_DIRS.missing,
      domain: {
        domainNames: ['fazhi.example.gov.cn'],
        certificate: Certificate.fromCertificateArn(
          stack,
          'Cert',
          'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
        ),
      },
    });
    const checks = addNagChecks(app);

    // Act
    const template = Template.fromStack(stack);

    // Assess
    expect(checks.validateScope(app).violations).toEqual([]);
    const config =
      template.toJSON().Resources[stack.resolve((web.distribution.node.defaultChild as CfnElement).logicalId)]
        .Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['fazhi.example.gov.cn']);
    expect(config.ViewerCertificate.MinimumProtocolVersion).toBe('TLSv1.2_2021');
  });

  it('a missing acknowledgement fails the synth that every stack test goes through', () => {
    // Prepare: the web construct alone, with its acknowledgements switched off
    recordAcknowledgements();
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'WebOnly');
    new Web(stack, 'Web', { distDir: FIXTURE_DIRS.missing });
    addNagChecks(app);

    // Act
    const act = () => Template.fromStack(stack);

    // Assess
    expect(act).toThrow(/AwsSolutions-CFR1/);
  });
});
