import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct, type IConstruct } from 'constructs';
import { DeadLetter } from './dead-letter';
import { acknowledge } from './nag';

export const STREAM_BATCH_SIZE = 25;
export const STREAM_RETRY_ATTEMPTS = 10;

/** Only new outbox items wake the relay; state items, updates and TTL deletions never do. */
export const OUTBOX_INSERT_FILTER = FilterCriteria.filter({
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { type: { S: FilterRule.isEqual('outbox') } } },
});

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
