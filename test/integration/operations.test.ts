import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { READINESS_CACHE_MS } from '../../src/http/health.js';
import { createLogger } from '../../src/logger.js';
import { createTestContext, queueKinds, type TestContext } from '../support/context.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { localDay } from '../support/dates.js';
import { bearer, seedOrg } from '../support/fixtures.js';

describe.each(queueKinds())('health with the %s queue backend', (queue) => {
  let ctx: TestContext;
  let worker: RunningWorker | undefined;
  const clock = manualClock('2024-10-23T02:00:00Z');
  beforeAll(async () => {
    ctx = await createTestContext({ queue, clock });
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  /** Why a check failed goes to the log, never into the public answer. */
  const failureLogged = (text: string) =>
    ctx.logs.some((l) => l.msg === 'readiness check failed' && JSON.stringify(l.err ?? '').includes(text));

  test('readiness tells when the phase clock is not running: no worker has planned it', async () => {
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({
      database: { status: 'ok' },
      queue: { status: 'ok' },
      clock: { status: 'failing' },
    });
    expect(failureLogged('not scheduled')).toBe(true);
  });

  test('live and ready answer; readiness proves the database, a queue round trip and a running clock', async () => {
    expect((await ctx.http.get('/health/live')).body).toEqual({ status: 'ok' });
    worker = await startWorker(ctx.deps);
    clock.advance(READINESS_CACHE_MS);
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, queue: { status: 'ok' }, clock: { status: 'ok' } },
    });
    expect(ctx.deps.mode.queue).toBe(queue);
    // The probe cleans up after itself.
    const counts = await ctx.deps.systemQueue.getJobCounts('delayed', 'waiting');
    expect((counts.delayed ?? 0) + (counts.waiting ?? 0)).toBe(0);
  });

  test('readiness tells when the clock stopped: a transition overdue with its schedule still in the queue', async () => {
    await worker!.close();
    worker = undefined;
    const org = await seedOrg(ctx, await ctx.platformAdminToken(), `STOPPED-${queue}`.toUpperCase());
    const course = await ctx.http
      .post('/v1/courses/import?publish=true')
      .set(bearer(org.admin.token))
      .send(JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8')));
    const cohort = await ctx.http
      .post('/v1/cohorts')
      .set(bearer(org.admin.token))
      .send({ courseId: course.body.courseId, code: 'STOPPED', name: 'Stopped' });
    await ctx.http
      .put(`/v1/cohorts/${cohort.body.id}/phases`)
      .set(bearer(org.admin.token))
      .send({
        phases: [{ kind: 'online', name: 'MOOC', startDate: localDay(-5), endDate: localDay(5), requiredJp: 45 }],
      })
      .expect(200);
    // The phase opened five days ago and nothing opened it: the clock has stopped.
    clock.advance(READINESS_CACHE_MS);
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.clock).toEqual({ status: 'failing', ms: expect.any(Number) });
    expect(failureLogged('overdue')).toBe(true);
  });

  test('readiness is checked at most once per window, and fails with 503 when the database is gone, without the error text', async () => {
    clock.advance(READINESS_CACHE_MS);
    const before = await ctx.http.get('/health/ready');
    expect(before.body.checks.database.status).toBe('ok');
    await ctx.deps.pool.end();
    // Within the window every caller gets the last answer: no query, no queue round trip.
    const cached = await Promise.all(Array.from({ length: 20 }, () => ctx.http.get('/health/ready')));
    expect(cached.map((r) => r.body.checks.database.status)).toEqual(Array(20).fill('ok'));
    clock.advance(READINESS_CACHE_MS);
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database).toEqual({ status: 'failing', ms: expect.any(Number) });
    expect(JSON.stringify(ready.body)).not.toMatch(/pool|ended|Cannot|error/i);
  });
});

describe('operations endpoints', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  test('/metrics exposes request latency in Prometheus format', async () => {
    await ctx.http.get('/health/live');
    const res = await ctx.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} [1-9]/,
    );
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  test('/metrics requires its token when one is set, and is absent in production without one', async () => {
    const token = 'metrics-token-0123456789';
    const guarded = await createTestContext({ env: { METRICS_TOKEN: token } });
    try {
      const none = await guarded.http.get('/metrics');
      expect(none.status).toBe(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await guarded.http.get('/metrics').set('authorization', 'Bearer wrong-token-0123456789')).status).toBe(
        401,
      );
      const ok = await guarded.http.get('/metrics').set('authorization', `Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('http_request_duration_seconds');
    } finally {
      await guarded.close();
    }
    const production = await createTestContext({
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://diklat.example.go.id' },
    });
    try {
      expect((await production.http.get('/metrics')).status).toBe(404);
    } finally {
      await production.close();
    }
  });

  test('/openapi.json documents every route with its schemas, and /docs serves the reference page', async () => {
    const spec = await ctx.http.get('/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/auth/login',
      '/v1/auth/refresh',
      '/v1/auth/logout',
      '/v1/me',
      '/v1/organizations',
      '/v1/organizations/{id}',
      '/v1/users',
      '/v1/users/{id}',
      '/health/ready',
    ]) {
      expect(Object.keys(spec.body.paths)).toContain(path);
    }
    const login = spec.body.paths['/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);

    const docs = await ctx.http.get('/docs/').redirects(1);
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('<html');
  });

  test('security headers are set', async () => {
    const res = await ctx.http.get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  test('one log line per request carries the request id, and the user and organization once known', async () => {
    const platform = await ctx.platformAdminToken();
    const org = await seedOrg(ctx, platform, 'KOTA-PONTIANAK');
    await ctx.http.get('/v1/me').set(bearer(org.participant.token)).set('x-request-id', 'req-me-1');
    const lines = ctx.logs.filter((l) => l.reqId === 'req-me-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request',
      route: '/v1/me',
      statusCode: 200,
      userId: org.participant.id,
      orgId: org.id,
    });
    expect(ctx.logs.filter((l) => l.msg === 'request').every((l) => typeof l.reqId === 'string')).toBe(true);
    // Credentials sent in bodies never reach the log.
    expect(JSON.stringify(ctx.logs)).not.toContain(org.participant.password);
  });
});

test('the logger redacts credentials wherever they appear', () => {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      out += chunk.toString();
      done();
    },
  });
  const logger = createLogger('info', sink);
  logger.info(
    {
      req: { headers: { authorization: 'Bearer eyJ.secret.token' } },
      body: { password: 'hunter22', refreshToken: 'r-secret' },
      password: 'top',
    },
    'x',
  );
  expect(out).not.toMatch(/eyJ\.secret|hunter22|r-secret|"top"/);
  expect(out.match(/\[redacted\]/g)).toHaveLength(4);
});
