import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
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

// One real function really bundled by NodejsFunction with the local esbuild (there is no Docker
// here), to prove the workspace's TypeScript imports resolve into a Lambda-ready ES module, and
// that Node loads it as Lambda would: ESM, `require` from the banner, the AWS SDK from outside.

describe('bundling', () => {
  it('bundles a real handler into one minified ESM file with a source map and the AWS SDK left out', () => {
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
    // The SDK stays an import for the runtime to satisfy, not code in the bundle.
    expect(code).toMatch(/from\s*"@aws-sdk\/[a-z-]+"/);
    expect(code).not.toMatch(/@aws-sdk\/client-[a-z-]+\/dist-es/);
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(2_000_000);

    // Lambda provides @aws-sdk/*; here the repository's node_modules stands in for it.
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
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
