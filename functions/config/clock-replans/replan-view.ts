import type { ReplanItem } from '@fazhi/platform/clocks/replan';
import { toCityIso } from '@fazhi/platform/events/envelope';

/** A re-plan candidate or result as the API answers it: ISO times in the city's offset. */
export const replanView = (r: ReplanItem) => ({ ...r, dueAt: toCityIso(r.dueAt), newDueAt: toCityIso(r.newDueAt) });
