// What the local runtime builds in place of each AWS service, derived from the wirings and the
// platform's declarations only. runtime.ts builds from these; tests/infra/parity.test.ts compares
// each with what the CDK app synthesises from the same wirings.
import { join } from 'node:path';
import { OUTBOX_STREAM_FILTER, STREAM_BATCH_SIZE, STREAM_RETRY_ATTEMPTS } from '@fazhi/platform/ddb/outbox';
import type { FunctionWiring, RouteWiring } from '@fazhi/platform/wiring';
import { REPO_ROOT } from './dynamodb-local';

/** API Gateway runs the Lambda authoriser on every route but the public ones; so does the gateway. */
export function routeNeedsAuthorizer(route: Pick<RouteWiring, 'auth'>): boolean {
  return route.auth !== 'none';
}

/** The table stream's event source mapping: which functions, with which filter and batching. */
export function localStreamMapping(functions: readonly FunctionWiring[]) {
  return {
    functions: functions.filter((f) => f.stream).map((f) => f.name),
    filter: OUTBOX_STREAM_FILTER,
    batchSize: STREAM_BATCH_SIZE,
    retryAttempts: STREAM_RETRY_ATTEMPTS,
  };
}

/** The built front end the gateway serves (CloudFront + S3 in AWS, from the same folder). */
export const LOCAL_WEB_DIST = join(REPO_ROOT, 'packages', 'web', 'dist');
