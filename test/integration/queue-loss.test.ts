import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RECONCILE_SCHEDULER } from '../../src/queue/jobs.js';
import { createServices } from '../../src/services.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { localDay } from '../support/dates.js';
import { bearer, seedOrg } from '../support/fixtures.js';
import { redisServerInstalled, startOwnRedis, type OwnRedis } from '../support/own-services.js';
import { makePeople, rosterCsv } from '../support/roster-files.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as object;

// A Redis of the test's own, flushed while the worker runs: the shared one is never touched.
describe.runIf(redisServerInstalled())('a queue store that loses everything while the worker runs', () => {
  let redis: OwnRedis;
  let ctx: TestContext;
  let worker: RunningWorker | undefined;
  let receiver: Server;
  let receiverHealthy = false;
  const received: string[] = [];

  beforeAll(async () => {
    redis = await startOwnRedis(6391);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (receiverHealthy) received.push((JSON.parse(body) as { type: string }).type);
        res.writeHead(receiverHealthy ? 204 : 500).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(7171, '127.0.0.1', resolve));
    ctx = await createTestContext({
      env: {
        REDIS_URL: redis.url,
        QUEUE_CHECK_INTERVAL_MS: '500',
        WEBHOOK_DISPATCH_INTERVAL_MS: '200',
        // A failed delivery waits an hour for its retry: only planning it again can send it sooner.
        WEBHOOK_RETRY_BASE_MS: '3600000',
        IMPORT_SYNC_MAX_ROWS: '1',
        // The test's receiver listens on this machine, which webhooks may reach only when allowed.
        WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
      },
    });
  });

  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    await redis?.stop();
  });

  test('the next transition, the reconciler, the dispatcher, pending deliveries and queued jobs come back within a minute', async () => {
    expect(ctx.deps.mode.queue).toBe('redis');
    const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
    const admin = bearer(org.admin.token);
    await ctx.http
      .post('/v1/webhooks')
      .set(admin)
      .send({ url: 'http://127.0.0.1:7171/hook', eventTypes: ['phase.opened', 'phase.closed'] })
      .expect(201);
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
    const cohort = (
      await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'FLUSHED', name: 'Flushed' }).expect(201)
    ).body as { id: string };
    const phaseId = (
      await ctx.http
        .put(`/v1/cohorts/${cohort.id}/phases`)
        .set(admin)
        .send({
          phases: [{ kind: 'online', name: 'MOOC', startDate: localDay(-5), endDate: localDay(5), requiredJp: 45 }],
        })
        .expect(200)
    ).body.phases[0].id as string;
    // Scheduled inside its dates: the missed opening applies at once (a draft is ignored by the clock).
    await ctx.http.post(`/v1/cohorts/${cohort.id}/schedule`).set(admin).send({ missed: 'apply' }).expect(200);

    // The phase is open; its phase.opened delivery fails once and waits for its retry.
    worker = await startWorker(ctx.deps);
    const delivery = await until(async () => {
      const { rows } = await ctx.deps.pool.query<{ id: string; status: string; attempts: number }>(
        'select id, status, attempts from webhook_deliveries',
      );
      return rows[0]?.attempts === 1 && rows[0].status === 'pending' ? rows[0] : undefined;
    });

    // An import waits in a paused queue; the phase is set to close in four seconds.
    await ctx.deps.producers.imports.pause();
    const imported = await ctx.http
      .post(`/v1/cohorts/${cohort.id}/enrollments/import`)
      .set(admin)
      .attach('file', rosterCsv(makePeople(2, 17)), 'peserta.csv')
      .expect(202);
    const closesAt = new Date(Date.now() + 4000);
    await ctx.deps.pool.query(
      'update phases set closes_at = $2, schedule_version = schedule_version + 1 where id = $1',
      [phaseId, closesAt],
    );
    await createServices(ctx.deps, () => '').schedule.scheduleCohort(cohort.id);

    receiverHealthy = true;
    const flusher = new Redis(redis.url);
    await flusher.flushall();
    flusher.disconnect();
    const flushedAt = Date.now();

    const state = async () =>
      (await ctx.deps.pool.query<{ state: string }>('select state from phases where id = $1', [phaseId])).rows[0]!
        .state;
    await until(async () => ((await state()) === 'closed' ? true : undefined), 60_000);
    const { rows: closes } = await ctx.deps.pool.query<{ applied_at: Date }>(
      "select applied_at from phase_transitions where phase_id = $1 and kind = 'close'",
      [phaseId],
    );
    expect(closes[0]!.applied_at.getTime() - closesAt.getTime()).toBeLessThan(60_000);

    // The pending delivery is sent again, long before its hour; the dispatcher hands on phase.closed.
    await until(async () => {
      const { rows } = await ctx.deps.pool.query<{ status: string }>(
        'select status from webhook_deliveries where id = $1',
        [delivery.id],
      );
      return rows[0]?.status === 'delivered' ? true : undefined;
    }, 60_000);
    await until(() => (received.includes('phase.closed') ? true : undefined), 60_000);
    expect(received).toContain('phase.opened');

    // The queued import runs and finishes.
    const job = await until(async () => {
      const res = await ctx.http.get(`/v1/jobs/${imported.body.jobId}`).set(admin);
      return res.body.status === 'done' ? res.body : undefined;
    }, 60_000);
    expect(job.result).toBeTruthy();
    expect(Date.now() - flushedAt).toBeLessThan(60_000);

    // The reconciler's schedule is back, and readiness says the clock runs.
    expect(await ctx.deps.producers.clock.getJobScheduler(RECONCILE_SCHEDULER)).toBeDefined();
    expect((await ctx.http.get('/health/ready')).body.checks.clock).toMatchObject({ status: 'ok' });
  }, 120_000);
});
