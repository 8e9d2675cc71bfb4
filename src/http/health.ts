import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { z } from 'zod';

export interface HealthOptions {
  pool: pg.Pool;
  /** Proves the job queue accepts, stores and gives back a job. */
  checkQueue: () => Promise<void>;
  /** Proves the phase clock runs: scheduled in the queue store, nothing overdue. */
  checkClock: () => Promise<void>;
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
const checks = z.object({ database: checkResult, queue: checkResult, clock: checkResult });

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
        summary: 'PostgreSQL and the job queue answer, and the phase clock runs',
        response: {
          200: z.object({ status: z.literal('ok'), checks }),
          503: z.object({ status: z.literal('failing'), checks }),
        },
      },
    },
    async (_request, reply) => {
      const [database, queue, clock] = await Promise.all([
        run(() => options.pool.query('select 1')),
        run(options.checkQueue),
        run(options.checkClock),
      ]);
      const ok = database.status === 'ok' && queue.status === 'ok' && clock.status === 'ok';
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failing', checks: { database, queue, clock } });
    },
  );
}

export default fp(healthPlugin, { name: 'health' });
