import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { NotFoundError, UnauthorizedError } from './errors.js';

export interface ObservabilityOptions {
  /** Required as a bearer token by GET /metrics; without it /metrics is served only outside production. */
  metricsToken: string | undefined;
  production: boolean;
}

function presents(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

// A token in a query string (Bull Board's first visit) must not reach the log with the URL.
const TOKEN_IN_QUERY = /([?&]token=)[^&]*/g;

/**
 * One log line per request (with request id, and user and org once authenticated) and the
 * Prometheus registry behind GET /metrics. Modules add their own metrics to `app.metrics`.
 */
async function observabilityPlugin(app: FastifyInstance, options: ObservabilityOptions): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.decorate('metrics', registry);

  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: reply.statusCode }, ms / 1000);
    // `user` is set once a token was verified; the line then says who asked, and for which tenant.
    const who = request.user ? { userId: request.user.userId, orgId: request.user.orgId } : {};
    request.log.info(
      {
        method: request.method,
        url: request.url.replace(TOKEN_IN_QUERY, '$1[redacted]'),
        route,
        statusCode: reply.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...who,
      },
      'request',
    );
  });

  // Metrics tell an outsider about traffic and queues, and cost work to render: a token, or (for
  // development) no protection outside production; in production without a token, no route.
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (options.metricsToken) {
      if (!presents(request, options.metricsToken))
        throw new UnauthorizedError('A metrics token is required').with(undefined, 'UNAUTHENTICATED.metrics');
    } else if (options.production) {
      throw new NotFoundError('Route', 'ROUTE_NOT_FOUND');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

export default fp(observabilityPlugin, { name: 'observability' });
