import { catalog } from '@fazhi/events/catalog';
import { detailJsonSchema } from '@fazhi/events/schema-files';
import { httpRoutes } from '@fazhi/platform/http/route';
import { renderDocsPage } from '@fazhi/platform/openapi/docs-page';
import { buildOpenApi } from '@fazhi/platform/openapi/generate';
import type { OpenApiDocument } from '@fazhi/platform/openapi/types';
import { apiDocsWiring } from './wiring';

// Built once per cold start from the same wiring list the gateway routes by, so the reference can
// never describe a route that does not exist. Imported lazily: the list includes this function.
let doc: Promise<OpenApiDocument> | undefined;
const openapi = () => {
  doc ??= import('../../index').then(({ allFunctions }) => buildOpenApi({ functions: allFunctions, catalog }));
  return doc;
};

export const handler = httpRoutes(apiDocsWiring.routes, {
  'GET /v1/catalog': async () => ({
    status: 200,
    headers: { 'cache-control': 'public, max-age=300' },
    body: {
      items: catalog.map((e) => ({
        detailType: e.detailType,
        version: e.version,
        title: e.title,
        titleEn: e.titleEn,
        description: e.description,
        publishers: e.publishers,
        subscribers: e.subscribers,
        schema: detailJsonSchema(e),
        example: e.example,
      })),
    },
  }),
  'GET /openapi.json': async () => ({
    status: 200,
    headers: { 'cache-control': 'public, max-age=300' },
    body: await openapi(),
  }),
  'GET /docs': async () => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' },
    body: renderDocsPage(await openapi()),
  }),
});
