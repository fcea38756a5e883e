// Which of the run's DynamoDB Locals this test file uses: one per vitest worker (global-setup.ts),
// so files running side by side never wait on each other's locks inside one emulator.
import { inject } from 'vitest';

export function testDdbEndpoint(): string {
  const endpoints = inject('ddbEndpoints');
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const i = Number.isInteger(pool) && pool > 0 ? (pool - 1) % endpoints.length : 0;
  return endpoints[i] as string;
}
