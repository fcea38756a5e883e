// What a city's operator watches: one topic for platform alarms, one alarm per kind of trouble and
// one dashboard. The metrics the functions publish are declared once (platform/src/metrics.ts)
// and read here, so an alarm cannot watch a name nothing publishes.
//
// Cost shapes the alarms (docs/BENCHMARKS.md, `npm run cost`): CloudWatch bills $0.10 a month per
// metric an alarm evaluates (a metric-math alarm pays for each metric in it), so function errors
// and throttles are watched on Lambda's account-wide aggregate — one metric for every function,
// which loses nothing when the city's account holds this stack alone — and the dashboard says
// which function it was. The per-queue dead-letter alarms stay where the queues are made
// (infra/lib/dead-letter.ts): merged into a metric-math alarm they would cost the same.

import { METRICS, METRICS_NAMESPACE, type MetricDefinition } from '@fazhi/platform/metrics';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { Api } from './api';
import { DeadLetter } from './dead-letter';
import type { WiredFunction } from './functions';

/** The kinds of alarm, one alarm each (dead letters: one per queue, made with the queue). */
export type AlarmKind =
  | 'function-errors'
  | 'function-throttles'
  | 'api-5xx-rate'
  | 'authorizer-failures'
  | 'outbox-stuck'
  | 'sweep-lag';

/** Thresholds, in one place for the README's table. */
export const ALARM_THRESHOLDS = {
  apiServerErrorPercent: 5,
  sweepLagSeconds: 180,
  /** Any event older than the relay's window (60 s) in 2 of 3 five-minute periods. */
  outboxStuckPeriods: 2,
} as const;

export interface ObservabilityProps {
  wirings: readonly FunctionWiring[];
  functions: ReadonlyMap<string, WiredFunction>;
  api: Api;
  /** The alerts key (infra/lib/alerts.ts), which CloudWatch may already use: no second key to pay for. */
  key: IKey;
}

const FIVE_MINUTES = Duration.minutes(5);

export function customMetric(def: MetricDefinition, statistic: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: def.name,
    dimensionsMap: { service: def.service },
    statistic,
    period: FIVE_MINUTES,
  });
}

export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms = new Map<AlarmKind, Alarm>();
  readonly dashboard: Dashboard;
  private readonly props: ObservabilityProps;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.props = props;
    const account = Stack.of(this).account;
    this.topic = new Topic(this, 'OperatorTopic', {
      displayName: 'Fazhi platform alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );

    const lambda = (metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, statistic: 'Sum', period: FIVE_MINUTES });
    this.alarm('function-errors', {
      description: 'A Fazhi function failed (Lambda Errors, all functions of this account and region)',
      metric: lambda('Errors'),
      threshold: 0,
    });
    this.alarm('function-throttles', {
      description: 'A Fazhi function was throttled (reserved concurrency or the account quota reached)',
      metric: lambda('Throttles'),
      threshold: 0,
    });

    const httpApi = props.api.httpApi;
    this.alarm('api-5xx-rate', {
      description: `More than ${ALARM_THRESHOLDS.apiServerErrorPercent} % of API requests answered 5xx over 5 minutes`,
      metric: new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: httpApi.metricServerError({ statistic: 'Sum', period: FIVE_MINUTES }),
          requests: httpApi.metricCount({ statistic: 'Sum', period: FIVE_MINUTES }),
        },
        period: FIVE_MINUTES,
        label: 'API 5xx %',
      }),
      threshold: ALARM_THRESHOLDS.apiServerErrorPercent,
    });

    const authorizer = props.wirings.find((w) => w.authorizer);
    const authorizerFn = authorizer ? props.functions.get(authorizer.name)?.fn : undefined;
    if (authorizerFn) {
      this.alarm('authorizer-failures', {
        description:
          'The API-key/token authoriser failed: every authenticated request answers 500 while it does (it never denies)',
        metric: authorizerFn.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES }),
        threshold: 0,
      });
    }

    this.alarm('outbox-stuck', {
      description:
        'Committed events waited past the stream relay (published only by the minute sweep), or the outbox sweep stopped reporting',
      metric: customMetric(METRICS.outboxOldestPending, 'Maximum'),
      threshold: 0,
      evaluationPeriods: 3,
      datapointsToAlarm: ALARM_THRESHOLDS.outboxStuckPeriods,
      missing: TreatMissingData.BREACHING,
    });
    this.alarm('sweep-lag', {
      description: `A due clock waited more than ${ALARM_THRESHOLDS.sweepLagSeconds} s to fire, or the clock sweep stopped reporting`,
      metric: customMetric(METRICS.clockSweepLag, 'Maximum'),
      threshold: ALARM_THRESHOLDS.sweepLagSeconds,
      missing: TreatMissingData.BREACHING,
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operator`,
      defaultInterval: Duration.hours(6),
    });
  }

  private alarm(
    kind: AlarmKind,
    o: {
      description: string;
      metric: Metric | MathExpression;
      threshold: number;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
      missing?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, `Alarm-${kind}`, {
      alarmDescription: `${o.description}. What to do: README, "What the operator watches" (${kind}).`,
      metric: o.metric,
      threshold: o.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: o.evaluationPeriods ?? 1,
      datapointsToAlarm: o.datapointsToAlarm ?? o.evaluationPeriods ?? 1,
      treatMissingData: o.missing ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.set(kind, alarm);
    return alarm;
  }

  /** Fills the dashboard once every queue exists: call after the rules and stream consumers. */
  watchDeadLetters(): void {
    const { functions, api } = this.props;
    const stack = Stack.of(this);
    const deadLetters = stack.node.findAll().filter((c): c is DeadLetter => c instanceof DeadLetter);
    const allAlarms: IAlarm[] = [...this.alarms.values(), ...deadLetters.map((d) => d.alarm)];
    const fns = [...functions.values()];
    const perFunction = (pick: (f: WiredFunction) => Metric) => fns.map(pick);
    const reserved = fns.filter((f) => f.wiring.reservedConcurrency !== undefined);
    const sumOf = (m: MetricDefinition) => customMetric(m, 'Sum');

    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Fazhi 法治协同 — operator\nEach alarm and what to do: README, "What the operator watches". Alarms go to the OperatorTopicArn output; subscribe the on-call engineer.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: allAlarms, width: 24, height: 4 }));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Business: events accepted, deadlines breached, alerts unacknowledged',
        left: [sumOf(METRICS.eventsAccepted), sumOf(METRICS.deadlinesBreached), sumOf(METRICS.alertsUnacknowledged)],
        width: 12,
      }),
      new GraphWidget({
        title: 'Lag: oldest pending outbox event, clock sweep (seconds)',
        left: [customMetric(METRICS.outboxOldestPending, 'Maximum'), customMetric(METRICS.clockSweepLag, 'Maximum')],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API: requests, 4xx, 5xx',
        left: [
          api.httpApi.metricCount({ statistic: 'Sum', period: FIVE_MINUTES }),
          api.httpApi.metricClientError({ statistic: 'Sum', period: FIVE_MINUTES }),
          api.httpApi.metricServerError({ statistic: 'Sum', period: FIVE_MINUTES }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency p50 / p99 (ms)',
        left: [
          api.httpApi.metricLatency({ statistic: 'p50', period: FIVE_MINUTES }),
          api.httpApi.metricLatency({ statistic: 'p99', period: FIVE_MINUTES }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Errors per function',
        left: perFunction((f) => f.fn.metricErrors({ statistic: 'Sum', period: FIVE_MINUTES, label: f.wiring.name })),
        width: 12,
        height: 8,
        legendPosition: undefined,
      }),
      new GraphWidget({
        title: 'Throttles of the functions with reserved concurrency',
        left: reserved.map((f) =>
          f.fn.metricThrottles({ statistic: 'Sum', period: FIVE_MINUTES, label: f.wiring.name }),
        ),
        width: 12,
        height: 8,
      }),
    );
    if (deadLetters.length > 0) {
      this.dashboard.addWidgets(
        new GraphWidget({
          title: 'Dead-letter queues: messages waiting (replay: npm run fazhi -- dlq replay)',
          left: deadLetters.map((d) =>
            d.queue.metricApproximateNumberOfMessagesVisible({
              statistic: 'Maximum',
              period: FIVE_MINUTES,
              label: d.node.scope?.node.id ?? d.node.id,
            }),
          ),
          width: 24,
          height: 6,
        }),
      );
    }
  }
}
