export * from './beijing-time';
export * from './clock-kinds';
export * from './incident-events';
export * from './incident-state';
export * from './levels';
export * from './opinion-error';
export * from './schemas';
export * from './timeline';
