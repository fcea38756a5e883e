import { describe, expect, it } from 'vitest';
import { awaitsBreach, raiseAlert } from './alert-state';
import { alarm, ESCALATION, HOUR, MIN, roster, T0 } from './test-fixtures';

describe('a warning alert whose clock has fallen due', () => {
  // Prepare: a PT30M warning raised half an hour before due
  const due = T0 + 2 * HOUR;
  const warning = raiseAlert(
    alarm({ reason: 'warning', warning: 'PT30M', dueAt: due }),
    roster,
    due - 30 * MIN,
    ESCALATION,
  ).state;

  it.each([
    ['before due: it escalates as usual', due - 1, false],
    ['exactly at due: still on time', due, false],
    ['1 ms after due: waits for its breach alert', due + 1, true],
    ['at the end of one ack window past due: still waits', due + ESCALATION.ackWindowMs, true],
    ['after that, no breach came: escalates again', due + ESCALATION.ackWindowMs + 1, false],
  ])('%s', (_, now, expected) => {
    expect(awaitsBreach(warning, now)).toBe(expected);
  });

  it('never holds back a breach alert', () => {
    const breach = raiseAlert(alarm({ reason: 'breach', dueAt: due }), roster, due + 1, ESCALATION).state;
    expect(awaitsBreach(breach, due + 2 * MIN)).toBe(false);
  });
});
