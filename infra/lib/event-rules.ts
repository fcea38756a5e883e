import type { FunctionWiring } from '@fazhi/platform/wiring';
import { Duration } from 'aws-cdk-lib';
import { type IEventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DeadLetter } from './dead-letter';
import { toCdkEventPattern } from './event-pattern';

// Subscriptions and schedules: one EventBridge rule each, a Lambda target with a bounded retry
// policy and its own dead-letter queue.
//
// There are deliberately NO EventBridge API destinations here, although webhooks to departments
// look like their use case. Each webhook body must be signed with HMAC-SHA256 under the receiving
// department's secret, which an API destination cannot compute per body (it only adds static
// headers), and departments register or change webhooks at run time through the API, while API
// destinations and connections exist only as deployed resources. The `exchange-deliver-webhook`
// function (permission `webhook:call`) does the signed delivery, with this same retry + DLQ shape.

/** Attempts when a subscription does not say: a few quick retries, then the dead-letter queue. */
export const DEFAULT_MAX_ATTEMPTS = 8;
/** EventBridge retries for at most a day anyway; an older event is dead-lettered, not dropped. */
export const MAX_EVENT_AGE = Duration.hours(24);

/**
 * `maxAttempts` counts every delivery, the first included; EventBridge's `MaximumRetryAttempts`
 * counts only the retries after the first (0–185).
 */
export function retryAttemptsFor(maxAttempts: number | undefined): number {
  const attempts = maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return Math.min(185, Math.max(0, Math.floor(attempts) - 1));
}

export interface EventRulesProps {
  wirings: readonly FunctionWiring[];
  functionOf: (name: string) => IFunction;
  bus: IEventBus;
  alarmTopic: ITopic;
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

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    const names = new Set<string>();
    const unique = (name: string, wiring: string) => {
      if (names.has(name)) throw new Error(`${wiring}: rule name "${name}" is used twice`);
      names.add(name);
    };

    for (const w of props.wirings) {
      const fn = props.functionOf(w.name);
      for (const sub of w.subscriptions ?? []) {
        unique(sub.name, w.name);
        const deadLetter = new DeadLetter(this, `${sub.name}-dlq`, {
          purpose: `${w.name} (subscription ${sub.name})`,
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
          purpose: `${w.name} (schedule ${schedule.name})`,
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
            retryAttempts: 2,
            maxEventAge: Duration.minutes(5),
          }),
        );
        this.rules.push({ wiring: w.name, kind: 'schedule', name: schedule.name, rule, deadLetter });
      }
    }
  }
}
