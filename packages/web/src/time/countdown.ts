// How a deadline reads on the board. Thresholds follow the duty practice: more than 2 h is normal, the last
// 2 h need attention, the last 30 min are urgent, and after the deadline the clock keeps counting, negative.

export type Urgency = 'ok' | 'soon' | 'urgent' | 'breached';

export const SOON_MS = 2 * 3_600_000;
export const URGENT_MS = 30 * 60_000;

export function urgencyOf(remainingMs: number): Urgency {
  if (remainingMs < 0) return 'breached';
  if (remainingMs <= URGENT_MS) return 'urgent';
  if (remainingMs <= SOON_MS) return 'soon';
  return 'ok';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `hh:mm:ss`, hours not wrapped at 24 (a press-conference clock shows 23:59:59), prefixed with `-` once overdue.
 * Whole seconds round away from the deadline, so the display reaches 00:00:00 exactly at the due instant and
 * shows -00:00:01 during the first overdue second.
 */
export function formatCountdown(remainingMs: number): string {
  const negative = remainingMs < 0;
  const total = Math.ceil(Math.abs(remainingMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${negative ? '-' : ''}${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** Reads an ISO 8601 duration of the kind policies use for warnings (`PT1H`, `PT30M`, `P1DT2H`) as ms. */
export function durationMs(iso: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const [d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number];
  return ((d * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}
