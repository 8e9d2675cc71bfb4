import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_JOB_OPTIONS } from '../../src/queue/jobs.js';
import { assertEveryJobHandled, createProcessors, startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, queueKinds, type TestContext } from '../support/context.js';
import { until } from '../support/until.js';

describe.each(queueKinds())('worker on the %s backend', (queue) => {
  let ctx: TestContext;
  let worker: RunningWorker;
  beforeAll(async () => {
    ctx = await createTestContext({ queue });
    worker = await startWorker(ctx.deps);
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  test('a job is processed by the running worker and its result kept', async () => {
    expect(worker.isRunning()).toBe(true);
    const job = await ctx.deps.systemQueue.add('self-check', { requestedAt: '2024-10-23T00:00:00Z' });
    // State first, then the job: a job read before it completed carries no return value yet.
    const done = await until(async () =>
      (await ctx.deps.systemQueue.getJobState(job.id!)) === 'completed'
        ? ctx.deps.systemQueue.getJob(job.id!)
        : undefined,
    );
    expect(done!.returnvalue).toEqual({ ok: true, requestedAt: '2024-10-23T00:00:00Z' });
  });

  test('a job with a deterministic id is queued once, however often it is added', async () => {
    const opts = { jobId: 'phase-close:abc:v1', delay: 60_000 };
    await ctx.deps.systemQueue.add('self-check', { requestedAt: 'first' }, opts);
    await ctx.deps.systemQueue.add('self-check', { requestedAt: 'second' }, opts);
    const delayed = await ctx.deps.systemQueue.getDelayed();
    expect(delayed.filter((j: Job) => j.id === opts.jobId).map((j: Job) => j.data)).toEqual([{ requestedAt: 'first' }]);
  });

  test('a job whose payload breaks its schema fails instead of running on bad data', async () => {
    const job = await ctx.deps.systemQueue.add('self-check', { wrong: true } as never, { attempts: 1 });
    const state = await until(async () => {
      const s = await (await ctx.deps.systemQueue.getJob(job.id!))?.getState();
      return s === 'failed' || s === 'completed' ? s : undefined;
    });
    expect(state).toBe('failed');
  });

  test('every job is retried and trimmed after it finishes: the default options read back from the queue store', async () => {
    const expected = {
      attempts: DEFAULT_JOB_OPTIONS.attempts,
      backoff: DEFAULT_JOB_OPTIONS.backoff,
      removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete,
      removeOnFail: DEFAULT_JOB_OPTIONS.removeOnFail,
    };
    await ctx.deps.enqueue(
      'certificates',
      'issue',
      { jobId: randomUUID() },
      { jobId: 'options-probe', delay: 600_000 },
    );
    const added = await ctx.deps.producers.certificates.getJob('options-probe');
    expect(added?.opts).toMatchObject(expected);
    // The reconciler's scheduler, started by the worker, plans its next run with the same options.
    const next = await until(async () => {
      const delayed = await ctx.deps.producers.clock.getDelayed();
      return delayed.find((j: Job) => j.id?.startsWith('repeat:reconcile-every-minute:'));
    });
    expect(next.opts).toMatchObject(expected);
    // A finished job is kept a while, not forever: its own read-back options say when it goes.
    const done = await ctx.deps.systemQueue.add('self-check', { requestedAt: 'trimmed' });
    await until(async () => ((await ctx.deps.systemQueue.getJobState(done.id!)) === 'completed' ? true : undefined));
    expect((await ctx.deps.systemQueue.getJob(done.id!))?.opts.removeOnComplete).toEqual(
      DEFAULT_JOB_OPTIONS.removeOnComplete,
    );
  });

  test('every job of the typed queue map has a handler', () => {
    expect(() => assertEveryJobHandled(createProcessors(ctx.deps))).not.toThrow();
  });

  test('worker close lets the process stop cleanly', async () => {
    const second = await startWorker(ctx.deps);
    await second.close();
    expect(second.isRunning()).toBe(false);
  });
});

test('the worker refuses to boot when a job has no handler', () => {
  expect(() => assertEveryJobHandled({ system: {} })).toThrow(
    'No handler for job(s): system/self-check, imports/enrollment-import',
  );
});
