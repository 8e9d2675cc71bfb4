import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer } from '../support/fixtures.js';

let ctx: TestContext;
let platform: string;

beforeAll(async () => {
  ctx = await createTestContext({
    env: { BODY_LIMIT_BYTES: '4096' },
    beforeReady: (app) => {
      app.get('/test/explode', async () => {
        throw new Error('connection to 10.1.2.3 failed: password authentication failed for user "secret_user"');
      });
    },
  });
  platform = await ctx.platformAdminToken();
});
afterAll(() => ctx.close());

function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    code,
    title: expect.any(String),
    type: expect.stringContaining('problem'),
    detail: expect.any(String),
  });
}

describe('problem details for bad input', () => {
  test('validation failures name every bad field', async () => {
    const res = await ctx.http
      .post('/v1/users')
      .set(bearer(platform))
      .send({ role: 'dean', email: 'not-an-email', nip: '123', birthDate: '1990-13-40', name: '' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['body.birthDate', 'body.email', 'body.name', 'body.nip', 'body.role']);
  });

  test('unknown JSON fields are rejected, not ignored', async () => {
    const res = await ctx.http
      .post('/v1/organizations')
      .set(bearer(platform))
      .set('Accept-Language', 'en')
      .send({ code: 'KAB-BARU', name: 'Kabupaten Baru', isAdmin: true, settings: { minutesPerJp: 45, color: 'red' } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.isAdmin', message: 'Unknown field' },
        { path: 'body.settings.color', message: 'Unknown field' },
      ]),
    );
    expect((await ctx.http.get('/v1/organizations').set(bearer(platform))).body.items).toEqual([]);
  });

  test('bad query strings and path parameters are 400', async () => {
    expectProblem(await ctx.http.get('/v1/users?limit=0').set(bearer(platform)), 400, 'VALIDATION_FAILED');
    expectProblem(await ctx.http.get('/v1/users?role=king').set(bearer(platform)), 400, 'VALIDATION_FAILED');
    expectProblem(await ctx.http.get('/v1/users/not-a-uuid').set(bearer(platform)), 400, 'VALIDATION_FAILED');
    expectProblem(await ctx.http.get('/v1/users?cursor=Zm9v').set(bearer(platform)), 400, 'INVALID_CURSOR');
  });

  test('malformed JSON, a wrong content type and an oversized body are 4xx problems', async () => {
    const malformed = await ctx.http.post('/v1/auth/login').set('content-type', 'application/json').send('{"login": ');
    expectProblem(malformed, 400, 'MALFORMED_JSON');

    const wrongType = await ctx.http.post('/v1/auth/login').set('content-type', 'text/csv').send('login,password');
    expectProblem(wrongType, 415, 'UNSUPPORTED_MEDIA_TYPE');

    const oversized = await ctx.http
      .post('/v1/auth/login')
      .send({ login: 'a@example.org', password: 'x'.repeat(10_000) });
    expectProblem(oversized, 413, 'PAYLOAD_TOO_LARGE');
  });

  test('an unknown route is a 404 problem', async () => {
    expectProblem(await ctx.http.get('/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  test('an unexpected failure is a 500 that reveals nothing, and is logged with its request id', async () => {
    const res = await ctx.http.get('/test/explode').set('x-request-id', 'trace-abc-123');
    expectProblem(res, 500, 'INTERNAL');
    expect(JSON.stringify(res.body)).not.toMatch(/10\.1\.2\.3|secret_user|password/);
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    const logged = ctx.logs.find((l) => l.msg === 'request failed');
    expect(logged).toMatchObject({ reqId: 'trace-abc-123' });
    expect(JSON.stringify(logged)).toContain('secret_user');
  });

  test('conflicts are 409 with a stable code', async () => {
    await ctx.http.post('/v1/organizations').set(bearer(platform)).send({ code: 'KOTA-A', name: 'A' }).expect(201);
    expectProblem(
      await ctx.http.post('/v1/organizations').set(bearer(platform)).send({ code: 'KOTA-A', name: 'B' }),
      409,
      'ORGANIZATION_CODE_TAKEN',
    );
  });
});
