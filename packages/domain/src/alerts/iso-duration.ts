// Just the fixed-length part of ISO 8601 durations (days, hours, minutes, seconds): enough for
// warning offsets and escalation windows. Calendar durations (P1M, P3D as working days) belong
// to the clock policies, not here.
const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `PT30M` → 1_800_000; undefined for anything else (including `P`, `PT` and calendar units). */
export function parseIsoDurationMs(text: string): number | undefined {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  if (d === undefined && h === undefined && min === undefined && s === undefined) return undefined;
  return Number(d ?? 0) * DAY + Number(h ?? 0) * HOUR + Number(min ?? 0) * MINUTE + Math.round(Number(s ?? 0) * SECOND);
}

/** 1_800_000 → `PT30M`; 5h → `PT5H`; 0 → `PT0S`. Days are written as 24-hour multiples of hours. */
export function formatIsoDurationMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`duration must be a non-negative finite number: ${ms}`);
  const total = Math.round(ms);
  const hours = Math.floor(total / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const millis = total % MINUTE;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (millis) out += `${millis % SECOND ? (millis / SECOND).toFixed(3).replace(/0+$/, '') : millis / SECOND}S`;
  return out === 'PT' ? 'PT0S' : out;
}
