// One in-memory DynamoDB Local per vitest worker for the whole run; each test file makes its own
// table(s) on its worker's emulator and deletes them when its runtime stops. One emulator shared by
// both workers failed the CI run: under load, requests from one file timed out waiting on locks
// held by the other's ("This action timed out because it too long waiting for a lock").
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../packages/local/src/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    ddbEndpoints: string[];
  }
}

export default async function setup(project: TestProject) {
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const emulators = await Promise.all(Array.from({ length: workers }, () => startDynamoDbLocal()));
  project.provide(
    'ddbEndpoints',
    emulators.map((e) => e.endpoint),
  );
  return async () => {
    await Promise.all(emulators.map((e) => e.stop()));
  };
}
