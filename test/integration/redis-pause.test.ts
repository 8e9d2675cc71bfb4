import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg } from '../support/fixtures.js';
import { redisServerInstalled, startOwnRedis, type OwnRedis } from '../support/own-services.js';
import { makePeople, rosterCsv } from '../support/roster-files.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as object;

// A Redis of the test's own that stops answering (CLIENT PAUSE) while requests arrive.
describe.runIf(redisServerInstalled())('a hung Redis', () => {
  let redis: OwnRedis;
  let ctx: TestContext;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    redis = await startOwnRedis(6393);
    ctx = await createTestContext({
      env: {
        REDIS_URL: redis.url,
        REDIS_COMMAND_TIMEOUT_MS: '500',
        LOGIN_RATE_LIMIT_PER_MINUTE: '5',
        IMPORT_SYNC_MAX_ROWS: '1',
      },
    });
  });

  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await redis?.stop();
  });

  test('logins and job-starting requests answer within the timeout, guessing is still held back, readiness says why', async () => {
    const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
    const admin = bearer(org.admin.token);
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped).expect(201)).body
      .courseId as string;
    const cohortId = (
      await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'PAUSED', name: 'Paused' }).expect(201)
    ).body.id as string;
    worker = await startWorker(ctx.deps);

    const pauser = new Redis(redis.url);
    await pauser.call('CLIENT', 'PAUSE', '30000', 'ALL');
    pauser.disconnect();
    const pausedAt = Date.now();

    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = Date.now();
      const result = await work();
      return [result, Date.now() - started];
    };
    const login = () =>
      ctx.http.post('/v1/auth/login').send({ login: org.participant.nip, password: org.participant.password });
    const [first, loginMs] = await timed(login);
    expect(first.status).toBe(200);
    expect(loginMs).toBeLessThan(5000);

    const [imported, importMs] = await timed(async () =>
      ctx.http
        .post(`/v1/cohorts/${cohortId}/enrollments/import`)
        .set(admin)
        .attach('file', rosterCsv(makePeople(2, 23)), 'peserta.csv'),
    );
    expect(imported.status).toBe(202);
    expect(importMs).toBeLessThan(5000);

    // Guessing is still held back: failed logins are counted in PostgreSQL, not in Redis.
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await ctx.http.post('/v1/auth/login').send({ login: org.participant.nip, password: 'bukan-sandinya-9' }))
          .status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    const [ready, readyMs] = await timed(async () => ctx.http.get('/health/ready'));
    expect(ready.status).toBe(503);
    expect(ready.body.checks.queue.status).toBe('failing');
    expect(readyMs).toBeLessThan(5000);
    // Everything above happened while Redis was still paused.
    expect(Date.now() - pausedAt).toBeLessThan(30_000);

    // Once Redis answers again, the import that was accepted runs.
    await until(async () => {
      const res = await ctx.http.get(`/v1/jobs/${imported.body.jobId}`).set(admin);
      return res.body.status === 'done' ? true : undefined;
    }, 90_000);
  }, 150_000);
});
