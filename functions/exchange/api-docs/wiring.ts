import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const apiDocsWiring = defineFunction({
  name: 'exchange-api-docs',
  service: 'exchange',
  description: 'The event catalog, the OpenAPI document and the readable API reference',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/catalog',
      auth: 'none',
      doc: {
        summary: 'The event catalog: every detail-type, its versioned JSON Schema, who may publish and who receives it',
        tags: ['exchange'],
        responses: { 200: { description: 'The catalog' } },
      },
    },
    {
      method: 'GET',
      path: '/openapi.json',
      auth: 'none',
      doc: {
        summary: 'This API as OpenAPI 3.1',
        tags: ['reference'],
        responses: { 200: { description: 'OpenAPI document' } },
      },
    },
    {
      method: 'GET',
      path: '/docs',
      auth: 'none',
      doc: {
        summary: 'Readable API reference (HTML)',
        tags: ['reference'],
        responses: { 200: { description: 'HTML page' } },
      },
    },
  ],
  permissions: [],
  memoryMb: 512,
});
