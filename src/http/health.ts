import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { z } from 'zod';

export interface HealthOptions {
  pool: pg.Pool;
  /** Proves the job queue accepts, stores and gives back a job. */
  checkQueue: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 3000;

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const checkResult = z.object({ status: z.enum(['ok', 'failing']), ms: z.number(), error: z.string().optional() });

async function healthPlugin(app: FastifyInstance, options: HealthOptions): Promise<void> {
  const run = async (check: () => Promise<unknown>) => {
    const started = Date.now();
    try {
      await within(CHECK_TIMEOUT_MS, check());
      return { status: 'ok' as const, ms: Date.now() - started };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return { status: 'failing' as const, ms: Date.now() - started, error: (err as Error).message };
    }
  };

  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'PostgreSQL and the job queue answer',
        response: {
          200: z.object({ status: z.literal('ok'), checks: z.object({ database: checkResult, queue: checkResult }) }),
          503: z.object({
            status: z.literal('failing'),
            checks: z.object({ database: checkResult, queue: checkResult }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [database, queue] = await Promise.all([run(() => options.pool.query('select 1')), run(options.checkQueue)]);
      const ok = database.status === 'ok' && queue.status === 'ok';
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failing', checks: { database, queue } });
    },
  );
}

export default fp(healthPlugin, { name: 'health' });
