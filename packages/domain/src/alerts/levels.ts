// The duty chain an alert climbs: on-duty officer (值班员) → leader on duty (带班领导) → department head.
export const ALERT_LEVELS = ['officer', 'leader', 'head'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export function levelRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

/** The next level up the chain; undefined at the head, where escalation stops and reminders take over. */
export function levelAbove(level: AlertLevel): AlertLevel | undefined {
  return ALERT_LEVELS[levelRank(level) + 1];
}
