// Public API of the integrity domain (政务失信记录, DOMAIN.md §5; docs/INTEGRITY.md):
// `import { decide, subjectCreditStatus, ... } from '@fazhi/domain/integrity/index'`.
export * from './cross-check';
export * from './integrity-clocks';
export * from './integrity-state';
export * from './integrity-types';
export * from './sme-payment';
export * from './subject';
