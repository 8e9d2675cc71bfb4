import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createTestContext, queueKinds, type TestContext } from '../support/context.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { localDay } from '../support/dates.js';
import { bearer, seedOrg } from '../support/fixtures.js';

describe.each(queueKinds())('health with the %s queue backend', (queue) => {
  let ctx: TestContext;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    ctx = await createTestContext({ queue });
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  test('readiness tells when the phase clock is not running: no worker has planned it', async () => {
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({
      database: { status: 'ok' },
      queue: { status: 'ok' },
      clock: { status: 'failing', error: expect.stringContaining('not scheduled') },
    });
  });

  test('live and ready answer; readiness proves the database, a queue round trip and a running clock', async () => {
    expect((await ctx.http.get('/health/live')).body).toEqual({ status: 'ok' });
    worker = await startWorker(ctx.deps);
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
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.clock).toMatchObject({ status: 'failing', error: expect.stringContaining('overdue') });
  });

  test('readiness fails with 503 when the database is gone', async () => {
    await ctx.deps.pool.end();
    const ready = await ctx.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database.status).toBe('failing');
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
