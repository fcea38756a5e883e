import * as z from 'zod';
import type { FunctionWiring } from '../wiring';

// Fake wirings for the OpenAPI and docs-page tests: every auth kind, path and query parameters,
// a greedy path, a shared schema with a zod id, a recursive schema, and text that must be escaped.

const Department = z.object({ id: z.string(), name: z.string() }).meta({ id: 'DepartmentRef' });

interface Category {
  name: string;
  children: Category[];
}
const CategoryTree: z.ZodType<Category> = z.object({
  name: z.string(),
  get children() {
    return z.array(CategoryTree);
  },
});

export const testWirings: FunctionWiring[] = [
  {
    name: 'exchange-publish',
    service: 'exchange',
    description: 'publish',
    entry: '/dev/null',
    permissions: [],
    table: { write: ['EVENT#'] },
    routes: [
      {
        method: 'POST',
        path: '/v1/events',
        auth: 'apiKey',
        doc: {
          summary: '发布事件 Publish an event',
          tags: ['事件交换 Exchange'],
          body: z.object({ detailType: z.string(), detail: z.object({ data: z.record(z.string(), z.unknown()) }) }),
          responses: {
            202: {
              description: 'Accepted',
              schema: z.object({ eventId: z.string(), deliver: z.array(Department), refused: z.array(z.string()) }),
            },
            403: { description: 'Not allowed to publish this type' },
          },
        },
      },
      {
        method: 'GET',
        path: '/v1/events/{eventId}',
        auth: 'either',
        doc: {
          summary: 'One event',
          tags: ['事件交换 Exchange'],
          responses: {
            200: { description: 'The event', schema: z.object({ sender: Department }) },
            404: { description: 'No such event' },
          },
        },
      },
      {
        method: 'POST',
        path: '/v1/events/{eventId}/receipts',
        auth: 'apiKey',
        doc: {
          summary: 'Acknowledge receipt',
          tags: ['事件交换 Exchange'],
          responses: { 201: { description: 'Recorded' } },
        },
      },
    ],
  },
  {
    name: 'exchange-inbox',
    service: 'exchange',
    description: 'inbox',
    entry: '/dev/null',
    permissions: [],
    table: { read: ['EVENT#'] },
    routes: [
      {
        method: 'GET',
        path: '/v1/inbox',
        auth: 'apiKey',
        doc: {
          summary: 'Inbox feed',
          tags: ['事件交换 Exchange'],
          query: z.object({
            cursor: z.string().optional().describe('from the previous page'),
            limit: z.coerce.number().int().min(1).max(100).default(50),
            since: z.string(),
          }),
          responses: {
            200: {
              description: 'A page',
              schema: z.object({ items: z.array(z.unknown()), cursor: z.string().nullable() }),
            },
          },
        },
      },
    ],
  },
  {
    name: 'alerts-ack',
    service: 'alerts',
    description: 'ack',
    entry: '/dev/null',
    permissions: [],
    table: { write: ['EVENT#'] },
    routes: [
      {
        method: 'POST',
        path: '/v1/alerts/{id}/ack',
        auth: 'user',
        doc: {
          summary: '确认预警 <script>alert("x")</script> & co',
          description: 'Stops escalation; "quotes" and \'apostrophes\' stay text.',
          roles: ['duty-officer', 'duty-leader'],
          body: z.object({}),
          responses: { 200: { description: 'The alert' }, 409: { description: 'Already resolved' } },
        },
      },
    ],
  },
  {
    name: 'misc',
    service: 'platform',
    description: 'misc',
    entry: '/dev/null',
    permissions: [],
    routes: [
      {
        method: 'GET',
        path: '/healthz',
        auth: 'none',
        doc: { summary: 'Health', responses: { 200: { description: 'OK' } } },
      },
      {
        method: 'GET',
        path: '/v1/categories',
        auth: 'user',
        doc: { summary: 'Category tree', responses: { 200: { description: 'Tree', schema: CategoryTree } } },
      },
      {
        method: 'GET',
        path: '/files/{proxy+}',
        auth: 'none',
        doc: { summary: 'Static files', responses: { 200: { description: 'A file' } } },
      },
    ],
  },
];
