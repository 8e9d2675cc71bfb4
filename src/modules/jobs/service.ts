import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { backgroundJobs, type BackgroundJob } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { NotFoundError } from '../../http/errors.js';
import { inTenant } from '../../http/tenancy.js';

export interface JobsServiceDeps {
  db: Db;
  clock: Clock;
}

/**
 * Long work with progress a client can poll. The row in PostgreSQL is the truth (input included);
 * the queue only says when to start, so a lost queue loses no job that the reconciler cannot find.
 */
export function createJobsService({ db, clock }: JobsServiceDeps) {
  return {
    async create(
      input: {
        orgId: string;
        kind: string;
        params: Record<string, unknown>;
        input?: Buffer | null;
        total: number;
        createdBy: string | null;
      },
      tx: DbExecutor = db,
    ) {
      const now = clock.now();
      const [job] = await tx
        .insert(backgroundJobs)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning();
      return job!;
    },

    async get(actor: Actor, id: string): Promise<BackgroundJob> {
      const job = await db.query.backgroundJobs.findFirst({
        where: and(eq(backgroundJobs.id, id), inTenant(backgroundJobs.orgId, actor.scope)),
      });
      if (!job) throw new NotFoundError('Job');
      return job;
    },

    /** A job of this kind for this cohort still queued or running, if any: so work is not started twice. */
    async unfinishedFor(tx: DbExecutor, kind: string, cohortId: string): Promise<BackgroundJob | undefined> {
      const [job] = await tx
        .select()
        .from(backgroundJobs)
        .where(
          and(
            eq(backgroundJobs.kind, kind),
            sql`${backgroundJobs.params}->>'cohortId' = ${cohortId}`,
            sql`${backgroundJobs.status} in ('queued', 'running')`,
          ),
        )
        .limit(1);
      return job;
    },

    /** Jobs not finished: after a restart or a lost queue, the worker puts them on the queue again. */
    unfinished() {
      return db
        .select({ id: backgroundJobs.id, kind: backgroundJobs.kind })
        .from(backgroundJobs)
        .where(sql`${backgroundJobs.status} in ('queued', 'running')`);
    },

    /** Claims a queued job for running; a job already done or failed is not run again. */
    async claim(id: string): Promise<BackgroundJob | undefined> {
      const [job] = await db
        .update(backgroundJobs)
        .set({ status: 'running', processed: 0, updatedAt: clock.now() })
        .where(and(eq(backgroundJobs.id, id), sql`${backgroundJobs.status} in ('queued', 'running')`))
        .returning();
      return job;
    },

    async progress(id: string, processed: number): Promise<void> {
      await db.update(backgroundJobs).set({ processed, updatedAt: clock.now() }).where(eq(backgroundJobs.id, id));
    },

    async finish(id: string, result: Record<string, unknown>): Promise<void> {
      await db
        .update(backgroundJobs)
        .set({ status: 'done', result, input: null, updatedAt: clock.now() })
        .where(eq(backgroundJobs.id, id));
    },

    async fail(id: string, error: string): Promise<void> {
      await db
        .update(backgroundJobs)
        .set({ status: 'failed', error, updatedAt: clock.now() })
        .where(eq(backgroundJobs.id, id));
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;

export function jobView(job: BackgroundJob) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    total: job.total,
    processed: job.processed,
    result: job.result,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** The answer to a request that started a background job (202). */
export const jobAccepted = z.object({
  jobId: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  progressUrl: z.string(),
});

export function acceptedView(job: BackgroundJob) {
  return { jobId: job.id, status: job.status, total: job.total, progressUrl: `/v1/jobs/${job.id}` };
}
