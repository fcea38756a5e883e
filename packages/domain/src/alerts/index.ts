export * from './alert-error';
export * from './alert-events';
export * from './alert-state';
export * from './alert-supersede';
export * from './levels';
export * from './roster';
export * from './roster-schema';
