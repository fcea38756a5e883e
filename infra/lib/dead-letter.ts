import { DEAD_LETTER_TAG } from '@fazhi/platform/events/dead-letter';
import { Duration, Tags } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface DeadLetterProps {
  /** What fails into this queue, for the alarm text: `alerts-escalate ← Clock.Breached`. */
  purpose: string;
  alarmTopic: ITopic;
}

// Every asynchronous delivery (rule target, schedule, stream) has its own dead-letter queue, so a
// failed event is kept, attributable to one consumer, and replayable; an alarm fires on the first one.
export class DeadLetter extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.queue,
      'AwsSolutions-SQS3',
      'This queue is itself a dead-letter queue (of an EventBridge target, a Lambda on-failure destination or a stream mapping); nothing consumes it but an operator replaying (`npm run fazhi -- dlq replay --aws`).',
    );
    // How `dlq list|replay --aws` finds the stack's dead-letter queues among the account's.
    Tags.of(this.queue).add(DEAD_LETTER_TAG, props.purpose.replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, ' ').trim());
    this.alarm = new Alarm(this, 'Alarm', {
      alarmDescription: `Undelivered events in the dead-letter queue of ${props.purpose}`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
