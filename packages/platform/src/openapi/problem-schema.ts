import type { JsonSchema } from './types';

// RFC 9457 problem details, the body of every error response; the same shape as `Problem` in
// ../http/problem.ts (which produces it). `errors` lists validation failures, one per field.
export const PROBLEM_SCHEMA_NAME = 'Problem';

export const problemJsonSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json). Never contains a stack trace.',
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      description:
        'stable identifier of the problem type, e.g. https://fazhi.gov.cn/problems/validation-failed; branch on this, not on title',
    },
    title: { type: 'string', description: 'short human-readable summary of the problem type' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    detail: { type: 'string', description: 'explanation specific to this occurrence' },
    instance: { type: 'string', format: 'uri-reference' },
    errors: {
      type: 'array',
      description: 'validation failures, one per invalid field',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'dotted path of the invalid field, e.g. entries.0.detail.data.uscc' },
          code: { type: 'string', description: 'stable code of the problem with that field, e.g. out-of-bounds' },
          message: { type: 'string' },
        },
        required: ['path', 'code', 'message'],
      },
    },
    correlationId: { type: 'string', description: 'quote it when reporting a problem' },
  },
  required: ['type', 'title', 'status'],
};
