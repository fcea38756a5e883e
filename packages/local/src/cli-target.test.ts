import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliTarget, DEFAULT_BASE_URL } from './cli-target';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function withCredentials(baseUrl: string, sub = join('.fazhi', 'local')): string {
  dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
  mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, sub, 'credentials.json'), JSON.stringify({ baseUrl, departments: [], users: [] }));
  return dir;
}

describe('cliTarget', () => {
  it('finds the runtime from the credentials file it wrote', () => {
    // Prepare
    const cwd = withCredentials('http://127.0.0.1:4123');
    // Act / Assess
    expect(cliTarget({}, cwd).baseUrl).toBe('http://127.0.0.1:4123');
    expect(cliTarget({ FAZHI_DATA_DIR: 'elsewhere' }, cwd).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  it('reads the credentials file in FAZHI_DATA_DIR', () => {
    const cwd = withCredentials('http://127.0.0.1:4555', 'data');
    expect(cliTarget({ FAZHI_DATA_DIR: 'data' }, cwd).baseUrl).toBe('http://127.0.0.1:4555');
  });

  it('prefers FAZHI_URL, then FAZHI_PORT, over the file', () => {
    const cwd = withCredentials('http://127.0.0.1:4123');
    expect(cliTarget({ FAZHI_PORT: '3999' }, cwd)).toEqual({ baseUrl: 'http://127.0.0.1:3999', from: 'FAZHI_PORT' });
    expect(cliTarget({ FAZHI_URL: 'http://127.0.0.1:5000/', FAZHI_PORT: '3999' }, cwd).baseUrl).toBe(
      'http://127.0.0.1:5000',
    );
  });

  it('falls back to the default address when nothing says otherwise', () => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
    expect(cliTarget({ FAZHI_PORT: 'abc' }, dir).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});
