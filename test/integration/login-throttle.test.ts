import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createLoginThrottle } from '../../src/modules/login-throttle/service.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

const clock = manualClock('2024-10-23T02:00:00Z');
let ctx: TestContext;
let org: SeededOrg;
let platform: string;

beforeAll(async () => {
  // Default throttling settings; the test client stands behind a proxy at 127.0.0.1, so each
  // request can come from the address the test chooses.
  ctx = await createTestContext({
    clock,
    env: {
      TRUST_PROXY: '127.0.0.1',
      LOGIN_RATE_LIMIT_PER_MINUTE: '20',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_LOCK_MINUTES: '15',
    },
  });
  platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'KAB-THROTTLE');
});
afterAll(() => ctx.close());

const from = (address: string, body: Record<string, string>, path = '/v1/auth/login') =>
  ctx.http.post(path).set('x-forwarded-for', address).send(body);

async function answers(address: string, login: string, password: string, times: number) {
  const out: Array<[number, string | undefined, string | undefined]> = [];
  for (let i = 0; i < times; i++) {
    const res = await from(address, { login, password });
    out.push([res.status, res.body.code, res.headers['retry-after']]);
  }
  return out;
}

describe('nobody can lock anybody out', () => {
  test('failures from one address delay that address only: the owner logs in from elsewhere at once', async () => {
    const victim = await createMember(ctx, platform, org.id, 'org_admin');
    const attack = await answers('198.51.100.66', victim.nip, 'guess-guess', 12);
    expect(attack.map((a) => a[0])).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    expect(attack[5]).toEqual([429, 'LOGIN_THROTTLED', '60']);
    const owner = await from('203.0.113.20', { login: victim.nip, password: victim.password });
    expect(owner.status).toBe(200);
  });

  test('an unknown login gets the same answers, delays included, as a known one with a wrong password', async () => {
    const known = await createMember(ctx, platform, org.id, 'participant');
    const a = await answers('198.51.100.70', known.nip, 'wrong-password', 7);
    const b = await answers('198.51.100.71', '199912312024011999', 'wrong-password', 7);
    expect(b).toEqual(a);
    clock.advance(61_000);
    const c = await answers('198.51.100.70', known.nip, 'wrong-password', 2);
    const d = await answers('198.51.100.71', '199912312024011999', 'wrong-password', 2);
    expect(d).toEqual(c);
    expect(c.map((x) => x[2])).toEqual([undefined, '120']);
  });

  test('an admin lifts every delay of a user; other organizations cannot see the user', async () => {
    const member = await createMember(ctx, platform, org.id, 'participant');
    await answers('198.51.100.80', member.email, 'wrong-password', 6);
    expect((await from('198.51.100.80', { login: member.nip, password: 'x' })).status).toBe(401);
    expect((await from('198.51.100.80', { login: member.email, password: member.password })).status).toBe(429);

    const other = await seedOrg(ctx, platform, 'KAB-LAIN');
    const foreign = await ctx.http.post(`/v1/users/${member.id}/unlock`).set(bearer(other.admin.token));
    expect(foreign.status).toBe(404);
    const participant = await ctx.http.post(`/v1/users/${member.id}/unlock`).set(bearer(org.participant.token));
    expect(participant.status).toBe(403);

    const unlocked = await ctx.http.post(`/v1/users/${member.id}/unlock`).set(bearer(org.admin.token));
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.cleared).toBeGreaterThan(0);
    expect((await from('198.51.100.80', { login: member.email, password: member.password })).status).toBe(200);
    const { rows } = await ctx.deps.pool.query("select 1 from audit_log where action = 'user.unlocked'");
    expect(rows).toHaveLength(1);
  });
});

describe('housekeeping', () => {
  test('counts nobody will read again are removed, so guessing unknown logins cannot grow the table forever', async () => {
    const day = manualClock('2024-12-01T00:00:00Z');
    const throttle = createLoginThrottle({
      db: ctx.deps.db,
      clock: day,
      settings: { freeFailures: 5, maxDelayMinutes: 15, sourceFailuresPerMinute: 20 },
    });
    await throttle.failed('tebakan-lama@example.org', '192.0.2.77');
    const count = async (login: string) =>
      (await ctx.deps.pool.query('select 1 from login_throttle where login_key = $1', [login])).rows.length;
    expect(await count('tebakan-lama@example.org')).toBe(1);
    day.advance(25 * 3_600_000);
    await throttle.failed('tebakan-baru@example.org', '192.0.2.77');
    expect(await count('tebakan-lama@example.org')).toBe(0);
    expect(await count('tebakan-baru@example.org')).toBe(1);
  });
});

describe('one office, one address', () => {
  test('with default settings, 40 people activate and then log in from one address within a minute', async () => {
    const admin = bearer(org.admin.token);
    const shipped = JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'));
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
    const cohort = (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'KANTOR', name: 'Kantor' }))
      .body;
    const people = makePeople(40, 31337);
    for (const p of people) {
      await ctx.http
        .post(`/v1/cohorts/${cohort.id}/enrollments`)
        .set(admin)
        .send({ nip: p.nip, name: p.nama })
        .expect(201);
    }
    const csv = await ctx.http.get(`/v1/cohorts/${cohort.id}/activation-codes`).set(admin).expect(200);
    const codes = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(codes).toHaveLength(40);
    const office = '203.0.113.99';
    const statuses: number[] = [];
    for (const row of codes) {
      const body = { login: row.NIP!, code: row['Kode Aktivasi']!, password: `sandi-${row.NIP}` };
      statuses.push((await from(office, body, '/v1/auth/activate')).status);
    }
    for (const row of codes) {
      statuses.push((await from(office, { login: row.NIP!, password: `sandi-${row.NIP}` })).status);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 120_000);

  test('3,400 activations and logins from one address in an hour, one in ten mistyped first, are all let through', async () => {
    const hour = manualClock('2024-11-04T01:00:00Z');
    const throttle = createLoginThrottle({
      db: ctx.deps.db,
      clock: hour,
      settings: { freeFailures: 5, maxDelayMinutes: 15, sourceFailuresPerMinute: 20 },
    });
    const office = '192.0.2.10';
    let refused = 0;
    for (let i = 0; i < 3400; i++) {
      const nip = `19800101200901${String(1000 + i).padStart(4, '0')}`;
      for (const step of ['activate', 'login']) {
        if (i % 10 === 0 && step === 'login') await throttle.failed(nip, office);
        try {
          await throttle.check(nip, office);
          await throttle.succeeded(nip, office);
        } catch {
          refused += 1;
        }
      }
      hour.advance(3_600_000 / 3400);
    }
    expect(refused).toBe(0);
  }, 300_000);
});
