// AWS SDK clients, each built on first use and only in the functions that use it (cold start:
// docs/BENCHMARKS.md, `npm run bench:cold`). DynamoDB is used by almost every function, so its SDK
// is a static import and only the client's construction waits. Every other SDK is loaded with a
// dynamic import(): esbuild keeps it in the bundle, but its module code runs only when a function
// first calls that service, so a function that never publishes never pays for EventBridge.
// To add a client (KMS, SQS, …): one `lazySdk` line here, used from the adapter that needs it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** `make` runs once, on the first call. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** The SDK module and one client of it, loaded on the first call; a failed load is tried again. */
export function lazySdk<M, C>(load: () => Promise<M>, client: (sdk: M) => C): () => Promise<{ sdk: M; client: C }> {
  let pending: Promise<{ sdk: M; client: C }> | undefined;
  return () => {
    pending ??= load().then(
      (sdk) => ({ sdk, client: client(sdk) }),
      (e) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  };
}

export const dynamoDb = lazy(() => new DynamoDBClient({}));

export const eventBridge = lazySdk(
  () => import('@aws-sdk/client-eventbridge'),
  (sdk) => new sdk.EventBridgeClient({}),
);

export const sns = lazySdk(
  () => import('@aws-sdk/client-sns'),
  (sdk) => new sdk.SNSClient({}),
);

export const kms = lazySdk(
  () => import('@aws-sdk/client-kms'),
  (sdk) => new sdk.KMSClient({}),
);
