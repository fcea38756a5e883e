// "No Scan on any request or event path", enforced: no production source may send a Scan or
// read the wall clock inside the pure domain. (The exchange tests also record every command sent
// to DynamoDB during a full run and assert none is a Scan.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'cdk.out'].includes(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('architecture rules', () => {
  it('no production code sends a DynamoDB Scan', () => {
    const offenders = ['functions', 'packages', 'events']
      .flatMap((d) => sources(join(root, d)))
      .filter((f) => /\bScanCommand\b|\.scan\(|ScanInput/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('the domain reads no wall clock and imports no AWS SDK', () => {
    const offenders = sources(join(root, 'packages', 'domain'))
      .filter((f) => /Date\.now\(\)|new Date\(\)|@aws-sdk|aws-cdk-lib/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('handlers stay thin (under 100 lines)', () => {
    const fat = sources(join(root, 'functions'))
      .filter((f) => f.endsWith('handler.ts'))
      .map((f) => ({ f: relative(root, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 100);
    expect(fat).toEqual([]);
  });
});
