import type { Job, Worker } from 'bullmq';
import type { Deps } from './deps.js';
import { CERTIFICATE_JOB } from './modules/certificates/service.js';
import { createJobsService } from './modules/jobs/service.js';
import { createServices } from './services.js';
import { queueDefinitions, type JobData, type JobName, type QueueName } from './queue/jobs.js';

type Handler<Q extends QueueName, J extends JobName<Q>> = (data: JobData<Q, J>, job: Job) => Promise<unknown>;
export type Processors = { [Q in QueueName]: { [J in JobName<Q>]: Handler<Q, J> } };

export function createProcessors(deps: Deps): Processors {
  const services = createServices(deps, () => {
    throw new Error('the worker issues no tokens');
  });
  return {
    system: {
      'self-check': async (data) => ({ ok: true, requestedAt: data.requestedAt }),
    },
    imports: {
      'enrollment-import': (data) => services.cohorts.runImportJob(data.jobId),
    },
    clock: {
      transition: (data) => services.schedule.runScheduled(data),
      reconcile: () => services.schedule.reconcile(),
      'behind-pace': () => services.progress.warnBehindPace(deps.config.behindPaceDaysBeforeClose),
    },
    certificates: {
      issue: (data) => services.certificates.runIssueJob(data.jobId),
    },
    webhooks: {
      dispatch: () => services.webhooks.dispatch(),
      deliver: (data, job) => services.webhooks.deliver(data.deliveryId, job.attemptsMade + 1),
    },
  };
}

export interface RunningWorker {
  isRunning(): boolean;
  close(): Promise<void>;
}

/** Boot fails when a job name of any queue has no handler, rather than failing those jobs later. */
export function assertEveryJobHandled(processors: Partial<Record<string, Record<string, unknown>>>): void {
  const missing: string[] = [];
  for (const [queue, jobs] of Object.entries(queueDefinitions)) {
    for (const name of Object.keys(jobs)) {
      if (typeof processors[queue]?.[name] !== 'function') missing.push(`${queue}/${name}`);
    }
  }
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
}

/**
 * PostgreSQL holds every background job; the queue only says when to run it. A job whose queue
 * entry was lost (Redis flushed, say) is queued again here; its fixed id makes this a no-op for
 * jobs the queue still has.
 */
async function requeueUnfinishedJobs(deps: Deps): Promise<void> {
  const unfinished = await createJobsService(deps).unfinished();
  for (const job of unfinished) {
    if (job.kind === 'enrollment-import') {
      await deps.enqueue('imports', 'enrollment-import', { jobId: job.id }, { jobId: job.id });
    } else if (job.kind === CERTIFICATE_JOB) {
      await deps.enqueue('certificates', 'issue', { jobId: job.id }, { jobId: job.id });
    }
  }
  if (unfinished.length > 0) deps.logger.info({ count: unfinished.length }, 'unfinished background jobs queued again');
}

export async function startWorker(deps: Deps, processors: Processors = createProcessors(deps)): Promise<RunningWorker> {
  assertEveryJobHandled(processors);
  const workers: Worker[] = [];
  for (const queue of Object.keys(queueDefinitions) as QueueName[]) {
    const handlers = processors[queue] as Record<string, (data: unknown, job: Job) => Promise<unknown>>;
    const schemas = queueDefinitions[queue] as Record<string, { parse(v: unknown): unknown }>;
    const worker = deps.queues.worker(queue, async (job) => {
      const log = deps.logger.child({ queue, jobId: job.id, jobName: job.name });
      const handler = handlers[job.name];
      const schema = schemas[job.name];
      if (!handler || !schema) throw new Error(`Unknown job ${queue}/${job.name}`);
      const started = Date.now();
      const result = await handler(schema.parse(job.data), job);
      log.info({ ms: Date.now() - started }, 'job done');
      return result;
    });
    worker.on('failed', (job, err) =>
      deps.logger.error({ queue, jobId: job?.id, jobName: job?.name, err }, 'job failed'),
    );
    worker.on('error', (err) => deps.logger.error({ queue, err }, 'worker error'));
    workers.push(worker);
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  await requeueUnfinishedJobs(deps);
  // One job scheduler, the same for every worker (upserting it again changes nothing), runs the
  // phase clock's reconciler every minute; a run now catches up on whatever fell due while no
  // worker was running.
  await deps.producers.clock.upsertJobScheduler(
    'reconcile-every-minute',
    { every: 60_000 },
    { name: 'reconcile', data: {} },
  );
  await deps.producers.clock.upsertJobScheduler(
    'behind-pace-daily',
    { every: 86_400_000 },
    { name: 'behind-pace', data: {} },
  );
  // Outgoing events are handed to webhook endpoints every few seconds.
  await deps.producers.webhooks.upsertJobScheduler(
    'dispatch',
    { every: deps.config.webhooks.dispatchIntervalMs },
    { name: 'dispatch', data: {} },
  );
  await deps.enqueue('clock', 'reconcile', {});
  return {
    isRunning: () => workers.every((w) => w.isRunning()),
    // Lets active jobs finish; a job cut off by a hard stop is retried, and every job is idempotent.
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
