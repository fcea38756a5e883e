// Public API of the clock engine: `import { ... } from '@fazhi/domain/clocks/index'`.
export {
  type CalendarYear,
  calendarYearSchema,
  type DayKind,
  HolidayCalendar,
  loadCalendarOverride,
  packagedCalendar,
  parseCalendarYears,
} from './calendar';
export {
  addCityMonths,
  CITY_TIME_ZONE,
  CITY_UTC_OFFSET_MS,
  type CivilDate,
  cityDayOf,
  cityInstant,
  civilFromDay,
  DAY_MS,
  dayFromCivil,
  dayOfIsoDate,
  endOfCityDay,
  formatCityInstant,
  isoDateOfDay,
  startOfCityDay,
  weekdayOfDay,
} from './city-time';
export {
  CLOCK_EVENT_TYPES,
  type ClockEvent,
  type ClockEventBase,
  type ClockEventType,
  type ClockSubject,
} from './clock-events';
export {
  type ClockContext,
  type ClockExtension,
  type ClockPause,
  type ClockState,
  type ClockStatus,
  type ClockTransition,
  cancelClock,
  type ExtendClockCommand,
  extendClock,
  meetClock,
  nextDueInstant,
  pauseClock,
  resumeClock,
  type StartClockInput,
  startClock,
  tickClock,
} from './clock-state';
export {
  DEFAULT_POLICY_LIST,
  INTEGRITY_POLICIES,
  MEDIATION_POLICIES,
  OPINION_POLICIES,
  TRANSFER_POLICIES,
} from './default-policies';
export {
  COUNTING_MODES,
  type CountingMode,
  computeDue,
  type DueRule,
  dueAfterExtension,
  dueAfterPause,
  durationInCountingUnits,
} from './due';
export {
  type Duration,
  durationDays,
  durationMonths,
  durationMs,
  formatDuration,
  isFixedDuration,
  isZeroDuration,
  parseDuration,
} from './duration';
export {
  CalendarDataError,
  CalendarYearNotLoadedError,
  CityTimeError,
  ClockError,
  type ClockErrorCode,
  ClockExtensionError,
  ClockPolicyError,
  ClockTransitionError,
  DurationParseError,
  UnknownClockPolicyError,
} from './errors';
export {
  applyPolicyOverrides,
  buildPolicyCatalog,
  defaultPolicies,
  getClockPolicy,
  type PolicyCatalog,
} from './policies';
export {
  type ClockPolicy,
  clockPolicySchema,
  type EscalationRule,
  type ExtensionRule,
} from './policy-schema';
