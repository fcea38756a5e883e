// Public API of the transfers domain (行刑衔接, DOMAIN.md §4; docs/TRANSFERS.md):
// `import { decide, detectFlags, ... } from '@fazhi/domain/transfers/index'`.
export * from './advice';
export * from './detection';
export * from './documents';
export * from './figures';
export * from './recommendation';
export * from './thresholds';
export * from './transfer-clocks';
export * from './transfer-state';
export * from './transfer-types';
