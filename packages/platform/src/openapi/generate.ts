import type { CatalogEntry } from '@fazhi/events/catalog';
import { detailJsonSchema } from '@fazhi/events/schema-files';
import type { FunctionWiring, RouteAuth, RouteWiring } from '../wiring';
import { addComponent, componentName, componentRef, hoistJsonSchema, zodToOpenApiSchema } from './json-schema';
import { PROBLEM_SCHEMA_NAME, problemJsonSchema } from './problem-schema';
import type {
  CatalogDoc,
  HttpMethod,
  JsonSchema,
  OpenApiDocument,
  Operation,
  Parameter,
  Response,
  SecurityRequirement,
  SecurityScheme,
} from './types';

// Builds /openapi.json from the same wiring the CDK app and the local runtime read, so the
// reference cannot describe a route that is not deployed or miss one that is.

export interface BuildOpenApiInput {
  functions: readonly FunctionWiring[];
  catalog: readonly CatalogEntry[];
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string; description?: string }[];
}

export const SECURITY_SCHEMES: Record<'apiKey' | 'user', SecurityScheme> = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'fz_…',
    description: 'Department API key fz_… (部门接口密钥): `Authorization: Bearer fz_…`',
  },
  user: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A person signed in (JWT): `Authorization: Bearer <JWT>`',
  },
};

const METHOD_ORDER: readonly HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

/** OpenAPI 3.1 lets non-OAuth requirements list role names; the user scheme carries the route's roles. */
function securityOf(auth: RouteAuth, roles: string[]): SecurityRequirement[] {
  switch (auth) {
    case 'apiKey':
      return [{ apiKey: [] }];
    case 'user':
      return [{ user: roles }];
    case 'either':
      return [{ apiKey: [] }, { user: roles }];
    case 'none':
      return [];
  }
}

/** `getV1EventsByEventId` from `GET /v1/events/{eventId}`. */
function operationIdOf(route: RouteWiring): string {
  const words = route.path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const param = /^\{(.+?)\+?\}$/.exec(segment);
      return param ? `By-${param[1]}` : segment;
    })
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  return [route.method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}

/** API Gateway's greedy `{proxy+}` is `{proxy}` in OpenAPI. */
function openApiPath(path: string): string {
  return path.replace(/\{([^}]+?)\+\}/g, '{$1}');
}

function pathParameters(path: string): Parameter[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1] ?? '',
    in: 'path' as const,
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(schema: JsonSchema, where: string): Parameter[] {
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) {
    throw new Error(`${where}: doc.query must be a zod object schema`);
  }
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query' as const,
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const IDEMPOTENCY_KEY: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Unique per logical request (e.g. a ULID). Retrying with the same key returns the first answer instead of acting twice. 同一业务请求重试时使用相同的键。',
  schema: { type: 'string', minLength: 1, maxLength: 128 },
};

const PROBLEM_CONTENT = 'application/problem+json';

function problemResponse(description: string, schema?: JsonSchema): Response {
  const problem = componentRef(PROBLEM_SCHEMA_NAME);
  return { description, content: { [PROBLEM_CONTENT]: { schema: schema ? { allOf: [problem, schema] } : problem } } };
}

function buildOperation(fn: FunctionWiring, route: RouteWiring, components: Record<string, JsonSchema>): Operation {
  const { doc } = route;
  const operationId = operationIdOf(route);
  const where = `${fn.name} ${route.method} ${route.path}`;
  const roles = doc.roles ?? [];

  const parameters: Parameter[] = pathParameters(openApiPath(route.path));
  if (doc.params) {
    const declared = zodToOpenApiSchema(doc.params, 'input', `${operationId}.Params`, components);
    const props = (declared.properties ?? {}) as Record<string, JsonSchema>;
    for (const p of parameters) {
      const { description, ...schema } = props[p.name] ?? {};
      if (Object.keys(schema).length > 0) p.schema = schema;
      if (typeof description === 'string') p.description = description;
    }
  }
  if (doc.query) {
    const query = zodToOpenApiSchema(doc.query, 'input', `${operationId}.Query`, components);
    parameters.push(...queryParameters(query, where));
  }
  // Every department POST carries one (DESIGN.md "Idempotent everywhere"); a person's browser may too.
  if (route.method === 'POST' && route.auth !== 'none' && route.auth !== 'user') {
    parameters.push({ ...IDEMPOTENCY_KEY, required: route.auth === 'apiKey' });
  }

  const responses: Record<string, Response> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    const code = Number(status);
    const schema = response.schema
      ? zodToOpenApiSchema(response.schema, 'output', `${operationId}.${status}`, components)
      : undefined;
    if (code >= 400) {
      responses[status] = problemResponse(response.description, schema);
    } else {
      responses[status] = {
        description: response.description,
        ...(schema ? { content: { 'application/json': { schema } } } : {}),
      };
    }
  }
  // Errors every such route can answer, documented even when the wiring does not list them.
  // Statuses follow ../http/route.ts: malformed JSON 400, a body or query failing its schema 422.
  if (doc.body && !responses['400']) {
    responses['400'] = problemResponse('Malformed JSON 请求体不是合法的 JSON');
  }
  if ((doc.body || doc.query) && !responses['422']) {
    responses['422'] = problemResponse('Request failed validation: see errors[] 请求参数不合法');
  }
  if (route.auth !== 'none' && !responses['401']) {
    responses['401'] = problemResponse('Missing or invalid credentials 未认证');
  }
  if (roles.length > 0 && !responses['403']) {
    responses['403'] = problemResponse('The caller lacks a required role 无权限');
  }

  const operation: Operation = {
    operationId,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: doc.tags && doc.tags.length > 0 ? doc.tags : [fn.service],
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: sortByKey(responses),
    security: securityOf(route.auth, roles),
    'x-fazhi-auth': route.auth,
    ...(roles.length > 0 ? { 'x-fazhi-roles': roles } : {}),
    'x-fazhi-function': fn.name,
  };
  if (doc.body) {
    const body = zodToOpenApiSchema(doc.body, 'input', `${operationId}.Body`, components);
    operation.requestBody = { required: true, content: { 'application/json': { schema: body } } };
  }
  return operation;
}

function sortByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Name of an event's detail schema in `components.schemas`, e.g. `EnforcementLead.Shared.v1`. */
export function eventSchemaName(entry: Pick<CatalogEntry, 'detailType' | 'version'>): string {
  return componentName(`${entry.detailType}.v${entry.version}`);
}

function catalogDocs(catalog: readonly CatalogEntry[], components: Record<string, JsonSchema>): CatalogDoc[] {
  return catalog.map((entry) => {
    const name = eventSchemaName(entry);
    addComponent(components, name, hoistJsonSchema(detailJsonSchema(entry), name, components));
    return {
      detailType: entry.detailType,
      version: entry.version,
      title: entry.title,
      titleEn: entry.titleEn,
      description: entry.description,
      ...(entry.descriptionEn ? { descriptionEn: entry.descriptionEn } : {}),
      schema: componentRef(name),
      publishers: entry.publishers,
      subscribers: entry.subscribers,
      example: entry.example,
    };
  });
}

export function buildOpenApi(input: BuildOpenApiInput): OpenApiDocument {
  const components: Record<string, JsonSchema> = { [PROBLEM_SCHEMA_NAME]: problemJsonSchema };
  const paths: OpenApiDocument['paths'] = {};
  const tagOrder: string[] = [];
  const operationIds = new Set<string>();

  for (const fn of input.functions) {
    for (const route of fn.routes ?? []) {
      const path = openApiPath(route.path);
      const method = route.method.toLowerCase() as HttpMethod;
      const item = paths[path] ?? {};
      if (item[method]) {
        throw new Error(
          `${route.method} ${route.path} is wired twice (${item[method]['x-fazhi-function']}, ${fn.name})`,
        );
      }
      const operation = buildOperation(fn, route, components);
      if (operationIds.has(operation.operationId)) {
        throw new Error(
          `operationId ${operation.operationId} is not unique (${fn.name} ${route.method} ${route.path})`,
        );
      }
      operationIds.add(operation.operationId);
      for (const tag of operation.tags) if (!tagOrder.includes(tag)) tagOrder.push(tag);
      item[method] = operation;
      paths[path] = item;
    }
  }

  const events = catalogDocs(input.catalog, components);
  const sortedPaths = Object.fromEntries(
    Object.entries(sortByKey(paths)).map(([path, item]) => [
      path,
      Object.fromEntries(METHOD_ORDER.filter((m) => item[m]).map((m) => [m, item[m]])),
    ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: input.info?.title ?? '法治协同 Fazhi API',
      version: input.info?.version ?? '0.1.0',
      description:
        input.info?.description ??
        '跨部门协同的事件交换、法定时限与值班预警接口。Cross-department event exchange, statutory deadlines and on-duty alerts.',
    },
    ...(input.servers && input.servers.length > 0 ? { servers: input.servers } : {}),
    tags: tagOrder.map((name) => ({ name })),
    paths: sortedPaths,
    components: {
      schemas: sortByKey(components),
      securitySchemes: { apiKey: SECURITY_SCHEMES.apiKey, user: SECURITY_SCHEMES.user },
    },
    'x-fazhi-event-catalog': events,
  };
}
