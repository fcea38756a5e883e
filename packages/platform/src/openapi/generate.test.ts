import { catalog } from '@fazhi/events/catalog';
import { describe, expect, it } from 'vitest';
import type { FunctionWiring } from '../wiring';
import { buildOpenApi, eventSchemaName } from './generate';
import { testWirings } from './test-wirings';
import type { HttpMethod, OpenApiDocument, Operation } from './types';

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

function operations(doc: OpenApiDocument): { path: string; method: HttpMethod; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] }] : [])),
  );
}

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

function collectKeys(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) collectKeys(item, key, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, value] of Object.entries(node)) {
      if (k === key) found.push(value);
      collectKeys(value, key, found);
    }
  }
  return found;
}

/** Resolves a local JSON Pointer reference (`#/a/b~1c`) against the document. */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const doc = buildOpenApi({ functions: testWirings, catalog });

describe('buildOpenApi structure', () => {
  it('is OpenAPI 3.1.0 with info, paths and components, and survives a JSON round trip', () => {
    // Assess
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).not.toBe('');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('documents every wired route once, each with responses that have descriptions', () => {
    // Prepare
    const wired = testWirings.flatMap((fn) => (fn.routes ?? []).map((r) => `${r.method} ${r.path.replace('+}', '}')}`));
    // Act
    const documented = operations(doc).map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    // Assess
    expect(documented.sort()).toEqual(wired.sort());
    for (const { op } of operations(doc)) {
      expect(Object.keys(op.responses).length, op.operationId).toBeGreaterThan(0);
      for (const response of Object.values(op.responses)) expect(response.description).not.toBe('');
    }
  });

  it('resolves every $ref inside the document', () => {
    // Act
    const refs = collectRefs(doc);
    const unresolved = refs.filter((ref) => resolve(doc, ref) === undefined);
    // Assess
    expect(refs.length).toBeGreaterThan(0);
    expect(unresolved).toEqual([]);
  });

  it('leaves no $defs or per-schema $schema inside the document', () => {
    // Act / Assess
    expect(collectKeys(doc, '$defs')).toEqual([]);
    expect(collectKeys(doc, '$schema')).toEqual([]);
  });

  it('gives every operation a unique id', () => {
    // Act
    const ids = operations(doc).map(({ op }) => op.operationId);
    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('getV1EventsByEventId');
  });
});

describe('buildOpenApi parameters', () => {
  it('declares every path parameter, and only those', () => {
    for (const { path, op } of operations(doc)) {
      // Prepare
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      // Act
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      // Assess
      expect(declared.map((p) => p.name).sort(), path).toEqual(inPath.sort());
      for (const p of declared) expect(p.required).toBe(true);
    }
  });

  it('writes the greedy {proxy+} path as {proxy}', () => {
    // Assess
    expect(doc.paths['/files/{proxy}']?.get?.parameters?.[0]?.name).toBe('proxy');
  });

  it('turns the zod query into query parameters; a default makes a parameter optional', () => {
    // Act
    const params = doc.paths['/v1/inbox']?.get?.parameters ?? [];
    // Assess
    expect(params.map((p) => [p.name, p.in, p.required])).toEqual([
      ['cursor', 'query', false],
      ['limit', 'query', false],
      ['since', 'query', true],
    ]);
    expect(params[0]?.description).toBe('from the previous page');
  });

  it('requires Idempotency-Key on department POSTs', () => {
    // Act
    const publish = doc.paths['/v1/events']?.post?.parameters ?? [];
    const ack = doc.paths['/v1/alerts/{id}/ack']?.post?.parameters ?? [];
    // Assess
    expect(publish.find((p) => p.name === 'Idempotency-Key')).toMatchObject({ in: 'header', required: true });
    expect(ack.find((p) => p.name === 'Idempotency-Key')).toBeUndefined();
  });

  it('refuses a query schema that is not an object', () => {
    // Prepare
    const [first] = testWirings;
    const wiring: FunctionWiring = {
      ...first!,
      routes: [
        {
          method: 'GET',
          path: '/q',
          auth: 'none',
          doc: { summary: 'q', query: catalog[0]!.data.array(), responses: {} },
        },
      ],
    };
    // Act / Assess
    expect(() => buildOpenApi({ functions: [wiring], catalog: [] })).toThrow(/doc.query must be a zod object/);
  });
});

describe('buildOpenApi security and errors', () => {
  it('maps each route auth to the security schemes, with roles on the user scheme', () => {
    // Assess
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.apiKey?.description).toContain('fz_');
    expect(doc.components.securitySchemes.user).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.paths['/v1/events']?.post?.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/v1/events/{eventId}']?.get?.security).toEqual([{ apiKey: [] }, { user: [] }]);
    expect(doc.paths['/v1/alerts/{id}/ack']?.post?.security).toEqual([{ user: ['duty-officer', 'duty-leader'] }]);
    expect(doc.paths['/healthz']?.get?.security).toEqual([]);
  });

  it('answers errors with the shared RFC 9457 Problem schema', () => {
    // Act
    const errorResponses = operations(doc).flatMap(({ op }) =>
      Object.entries(op.responses).filter(([status]) => Number(status) >= 400),
    );
    // Assess
    expect(errorResponses.length).toBeGreaterThan(0);
    for (const [, response] of errorResponses) {
      expect(response.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
    expect(Object.keys(doc.components.schemas.Problem?.properties as object)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'errors', 'correlationId']),
    );
  });

  it('adds 400, 401, 403 and 422 where the route can answer them', () => {
    // Act
    const publish = Object.keys(doc.paths['/v1/events']?.post?.responses ?? {});
    const ack = Object.keys(doc.paths['/v1/alerts/{id}/ack']?.post?.responses ?? {});
    const inbox = Object.keys(doc.paths['/v1/inbox']?.get?.responses ?? {});
    const health = Object.keys(doc.paths['/healthz']?.get?.responses ?? {});
    // Assess
    expect(publish).toEqual(['202', '400', '401', '403', '422']);
    expect(ack).toEqual(['200', '400', '401', '403', '409', '422']);
    expect(inbox).toEqual(['200', '401', '422']);
    expect(health).toEqual(['200']);
  });

  it('refuses two wirings of the same method and path', () => {
    // Prepare
    const twice = [testWirings[0]!, { ...testWirings[0]!, name: 'copy' }];
    // Act / Assess
    expect(() => buildOpenApi({ functions: twice, catalog: [] })).toThrow(/POST \/v1\/events is wired twice/);
  });
});

describe('buildOpenApi schemas', () => {
  it('moves a zod schema with an id to one shared component', () => {
    // Act
    const responseSchema =
      doc.paths['/v1/events/{eventId}']?.get?.responses['200']?.content?.['application/json']?.schema;
    // Assess
    expect(doc.components.schemas.DepartmentRef).toMatchObject({ type: 'object' });
    expect(responseSchema?.properties).toEqual({ sender: { $ref: '#/components/schemas/DepartmentRef' } });
  });

  it('names a recursive schema as a component that refers to itself', () => {
    // Act
    const schema = doc.paths['/v1/categories']?.get?.responses['200']?.content?.['application/json']?.schema;
    // Assess
    expect(schema).toEqual({ $ref: '#/components/schemas/getV1Categories.200' });
    expect(collectRefs(doc.components.schemas['getV1Categories.200'])).toContain(
      '#/components/schemas/getV1Categories.200',
    );
  });

  it('includes every catalog event detail schema and lists the catalog', () => {
    // Act
    const listed = doc['x-fazhi-event-catalog'];
    // Assess
    expect(listed.map((e) => `${e.detailType}@${e.version}`)).toEqual(
      catalog.map((e) => `${e.detailType}@${e.version}`),
    );
    for (const entry of catalog) {
      const schema = doc.components.schemas[eventSchemaName(entry)];
      expect(schema?.properties, entry.detailType).toHaveProperty('meta');
      expect(schema?.properties, entry.detailType).toHaveProperty('data');
    }
    expect(listed[0]?.schema).toEqual({ $ref: '#/components/schemas/EnforcementLead.Shared.v1' });
    expect(listed[0]?.example).toEqual(catalog[0]?.example);
  });

  it('documents the request body as the client sends it', () => {
    // Act
    const body = doc.paths['/v1/events']?.post?.requestBody;
    // Assess
    expect(body?.required).toBe(true);
    expect(body?.content['application/json']?.schema.required).toEqual(['detailType', 'detail']);
  });
});
