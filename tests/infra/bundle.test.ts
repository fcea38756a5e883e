import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allFunctions } from '@fazhi/functions';
import { App, Stack } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { ensurePnpmOnPath } from '../../infra/lib/bundling';
import { WiredFunction } from '../../infra/lib/functions';
import { DEFAULT_PATHS, REPO_ROOT } from '../../infra/lib/paths';
import { WebhookSecrets } from '../../infra/lib/secrets';

// One real function really bundled by NodejsFunction with the local esbuild (there is no Docker
// here), to prove the workspace's TypeScript imports resolve into a Lambda-ready ES module, and
// that Node loads it as Lambda would: ESM, `require` from the banner, the DynamoDB SDK inside the
// bundle and the SDKs the function may not call left out (infra/lib/bundling.ts).

describe('bundling', () => {
  it('bundles a real handler into one minified ESM file with a source map, the SDKs it uses inside', () => {
    // Prepare
    ensurePnpmOnPath(REPO_ROOT);
    const wiring = allFunctions.find((w) => w.authorizer) ?? allFunctions[0];
    expect(wiring, 'functions/index.ts lists no function').toBeDefined();
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Bundle');
    new WiredFunction(stack, wiring!.name, {
      wiring: wiring!,
      table: Table.fromTableName(stack, 'Table', 'fazhi'),
      bus: EventBus.fromEventBusName(stack, 'Bus', 'fazhi'),
      alertsTopic: Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:cn-north-1:111111111111:alerts'),
      webhookSecrets: new WebhookSecrets(stack, 'WebhookSecrets'),
      environment: { tableName: 't', busName: 'b', alertsTopicArn: 'a', jwtIssuer: 'i', jwtAudience: 'c' },
      lockFile: DEFAULT_PATHS.lockFile,
      projectRoot: REPO_ROOT,
      logRetention: RetentionDays.ONE_DAY,
    });

    // Act
    const assembly = app.synth();

    // Assess
    const assetDirs = readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'));
    expect(assetDirs).toHaveLength(1);
    const dir = join(assembly.directory, assetDirs[0]!);
    expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith('import { createRequire as __fazhiCreateRequire }')).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{\s*handler\s*\}/);
    // DynamoDB is bundled; EventBridge and SNS, which the authoriser has no right to call, are not.
    expect(wiring!.permissions).not.toContain('bus:put');
    expect(code).not.toMatch(/from\s*"@aws-sdk\//);
    expect(code).toMatch(/import\("@aws-sdk\/client-eventbridge"\)/);
    expect(code).toMatch(/import\("@aws-sdk\/client-sns"\)/);
    expect(code).toMatch(/import\("@aws-sdk\/client-kms"\)/);
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(1024 * 1024);

    // Loaded with no node_modules beside it: the bundle needs nothing from outside at init.
    const loaded = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)}); process.stdout.write(typeof m.handler);`,
      ],
      {
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'cn-north-1',
          FAZHI_RUNTIME: 'aws',
          FAZHI_TABLE_NAME: 'fazhi',
          FAZHI_BUS_NAME: 'fazhi',
          FAZHI_ALERTS_TOPIC_ARN: 'arn:aws:sns:cn-north-1:111111111111:alerts',
          FAZHI_JWT_ISSUER: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/pool',
          FAZHI_JWT_AUDIENCE: 'client',
          POWERTOOLS_SERVICE_NAME: wiring!.service,
        },
        encoding: 'utf8',
      },
    );
    expect(loaded).toBe('function');
  });
});
