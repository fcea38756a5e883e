#!/usr/bin/env node
// Prints `N passed, N failed, N skipped` from vitest's JSON report; exits 1 when there is no
// report, no test ran, or anything failed (a suite that failed to load or whose hook failed counts as a failure).
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.fazhi/test-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`no test report at ${file}: the test command did not reach vitest`);
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const passed = r.numPassedTests ?? 0;
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
// A suite that failed with no failed test of its own (it did not load, or a beforeAll hook timed
// out and its tests were skipped) is one failure.
const brokenSuites = (r.testResults ?? []).filter(
  (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
).length;
const checkFailed = existsSync('.fazhi/check-failed') ? 1 : 0;
if (checkFailed) console.error('the lint/type check (biome, tsc --noEmit) failed: counted as one failure');
const failed = (r.numFailedTests ?? 0) + brokenSuites + checkFailed;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
