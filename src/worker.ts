import type { Job, Worker } from 'bullmq';
import type { Deps } from './deps.js';
import { CERTIFICATE_JOB } from './modules/certificates/service.js';
import { createJobsService } from './modules/jobs/service.js';
import { createWebhooksService } from './modules/webhooks/service.js';
import { transportOf } from './modules/mail/service.js';
import { createServices } from './services.js';
import { livenessSignal } from './queue/liveness.js';
import { queueDefinitions, RECONCILE_SCHEDULER, type JobData, type JobName, type QueueName } from './queue/jobs.js';

type Handler<Q extends QueueName, J extends JobName<Q>> = (data: JobData<Q, J>, job: Job) => Promise<unknown>;
export type Processors = { [Q in QueueName]: { [J in JobName<Q>]: Handler<Q, J> } };

export function createProcessors(deps: Deps): Processors {
  // Jobs write to the queue without the requests' timeout: a slow queue store delays them, and a
  // delivery or transition planned in PostgreSQL is never left without its job.
  const services = createServices(
    { ...deps, enqueue: deps.enqueueWaiting },
    () => {
      throw new Error('the worker issues no tokens');
    },
    transportOf(deps.config),
  );
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
      deliver: (data) => services.webhooks.deliver(data.deliveryId),
    },
    mail: {
      dispatch: () => services.mail.dispatch(),
      send: (data) => services.mail.send(data.mailId),
      'pace-reminders': () => services.mail.remindBehindPace(),
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
async function requeueUnfinishedJobs(deps: Deps): Promise<number> {
  const unfinished = await createJobsService(deps).unfinished();
  for (const job of unfinished) {
    if (job.kind === 'enrollment-import') {
      await deps.enqueueWaiting('imports', 'enrollment-import', { jobId: job.id }, { jobId: job.id });
    } else if (job.kind === CERTIFICATE_JOB) {
      await deps.enqueueWaiting('certificates', 'issue', { jobId: job.id }, { jobId: job.id });
    }
  }
  return unfinished.length;
}

/**
 * Everything the queue store must hold, rebuilt from PostgreSQL: the schedules of the reconciler,
 * the pace warnings and the webhook dispatcher, unfinished background jobs, pending webhook
 * deliveries, and a reconciler run now, which applies whatever fell due and plans the transitions
 * of the coming window (later ones on later runs). Every part is idempotent (upserts, fixed job ids), so any worker may run it at any time.
 */
export async function planFromPostgres(deps: Deps): Promise<{ jobs: number; deliveries: number }> {
  await deps.producers.clock.upsertJobScheduler(
    RECONCILE_SCHEDULER,
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
  // Written mails are handed to the queue every few seconds; reminders go out through the day,
  // at most one per participant and local day whatever the interval.
  await deps.producers.mail.upsertJobScheduler(
    'mail-dispatch',
    { every: deps.config.mail.dispatchIntervalMs },
    { name: 'dispatch', data: {} },
  );
  await deps.producers.mail.upsertJobScheduler(
    'pace-reminders',
    { every: deps.config.mail.paceReminderIntervalMs },
    { name: 'pace-reminders', data: {} },
  );
  const jobs = await requeueUnfinishedJobs(deps);
  const deliveries = await createWebhooksService({
    db: deps.db,
    clock: deps.clock,
    resolveHost: deps.resolveHost,
    enqueue: deps.enqueueWaiting,
    settings: deps.config.webhooks,
  }).replanPending();
  await deps.enqueueWaiting('clock', 'reconcile', {});
  return { jobs, deliveries };
}

/**
 * Redis can lose everything while the worker runs (a flush, a restart without persistence, a
 * failover to an empty replica). The worker looks for the reconciler's schedule every
 * `queueCheckIntervalMs` and, when it is gone, plans everything again from PostgreSQL.
 */
function watchQueueStore(deps: Deps): () => void {
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      if (await deps.producers.clock.getJobScheduler(RECONCILE_SCHEDULER)) return;
      deps.logger.warn('the queue store lost its schedules; planning again from PostgreSQL');
      const planned = await planFromPostgres(deps);
      deps.logger.info(planned, 'schedules, background jobs and webhook deliveries planned again');
    } catch (err) {
      deps.logger.error({ err }, 'could not check the queue store');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), deps.config.queueCheckIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// Jobs that run on a timer every few seconds or minutes: their completions are logged at debug.
const ROUTINE_JOBS = new Set(['clock/reconcile', 'clock/behind-pace', 'webhooks/dispatch', 'system/self-check']);

export async function startWorker(deps: Deps, processors: Processors = createProcessors(deps)): Promise<RunningWorker> {
  assertEveryJobHandled(processors);
  const liveness = livenessSignal(deps.config.workerLivenessFile);
  const workers: Worker[] = [];
  for (const queue of Object.keys(queueDefinitions) as QueueName[]) {
    const handlers = processors[queue] as Record<string, (data: unknown, job: Job) => Promise<unknown>>;
    const schemas = queueDefinitions[queue] as Record<string, { parse(v: unknown): unknown }>;
    const worker = deps.queues.worker(
      queue,
      async (job) => {
        const log = deps.logger.child({ queue, jobId: job.id, jobName: job.name });
        const handler = handlers[job.name];
        const schema = schemas[job.name];
        if (!handler || !schema) throw new Error(`Unknown job ${queue}/${job.name}`);
        const started = Date.now();
        try {
          const result = await handler(schema.parse(job.data), job);
          const routine = ROUTINE_JOBS.has(`${queue}/${job.name}`);
          log[routine ? 'debug' : 'info']({ ms: Date.now() - started }, 'job done');
          return result;
        } finally {
          liveness.beat();
        }
      },
      {
        // The clock's jobs are safe side by side (row locks, unique keys): a reconciler run never
        // holds up a transition that falls due meanwhile.
        // Mails are sent a few at a time where Redis carries the queue; the embedded PostgreSQL
        // queue stays at one job at a time per queue.
        concurrency: queue === 'clock' || (queue === 'mail' && deps.queues.kind === 'redis') ? 4 : 1,
        lockDuration: deps.config.jobLockMs,
        stalledInterval: deps.config.jobStalledCheckMs,
        // A job cut off by a dying worker is taken up again; twice, before it counts as failed.
        maxStalledCount: 2,
      },
    );
    worker.on('failed', (job, err) =>
      deps.logger.error({ queue, jobId: job?.id, jobName: job?.name, err }, 'job failed'),
    );
    worker.on('error', (err) => deps.logger.error({ queue, err }, 'worker error'));
    workers.push(worker);
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const planned = await planFromPostgres(deps);
  if (planned.jobs + planned.deliveries > 0) deps.logger.info(planned, 'unfinished work queued again');
  const stopWatching = watchQueueStore(deps);
  liveness.beat();
  return {
    isRunning: () => workers.every((w) => w.isRunning()),
    // Lets active jobs finish; a job cut off by a hard stop is retried, and every job is idempotent.
    close: async () => {
      stopWatching();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
