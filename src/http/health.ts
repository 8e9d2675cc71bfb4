import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { z } from 'zod';
import type { Clock } from '../clock.js';

export interface HealthOptions {
  pool: pg.Pool;
  /** Proves the job queue accepts, stores and gives back a job. */
  checkQueue: () => Promise<void>;
  /** Proves the phase clock runs: scheduled in the queue store, nothing overdue. */
  checkClock: () => Promise<void>;
  clock: Clock;
}

// Readiness is public and costs a query and a queue round trip: one check serves every caller
// for this long, and callers arriving while one runs wait for it.
export const READINESS_CACHE_MS = 2000;

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

// Why a check failed goes to the log only: the answer is public.
const checkResult = z.object({ status: z.enum(['ok', 'failing']), ms: z.number() });
const checks = z.object({ database: checkResult, queue: checkResult, clock: checkResult });

async function healthPlugin(app: FastifyInstance, options: HealthOptions): Promise<void> {
  const run = async (check: () => Promise<unknown>) => {
    const started = Date.now();
    try {
      await within(CHECK_TIMEOUT_MS, check());
      return { status: 'ok' as const, ms: Date.now() - started };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return { status: 'failing' as const, ms: Date.now() - started };
    }
  };

  let last: { at: number; result: Promise<Readiness> } | undefined;
  type Readiness = { ok: boolean; checks: z.infer<typeof checks> };
  const readiness = (): Promise<Readiness> => {
    const now = options.clock.now().getTime();
    if (!last || now - last.at >= READINESS_CACHE_MS) {
      const result = Promise.all([
        run(() => options.pool.query('select 1')),
        run(options.checkQueue),
        run(options.checkClock),
      ]).then(([database, queue, clock]) => ({
        ok: database.status === 'ok' && queue.status === 'ok' && clock.status === 'ok',
        checks: { database, queue, clock },
      }));
      last = { at: now, result };
    }
    return last.result;
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
      const { ok, checks } = await readiness();
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failing', checks });
    },
  );
}

export default fp(healthPlugin, { name: 'health' });
