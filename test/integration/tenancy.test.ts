import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, makeNip, seedOrg, type SeededOrg } from '../support/fixtures.js';

let ctx: TestContext;
let platform: string;
let jambi: SeededOrg;
let balikpapan: SeededOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  platform = await ctx.platformAdminToken();
  jambi = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  balikpapan = await seedOrg(ctx, platform, 'KOTA-BALIKPAPAN');
});
afterAll(() => ctx.close());

describe("tenancy: another organization's resources do not exist for you", () => {
  test('a participant of org A cannot see a user of org B (404), nor another participant of A', async () => {
    const other = await ctx.http.get(`/v1/users/${balikpapan.participant.id}`).set(bearer(jambi.participant.token));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const colleague = await ctx.http.get(`/v1/users/${jambi.instructor.id}`).set(bearer(jambi.participant.token));
    expect(colleague.status).toBe(404);
    const self = await ctx.http.get(`/v1/users/${jambi.participant.id}`).set(bearer(jambi.participant.token));
    expect(self.status).toBe(200);
  });

  test('an org admin cannot read, change or disable users of another organization', async () => {
    const id = balikpapan.participant.id;
    const token = bearer(jambi.admin.token);
    expect((await ctx.http.get(`/v1/users/${id}`).set(token)).status).toBe(404);
    expect((await ctx.http.patch(`/v1/users/${id}`).set(token).send({ name: 'Hijacked' })).status).toBe(404);
    expect((await ctx.http.delete(`/v1/users/${id}`).set(token)).status).toBe(404);
    const stillThere = await ctx.http.get(`/v1/users/${id}`).set(bearer(balikpapan.admin.token));
    expect(stillThere.body).toMatchObject({ name: expect.not.stringContaining('Hijacked'), status: 'active' });
  });

  test('an org admin cannot create users in, or read, another organization', async () => {
    const create = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ orgId: balikpapan.id, role: 'participant', nip: makeNip(), name: 'Sneaky' });
    expect(create.status).toBe(404);
    expect((await ctx.http.get(`/v1/organizations/${balikpapan.id}`).set(bearer(jambi.admin.token))).status).toBe(404);
    expect((await ctx.http.get(`/v1/organizations/${jambi.id}`).set(bearer(jambi.participant.token))).status).toBe(200);
  });

  test("user lists contain only the caller's organization; platform admins see all", async () => {
    const jambiList = await ctx.http.get('/v1/users?limit=200').set(bearer(jambi.admin.token));
    expect(jambiList.status).toBe(200);
    expect(jambiList.body.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(jambiList.body.items.map((u: { homeOrgId: string }) => u.homeOrgId))).toEqual(new Set([jambi.id]));
    const ids = jambiList.body.items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(balikpapan.participant.id);

    // Naming another organization in the filter does not widen the scope.
    const sneaky = await ctx.http.get(`/v1/users?orgId=${balikpapan.id}`).set(bearer(jambi.admin.token));
    expect(sneaky.body.items).toEqual([]);

    const all = await ctx.http.get('/v1/users?limit=200').set(bearer(platform));
    const orgs = new Set(all.body.items.map((u: { homeOrgId: string | null }) => u.homeOrgId));
    expect(orgs).toContain(jambi.id);
    expect(orgs).toContain(balikpapan.id);
  });

  test('organization lists: an org admin sees only their own', async () => {
    const res = await ctx.http.get('/v1/organizations').set(bearer(jambi.admin.token));
    expect(res.body.items.map((o: { code: string }) => o.code)).toEqual(['KOTA-JAMBI']);
  });
});

describe('roles', () => {
  test('only platform admins manage organizations', async () => {
    for (const token of [jambi.admin.token, jambi.instructor.token, jambi.participant.token]) {
      const res = await ctx.http.post('/v1/organizations').set(bearer(token)).send({ code: 'KAB-X', name: 'X' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await ctx.http.delete(`/v1/organizations/${jambi.id}`).set(bearer(jambi.admin.token))).status).toBe(403);
  });

  test('participants and instructors cannot create or change users; participants cannot list them', async () => {
    for (const token of [jambi.instructor.token, jambi.participant.token]) {
      const res = await ctx.http
        .post('/v1/users')
        .set(bearer(token))
        .send({ role: 'participant', nip: makeNip(), name: 'X' });
      expect(res.status).toBe(403);
      expect(
        (await ctx.http.patch(`/v1/users/${jambi.participant.id}`).set(bearer(token)).send({ name: 'X' })).status,
      ).toBe(403);
    }
    expect((await ctx.http.get('/v1/users').set(bearer(jambi.participant.token))).status).toBe(403);
    expect((await ctx.http.get('/v1/users').set(bearer(jambi.instructor.token))).status).toBe(200);
  });

  test('an org admin cannot grant the platform admin role', async () => {
    const create = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'platform_admin', email: 'climber@example.org', password: 'climber-password', name: 'Climber' });
    expect(create.status).toBe(403);
    const promote = await ctx.http
      .patch(`/v1/users/${jambi.participant.id}`)
      .set(bearer(jambi.admin.token))
      .send({ role: 'platform_admin' });
    expect(promote.status).toBe(403);
  });

  test('an org admin creates users in their own organization without naming it', async () => {
    const nip = makeNip('1992-03-04');
    const res = await ctx.http.post('/v1/users').set(bearer(jambi.admin.token)).send({
      role: 'participant',
      nip,
      name: 'Siti Rahma',
      birthDate: '1992-03-04',
      category: 'guru',
      unit: 'Dinas Pendidikan',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      homeOrgId: jambi.id,
      nip,
      nipKind: 'pns',
      role: 'participant',
      roles: ['participant'],
      status: 'pending',
      category: 'guru',
      linked: false,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
  });
});

describe('organizations and users CRUD', () => {
  test('organization: create, read, update settings, conflict on code, delete only when empty', async () => {
    const created = await ctx.http
      .post('/v1/organizations')
      .set(bearer(platform))
      .send({
        code: 'PROV-PAPUA',
        name: 'Pemerintah Provinsi Papua',
        timeZone: 'Asia/Jayapura',
        settings: { minutesPerJp: 60 },
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      timeZone: 'Asia/Jayapura',
      settings: { minutesPerJp: 60, annualJpTarget: 20, annualJpTargetPppk: 24, allowNonAsnParticipants: false },
    });

    const dup = await ctx.http
      .post('/v1/organizations')
      .set(bearer(platform))
      .send({ code: 'PROV-PAPUA', name: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('ORGANIZATION_CODE_TAKEN');

    const patched = await ctx.http
      .patch(`/v1/organizations/${created.body.id}`)
      .set(bearer(platform))
      .send({ settings: { annualJpTarget: 24 } });
    expect(patched.body.settings).toEqual({
      minutesPerJp: 60,
      annualJpTarget: 24,
      annualJpTargetPppk: 24,
      allowNonAsnParticipants: false,
    });

    expect((await ctx.http.delete(`/v1/organizations/${jambi.id}`).set(bearer(platform))).body.code).toBe(
      'ORGANIZATION_NOT_EMPTY',
    );
    expect((await ctx.http.delete(`/v1/organizations/${created.body.id}`).set(bearer(platform))).status).toBe(204);
    expect((await ctx.http.get(`/v1/organizations/${created.body.id}`).set(bearer(platform))).status).toBe(404);
  });

  test('user: NIP checks, unique NIP and email, update, pagination', async () => {
    const badNip = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'participant', nip: '199002302024011001', name: 'Bad Date' });
    expect(badNip.status).toBe(400);
    expect(badNip.body.code).toBe('INVALID_NIP');

    const mismatch = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'participant', nip: makeNip('1990-05-05'), birthDate: '1991-05-05', name: 'Mismatch' });
    expect(mismatch.body.code).toBe('INVALID_NIP');

    // A NIP known elsewhere is the same person: linked to the second organization, never a twin,
    // and their profile stays as their home organization keeps it.
    const linked = await ctx.http
      .post('/v1/users')
      .set(bearer(balikpapan.admin.token))
      .send({ role: 'participant', nip: jambi.participant.nip, name: 'Twin' });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ id: jambi.participant.id, homeOrgId: jambi.id, linked: true });
    expect(linked.body.name).not.toBe('Twin');
    const again = await ctx.http
      .post('/v1/users')
      .set(bearer(balikpapan.admin.token))
      .send({ role: 'participant', nip: jambi.participant.nip, name: 'Twin' });
    expect(again.body.code).toBe('ALREADY_MEMBER');

    // A NIP with someone else's email is a conflict, not a link.
    const dupEmail = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'instructor', nip: makeNip(), email: jambi.admin.email.toUpperCase(), name: 'Twin' });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.code).toBe('EMAIL_TAKEN');

    const patched = await ctx.http
      .patch(`/v1/users/${jambi.instructor.id}`)
      .set(bearer(jambi.admin.token))
      .send({ position: 'Widyaiswara Ahli Muda', rank: 'Penata (III/c)' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ position: 'Widyaiswara Ahli Muda', rank: 'Penata (III/c)' });

    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await ctx.http
        .get(`/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(bearer(platform));
      for (const u of res.body.items) {
        expect(seen.has(u.id)).toBe(false);
        seen.add(u.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    const { rows } = await ctx.deps.pool.query<{ n: number }>('select count(*)::int as n from users');
    expect(seen.size).toBe(rows[0]!.n);
  });

  test('a pending user becomes active when an admin sets a password', async () => {
    const nip = makeNip();
    const created = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'participant', nip, name: 'Baru' });
    expect(created.body.status).toBe('pending');
    expect((await ctx.http.post('/v1/auth/login').send({ login: nip, password: 'anything-1' })).status).toBe(401);
    const set = await ctx.http
      .patch(`/v1/users/${created.body.id}`)
      .set(bearer(jambi.admin.token))
      .send({ password: 'first-password' });
    expect(set.body.status).toBe('active');
    expect((await ctx.http.post('/v1/auth/login').send({ login: nip, password: 'first-password' })).status).toBe(200);
  });
});
