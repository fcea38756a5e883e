// Every time on screen is China Standard Time (UTC+8, no daylight saving), whatever the duty PC's own time zone:
// a deadline read off the board must match the one in the official documents.

const CST_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parts(ms: number) {
  const d = new Date(ms + CST_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  };
}

/** `2026-11-22 14:05:09` */
export function formatDateTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}

/** `14:05:09` */
export function formatTime(ms: number): string {
  const p = parts(ms);
  return `${p.h}:${p.mi}:${p.s}`;
}

/** `2026-11-22T14:05:09+08:00`, the form the API expects. */
export function toChinaIso(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+08:00`;
}

/** Value for an `<input type="datetime-local">` showing China time: `2026-11-22T14:05`. */
export function toLocalInput(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Reads a datetime-local value as China time; undefined when it is not a real instant. */
export function fromLocalInput(value: string): number | undefined {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  // Date.UTC rolls 2026-02-30 over to March; such a value is a typo, not an instant.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return utc - CST_OFFSET_MS;
}

/** Epoch ms of an API timestamp; NaN-safe callers check with Number.isFinite. */
export const instant = (iso: string): number => Date.parse(iso);
