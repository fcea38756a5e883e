import { OUTBOX_STREAM_FILTER, STREAM_BATCH_SIZE, STREAM_RETRY_ATTEMPTS } from '@fazhi/platform/ddb/outbox';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct, type IConstruct } from 'constructs';
import { DeadLetter } from './dead-letter';
import { acknowledge } from './nag';

export { STREAM_BATCH_SIZE, STREAM_RETRY_ATTEMPTS };

/** Only new event (outbox) items wake the relay: the one filter the local stream poller applies too. */
export const OUTBOX_INSERT_FILTER = FilterCriteria.filter(OUTBOX_STREAM_FILTER);

export interface StreamConsumerProps {
  wiring: string;
  fn: IFunction;
  /** Where the stream grant lands, for its acknowledgement. */
  role: IConstruct;
  table: ITable;
  alarmTopic: ITopic;
}

// The outbox relay reads the table's stream. A poison record is isolated by bisecting the batch,
// retried a bounded number of times, then its pointer goes to a dead-letter queue; the outbox item
// itself stays pending in gsi2, where the sweeper republishes it.
export class StreamConsumer extends Construct {
  readonly deadLetter: DeadLetter;

  constructor(scope: Construct, id: string, props: StreamConsumerProps) {
    super(scope, id);
    this.deadLetter = new DeadLetter(this, 'Dlq', {
      purpose: `${props.wiring} (table stream)`,
      alarmTopic: props.alarmTopic,
    });
    props.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record still in the stream, so a relay deployed after writes misses none.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: STREAM_BATCH_SIZE,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.deadLetter.queue),
        filters: [OUTBOX_INSERT_FILTER],
      }),
    );
    acknowledge(
      props.role,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams (added by the stream event source) supports no resource-level permission; the stream reads themselves are scoped to this table stream.',
    );
  }
}
