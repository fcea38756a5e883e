// A small test-only service that runs its clocks through the platform's clock API exactly as a
// real service does: its own subject type, its own policy, its own command routes, and a typed
// subscription to every Clock.* event of its subject type. Wired into a test runtime only.
import { clockBreachedV1 } from '@fazhi/events/types/clock-breached';
import { clockCancelledV1 } from '@fazhi/events/types/clock-cancelled';
import { clockExtendedV1 } from '@fazhi/events/types/clock-extended';
import { clockMetV1 } from '@fazhi/events/types/clock-met';
import { clockPausedV1 } from '@fazhi/events/types/clock-paused';
import { clockReplannedV1 } from '@fazhi/events/types/clock-replanned';
import { clockResumedV1 } from '@fazhi/events/types/clock-resumed';
import { clockStartedV1 } from '@fazhi/events/types/clock-started';
import { clockWarningDueV1 } from '@fazhi/events/types/clock-warning-due';
import { clockSubscription, registerClockSubject } from '@fazhi/platform/clocks/subjects';

export const TEST_CASE = registerClockSubject({
  type: 'test-case',
  service: 'test-cases',
  name: '测试案件',
  nameEn: 'Test case',
});

export const testCaseClockEvents = clockSubscription(
  TEST_CASE,
  'test-cases-clock-events',
  [
    clockStartedV1,
    clockWarningDueV1,
    clockBreachedV1,
    clockMetV1,
    clockPausedV1,
    clockResumedV1,
    clockExtendedV1,
    clockCancelledV1,
    clockReplannedV1,
  ],
  { maxAttempts: 4 },
);

/** A working-day reply period set by the starting decision (at most 10 working days). */
export const TEST_POLICY = {
  id: 'test.reply',
  name: '测试答复期限',
  nameEn: 'Test reply period',
  startsOn: '测试决定送达之日',
  startsOnEn: 'the day the test decision is served',
  mode: 'dueBy',
  duration: 'P5D',
  counting: 'workingDays',
  rolls: true,
  decided: { required: true, max: 'P10D' },
  warnings: [],
  workdayWarnings: { workingDaysBefore: [1], at: '09:00' },
  escalation: { ackWindow: 'PT10M', remindEvery: 'PT30M' },
  extension: { allowedRoles: ['duty-officer'], consent: 'unlimited' },
  pauseReasons: [
    { code: 'parties-agree', name: '双方当事人同意中止', nameEn: 'Both parties agree to suspend' },
    { code: 'awaiting-materials', name: '等待补充材料', nameEn: 'Awaiting materials' },
  ],
  source: '测试用时限（非法定时限）',
  sourceEn: 'Test period (not a statutory limit)',
  verified: false,
} as const;
