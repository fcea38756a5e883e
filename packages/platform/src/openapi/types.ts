import type { Audience } from '@fazhi/events/catalog';

// The subset of OpenAPI 3.1 this platform emits, typed so the docs page reads what the generator
// wrote without casts. JSON Schemas stay plain objects: they come from z.toJSONSchema.

export type JsonSchema = Record<string, unknown>;

export interface MediaType {
  schema: JsonSchema;
}

export interface Response {
  description: string;
  content?: Record<string, MediaType>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, Response>;
  security: SecurityRequirement[];
  'x-fazhi-auth': 'apiKey' | 'user' | 'either' | 'none';
  'x-fazhi-roles'?: string[];
  'x-fazhi-function': string;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

export type PathItem = Partial<Record<HttpMethod, Operation>>;

export interface SecurityScheme {
  type: 'http';
  scheme: 'bearer';
  bearerFormat?: string;
  description?: string;
}

export interface CatalogDoc {
  detailType: string;
  version: number;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn?: string;
  /** `$ref` to the detail schema in `components.schemas`. */
  schema: { $ref: string };
  publishers: Audience;
  subscribers: Audience;
  example: unknown;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, SecurityScheme>;
  };
  'x-fazhi-event-catalog': CatalogDoc[];
}
