import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { wib } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, login, scheduleCohort, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople, rosterCsv, rosterXlsx, type RosterPerson } from '../support/roster-files.js';

/**
 * People as agencies know them: PNS and PPPK numbers, and one person learning from many organizers
 * (a province's BPSDM runs programs for the staff of its regencies; its widyaiswara teach there).
 */

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// 03:00 WIB on 11 March 2025: every date below is a local date, whatever the hour in UTC.
const clock = manualClock('2025-03-10T20:00:00Z');
let ctx: TestContext;
let platform: string;
let province: SeededOrg;
let muaroJambi: SeededOrg;
let batanghari: SeededOrg;
const courseOf = new Map<string, string>();

async function cohortOf(org: SeededOrg, code: string, phases: unknown[] = []) {
  const created = await ctx.http
    .post('/v1/cohorts')
    .set(bearer(org.admin.token))
    .send({ courseId: courseOf.get(org.id), code, name: `Angkatan ${code}` });
  if (created.status !== 201) throw new Error(`cohort ${code}: ${created.status} ${JSON.stringify(created.body)}`);
  if (phases.length > 0)
    await ctx.http
      .put(`/v1/cohorts/${created.body.id}/phases`)
      .set(bearer(org.admin.token))
      .send({ phases })
      .expect(200);
  if (phases.length > 0) await scheduleCohort(ctx, bearer(org.admin.token), created.body.id);
  return created.body.id as string;
}

function upload(org: SeededOrg, cohortId: string, file: Buffer, filename: string) {
  return ctx.http
    .post(`/v1/cohorts/${cohortId}/enrollments/import`)
    .set(bearer(org.admin.token))
    .attach('file', file, filename);
}

async function enrollments(org: SeededOrg, cohortId: string) {
  const all: Array<{ id: string; participant: Record<string, string | null> }> = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: typeof all; nextCursor: string | null } } = await ctx.http
      .get(`/v1/cohorts/${cohortId}/enrollments?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      .set(bearer(org.admin.token))
      .expect(200);
    all.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return all;
}

async function enrollOne(org: SeededOrg, cohortId: string, p: RosterPerson, extra: Record<string, string> = {}) {
  const res = await ctx.http
    .post(`/v1/cohorts/${cohortId}/enrollments`)
    .set(bearer(org.admin.token))
    .send({ nip: p.nip, name: p.nama, position: p.jabatan, unit: p.unitKerja, rank: p.pangkat, ...extra });
  if (res.status !== 201) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; participant: { id: string; nip: string } };
}

/** Sets a first password as the person's home organization and logs in once. */
async function personLogin(home: SeededOrg, userId: string, loginKey: string) {
  await ctx.http
    .patch(`/v1/users/${userId}`)
    .set(bearer(home.admin.token))
    .send({ password: 'kata-sandi-peserta' })
    .expect(200);
  return bearer((await login(ctx, loginKey, 'kata-sandi-peserta')).accessToken);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock, env: { IMPORT_SYNC_MAX_ROWS: '1000' } });
  platform = await ctx.platformAdminToken();
  province = await seedOrg(ctx, platform, 'BPSDM-PROV-JAMBI');
  muaroJambi = await seedOrg(ctx, platform, 'KAB-MUARO-JAMBI');
  batanghari = await seedOrg(ctx, platform, 'KAB-BATANGHARI');
  for (const org of [province, muaroJambi, batanghari]) {
    const res = await ctx.http.post('/v1/courses/import?publish=true').set(bearer(org.admin.token)).send(shipped);
    courseOf.set(org.id, res.body.courseId as string);
  }
});
afterAll(() => ctx.close());

describe('PNS and PPPK numbers', () => {
  test('a file of 650 PPPK participants enrolls all 650, as CSV and as XLSX', async () => {
    const people = makePeople(650, 31, 'pppk');
    expect(people.every((p) => p.nip[12] === '2')).toBe(true);
    const viaCsv = await cohortOf(muaroJambi, 'PPPK-2025-CSV');
    const viaXlsx = await cohortOf(muaroJambi, 'PPPK-2025-XLSX');

    const csv = await upload(muaroJambi, viaCsv, rosterCsv(people, { delimiter: ';' }), 'peserta.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({ counts: { created: 650, failed: 0 }, failed: [], enrolled: 650 });
    const xlsx = await upload(muaroJambi, viaXlsx, await rosterXlsx(people), 'peserta.xlsx');
    expect(xlsx.body).toMatchObject({ counts: { created: 0, updated: 650, failed: 0 }, failed: [], enrolled: 650 });

    const listed = await enrollments(muaroJambi, viaXlsx);
    expect(listed).toHaveLength(650);
    expect(new Set(listed.map((e) => e.participant.nipKind))).toEqual(new Set(['pppk']));
  });

  test('a mixed file of PNS and PPPK enrolls everyone, each with their kind', async () => {
    const people = makePeople(120, 32, 'mixed');
    const pppk = people.filter((p) => p.nip[12] === '2').length;
    expect(pppk).toBeGreaterThan(20);
    expect(pppk).toBeLessThan(100);
    const cohort = await cohortOf(muaroJambi, 'CAMPURAN');
    const res = await upload(muaroJambi, cohort, await rosterXlsx(people), 'campuran.xlsx');
    expect(res.body).toMatchObject({ counts: { created: 120, failed: 0 }, enrolled: 120 });
    const kinds = (await enrollments(muaroJambi, cohort)).map((e) => e.participant.nipKind);
    expect(kinds.filter((k) => k === 'pppk')).toHaveLength(pppk);
    expect(kinds.filter((k) => k === 'pns')).toHaveLength(120 - pppk);
  });

  test('numbers written with spaces, dots or dashes work in JSON and in files alike', async () => {
    const [a, b, c, d] = makePeople(4, 33, 'pppk');
    const spaced = (nip: string) =>
      `${nip.slice(0, 8)} ${nip.slice(8, 12)} ${nip.slice(12, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const cohort = await cohortOf(batanghari, 'TULISAN-NIP');

    const json = await ctx.http
      .post(`/v1/cohorts/${cohort}/enrollments`)
      .set(bearer(batanghari.admin.token))
      .send({ nip: spaced(a!.nip), name: a!.nama });
    expect(json.status).toBe(201);
    expect(json.body.participant).toMatchObject({ nip: a!.nip, nipKind: 'pppk' });

    const user = await ctx.http
      .post('/v1/users')
      .set(bearer(batanghari.admin.token))
      .send({ role: 'participant', nip: b!.nip.replace(/^(\d{8})(\d{4})/, '$1.$2.'), name: b!.nama });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ nip: b!.nip, nipKind: 'pppk' });

    const file = rosterCsv(
      [
        { ...c!, nip: spaced(c!.nip) },
        { ...d!, nip: d!.nip.replace(/^(\d{8})(\d{4})/, '$1-$2-') },
      ],
      {
        extraRows: ['"1,99001012022212E+17",Budi Mangled,budi@example.org'],
      },
    );
    const imported = await upload(batanghari, cohort, file, 'peserta.csv');
    expect(imported.body.counts).toMatchObject({ created: 2, failed: 1 });
    expect(imported.body.failed[0].reason).toContain('diubah menjadi angka oleh aplikasi lembar kerja');
    const nips = (await enrollments(batanghari, cohort)).map((e) => e.participant.nip).sort();
    expect(nips).toEqual([a!.nip, c!.nip, d!.nip].sort());

    // The person logs in and activates with the number as written on their decree, spaces and all.
    const codes = await ctx.http
      .get(`/v1/cohorts/${cohort}/activation-codes`)
      .set(bearer(batanghari.admin.token))
      .expect(200);
    const rows = parseCsv(codes.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const code = rows.find((r) => r.NIP === a!.nip)!['Kode Aktivasi']!;
    const activated = await ctx.http
      .post('/v1/auth/activate')
      .send({ login: spaced(a!.nip), code, password: 'kata-sandi-pppk' });
    expect(activated.status).toBe(200);
    expect(
      (await ctx.http.post('/v1/auth/login').send({ login: spaced(a!.nip), password: 'kata-sandi-pppk' })).status,
    ).toBe(200);
  });
});

describe('one person, many organizers', () => {
  let regencyPerson: RosterPerson;
  let otherRegencyPerson: RosterPerson;
  const [first] = makePeople(1, 41, 'pppk');
  const [second] = makePeople(1, 42, 'pns');
  let ids: { a: string; b: string; aAtRegency: string; bAtRegency: string; aAtProvince: string; bAtProvince: string };
  let provinceCohort: string;

  beforeAll(async () => {
    regencyPerson = first!;
    otherRegencyPerson = second!;
    const atA = await enrollOne(muaroJambi, await cohortOf(muaroJambi, 'ORIENTASI-PPPK-I'), regencyPerson!, {
      position: 'Penata Kelola Sistem dan Teknologi Informasi',
    });
    const atB = await enrollOne(batanghari, await cohortOf(batanghari, 'LATSAR-I'), otherRegencyPerson!);
    // The province enrolls both from its own file, which names their posts as it knows them.
    provinceCohort = await cohortOf(province, 'PKP-ANGKATAN-IV');
    const file = rosterCsv([
      { ...regencyPerson!, nama: 'NAMA DARI FILE PROVINSI', jabatan: 'Pengawas Penyelenggaraan Urusan Pemerintahan' },
      otherRegencyPerson!,
    ]);
    const res = await upload(province, provinceCohort, file, 'pkp.csv');
    expect(res.body).toMatchObject({ counts: { created: 0, updated: 2, failed: 0 }, enrolled: 2 });
    const atProvince = await enrollments(province, provinceCohort);
    const find = (nip: string) => atProvince.find((e) => e.participant.nip === nip)!;
    ids = {
      a: atA.participant.id,
      b: atB.participant.id,
      aAtRegency: atA.id,
      bAtRegency: atB.id,
      aAtProvince: find(regencyPerson!.nip).id,
      bAtProvince: find(otherRegencyPerson!.nip).id,
    };
  });

  test('a known NIP is linked, never duplicated, and another organizer’s file does not rewrite the profile', async () => {
    expect(ids.a).toBe(
      (await enrollments(province, provinceCohort)).find((e) => e.participant.nip === regencyPerson.nip)!.participant
        .id,
    );
    const { rows } = await ctx.deps.pool.query<{ n: number }>('select count(*)::int as n from users where nip = $1', [
      regencyPerson.nip,
    ]);
    expect(rows[0]!.n).toBe(1);

    const home = await ctx.http.get(`/v1/users/${ids.a}`).set(bearer(muaroJambi.admin.token)).expect(200);
    expect(home.body).toMatchObject({ name: regencyPerson.nama, homeOrgId: muaroJambi.id, nipKind: 'pppk' });
    expect(home.body.position).toBe('Penata Kelola Sistem dan Teknologi Informasi');
    // The province keeps what its file said for its training: that is what its certificate prints.
    const atProvince = (await enrollments(province, provinceCohort)).find((e) => e.id === ids.aAtProvince)!;
    expect(atProvince.participant).toMatchObject({
      position: 'Pengawas Penyelenggaraan Urusan Pemerintahan',
      instansi: `Organisasi ${muaroJambi.code}`,
    });
    const rename = await ctx.http
      .patch(`/v1/users/${ids.a}`)
      .set(bearer(province.admin.token))
      .send({ name: 'Diubah Provinsi' });
    expect(rename.status).toBe(403);
    expect(rename.body.code).toBe('NOT_HOME_ORGANIZATION');
  });

  test('each person logs in once and sees their regency’s and the province’s enrollments', async () => {
    for (const [person, home, id] of [
      [regencyPerson, muaroJambi, ids.a],
      [otherRegencyPerson, batanghari, ids.b],
    ] as const) {
      const token = await personLogin(home, id, person.nip);
      const mine = await ctx.http.get('/v1/me/enrollments').set(token).expect(200);
      expect(mine.body.map((e: { organizer: { code: string } }) => e.organizer.code).sort()).toEqual(
        [home.code, province.code].sort(),
      );
      const me = await ctx.http.get('/v1/me').set(token).expect(200);
      expect(me.body).toMatchObject({ homeOrganization: { code: home.code }, role: 'participant' });
      expect(me.body.memberships.map((m: { code: string }) => m.code).sort()).toEqual(
        [home.code, province.code].sort(),
      );

      // The same login reads the province's lessons (not only its home organization's), and no others.
      const lessonOf = async (org: SeededOrg) =>
        (await ctx.http.get(`/v1/courses/${courseOf.get(org.id)}`).set(bearer(org.admin.token))).body.version.modules[0]
          .lessons[0].id as string;
      expect((await ctx.http.get(`/v1/lessons/${await lessonOf(province)}`).set(token)).status).toBe(200);
      const stranger = home === muaroJambi ? batanghari : muaroJambi;
      expect((await ctx.http.get(`/v1/lessons/${await lessonOf(stranger)}`).set(token)).status).toBe(404);
    }
  });

  test('a regency sees its own staff’s history at every organizer, and nothing of another regency’s staff', async () => {
    const history = await ctx.http
      .get(`/v1/users/${ids.a}/training-history`)
      .set(bearer(muaroJambi.admin.token))
      .expect(200);
    expect(history.body.scope).toBe('all');
    expect(
      history.body.items.map((i: { organizer: { code: string }; cohort: { code: string } }) => [
        i.organizer.code,
        i.cohort.code,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [muaroJambi.code, 'ORIENTASI-PPPK-I'],
        [province.code, 'PKP-ANGKATAN-IV'],
      ]),
    );
    expect(history.body.items).toHaveLength(2);

    // Nothing of Batanghari's staff, neither the person nor their history.
    expect((await ctx.http.get(`/v1/users/${ids.b}`).set(bearer(muaroJambi.admin.token))).status).toBe(404);
    expect((await ctx.http.get(`/v1/users/${ids.b}/training-history`).set(bearer(muaroJambi.admin.token))).status).toBe(
      404,
    );
    expect((await ctx.http.get(`/v1/users/${ids.b}/jp?year=2025`).set(bearer(muaroJambi.admin.token))).status).toBe(
      404,
    );
    const list = await ctx.http.get('/v1/users?limit=200').set(bearer(muaroJambi.admin.token)).expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(ids.b);

    // The province, an organizer but not the home, sees its own program only.
    const theirs = await ctx.http
      .get(`/v1/users/${ids.a}/training-history`)
      .set(bearer(province.admin.token))
      .expect(200);
    expect(theirs.body.scope).toBe('own');
    expect(theirs.body.items.map((i: { cohort: { code: string } }) => i.cohort.code)).toEqual(['PKP-ANGKATAN-IV']);
  });

  test('a non-home organizer gets 404 on the person’s other enrollments', async () => {
    const provinceAdmin = bearer(province.admin.token);
    for (const path of [
      `/v1/enrollments/${ids.aAtRegency}`,
      `/v1/enrollments/${ids.aAtRegency}/attendance`,
      `/v1/enrollments/${ids.bAtRegency}`,
    ]) {
      expect((await ctx.http.get(path).set(provinceAdmin)).status, path).toBe(404);
    }
    const adjust = await ctx.http
      .post(`/v1/enrollments/${ids.aAtRegency}/jp-adjustments`)
      .set(provinceAdmin)
      .send({ jp: 5, reason: 'bukan milik kami' });
    expect(adjust.status).toBe(404);
    // And the other way round: the home regency does not reach into the province's enrollment.
    expect((await ctx.http.get(`/v1/enrollments/${ids.aAtProvince}`).set(bearer(muaroJambi.admin.token))).status).toBe(
      404,
    );
  });

  test('annual JP is the person’s: every organizer and external training, against the PPPK target', async () => {
    const adjust = (org: SeededOrg, enrollmentId: string, jp: number) =>
      ctx.http
        .post(`/v1/enrollments/${enrollmentId}/jp-adjustments`)
        .set(bearer(org.admin.token))
        .send({ jp, reason: 'JP dari daftar hadir' })
        .expect(201);
    await adjust(muaroJambi, ids.aAtRegency, 6);
    await adjust(province, ids.aAtProvince, 8);
    await ctx.http
      .post(`/v1/users/${ids.a}/external-trainings`)
      .set(bearer(muaroJambi.admin.token))
      .send({ title: 'Webinar SPBE', organizer: 'KemenPAN-RB', startDate: '2025-02-03', endDate: '2025-02-03', jp: 4 })
      .expect(201);

    const token = await personLogin(muaroJambi, ids.a, regencyPerson.nip);
    const mine = await ctx.http.get('/v1/me/jp?year=2025').set(token).expect(200);
    expect(mine.body).toMatchObject({
      scope: 'all',
      nipKind: 'pppk',
      timeZone: 'Asia/Jakarta',
      targetJp: 24,
      totalJp: 18,
      remainingJp: 6,
    });
    expect(
      mine.body.programs.map((p: { organizer: { code: string }; jp: number }) => [p.organizer.code, p.jp]).sort(),
    ).toEqual(
      [
        [province.code, 8],
        [muaroJambi.code, 6],
      ].sort(),
    );
    const home = await ctx.http.get(`/v1/users/${ids.a}/jp?year=2025`).set(bearer(muaroJambi.admin.token)).expect(200);
    expect(home.body).toMatchObject({ scope: 'all', totalJp: 18 });
    const organizer = await ctx.http
      .get(`/v1/users/${ids.a}/jp?year=2025`)
      .set(bearer(province.admin.token))
      .expect(200);
    expect(organizer.body).toMatchObject({ scope: 'own', totalJp: 8, external: [] });
    expect(organizer.body.programs.map((p: { organizer: { code: string } }) => p.organizer.code)).toEqual([
      province.code,
    ]);

    // A PNS counts against the PNS target of their home organization.
    const pns = await ctx.http.get(`/v1/users/${ids.b}/jp?year=2025`).set(bearer(batanghari.admin.token)).expect(200);
    expect(pns.body).toMatchObject({ nipKind: 'pns', targetJp: 20 });
  });

  test('a widyaiswara of the province teaches a regency’s classroom session', async () => {
    const regencyAdmin = bearer(muaroJambi.admin.token);
    const cohort = await cohortOf(muaroJambi, 'KLASIKAL-2025', [
      { kind: 'classroom', name: 'Klasikal', startDate: '2025-04-14', endDate: '2025-04-16', venue: 'Aula Bupati' },
    ]);
    const phaseId = (await ctx.http.get(`/v1/cohorts/${cohort}`).set(regencyAdmin)).body.phases[0].id as string;
    const session = {
      title: 'Nilai-Nilai Dasar ASN: BerAKHLAK',
      startsAt: wib('2025-04-14T08:00:00'),
      endsAt: wib('2025-04-14T09:30:00'),
      jp: 2,
      instructorIds: [province.instructor.id],
    };
    const before = await ctx.http.post(`/v1/phases/${phaseId}/sessions`).set(regencyAdmin).send(session);
    expect(before.status).toBe(422);

    const linked = await ctx.http
      .post('/v1/users')
      .set(regencyAdmin)
      .send({ role: 'instructor', nip: province.instructor.nip, name: 'Widyaiswara BPSDM' });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ id: province.instructor.id, linked: true, homeOrgId: province.id });
    const created = await ctx.http.post(`/v1/phases/${phaseId}/sessions`).set(regencyAdmin).send(session);
    expect(created.status).toBe(201);

    // One login, two organizations: the token acts in one, and switches to the other.
    const own = await login(ctx, province.instructor.nip, province.instructor.password);
    expect((await ctx.http.get(`/v1/cohorts/${cohort}`).set(bearer(own.accessToken))).status).toBe(404);
    const switched = await ctx.http
      .post('/v1/auth/switch-organization')
      .set(bearer(own.accessToken))
      .send({ organizationId: muaroJambi.id });
    expect(switched.status).toBe(200);
    const there = bearer(switched.body.accessToken);
    expect((await ctx.http.get(`/v1/cohorts/${cohort}`).set(there)).status).toBe(200);
    expect((await ctx.http.get('/v1/me').set(there)).body).toMatchObject({
      role: 'instructor',
      organization: { id: muaroJambi.id },
      homeOrganization: { id: province.id },
    });
    const refused = await ctx.http
      .post('/v1/auth/switch-organization')
      .set(bearer(own.accessToken))
      .send({ organizationId: batanghari.id });
    expect(refused.body.code).toBe('NOT_A_MEMBER');
  });
});

describe('participants without a NIP', () => {
  test('are enrolled by email only where the organization allows it', async () => {
    const admin = bearer(batanghari.admin.token);
    const cohort = await cohortOf(batanghari, 'NON-ASN');
    const guest = { email: 'tenaga.honorer@example.org', name: 'Siti Honorer', position: 'Tenaga Pendukung' };
    const refused = await ctx.http.post(`/v1/cohorts/${cohort}/enrollments`).set(admin).send(guest);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('INVALID_PARTICIPANT');

    await ctx.http
      .patch(`/v1/organizations/${batanghari.id}`)
      .set(bearer(platform))
      .send({ settings: { allowNonAsnParticipants: true } })
      .expect(200);
    const enrolled = await ctx.http.post(`/v1/cohorts/${cohort}/enrollments`).set(admin).send(guest);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.participant).toMatchObject({ nip: null, nipKind: null, email: guest.email });

    // In a file too, side by side with ASN rows; the same email again is the same person.
    const second = await cohortOf(batanghari, 'NON-ASN-II');
    const [asn] = makePeople(1, 43, 'pppk');
    const file = rosterCsv([asn!], { extraRows: [`,Siti Honorer,${guest.email.toUpperCase()}`] });
    const res = await upload(batanghari, second, file, 'campuran.csv');
    expect(res.body).toMatchObject({ counts: { failed: 0 }, enrolled: 2 });
    const listed = await enrollments(batanghari, second);
    expect(listed.find((e) => e.participant.email === guest.email)!.participant.id).toBe(enrolled.body.participant.id);
  });
});
