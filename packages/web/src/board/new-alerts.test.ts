import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertLevel } from '../api/types';
import { diffAlerts } from './new-alerts';
import { anAlert } from './test-data';

describe('diffAlerts', () => {
  it('does not ring for what is already there at the first poll', () => {
    expect(diffAlerts(undefined, [anAlert(), anAlert()]).announce).toEqual([]);
  });

  it('rings for a new alert and for an escalation, not for one unchanged', () => {
    // Prepare
    const kept = anAlert({ id: 'a' });
    const escalating = anAlert({ id: 'b', level: 'officer' });
    const { seen } = diffAlerts(undefined, [kept, escalating]);
    const fresh = anAlert({ id: 'c' });
    const escalated = { ...escalating, level: 'leader' as const };

    // Act
    const { announce } = diffAlerts(seen, [kept, escalated, fresh]);

    // Assess
    expect(announce.map((a) => a.id)).toEqual(['b', 'c']);
  });

  it('announces each alert and level at most once over any sequence of polls (property)', () => {
    const level = fc.constantFrom<AlertLevel>('officer', 'leader', 'head');
    const poll = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), level }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(poll, { minLength: 1, maxLength: 10 }), (polls) => {
        let seen: ReturnType<typeof diffAlerts>['seen'] | undefined;
        let previous = new Map<string, AlertLevel>();
        for (const items of polls) {
          const current = [...new Map(items.map((i) => [i.id, i])).values()].map((i) => anAlert(i));
          const diff = diffAlerts(seen, current);
          for (const a of diff.announce) expect(previous.get(a.id)).not.toBe(a.level);
          seen = diff.seen;
          previous = new Map(current.map((a) => [a.id, a.level]));
        }
      }),
    );
  });
});
