import {
  asyncInvokeOf,
  DEFAULT_MAX_ATTEMPTS,
  retryAttemptsFor,
  SCHEDULE_DELIVERY,
  SUBSCRIPTION_MAX_EVENT_AGE_SECONDS,
} from '@fazhi/platform/async-invoke';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import { Duration } from 'aws-cdk-lib';
import { type IEventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DeadLetter } from './dead-letter';
import { toCdkEventPattern } from './event-pattern';

// Subscriptions and schedules: one EventBridge rule each, a Lambda target with a bounded retry
// policy and its own dead-letter queue. EventBridge invokes Lambda asynchronously, so the rule's
// retries and DLQ only cover handing the event over; what the function itself throws is retried by
// Lambda and then sent to the function's on-failure destination: its EventInvokeConfig, from the
// wiring's `asyncInvoke` (packages/platform/src/async-invoke.ts, which the local bus applies too).
// The destination is the dead-letter queue of the function's first rule, so one queue and one
// alarm per rule cover both failures (the message says which: `dlq replay` reads both forms).
//
// There are deliberately NO EventBridge API destinations here, although webhooks to departments
// look like their use case. Each webhook body must be signed with HMAC-SHA256 under the receiving
// department's secret, which an API destination cannot compute per body (it only adds static
// headers), and departments register or change webhooks at run time through the API, while API
// destinations and connections exist only as deployed resources. The `exchange-deliver-webhook`
// function (permission `webhook:call`) does the signed delivery, with this same retry + DLQ shape.

export { DEFAULT_MAX_ATTEMPTS, retryAttemptsFor };
/** EventBridge retries for at most a day anyway; an older event is dead-lettered, not dropped. */
export const MAX_EVENT_AGE = Duration.seconds(SUBSCRIPTION_MAX_EVENT_AGE_SECONDS);

export interface EventRulesProps {
  wirings: readonly FunctionWiring[];
  functionOf: (name: string) => IFunction;
  bus: IEventBus;
  alarmTopic: ITopic;
}

export interface WiredAsyncInvoke {
  wiring: string;
  retryAttempts: number;
  maxEventAgeSeconds: number;
  onFailure: DeadLetter;
}

export interface WiredRule {
  wiring: string;
  kind: 'subscription' | 'schedule';
  name: string;
  rule: Rule;
  deadLetter: DeadLetter;
}

export class EventRules extends Construct {
  readonly rules: WiredRule[] = [];
  readonly asyncInvokes: WiredAsyncInvoke[] = [];

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    const names = new Set<string>();
    const unique = (name: string, wiring: string) => {
      if (names.has(name)) throw new Error(`${wiring}: rule name "${name}" is used twice`);
      names.add(name);
    };

    for (const w of props.wirings) {
      const fn = props.functionOf(w.name);
      const asyncInvoke = asyncInvokeOf(w);
      // The first rule's queue is also the function's on-failure destination.
      const onFailureToo = () =>
        this.rules.some((r) => r.wiring === w.name) ? '' : '; and the function failing after its retries';
      for (const sub of w.subscriptions ?? []) {
        unique(sub.name, w.name);
        const deadLetter = new DeadLetter(this, `${sub.name}-dlq`, {
          purpose: `${w.name} (subscription ${sub.name}${onFailureToo()})`,
          alarmTopic: props.alarmTopic,
        });
        const rule = new Rule(this, sub.name, {
          eventBus: props.bus,
          description: `${w.name}: ${sub.name}`,
          eventPattern: toCdkEventPattern(sub.pattern, `${w.name} subscription ${sub.name}`),
        });
        rule.addTarget(
          new LambdaFunction(fn, {
            deadLetterQueue: deadLetter.queue,
            retryAttempts: retryAttemptsFor(sub.maxAttempts),
            maxEventAge: MAX_EVENT_AGE,
          }),
        );
        this.rules.push({ wiring: w.name, kind: 'subscription', name: sub.name, rule, deadLetter });
      }
      for (const schedule of w.schedules ?? []) {
        unique(schedule.name, w.name);
        const deadLetter = new DeadLetter(this, `${schedule.name}-dlq`, {
          purpose: `${w.name} (schedule ${schedule.name}${onFailureToo()})`,
          alarmTopic: props.alarmTopic,
        });
        // Scheduled rules live on the default bus: a custom bus only carries events put on it.
        const rule = new Rule(this, schedule.name, {
          description: `${w.name}: ${schedule.name}`,
          schedule: Schedule.expression(schedule.expression),
        });
        rule.addTarget(
          new LambdaFunction(fn, {
            deadLetterQueue: deadLetter.queue,
            // A missed tick is superseded by the next one; retry briefly, keep the failure.
            retryAttempts: SCHEDULE_DELIVERY.maxAttempts - 1,
            maxEventAge: Duration.seconds(SCHEDULE_DELIVERY.maxEventAgeSeconds),
          }),
        );
        this.rules.push({ wiring: w.name, kind: 'schedule', name: schedule.name, rule, deadLetter });
      }
      const first = this.rules.find((r) => r.wiring === w.name);
      if (first) {
        const a = asyncInvoke;
        fn.configureAsyncInvoke({
          onFailure: new SqsDestination(first.deadLetter.queue),
          retryAttempts: a.retryAttempts,
          maxEventAge: Duration.seconds(a.maxEventAgeSeconds),
        });
        this.asyncInvokes.push({ wiring: w.name, ...a, onFailure: first.deadLetter });
      }
    }
  }
}
