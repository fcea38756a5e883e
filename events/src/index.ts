export { catalog, detailSchemaOf, findCatalogEntry } from './catalog';
export type { Audience, CatalogEntry } from './catalog-entry';
export { defineEntry } from './catalog-entry';
export { DEPARTMENT_KINDS, type DepartmentKind, departmentKindSchema } from './department-kind';
export {
  correlationIdSchema,
  detailSchemaFor,
  type EventDetail,
  type EventMeta,
  eventIdSchema,
  eventMetaSchema,
  type PostedDetail,
  type PostedMeta,
  postedDetailSchema,
  postedDetailSchemaFor,
  postedMetaSchema,
  type StampInput,
  stampDetail,
} from './envelope';
export { departmentIdSchema, isoDateTimeSchema, isoDurationSchema } from './fields';
export { detailJsonSchema, exampleFileName, generatedSchemaFiles, schemaFileName } from './schema-files';
export { isValidUscc, USCC_CHARSET, usccCheckChar, usccSchema } from './uscc';
