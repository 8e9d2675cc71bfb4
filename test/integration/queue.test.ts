import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
