import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allFunctions } from '@fazhi/functions';
import { App, Stack } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { PDF_FONT, PDF_FONT_LICENSE } from '../../functions/mediation/read/pdf-assets';
import { ensurePnpmOnPath } from '../../infra/lib/bundling';
import { WiredFunction } from '../../infra/lib/functions';
import { DEFAULT_PATHS, REPO_ROOT } from '../../infra/lib/paths';
import { WebhookSecrets } from '../../infra/lib/secrets';
import type { FunctionWiring } from '../../packages/platform/src/wiring';

// One real function really bundled by NodejsFunction with the local esbuild (there is no Docker
// here), to prove the workspace's TypeScript imports resolve into a Lambda-ready ES module, and
// that Node loads it as Lambda would: ESM, `require` from the banner, the DynamoDB SDK inside the
// bundle and the SDKs the function may not call left out (infra/lib/bundling.ts).

/** The one function really bundled by NodejsFunction; the asset directory it wrote. */
function bundleOne(wiring: FunctionWiring): string {
  ensurePnpmOnPath(REPO_ROOT);
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Bundle');
  new WiredFunction(stack, wiring.name, {
    wiring,
    table: Table.fromTableName(stack, 'Table', 'fazhi'),
    bus: EventBus.fromEventBusName(stack, 'Bus', 'fazhi'),
    alertsTopic: Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:cn-north-1:111111111111:alerts'),
    webhookSecrets: new WebhookSecrets(stack, 'WebhookSecrets'),
    environment: { tableName: 't', busName: 'b', alertsTopicArn: 'a', jwtIssuer: 'i', jwtAudience: 'c' },
    lockFile: DEFAULT_PATHS.lockFile,
    projectRoot: REPO_ROOT,
    logRetention: RetentionDays.ONE_DAY,
  });
  const assembly = app.synth();
  const assetDirs = readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'));
  expect(assetDirs).toHaveLength(1);
  return join(assembly.directory, assetDirs[0]!);
}

describe('bundling', () => {
  it('bundles a real handler into one minified ESM file with a source map, the SDKs it uses inside', () => {
    // Prepare
    const wiring = allFunctions.find((w) => w.authorizer) ?? allFunctions[0];
    expect(wiring, 'functions/index.ts lists no function').toBeDefined();

    // Act
    const dir = bundleOne(wiring!);

    // Assess
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

  it('ships the agreement PDF’s pdfkit and CJK font beside the mediation-read bundle, which stays under 1 MB', () => {
    // Prepare
    const wiring = allFunctions.find((w) => w.name === 'mediation-read')!;

    // Act
    const dir = bundleOne(wiring);

    // Assess
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(1024 * 1024);
    expect(code).toMatch(/import\("pdfkit"\)/);
    const font = join(dir, 'node_modules', PDF_FONT);
    expect(statSync(font).size).toBeGreaterThan(10_000_000);
    expect(statSync(join(dir, 'node_modules', PDF_FONT_LICENSE)).isFile()).toBe(true);
    // The shipped pdfkit works alone (the asset lies outside the workspace, no node_modules above
    // it): imported from the asset as index.mjs imports it, it writes a PDF in the shipped font.
    const script = `import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const { default: PDFDocument } = await import('pdfkit');
      const font = readFileSync(createRequire(import.meta.url).resolve(${JSON.stringify(PDF_FONT)}));
      const doc = new PDFDocument({ font });
      const chunks = [];
      doc.on('data', (c) => chunks.push(c));
      doc.on('end', () => process.stdout.write(Buffer.concat(chunks).subarray(0, 5).toString('latin1')));
      doc.fontSize(12).text('人民调解协议书');
      doc.end();`;
    writeFileSync(join(dir, 'probe.mjs'), script);
    const out = execFileSync(process.execPath, [join(dir, 'probe.mjs')], {
      cwd: dir,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(out).toBe('%PDF-');
  });
});
