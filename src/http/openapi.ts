import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ERROR_CODES } from './error-codes.js';
import { OPERATION_IDS } from './operation-ids.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers 429 when its caller is held back (login throttling), besides any rate limit. */
    throttled?: boolean;
  }
}

const PROBLEM = { $ref: '#/components/schemas/Problem' };

/** The problem answers an operation can give, documented once and referenced by each operation. */
const PROBLEM_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'The request is malformed or a field is wrong (`errors` lists them)' },
  '401': { name: 'Unauthorized', description: 'No valid access token' },
  '403': { name: 'Forbidden', description: 'The role, or the organization, may not do this' },
  '404': { name: 'NotFound', description: 'No such resource (in the caller’s organization)' },
  '409': { name: 'Conflict', description: 'The resource’s state does not allow this now' },
  '413': { name: 'PayloadTooLarge', description: 'The body or file is larger than allowed' },
  '415': { name: 'UnsupportedMediaType', description: 'The body is not of a type this operation takes' },
  '422': { name: 'UnprocessableEntity', description: 'Well-formed, but breaks a rule (`errors` lists every problem)' },
  '429': { name: 'TooManyRequests', description: 'Too many requests; retry after `Retry-After` seconds' },
};

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. Clients switch on `code`, never on `title` or `detail`.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: [...ERROR_CODES] },
    errors: {
      type: 'array',
      description: 'Per field, for validation and rule failures',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

type Operation = {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: Array<{ in: string }>;
  responses?: Record<string, unknown>;
};

/**
 * Completes what the routes' schemas say with what holds for every operation: its operationId
 * (OPERATION_IDS), `security: []` for public ones, and the problem answers it can give.
 */
function completeDocument(document: Record<string, unknown>, rateLimited: Set<string>) {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, operations] of Object.entries(paths)) {
    const route = path.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, op] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${route}`;
      const operationId = OPERATION_IDS[key];
      if (operationId) op.operationId = operationId;
      op.security ??= [];
      const codes = ['400'];
      if (op.security.length > 0) codes.push('401', '403', '404');
      if (route.includes(':')) codes.push('404');
      if (method !== 'get') codes.push('409', '422');
      if (op.requestBody) codes.push('413', '415');
      if (rateLimited.has(key)) codes.push('429');
      op.responses ??= {};
      for (const code of codes)
        op.responses[code] ??= { $ref: `#/components/responses/${PROBLEM_RESPONSES[code]!.name}` };
    }
  }
  const components = (document.components ?? {}) as Record<string, Record<string, unknown>>;
  return {
    ...document,
    servers: [{ url: '/', description: 'The server this document is served by' }],
    components: {
      ...components,
      schemas: { ...components.schemas, Problem: problemSchema },
      responses: Object.fromEntries(
        Object.values(PROBLEM_RESPONSES).map(({ name, description }) => [
          name,
          { description, content: { 'application/problem+json': { schema: PROBLEM } } },
        ]),
      ),
    },
  };
}

/** The OpenAPI document, generated from the routes' zod schemas, at /openapi.json and a reference page at /docs. */
async function openapiPlugin(app: FastifyInstance, options: { version: string }): Promise<void> {
  const rateLimited = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit || route.config?.throttled) {
      for (const method of [route.method].flat()) rateLimited.add(`${method} ${route.url}`);
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ASN Learning API',
        description:
          'Self-hosted learning backend for Indonesian civil-service training. Errors are RFC 9457 problem details with a stable `code`.',
        version: options.version,
        license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) =>
      completeDocument(
        ('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as Record<
          string,
          unknown
        >,
        rateLimited,
      ) as never,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Plain HTTP at a LAN address must work: with this directive the browser asks for the page's
    // scripts over HTTPS, which the server does not speak, and shows a blank page.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/g, '').trim(),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

export default fp(openapiPlugin, { name: 'openapi' });
