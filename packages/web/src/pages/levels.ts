import type { IncidentLevel } from '../api/types';

export const LEVELS: readonly IncidentLevel[] = ['I', 'II', 'III', 'IV', 'hot'];
