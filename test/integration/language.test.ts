import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, login, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople, rosterCsv } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let ctx: TestContext;
let org: SeededOrg;
let admin: { Authorization: string };
let courseId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'KOTA-BAHASA');
  admin = bearer(org.admin.token);
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
});
afterAll(() => ctx.close());

const missingCohort = () => `/v1/cohorts/${randomUUID()}`;

describe('problem texts: Indonesian first, English when asked', () => {
  test('a 404 in Indonesian by default and in English with Accept-Language: en; the code never changes', async () => {
    const id = await ctx.http.get(missingCohort()).set(admin);
    expect(id.status).toBe(404);
    expect(id.body).toMatchObject({ code: 'NOT_FOUND', title: 'Tidak ditemukan', detail: 'Angkatan tidak ditemukan' });

    const en = await ctx.http.get(missingCohort()).set(admin).set('Accept-Language', 'en');
    expect(en.body).toMatchObject({ code: 'NOT_FOUND', title: 'Not found', detail: 'Cohort not found' });

    const route = await ctx.http.get('/v1/no-such-thing').set('Accept-Language', 'en-GB');
    expect(route.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'No route GET /v1/no-such-thing' });
    const rute = await ctx.http.get('/v1/no-such-thing');
    expect(rute.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'Tidak ada rute GET /v1/no-such-thing' });
  });

  test('a 400 validation error: field messages from Zod’s own Indonesian and English locales', async () => {
    const body = { courseId, code: 42, name: 'Angkatan', extra: true };
    const id = await ctx.http.post('/v1/cohorts').set(admin).send(body);
    expect(id.status).toBe(400);
    expect(id.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      title: 'Validasi gagal',
      detail: 'Bagian body tidak valid',
    });
    expect(id.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.code', message: 'Input tidak valid: diharapkan string, diterima number' },
        { path: 'body.extra', message: 'Isian tidak dikenal' },
      ]),
    );

    const en = await ctx.http.post('/v1/cohorts').set(admin).set('Accept-Language', 'en-US,en;q=0.9').send(body);
    expect(en.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      title: 'Validation failed',
      detail: 'The body is not valid',
    });
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.code', message: 'Invalid input: expected string, received number' },
        { path: 'body.extra', message: 'Unknown field' },
      ]),
    );
  });

  test('a message the schema writes itself (a pattern, a refinement) is a catalogue text too', async () => {
    const platform = bearer(await ctx.platformAdminToken());
    const body = { code: 'kota kecil', name: 'Kota', timeZone: 'Asia/Atlantis' };
    const id = await ctx.http.post('/v1/organizations').set(platform).send(body);
    expect(id.status).toBe(400);
    expect(id.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.code', message: 'Huruf besar, angka, dan tanda hubung, 2–32 karakter' },
        { path: 'body.timeZone', message: 'Bukan zona waktu IANA seperti Asia/Jakarta' },
      ]),
    );
    const en = await ctx.http.post('/v1/organizations').set(platform).set('Accept-Language', 'en').send(body);
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.code', message: 'Upper-case letters, digits and dashes, 2–32 characters' },
        { path: 'body.timeZone', message: 'Not an IANA time zone such as Asia/Jakarta' },
      ]),
    );
  });

  test('a detail that names facts takes them as params, in either language', async () => {
    const cohort = (
      await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'FAKTA', name: 'Fakta', capacity: 5 })
    ).body as { id: string };
    await rosterUpload(cohort.id, rosterCsv(makePeople(3, 71)), admin).expect(200);
    const id = await ctx.http.patch(`/v1/cohorts/${cohort.id}`).set(admin).send({ capacity: 1 });
    expect(id.body).toMatchObject({
      code: 'CAPACITY_BELOW_ENROLLED',
      detail: '3 peserta sudah terdaftar; kapasitas tidak boleh lebih kecil',
    });
    const en = await ctx.http
      .patch(`/v1/cohorts/${cohort.id}`)
      .set(admin)
      .set('Accept-Language', 'en')
      .send({ capacity: 1 });
    expect(en.body.detail).toBe('3 participants are enrolled; the capacity cannot be lower');
  });

  test('q-values are weighed: the best acceptable language wins, q=0 refuses, nothing known means Indonesian', async () => {
    const detailFor = async (header: string) =>
      (await ctx.http.get(missingCohort()).set(admin).set('Accept-Language', header)).body.detail as string;
    expect(await detailFor('en;q=0.4, id;q=0.8')).toBe('Angkatan tidak ditemukan');
    expect(await detailFor('id;q=0.3, en;q=0.7')).toBe('Cohort not found');
    expect(await detailFor('id;q=0, *')).toBe('Cohort not found');
    expect(await detailFor('fr-FR, de;q=0.9')).toBe('Angkatan tidak ditemukan');
    expect(await detailFor('*')).toBe('Angkatan tidak ditemukan');
  });

  test('a person’s saved preference wins over Accept-Language, and null gives the header back its say', async () => {
    const me = bearer(org.instructor.token);
    expect((await ctx.http.get('/v1/me').set(me)).body.locale).toBeNull();

    const saved = await ctx.http.patch('/v1/me').set(me).send({ locale: 'en' });
    expect(saved.status).toBe(200);
    expect(saved.body.locale).toBe('en');
    expect((await ctx.http.get('/v1/me').set(me)).body.locale).toBe('en');

    const plain = await ctx.http.get(missingCohort()).set(me);
    expect(plain.body).toMatchObject({ code: 'NOT_FOUND', detail: 'Cohort not found' });
    const askedIndonesian = await ctx.http.get(missingCohort()).set(me).set('Accept-Language', 'id');
    expect(askedIndonesian.body.detail).toBe('Cohort not found');
    // A fresh login keeps it: it is the person's, not the token's.
    const again = bearer((await login(ctx, org.instructor.nip, org.instructor.password)).accessToken);
    expect((await ctx.http.get(missingCohort()).set(again)).body.detail).toBe('Cohort not found');

    const bad = await ctx.http.patch('/v1/me').set(me).set('Accept-Language', 'en').send({ locale: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.locale');

    await ctx.http.patch('/v1/me').set(me).send({ locale: null }).expect(200);
    expect((await ctx.http.get(missingCohort()).set(me)).body.detail).toBe('Angkatan tidak ditemukan');
    expect((await ctx.http.get(missingCohort()).set(me).set('Accept-Language', 'en')).body.detail).toBe(
      'Cohort not found',
    );
  });
});

function rosterUpload(cohortId: string, file: Buffer, token: { Authorization: string }, language?: string) {
  const req = ctx.http.post(`/v1/cohorts/${cohortId}/enrollments/import`).set(token);
  if (language) void req.set('Accept-Language', language);
  return req.attach('file', file, 'peserta.csv');
}

describe('import row reasons in the request’s language', () => {
  test('the same bad rows, reasons in Indonesian and in English', async () => {
    const cohort = (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'IMPOR', name: 'Impor' }))
      .body as { id: string };
    const people = makePeople(5, 81);
    const short = people[1]!.nip.slice(0, 17);
    people[1] = { ...people[1]!, nip: short }; // line 3
    people[2] = { ...people[2]!, nama: '' }; // line 4
    people[3] = { ...people[0]!, nama: 'Orang Lain' }; // line 5: the NIP of line 2 again
    const file = rosterCsv(people);

    const id = await rosterUpload(cohort.id, file, admin, undefined).query({ dryRun: 'true' });
    expect(id.status).toBe(200);
    expect(id.body.failed).toEqual([
      { line: 3, nip: short, reason: `NIP ${short} harus tepat 18 angka` },
      { line: 4, nip: people[2]!.nip, reason: 'Nama belum diisi' },
      { line: 5, nip: people[0]!.nip, reason: `NIP ${people[0]!.nip} juga ada di baris 2` },
    ]);

    const en = await rosterUpload(cohort.id, file, admin, 'en').query({ dryRun: 'true' });
    expect(en.body.failed).toEqual([
      { line: 3, nip: short, reason: `NIP ${short} must be exactly 18 digits` },
      { line: 4, nip: people[2]!.nip, reason: 'Nama (name) is missing' },
      { line: 5, nip: people[0]!.nip, reason: `NIP ${people[0]!.nip} also on line 2` },
    ]);
  });

  test('a file that is not a roster: the problem in either language', async () => {
    const cohort = (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'IMPOR-2', name: 'Impor' }))
      .body as { id: string };
    const file = Buffer.from('Nama,Email\nBudi,budi@example.com\n');
    const id = await rosterUpload(cohort.id, file, admin);
    expect(id.status).toBe(400);
    expect(id.body).toMatchObject({ code: 'ROSTER_INVALID', title: 'Berkas peserta tidak valid' });
    expect(id.body.detail).toMatch(/^Kolom wajib NIP tidak ada/);
    expect(id.body.errors[0].message).toBe(id.body.detail);
    const en = await rosterUpload(cohort.id, file, admin, 'en');
    expect(en.body.detail).toMatch(/^Missing required column NIP/);
  });
});
