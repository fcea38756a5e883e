// Business and platform metrics, in CloudWatch's embedded metric format (EMF) through Powertools
// Metrics: in Lambda a metric is one JSON line on stdout that CloudWatch Logs turns into a metric
// (no PutMetricData call, no SDK, nothing in the request path). On the local runtime the same EMF
// document goes to the logger at debug level: no AWS call, nothing on stdout unless asked for.
//
// Each metric is declared once, here; the CDK app (infra/lib/observability.ts) builds its alarms
// and dashboard from these same declarations, so an alarm cannot watch a name nothing publishes.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { optionalEnv } from './env';
import { logger } from './logger';

export const METRICS_NAMESPACE = 'Fazhi';

export interface MetricDefinition {
  name: string;
  unit: (typeof MetricUnit)[keyof typeof MetricUnit];
  /** The `service` dimension Powertools adds: the service of the function that publishes it. */
  service: string;
  description: string;
  /** Published on every run of a scheduled function, 0 included, so CloudWatch bills it all month. */
  everyRun?: boolean;
}

export const METRICS = {
  eventsAccepted: {
    name: 'EventsAccepted',
    unit: MetricUnit.Count,
    service: 'exchange',
    description: 'Events departments posted that were accepted and stored (POST /v1/events, replays excluded)',
  },
  deadlinesBreached: {
    name: 'DeadlinesBreached',
    unit: MetricUnit.Count,
    service: 'clocks',
    description: 'Clocks that passed their due instant unmet (Clock.Breached committed by the sweep)',
  },
  alertsUnacknowledged: {
    name: 'AlertsUnacknowledged',
    unit: MetricUnit.Count,
    service: 'alerts',
    description: 'Alerts whose acknowledgement window ran out unacknowledged (escalated one level by the sweep)',
  },
  outboxOldestPending: {
    name: 'OutboxOldestPendingAge',
    unit: MetricUnit.Seconds,
    service: 'platform',
    description:
      'Age of the oldest outbox event the stream relay left pending past its window (0: none), read by each outbox sweep',
    everyRun: true,
  },
  clockSweepLag: {
    name: 'ClockSweepLag',
    unit: MetricUnit.Seconds,
    service: 'clocks',
    description: 'Now minus the oldest due-but-unfired clock at the start of each clock sweep (0: nothing due)',
    everyRun: true,
  },
} as const satisfies Record<string, MetricDefinition>;

const publishers = new Map<string, Metrics>();
function publisherOf(service: string): Metrics {
  let m = publishers.get(service);
  if (!m) {
    m = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service, logger });
    publishers.set(service, m);
  }
  return m;
}

/**
 * Publishes one data point at once (one EMF line). Metrics are never kept across calls, so the
 * local runtime, which runs many handlers in one process, cannot mix one handler's into another's.
 */
export function emitMetric(metric: MetricDefinition, value: number): void {
  const m = publisherOf(metric.service);
  m.addMetric(metric.name, metric.unit, value);
  if (optionalEnv('FAZHI_RUNTIME', 'local') === 'aws') {
    m.publishStoredMetrics();
    return;
  }
  const emf = m.serializeMetrics();
  m.clearMetrics();
  logger.debug('metric', { emf });
}
