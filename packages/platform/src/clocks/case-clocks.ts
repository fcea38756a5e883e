// What a case service does with its domain's clock intents, the same for mediation, transfers and
// any service after them: map each intent (named by the case's own key) to the platform's
// ClockCommand under the clock id `<caseId>.<key>`, and show a case's clocks in its view.
import type { ClockIntent } from '@fazhi/domain/clocks/clock-intent';
import * as z from 'zod';
import { toCityIso } from '../events/envelope';
import type { StartClockSpec } from './clock-changes';
import type { ClockCommand } from './clock-plan';
import type { ClockLabels, ClockRecord } from './clock-record';

export const caseClockId = (caseId: string, key: string) => `${caseId}.${key}`;

/** Who answers a started clock and what it is called; the service knows, from its case. */
export interface CaseClockStart {
  subject: StartClockSpec['subject'];
  departmentId: string;
  labels: ClockLabels;
}

export function caseClockCommand<K extends string>(
  caseId: string,
  i: ClockIntent<K>,
  started: (key: K) => CaseClockStart,
): ClockCommand {
  const clockId = caseClockId(caseId, i.key);
  switch (i.kind) {
    case 'start': {
      const { subject, departmentId, labels } = started(i.key);
      return {
        kind: 'start',
        spec: {
          id: clockId,
          policyId: i.policyId,
          subject,
          departmentId,
          startedAt: i.startedAt,
          ...(i.period ? { period: i.period } : {}),
          ...labels,
        },
      };
    }
    case 'meet':
      return { kind: 'meet', clockId, at: i.at };
    case 'cancel':
      return { kind: 'cancel', clockId, reason: i.reason };
    case 'pause': {
      const { kind: _k, key: _key, ...command } = i;
      return { kind: 'pause', clockId, command };
    }
    case 'resume': {
      const { kind: _k, key: _key, ...command } = i;
      return { kind: 'resume', clockId, command };
    }
    case 'extend': {
      const { kind: _k, key: _key, ...command } = i;
      return { kind: 'extend', clockId, command };
    }
  }
}

/** The HTTP contract of a case's clock in a case view (caseClockView). */
export const caseClockViewSchema = z.object({
  key: z.string(),
  id: z.string(),
  policyId: z.string(),
  label: z.string(),
  departmentId: z.string().describe('the department whose people on duty answer for it'),
  status: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
  startedAt: z.string(),
  dueAt: z.string(),
  provisional: z.boolean(),
  metAt: z.string().optional(),
  breachedAt: z.string().optional(),
  extensions: z.number().int(),
  pauses: z.number().int(),
});

/** A case's clock as the case view shows it: ISO times in the city's offset, counts of its changes. */
export function caseClockView(key: string, r: ClockRecord) {
  return {
    key,
    id: r.id,
    policyId: r.policyId,
    label: r.label,
    departmentId: r.departmentId,
    status: r.status,
    startedAt: toCityIso(r.startedAt),
    dueAt: toCityIso(r.dueAt),
    provisional: r.provisionalYears.length > 0,
    ...(r.metAt !== undefined ? { metAt: toCityIso(r.metAt) } : {}),
    ...(r.breachedAt !== undefined ? { breachedAt: toCityIso(r.breachedAt) } : {}),
    extensions: r.extensions.length,
    pauses: r.pauses.length,
  };
}
