import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, login, makeNip, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { until } from '../support/until.js';

const clock = manualClock('2024-10-23T02:00:00Z');
let ctx: TestContext;
let org: SeededOrg;
let platform: string;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'KAB-AKUN');
});
afterAll(() => ctx.close());

describe('password policy', () => {
  test('common passwords and the person\u2019s own NIP or email are refused wherever a password is set', async () => {
    const admin = bearer(org.admin.token);
    const nip = makeNip();
    const base = { orgId: org.id, role: 'participant', nip, email: `budi.${nip}@example.org`, name: 'Budi' };
    for (const password of ['12345678', 'Password1', 'qwertyuiop', nip, `budi.${nip}@example.org`, `budi.${nip}`]) {
      const res = await ctx.http
        .post('/v1/users')
        .set(admin)
        .send({ ...base, password });
      expect({ password, status: res.status, code: res.body.code }).toEqual({
        password,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
    }
    expect(
      (
        await ctx.http
          .post('/v1/users')
          .set(admin)
          .send({ ...base, password: 'Kopi-Jambi-Pagi-7' })
      ).status,
    ).toBe(201);
    const patched = await ctx.http.patch(`/v1/users/${org.participant.id}`).set(admin).send({ password: 'iloveyou1' });
    expect(patched.status).toBe(400);
    const activation = await ctx.http
      .post('/v1/auth/activate')
      .send({ login: org.participant.nip, code: 'ABCD-EFGH-JKLM', password: org.participant.nip });
    expect(activation.status).toBe(400);
    expect(activation.body.errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
  });
});

describe('refresh tokens', () => {
  test('two tabs refreshing the same token at once both stay logged in; a replay later still revokes the family', async () => {
    const member = await createMember(ctx, platform, org.id, 'participant');
    const pair = await login(ctx, member.nip, member.password);
    const [a, b] = await Promise.all([
      ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken }),
      ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.refreshToken).not.toBe(b.body.refreshToken);
    for (const tab of [a, b]) {
      expect((await ctx.http.post('/v1/auth/refresh').send({ refreshToken: tab.body.refreshToken })).status).toBe(200);
    }
    clock.advance(31_000);
    const replay = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: pair.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
  });
});

// Tokens carry their issue time in whole seconds, and one from the very second of a revocation
// counts as newer; these tests change the account in a later second than the login.
const nextSecond = () => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));

describe('access tokens follow the account', () => {
  test('a disabled user\u2019s access token stops working within seconds, not at its expiry', async () => {
    const member = await createMember(ctx, platform, org.id, 'instructor');
    expect((await ctx.http.get('/v1/me').set(bearer(member.token))).status).toBe(200);
    await nextSecond();
    await ctx.http.delete(`/v1/users/${member.id}`).set(bearer(org.admin.token)).expect(204);
    const refused = await until(async () => {
      const res = await ctx.http.get('/v1/me').set(bearer(member.token));
      return res.status === 401 ? res : undefined;
    }, 5000);
    expect(refused.body.code).toBe('TOKEN_REVOKED');
  });

  test('a demoted admin cannot write with the old token; a new login carries the new role', async () => {
    const demoted = await createMember(ctx, platform, org.id, 'org_admin');
    const write = () =>
      ctx.http.post('/v1/webhooks').set(bearer(demoted.token)).send({ url: 'https://hooks.example.org/x' });
    await nextSecond();
    await ctx.http
      .patch(`/v1/users/${demoted.id}`)
      .set(bearer(org.admin.token))
      .send({ role: 'participant' })
      .expect(200);
    const refused = await until(async () => {
      const res = await write();
      return res.status === 401 ? res : undefined;
    }, 5000);
    expect(refused.body.code).toBe('TOKEN_REVOKED');
    const again = await login(ctx, demoted.nip, demoted.password);
    const res = await ctx.http
      .post('/v1/webhooks')
      .set(bearer(again.accessToken))
      .send({ url: 'https://hooks.example.org/x' });
    expect(res.status).toBe(403);
  });
});
