import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, login, seedOrg, type SeededOrg } from '../support/fixtures.js';

const clock = manualClock('2024-10-23T02:00:00Z');
let ctx: TestContext;
let org: SeededOrg;
let platformToken: string;

beforeAll(async () => {
  ctx = await createTestContext({ clock, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
  platformToken = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platformToken, 'KOTA-JAMBI');
});
afterAll(() => ctx.close());

describe('login', () => {
  test('by NIP or by email (any case) gives an access token that works and a refresh token', async () => {
    const { participant } = org;
    for (const key of [participant.nip, participant.email, participant.email.toUpperCase()]) {
      const res = await ctx.http.post('/v1/auth/login').send({ login: key, password: participant.password });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(res.body.refreshToken).toMatch(/^[\w-]{40,}$/);
      const me = await ctx.http.get('/v1/me').set(bearer(res.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: participant.id, role: 'participant', nip: participant.nip });
      expect(me.body.organization).toMatchObject({ code: 'KOTA-JAMBI', timeZone: 'Asia/Jakarta' });
      expect(me.body).not.toHaveProperty('passwordHash');
    }
  });

  test('a wrong password and an unknown account fail alike', async () => {
    const wrong = await ctx.http
      .post('/v1/auth/login')
      .send({ login: org.participant.nip, password: 'not-the-password' });
    const unknown = await ctx.http
      .post('/v1/auth/login')
      .send({ login: 'nobody@example.org', password: 'whatever-pw' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
      expect(res.body).not.toHaveProperty('accessToken');
    }
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  test('repeated failures delay that login from that address, growing, then it opens again', async () => {
    const member = await createMember(ctx, platformToken, org.id, 'participant');
    for (let i = 0; i < 3; i++) {
      const res = await ctx.http.post('/v1/auth/login').send({ login: member.nip, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const delayed = await ctx.http.post('/v1/auth/login').send({ login: member.nip, password: member.password });
    expect(delayed.status).toBe(429);
    expect(delayed.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(delayed.headers['retry-after'])).toBe(60);

    clock.advance(60_000 + 1000);
    expect((await ctx.http.post('/v1/auth/login').send({ login: member.nip, password: 'wrong' })).status).toBe(401);
    const longer = await ctx.http.post('/v1/auth/login').send({ login: member.nip, password: member.password });
    expect(Number(longer.headers['retry-after'])).toBe(120);
    clock.advance(120_000 + 1000);
    const open = await ctx.http.post('/v1/auth/login').send({ login: member.nip, password: member.password });
    expect(open.status).toBe(200);
  });

  test('a disabled account cannot log in', async () => {
    const member = await createMember(ctx, platformToken, org.id, 'participant');
    expect((await ctx.http.delete(`/v1/users/${member.id}`).set(bearer(org.admin.token))).status).toBe(204);
    const res = await ctx.http.post('/v1/auth/login').send({ login: member.nip, password: member.password });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ACCOUNT_DISABLED');
  });

  test('missing, malformed and forged access tokens are 401', async () => {
    expect((await ctx.http.get('/v1/me')).body.code).toBe('UNAUTHENTICATED');
    const forged = await ctx.http.get('/v1/me').set(bearer(`${org.participant.token.slice(0, -4)}AAAA`));
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
    expect((await ctx.http.get('/v1/me').set('Authorization', 'Basic abc')).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  test('refresh rotates: the new pair works, the old refresh token is spent', async () => {
    const first = await login(ctx, org.instructor.nip, org.instructor.password);
    const second = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await ctx.http.get('/v1/me').set(bearer(second.body.accessToken))).status).toBe(200);

    const third = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
  });

  test('reusing a spent refresh token revokes the whole family, and only that family', async () => {
    const stolen = await login(ctx, org.instructor.nip, org.instructor.password);
    const otherDevice = await login(ctx, org.instructor.nip, org.instructor.password);
    const rotated = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: stolen.refreshToken });
    expect(rotated.status).toBe(200);

    // Past the grace window for two tabs refreshing at once.
    clock.advance(31_000);
    const replay = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: stolen.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The legitimate holder of the newest token of that family is signed out too ...
    const descendant = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
    expect(descendant.status).toBe(401);
    expect(descendant.body.code).toBe('REFRESH_TOKEN_REVOKED');
    // ... but a separate login is untouched.
    expect((await ctx.http.post('/v1/auth/refresh').send({ refreshToken: otherDevice.refreshToken })).status).toBe(200);
  });

  test('concurrent use of one refresh token (tabs refreshing at once) gives each caller its own pair', async () => {
    const pair = await login(ctx, org.instructor.nip, org.instructor.password);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.refreshToken as string)).size).toBe(5);
  });

  test('an unknown or expired refresh token is refused', async () => {
    const unknown = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: 'x'.repeat(43) });
    expect(unknown.body.code).toBe('REFRESH_TOKEN_INVALID');

    const pair = await login(ctx, org.instructor.nip, org.instructor.password);
    clock.advance(31 * 86_400_000);
    const expired = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('REFRESH_TOKEN_EXPIRED');
  });

  test('logout ends the session: its refresh token no longer works; logout is idempotent', async () => {
    const pair = await login(ctx, org.admin.nip, org.admin.password);
    const out = await ctx.http.post('/v1/auth/logout').send({ refreshToken: pair.refreshToken });
    expect(out.status).toBe(204);
    const again = await ctx.http.post('/v1/auth/logout').send({ refreshToken: pair.refreshToken });
    expect(again.status).toBe(204);
    const refresh = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken });
    expect(refresh.status).toBe(401);
    expect(refresh.body.code).toBe('REFRESH_TOKEN_REVOKED');
  });

  test('disabling a user revokes their refresh tokens', async () => {
    const member = await createMember(ctx, platformToken, org.id, 'instructor');
    const pair = await login(ctx, member.nip, member.password);
    await ctx.http.delete(`/v1/users/${member.id}`).set(bearer(org.admin.token)).expect(204);
    const res = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken });
    expect(res.status).toBe(401);
  });
});

describe('audit', () => {
  test('logins, failures and token reuse are in the audit log', async () => {
    const { rows } = await ctx.deps.pool.query<{ action: string }>('select distinct action from audit_log');
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.refresh_reused', 'user.disabled']),
    );
  });
});

describe('rate limit per IP address', () => {
  test('login attempts over the limit get 429 with Retry-After, whoever the account', async () => {
    const limited = await createTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.http
          .post('/v1/auth/login')
          .send({ login: `user${i}@example.org`, password: 'whatever-pw' });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Other routes are not limited.
      expect((await limited.http.get('/health/live')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
