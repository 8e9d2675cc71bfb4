import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
  interface FastifyRequest {
    startedAt: bigint;
  }
}

/**
 * One log line per request (with request id, and user and org once authenticated) and the
 * Prometheus registry behind GET /metrics. Modules add their own metrics to `app.metrics`.
 */
async function observabilityPlugin(app: FastifyInstance): Promise<void> {
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
  app.decorateRequest('startedAt', 0n);

  app.addHook('onRequest', async (request) => {
    request.startedAt = process.hrtime.bigint();
  });

  app.addHook('onResponse', async (request, reply) => {
    const seconds = Number(process.hrtime.bigint() - request.startedAt) / 1e9;
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: reply.statusCode }, seconds);
    request.log.info(
      {
        method: request.method,
        url: request.url,
        route,
        statusCode: reply.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
      },
      'request',
    );
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

export default fp(observabilityPlugin, { name: 'observability' });
