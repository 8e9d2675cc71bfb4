import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople, rosterCsv, rosterXlsx } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let ctx: TestContext;
let jambi: SeededOrg;
let balikpapan: SeededOrg;
let admin: { Authorization: string };
let courseId: string;

const jambiPhases = [
  {
    kind: 'online',
    name: 'MOOC Orientasi PPPK',
    startDate: '2024-10-23',
    endDate: '2024-11-08',
    requiredJp: 45,
    remedialDays: 15,
  },
  {
    kind: 'classroom',
    name: 'Klasikal',
    startDate: '2024-11-11',
    endDate: '2024-12-18',
    requiredJp: 24,
    venue: 'Aula Griya Mayang, Kota Jambi',
  },
];

async function createCohort(code: string, extra: Record<string, unknown> = {}, token = admin, course = courseId) {
  const res = await ctx.http
    .post('/v1/cohorts')
    .set(token)
    .send({ courseId: course, code, name: `Orientasi PPPK ${code}`, ...extra });
  if (res.status !== 201) throw new Error(`cohort: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; timeZone: string };
}

function upload(cohortId: string, file: Buffer, filename: string, query = '', token = admin) {
  return ctx.http.post(`/v1/cohorts/${cohortId}/enrollments/import${query}`).set(token).attach('file', file, filename);
}

beforeAll(async () => {
  ctx = await createTestContext({ env: { IMPORT_SYNC_MAX_ROWS: '1000' } });
  const platform = await ctx.platformAdminToken();
  jambi = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  balikpapan = await seedOrg(ctx, platform, 'KOTA-BALIKPAPAN');
  await ctx.http
    .patch(`/v1/organizations/${balikpapan.id}`)
    .set(bearer(platform))
    .send({ timeZone: 'Asia/Makassar' })
    .expect(200);
  admin = bearer(jambi.admin.token);
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
});
afterAll(() => ctx.close());

describe('cohorts and their dated phases', () => {
  test('a cohort pins the published version and takes the organization\u2019s time zone', async () => {
    const cohort = await createCohort('ANGKATAN-I');
    expect(cohort).toMatchObject({
      timeZone: 'Asia/Jakarta',
      status: 'draft',
      pastProgram: false,
      courseVersion: { number: 1 },
      phases: [],
      enrolled: 0,
    });
    const draftOnly = await ctx.http.post('/v1/courses').set(admin).send({ code: 'DRAFT-ONLY', title: 'Belum terbit' });
    const refused = await ctx.http
      .post('/v1/cohorts')
      .set(admin)
      .send({ courseId: draftOnly.body.id, code: 'X', name: 'X' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COURSE_NOT_PUBLISHED');
    expect(
      (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'ANGKATAN-I', name: 'dup' })).body.code,
    ).toBe('COHORT_CODE_TAKEN');
  });

  test.each([
    ['Asia/Jakarta', '2024-10-22T17:00:00.000Z', '2024-11-08T17:00:00.000Z'],
    ['Asia/Makassar', '2024-10-22T16:00:00.000Z', '2024-11-08T16:00:00.000Z'],
    ['Asia/Jayapura', '2024-10-22T15:00:00.000Z', '2024-11-08T15:00:00.000Z'],
  ])('a phase 23 Oct – 8 Nov 2024 in %s opens at %s and closes at %s', async (timeZone, opens, closes) => {
    const cohort = await createCohort(`TZ-${timeZone.split('/')[1]}`, { timeZone });
    const res = await ctx.http.put(`/v1/cohorts/${cohort.id}/phases`).set(admin).send({ phases: jambiPhases });
    expect(res.status).toBe(200);
    expect(res.body.phases[0]).toMatchObject({
      startDate: '2024-10-23',
      endDate: '2024-11-08',
      opensAt: opens,
      closesAt: closes,
      state: 'pending',
      scheduleVersion: 1,
    });
    expect(res.body).toMatchObject({ startsOn: '2024-10-23', endsOn: '2024-12-18' });
  });

  test('the phase list is validated as a whole, every problem at once', async () => {
    const cohort = await createCohort('BAD-PHASES');
    const res = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/phases`)
      .set(admin)
      .send({
        phases: [
          { kind: 'online', name: 'MOOC', startDate: '2024-02-30', endDate: '2024-11-08', requiredJp: -3 },
          { kind: 'classroom', name: 'Klasikal', startDate: '2024-11-20', endDate: '2024-11-12', remedialDays: 2 },
          { kind: 'field', name: 'Aktualisasi', startDate: '2024-11-15', endDate: '2024-12-01' },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PHASES_INVALID');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.phases[0].startDate',
      'body.phases[0].requiredJp',
      'body.phases[1].endDate',
      'body.phases[1].remedialDays',
      'body.phases[2].startDate',
    ]);
    const unknownZone = await ctx.http
      .post('/v1/cohorts')
      .set(admin)
      .send({ courseId, code: 'TZ-X', name: 'X', timeZone: 'Asia/Bandung' });
    expect(unknownZone.status).toBe(400);
    expect(unknownZone.body.errors[0].path).toBe('body.timeZone');
  });

  test('moving dates bumps the schedule version; a closed phase cannot be edited; an open phase may extend its end', async () => {
    const cohort = await createCohort('SCHEDULE');
    const first = (await ctx.http.put(`/v1/cohorts/${cohort.id}/phases`).set(admin).send({ phases: jambiPhases })).body;
    const [online, classroom] = first.phases;
    const renamed = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/phases`)
      .set(admin)
      .send({
        phases: [
          { ...jambiPhases[0], id: online.id, name: 'MOOC (baru)' },
          { ...jambiPhases[1], id: classroom.id, endDate: '2024-12-20' },
        ],
      });
    expect(renamed.body.phases.map((p: { scheduleVersion: number }) => p.scheduleVersion)).toEqual([1, 2]);

    // The phase clock moves states; here the database stands in for it.
    await ctx.deps.pool.query("update phases set state = 'closed' where id = $1", [online.id]);
    await ctx.deps.pool.query("update phases set state = 'open' where id = $1", [classroom.id]);
    const closedEdit = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/phases`)
      .set(admin)
      .send({
        phases: [
          { ...jambiPhases[0], id: online.id, name: 'MOOC (baru)', endDate: '2024-11-09' },
          { ...jambiPhases[1], id: classroom.id, endDate: '2024-12-20' },
        ],
      });
    expect(closedEdit.status).toBe(400);
    expect(closedEdit.body.errors).toEqual([
      { path: 'body.phases[0]', message: 'The phase is closed and cannot change' },
    ]);

    const extended = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/phases`)
      .set(admin)
      .send({
        phases: [
          { ...jambiPhases[0], id: online.id, name: 'MOOC (baru)' },
          { ...jambiPhases[1], id: classroom.id, endDate: '2024-12-23' },
        ],
      });
    expect(extended.status).toBe(200);
    expect(extended.body.phases[1]).toMatchObject({
      endDate: '2024-12-23',
      closesAt: '2024-12-23T17:00:00.000Z',
      scheduleVersion: 3,
    });
    const movedStart = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/phases`)
      .set(admin)
      .send({
        phases: [
          { ...jambiPhases[0], id: online.id, name: 'MOOC (baru)' },
          { ...jambiPhases[1], id: classroom.id, startDate: '2024-11-12', endDate: '2024-12-23' },
        ],
      });
    expect(movedStart.body.errors).toEqual([
      { path: 'body.phases[1].startDate', message: 'The phase is open: its start cannot move (its end can)' },
    ]);
  });

  test('listing filters by status and dates, with cursor pagination', async () => {
    const page1 = await ctx.http.get('/v1/cohorts?limit=2').set(admin);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await ctx.http.get(`/v1/cohorts?limit=50&cursor=${page1.body.nextCursor}`).set(admin);
    const all = [...page1.body.items, ...page2.body.items].map((c: { code: string }) => c.code);
    expect(new Set(all).size).toBe(all.length);
    const inNovember = await ctx.http.get('/v1/cohorts?from=2024-11-01&to=2024-11-30').set(admin);
    expect(inNovember.body.items.length).toBeGreaterThan(0);
    expect(inNovember.body.items.every((c: { startsOn: string }) => c.startsOn !== null)).toBe(true);
    const in2030 = await ctx.http.get('/v1/cohorts?from=2030-01-01').set(admin);
    expect(in2030.body.items).toEqual([]);
    expect((await ctx.http.get('/v1/cohorts?status=completed').set(admin)).body.items).toEqual([]);
  });

  test('another organization\u2019s cohort is 404', async () => {
    const theirs = await createCohort(
      'BPN-I',
      {},
      bearer(balikpapan.admin.token),
      (await ctx.http.post('/v1/courses/import?publish=true').set(bearer(balikpapan.admin.token)).send(shipped)).body
        .courseId,
    );
    expect(theirs.timeZone).toBe('Asia/Makassar');
    for (const res of [
      await ctx.http.get(`/v1/cohorts/${theirs.id}`).set(admin),
      await ctx.http.put(`/v1/cohorts/${theirs.id}/phases`).set(admin).send({ phases: [] }),
      await ctx.http.get(`/v1/cohorts/${theirs.id}/enrollments`).set(admin),
      await upload(theirs.id, rosterCsv(makePeople(2, 99)), 'a.csv'),
    ]) {
      expect(res.status).toBe(404);
    }
    const mine = await ctx.http.get('/v1/cohorts').set(admin);
    expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(theirs.id);
  });
});

describe('bulk enrollment from spreadsheets', () => {
  test('the CSV and the XLSX of the same 650 people give the same result, and a second import changes nothing', async () => {
    const people = makePeople(650, 7);
    const viaCsv = await createCohort('JAMBI-CSV');
    const viaXlsx = await createCohort('JAMBI-XLSX');
    const csv = await upload(viaCsv.id, rosterCsv(people), 'peserta.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({
      dryRun: false,
      counts: { created: 650, updated: 0, unchanged: 0, failed: 0 },
      failed: [],
      enrolled: 650,
    });

    // The same people in the other cohort: accounts exist now, so they are enrolled, not created.
    const xlsx = await upload(viaXlsx.id, await rosterXlsx(people), 'peserta.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body).toMatchObject({ counts: { created: 0, updated: 650, unchanged: 0, failed: 0 }, enrolled: 650 });

    const again = await upload(viaCsv.id, rosterCsv(people), 'peserta.csv');
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 650, failed: 0 });
    const againXlsx = await upload(viaXlsx.id, await rosterXlsx(people, { headers: 'en' }), 'peserta.xlsx');
    expect(againXlsx.body.counts).toEqual({ created: 0, updated: 0, unchanged: 650, failed: 0 });

    const profile = async (cohortId: string) => {
      const all: Array<{ nip: string }> = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: Array<{ participant: { nip: string } }>; nextCursor: string | null } } =
          await ctx.http
            .get(`/v1/cohorts/${cohortId}/enrollments?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
            .set(admin);
        all.push(...res.body.items.map((e) => e.participant));
        cursor = res.body.nextCursor;
      } while (cursor);
      return all.sort((a, b) => a.nip.localeCompare(b.nip));
    };
    const csvProfiles = await profile(viaCsv.id);
    expect(csvProfiles).toHaveLength(650);
    expect(await profile(viaXlsx.id)).toEqual(csvProfiles);
    const { rows } = await ctx.deps.pool.query<{ n: number }>(
      "select count(*)::int as n from memberships where role = 'participant' and org_id = $1",
      [jambi.id],
    );
    expect(rows[0]!.n).toBe(651); // the seeded participant and the 650
  });

  test('a file with 5 bad rows among 100 reports exactly those 5, with their line numbers', async () => {
    const cohort = await createCohort('JAMBI-BAD-ROWS');
    const people = makePeople(100, 11);
    people[9] = { ...people[9]!, nip: people[9]!.nip.slice(0, 17) }; // line 11
    people[24] = { ...people[24]!, tanggalLahir: '1970-01-01' }; // line 26: NIP says otherwise
    people[49] = { ...people[49]!, nama: '' }; // line 51
    people[74] = { ...people[74]!, tanggalLahir: 'kemarin' }; // line 76
    people[99] = { ...people[3]!, nama: 'Orang Lain' }; // line 101: the NIP of line 5 again
    const res = await upload(cohort.id, rosterCsv(people), 'peserta.csv');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ created: 95, updated: 0, unchanged: 0, failed: 5 });
    expect(res.body.failed.map((f: { line: number }) => f.line)).toEqual([11, 26, 51, 76, 101]);
    expect(res.body.failed[4].reason).toContain('juga ada di baris 5');
    expect(res.body.enrolled).toBe(95);
  });

  test('a dry run reports the same result and writes nothing', async () => {
    const cohort = await createCohort('JAMBI-DRY');
    const people = makePeople(40, 21);
    const before = await ctx.deps.pool.query<{ users: number; enrollments: number; audit: number }>(
      'select (select count(*) from users)::int as users, (select count(*) from enrollments)::int as enrollments, (select count(*) from audit_log)::int as audit',
    );
    const dry = await upload(cohort.id, rosterCsv(people), 'peserta.csv', '?dryRun=true');
    expect(dry.body).toMatchObject({ dryRun: true, counts: { created: 40, failed: 0 }, enrolled: 0 });
    const after = await ctx.deps.pool.query(
      'select (select count(*) from users)::int as users, (select count(*) from enrollments)::int as enrollments, (select count(*) from audit_log)::int as audit',
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
    const real = await upload(cohort.id, rosterCsv(people), 'peserta.csv');
    expect(real.body.counts).toEqual(dry.body.counts);
  });

  test('capacity is respected in file order', async () => {
    const cohort = await createCohort('JAMBI-SMALL', { capacity: 10 });
    const res = await upload(cohort.id, rosterCsv(makePeople(12, 31)), 'peserta.csv');
    expect(res.body.counts).toMatchObject({ created: 10, failed: 2 });
    expect(res.body.failed).toEqual([
      { line: 12, nip: expect.any(String), reason: 'Angkatan sudah penuh (kapasitas 10)' },
      { line: 13, nip: expect.any(String), reason: 'Angkatan sudah penuh (kapasitas 10)' },
    ]);
    const lower = await ctx.http.patch(`/v1/cohorts/${cohort.id}`).set(admin).send({ capacity: 5 });
    expect(lower.body.code).toBe('CAPACITY_BELOW_ENROLLED');
  });

  test('oversized, empty, malformed and non-spreadsheet uploads get clear 4xx problems', async () => {
    const cohort = await createCohort('JAMBI-FILES');
    const small = await createTestContext({ env: { IMPORT_MAX_BYTES: '2048' } });
    try {
      const token = await small.platformAdminToken();
      const org = await seedOrg(small, token, 'KOTA-KECIL');
      const c = (await small.http.post('/v1/courses/import?publish=true').set(bearer(org.admin.token)).send(shipped))
        .body.courseId;
      const smallCohort = (
        await small.http.post('/v1/cohorts').set(bearer(org.admin.token)).send({ courseId: c, code: 'A', name: 'A' })
      ).body.id;
      const big = await small.http
        .post(`/v1/cohorts/${smallCohort}/enrollments/import`)
        .set(bearer(org.admin.token))
        .attach('file', rosterCsv(makePeople(100, 3)), 'big.csv');
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
    const noColumn = await upload(cohort.id, Buffer.from('Nama,Email\nBudi,budi@example.org\n'), 'x.csv');
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.code).toBe('ROSTER_INVALID');
    expect(noColumn.body.detail).toContain('NIP');
    const pdf = await upload(cohort.id, Buffer.from('%PDF-1.4'), 'daftar.pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    const json = await ctx.http.post(`/v1/cohorts/${cohort.id}/enrollments/import`).set(admin).send({ rows: [] });
    expect(json.status).toBe(415);
  });

  test('a large file runs as a background job whose progress can be polled, even if the queue lost it', async () => {
    const cohort = await createCohort('JAMBI-BIG');
    const people = makePeople(1500, 41);
    const res = await upload(cohort.id, rosterCsv(people), 'besar.csv');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', total: 1500, progressUrl: `/v1/jobs/${res.body.jobId}` });
    // The queue store forgets everything (a flushed Redis): PostgreSQL still has the job and its file.
    await ctx.deps.producers.imports.obliterate({ force: true });

    const { startWorker } = await import('../../src/worker.js');
    const worker = await startWorker(ctx.deps);
    try {
      let job: { status: string; processed: number; result: Record<string, unknown> | null } = {
        status: 'queued',
        processed: 0,
        result: null,
      };
      const seen = new Set<number>();
      const deadline = Date.now() + 60_000;
      while (!['done', 'failed'].includes(job.status) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        job = (await ctx.http.get(res.body.progressUrl).set(admin)).body;
        seen.add(job.processed);
      }
      expect(job).toMatchObject({
        status: 'done',
        processed: 1500,
        result: { counts: { created: 1500, failed: 0 }, enrolled: 1500 },
      });
      expect([...seen].every((n) => n >= 0 && n <= 1500)).toBe(true);
      expect((await ctx.http.get(`/v1/cohorts/${cohort.id}`).set(admin)).body.enrolled).toBe(1500);
      expect((await ctx.http.get(res.body.progressUrl).set(bearer(balikpapan.admin.token))).status).toBe(404);
      // The uploaded file is not kept once the job is done.
      const { rows } = await ctx.deps.pool.query('select input from background_jobs where id = $1', [res.body.jobId]);
      expect(rows[0].input).toBeNull();
    } finally {
      await worker.close();
    }
  });
});

describe('enrollment management, activation and the participant\u2019s view', () => {
  let cohortId: string;
  let enrollmentId: string;
  const person = makePeople(1, 77)[0]!;

  test('one participant is enrolled by NIP; a duplicate is refused', async () => {
    const cohort = await createCohort('JAMBI-ONE', {});
    cohortId = cohort.id;
    await ctx.http.put(`/v1/cohorts/${cohortId}/phases`).set(admin).send({ phases: jambiPhases }).expect(200);
    const res = await ctx.http.post(`/v1/cohorts/${cohortId}/enrollments`).set(admin).send({
      nip: person.nip,
      name: person.nama,
      email: person.email,
      birthDate: person.tanggalLahir,
      category: person.kategori,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'active', participant: { nip: person.nip, status: 'pending' } });
    enrollmentId = res.body.id;
    expect(
      (
        await ctx.http
          .post(`/v1/cohorts/${cohortId}/enrollments`)
          .set(admin)
          .send({ nip: person.nip, name: person.nama })
      ).body.code,
    ).toBe('ALREADY_ENROLLED');
    const bad = await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments`)
      .set(admin)
      .send({ nip: '199013012024101001', name: 'X' });
    expect(bad.status).toBe(400);
  });

  test('activation codes download as CSV and set the first password once', async () => {
    const res = await ctx.http.get(`/v1/cohorts/${cohortId}/activation-codes`).set(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('NIP,Nama,Email,Kode Aktivasi,Berlaku Sampai');
    const [nip, , , code] = lines[1]!.split(',');
    expect(nip).toBe(person.nip);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const wrong = await ctx.http
      .post('/v1/auth/activate')
      .send({ login: person.nip, code: 'AAAA-BBBB-CCCC', password: 'peserta-baru-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('ACTIVATION_INVALID');
    const ok = await ctx.http
      .post('/v1/auth/activate')
      .send({ login: person.nip, code: code!.toLowerCase(), password: 'peserta-baru-1' });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
    const reused = await ctx.http
      .post('/v1/auth/activate')
      .send({ login: person.nip, code, password: 'another-pass-2' });
    expect(reused.body.code).toBe('ACTIVATION_INVALID');
    expect((await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-baru-1' })).status).toBe(
      200,
    );
  });

  test('the participant sees their cohort, phases with local dates and instants, and the course outline', async () => {
    const token = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-baru-1' })).body
      .accessToken;
    const list = await ctx.http.get('/v1/me/enrollments').set(bearer(token));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: enrollmentId,
      cohort: { code: 'JAMBI-ONE', timeZone: 'Asia/Jakarta' },
      course: { code: 'ORIENTASI-PPPK', versionNumber: 1 },
      phases: [
        {
          kind: 'online',
          startDate: '2024-10-23',
          endDate: '2024-11-08',
          opensAt: '2024-10-22T17:00:00.000Z',
          closesAt: '2024-11-08T17:00:00.000Z',
        },
        { kind: 'classroom', venue: 'Aula Griya Mayang, Kota Jambi' },
      ],
    });
    const detail = await ctx.http.get(`/v1/me/enrollments/${enrollmentId}`).set(bearer(token));
    expect(detail.body.modules).toHaveLength(12);
    const quizId = detail.body.modules[0].lessons.find((l: { kind: string }) => l.kind === 'quiz').id;
    const lesson = await ctx.http.get(`/v1/lessons/${quizId}`).set(bearer(token));
    expect(lesson.status).toBe(200);
    expect(lesson.text).not.toContain('"correct"');
    // Asking for the admin view changes nothing for a participant.
    expect((await ctx.http.get(`/v1/lessons/${quizId}?as=admin`).set(bearer(token))).text).not.toContain('"correct"');
    expect((await ctx.http.get(`/v1/me/enrollments/${enrollmentId}`).set(bearer(jambi.participant.token))).status).toBe(
      404,
    );
  });

  test('a participant cannot read a lesson of a course they are not enrolled in', async () => {
    const other = await ctx.http
      .post('/v1/courses/import?publish=true')
      .set(admin)
      .send({ ...shipped, code: 'LATSAR-LAIN' });
    const tree = await ctx.http.get(`/v1/courses/${other.body.courseId}`).set(admin);
    const foreignLesson = tree.body.version.modules[0].lessons[0].id;
    const token = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-baru-1' })).body
      .accessToken;
    expect((await ctx.http.get(`/v1/lessons/${foreignLesson}`).set(bearer(token))).status).toBe(404);
    expect((await ctx.http.get(`/v1/lessons/${foreignLesson}`).set(bearer(jambi.participant.token))).status).toBe(404);
  });

  test('an extension moves one participant\u2019s end of the online phase; withdrawal hides the course', async () => {
    const cohort = (await ctx.http.get(`/v1/cohorts/${cohortId}`).set(admin)).body;
    const online = cohort.phases[0];
    const early = await ctx.http
      .put(`/v1/enrollments/${enrollmentId}/extensions/${online.id}`)
      .set(admin)
      .send({ untilDate: '2024-11-08', reason: 'Sakit' });
    expect(early.status).toBe(400);
    const ext = await ctx.http
      .put(`/v1/enrollments/${enrollmentId}/extensions/${online.id}`)
      .set(admin)
      .send({ untilDate: '2024-11-15', reason: 'Sakit, surat dokter' });
    expect(ext.status).toBe(200);
    expect(ext.body.extensions).toEqual([
      {
        phaseId: online.id,
        untilDate: '2024-11-15',
        closesAt: '2024-11-15T17:00:00.000Z',
        reason: 'Sakit, surat dokter',
      },
    ]);
    const classroom = await ctx.http
      .put(`/v1/enrollments/${enrollmentId}/extensions/${cohort.phases[1].id}`)
      .set(admin)
      .send({ untilDate: '2024-12-30', reason: 'x' });
    expect(classroom.body.code).toBe('NOT_AN_ONLINE_PHASE');

    const token = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-baru-1' })).body
      .accessToken;
    const mine = await ctx.http.get('/v1/me/enrollments').set(bearer(token));
    expect(mine.body[0].phases[0].closesAtForYou).toBe('2024-11-15T17:00:00.000Z');

    const withdrawn = await ctx.http
      .post(`/v1/enrollments/${enrollmentId}/withdraw`)
      .set(admin)
      .send({ reason: 'Mengundurkan diri' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawReason: 'Mengundurkan diri' });
    const detail = await ctx.http.get(`/v1/me/enrollments/${enrollmentId}`).set(bearer(token));
    const lessonId = detail.body.modules[0].lessons[0].id;
    expect((await ctx.http.get(`/v1/lessons/${lessonId}`).set(bearer(token))).status).toBe(404);
  });

  test('an enrollment moves to another cohort of the same course version, but not across versions', async () => {
    const from = await createCohort('MOVE-FROM');
    const to = await createCohort('MOVE-TO');
    const p = makePeople(1, 91)[0]!;
    const e = await ctx.http.post(`/v1/cohorts/${from.id}/enrollments`).set(admin).send({ nip: p.nip, name: p.nama });
    const moved = await ctx.http
      .post(`/v1/enrollments/${e.body.id}/move`)
      .set(admin)
      .send({ cohortId: to.id, reason: 'Jadwal bentrok' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: e.body.id, cohortId: to.id, status: 'active' });
    const otherCourse = (
      await ctx.http
        .post('/v1/courses/import?publish=true')
        .set(admin)
        .send({ ...shipped, code: 'KURSUS-LAIN' })
    ).body.courseId;
    const elsewhere = await createCohort('OTHER-COURSE', {}, admin, otherCourse);
    const refused = await ctx.http
      .post(`/v1/enrollments/${e.body.id}/move`)
      .set(admin)
      .send({ cohortId: elsewhere.id, reason: 'x' });
    expect(refused.body.code).toBe('COURSE_VERSION_MISMATCH');
  });
});
