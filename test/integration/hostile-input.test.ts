import { createHmac, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';

let ctx: TestContext;
let org: SeededOrg;
let platform: string;

beforeAll(async () => {
  ctx = await createTestContext();
  platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'KAB-HOSTILE');
});
afterAll(() => ctx.close());

const STABLE_CODE = /^(?!FST_|FAST_|ERR_)[A-Z][A-Z0-9_]*$/;

function expectProblem(res: { status: number; headers: Record<string, string>; body: unknown }, status?: number) {
  if (status !== undefined) expect(res.status).toBe(status);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as { code?: string; status?: number };
  expect(body.code).toMatch(STABLE_CODE);
  expect(body.status).toBe(res.status);
  return body.code!;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('tokens', () => {
  test('a token whose header names another algorithm, or none, is a 401 TOKEN_INVALID', async () => {
    const claims = b64({ sub: org.admin.id, org: org.id, role: 'org_admin', exp: Math.floor(Date.now() / 1000) + 600 });
    const signed = (alg: string, hash: string) => {
      const header = b64({ alg, typ: 'JWT' });
      const sig = createHmac(hash, ctx.deps.jwtSecret).update(`${header}.${claims}`).digest('base64url');
      return `${header}.${claims}.${sig}`;
    };
    const tokens = [
      signed('HS512', 'sha512'),
      signed('HS384', 'sha384'),
      signed('RS256', 'sha256'),
      signed('ES256', 'sha256'),
      `${b64({ alg: 'none', typ: 'JWT' })}.${claims}.c2lnbmF0dXJl`,
      `${b64({ alg: 'none', typ: 'JWT' })}.${claims}.`,
      `${b64({ alg: 'HS256' })}.${claims}`,
      'not.a.token',
      `${b64({ alg: 'HS256', typ: 'JWT' })}.bm90IGpzb24.abc`,
    ];
    for (const token of tokens) {
      const res = await ctx.http.get('/v1/me').set('Authorization', `Bearer ${token}`);
      expect({ token, status: res.status }).toEqual({ token, status: 401 });
      expect(expectProblem(res)).toBe('TOKEN_INVALID');
    }
  });
});

describe('NUL characters', () => {
  test('NUL in login, activation and any text field is a 400 naming the field, and nothing is logged as a failed query', async () => {
    const cases = [
      ctx.http.post('/v1/auth/login').send({ login: `${org.participant.nip}\u0000`, password: 'x' }),
      ctx.http.post('/v1/auth/login').send({ login: org.participant.nip, password: 'pass\u0000word' }),
      ctx.http
        .post('/v1/auth/activate')
        .send({ login: org.participant.nip, code: 'AB\u0000CD', password: 'x'.repeat(12) }),
      ctx.http.patch(`/v1/users/${org.participant.id}`).set(bearer(org.admin.token)).send({ name: 'Budi\u0000' }),
      ctx.http.post('/v1/organizations').set(bearer(platform)).send({ code: 'KAB-NUL', name: 'A\u0000B' }),
      ctx.http.get('/v1/users?q=a%00b').set(bearer(org.admin.token)),
      ctx.http.get('/v1/users/%00').set(bearer(org.admin.token)),
    ];
    for (const res of await Promise.all(cases)) {
      expect(expectProblem(res, 400)).toBe('VALIDATION_FAILED');
    }
    expect(ctx.logs.filter((l) => l.level === 50)).toEqual([]);
  });

  test('half of a surrogate pair ("\\ud800" in JSON) is a 400 too: it cannot be stored as it was sent', async () => {
    const before = await ctx.deps.pool.query<{ name: string }>('select name from users where id = $1', [
      org.participant.id,
    ]);
    const res = await ctx.http
      .patch(`/v1/users/${org.participant.id}`)
      .set(bearer(org.admin.token))
      .set('content-type', 'application/json')
      .send('{"name":"Budi \\ud800"}');
    expect(expectProblem(res, 400)).toBe('VALIDATION_FAILED');
    expect(res.body.errors[0]).toMatchObject({ path: 'body.name' });
    const key = await ctx.http
      .post('/v1/organizations')
      .set(bearer(platform))
      .set('content-type', 'application/json')
      .send('{"code":"KAB-X","name":"A","\\udc00":1}');
    expect(expectProblem(key, 400)).toBe('VALIDATION_FAILED');
    const after = await ctx.deps.pool.query<{ name: string }>('select name from users where id = $1', [
      org.participant.id,
    ]);
    expect(after.rows).toEqual(before.rows);
    // A well-formed pair (an emoji) is ordinary text.
    const emoji = await ctx.http
      .patch(`/v1/users/${org.participant.id}`)
      .set(bearer(org.admin.token))
      .send({ name: 'Budi \u{1F600}' });
    expect(emoji.status).toBe(200);
  });
});

describe('framework errors are problem details', () => {
  test('malformed URL encoding, an over-long path parameter and oversized headers', async () => {
    expect(expectProblem(await ctx.http.get('/v1/users/%E0%A4%A').set(bearer(platform)), 400)).toBe('BAD_URL');
    expect(expectProblem(await ctx.http.get(`/v1/users/${'a'.repeat(500)}`).set(bearer(platform)), 414)).toBe(
      'URI_TOO_LONG',
    );
    expect(expectProblem(await ctx.http.get(`/v1/me?${'q'.repeat(20_000)}`), 431)).toBe('HEADERS_TOO_LARGE');
    expect(expectProblem(await ctx.http.get('/v1/me').set('x-filler', 'a'.repeat(20_000)), 431)).toBe(
      'HEADERS_TOO_LARGE',
    );
  });

  test('a request Node cannot parse is answered with problem details', async () => {
    if (!ctx.app.server.listening) await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET /v1/me HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      );
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'MALFORMED_REQUEST',
    });
  });

  test('a multipart request without a boundary, or with too many fields, is a 4xx with this API\u2019s code', async () => {
    const cohort = await ctx.http.post('/v1/cohorts').set(bearer(org.admin.token)).send({ code: 'X', name: 'X' });
    const cohortId = (cohort.body.id as string | undefined) ?? randomUUID();
    const noBoundary = await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments/import`)
      .set(bearer(org.admin.token))
      .set('content-type', 'multipart/form-data')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nNIP\r\n--x--\r\n');
    expect(noBoundary.status).not.toBe(500);
    expectProblem(noBoundary);

    let fields = ctx.http.post(`/v1/cohorts/${cohortId}/enrollments/import`).set(bearer(org.admin.token));
    for (let i = 0; i < 15; i++) fields = fields.field(`f${i}`, 'x');
    const tooMany = await fields.attach('file', Buffer.from('NIP,nama\n'), 'a.csv');
    expect(expectProblem(tooMany)).not.toMatch(/^FST_/);
  });
});
