import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople, rosterCsv, type RosterPerson } from '../support/roster-files.js';

/** Finding people by NIP, name, unit and status on users, enrollments and cohort progress. */

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let ctx: TestContext;
let home: SeededOrg;
let other: SeededOrg;
let cohortId: string;
let people: RosterPerson[];
let strangers: RosterPerson[];

type Page = { items: Array<Record<string, unknown>>; nextCursor: string | null };

/** Every item of a list, following `nextCursor`, and the number of pages it took. */
async function everyPage(path: string, token: string, limit: number) {
  const items: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await ctx.http
      .get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
      .set(bearer(token));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as Page;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

const nipOf = (item: Record<string, unknown>) =>
  ((item.participant as { nip?: string } | undefined)?.nip ?? item.nip) as string;

beforeAll(async () => {
  ctx = await createTestContext();
  const platform = await ctx.platformAdminToken();
  home = await seedOrg(ctx, platform, 'KOTA-CARI');
  other = await seedOrg(ctx, platform, 'KAB-LAIN');
  const admin = bearer(home.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  cohortId = (
    await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'CARI-1', name: 'Angkatan Cari' }).expect(201)
  ).body.id;
  people = makePeople(60, 41, 'mixed').map((p, i) => ({
    ...p,
    unitKerja: ['Dinas Pendidikan', 'Dinas Kesehatan', 'Sekretariat Daerah'][i % 3]!,
  }));
  // Two known names to look for, in different case and position.
  people[7] = { ...people[7]!, nama: 'Utin Marlina Alkadrie' };
  people[33] = { ...people[33]!, nama: 'Siti MARLINA' };
  const imported = await ctx.http
    .post(`/v1/cohorts/${cohortId}/enrollments/import`)
    .set(admin)
    .attach('file', rosterCsv(people), 'peserta.csv');
  expect(imported.body).toMatchObject({ counts: { created: 60, failed: 0 } });

  // Another organization's staff share a NIP prefix (birth year) and a name with ours.
  strangers = makePeople(5, 42, 'pns').map((p, i) => ({ ...p, nama: i === 0 ? 'Marlina Lain' : p.nama }));
  const otherCourse = (
    await ctx.http.post('/v1/courses/import?publish=true').set(bearer(other.admin.token)).send(shipped)
  ).body.courseId;
  const otherCohort = (
    await ctx.http
      .post('/v1/cohorts')
      .set(bearer(other.admin.token))
      .send({ courseId: otherCourse, code: 'LAIN-1', name: 'Angkatan Lain' })
      .expect(201)
  ).body.id;
  await ctx.http
    .post(`/v1/cohorts/${otherCohort}/enrollments/import`)
    .set(bearer(other.admin.token))
    .attach('file', rosterCsv(strangers), 'lain.csv')
    .expect(200);
});
afterAll(() => ctx.close());

describe('finding people', () => {
  test('by NIP prefix, written with spaces, on users, enrollments and progress', async () => {
    const target = people[12]!;
    const prefix = target.nip.slice(0, 6);
    const spaced = `${prefix.slice(0, 4)} ${prefix.slice(4)}`;
    const expected = [...people, home.admin, home.instructor, home.participant]
      .map((p) => p.nip)
      .filter((n) => n.startsWith(prefix))
      .sort();
    for (const path of ['/v1/users', `/v1/cohorts/${cohortId}/enrollments`, `/v1/cohorts/${cohortId}/progress`]) {
      const { items } = await everyPage(`${path}?nip=${encodeURIComponent(spaced)}`, home.admin.token, 2);
      const found = items.map(nipOf).sort();
      expect(found.length, path).toBeGreaterThan(0);
      expect(found, path).toEqual(
        path === '/v1/users' ? expected : expected.filter((n) => people.some((p) => p.nip === n)),
      );
    }
    const whole = await ctx.http.get(`/v1/users?q=${target.nip}`).set(bearer(home.admin.token)).expect(200);
    expect(whole.body.items.map(nipOf)).toEqual([target.nip]);
  });

  test('by part of the name, case-insensitive, and never another organization\u2019s people', async () => {
    for (const path of ['/v1/users', `/v1/cohorts/${cohortId}/enrollments`, `/v1/cohorts/${cohortId}/progress`]) {
      const byName = await everyPage(`${path}?name=marlina`, home.admin.token, 1);
      expect(byName.items.map(nipOf).sort(), path).toEqual([people[7]!.nip, people[33]!.nip].sort());
      expect(byName.pages, path).toBeGreaterThanOrEqual(2);
      const byBox = await everyPage(`${path}?q=MARL`, home.admin.token, 50);
      expect(byBox.items.map(nipOf).sort(), path).toEqual([people[7]!.nip, people[33]!.nip].sort());
    }
    // Wildcards typed by a person are letters.
    const percent = await ctx.http.get('/v1/users?name=%25').set(bearer(home.admin.token)).expect(200);
    expect(percent.body.items).toEqual([]);
    // The other organization finds only its own Marlina, and none of ours by NIP.
    const theirs = await everyPage('/v1/users?name=marlina', other.admin.token, 50);
    expect(theirs.items.map(nipOf)).toEqual([strangers[0]!.nip]);
    const ourNip = await ctx.http.get(`/v1/users?nip=${people[7]!.nip}`).set(bearer(other.admin.token)).expect(200);
    expect(ourNip.body.items).toEqual([]);
    // An instructor finds only the participants of the cohorts they teach (here: none but themselves).
    const teacher = await everyPage('/v1/users?q=a', home.instructor.token, 50);
    expect(teacher.items.map(nipOf)).not.toContain(people[7]!.nip);
    const teacherByName = await ctx.http.get('/v1/users?name=marlina').set(bearer(home.instructor.token)).expect(200);
    expect(teacherByName.body.items).toEqual([]);
    const foreignCohort = await ctx.http
      .get(`/v1/cohorts/${cohortId}/enrollments?name=marlina`)
      .set(bearer(other.admin.token));
    expect(foreignCohort.status).toBe(404);
  });

  test('by unit and status, paging through every match with the cursor', async () => {
    const inUnit = people
      .filter((p) => p.unitKerja === 'Dinas Kesehatan')
      .map((p) => p.nip)
      .sort();
    for (const path of ['/v1/users', `/v1/cohorts/${cohortId}/enrollments`, `/v1/cohorts/${cohortId}/progress`]) {
      const { items, pages } = await everyPage(`${path}?unit=dinas%20kesehatan`, home.admin.token, 7);
      expect(items.map(nipOf).sort(), path).toEqual(inUnit);
      expect(pages, path).toBe(Math.ceil(inUnit.length / 7));
      expect(new Set(items.map(nipOf)).size, path).toBe(items.length);
    }
    const pending = await everyPage('/v1/users?status=pending&unit=Sekretariat%20Daerah', home.admin.token, 5);
    expect(pending.items.map(nipOf).sort()).toEqual(
      people
        .filter((p) => p.unitKerja === 'Sekretariat Daerah')
        .map((p) => p.nip)
        .sort(),
    );
    const active = await ctx.http
      .get('/v1/users?status=active&unit=Sekretariat%20Daerah')
      .set(bearer(home.admin.token));
    expect(active.body.items).toEqual([]);
    const progressByStatus = await everyPage(
      `/v1/cohorts/${cohortId}/progress?status=active&pace=not_started&unit=Dinas%20Pendidikan`,
      home.admin.token,
      4,
    );
    expect(progressByStatus.items).toHaveLength(20);
  });

  test('bad search input is a 400 problem, not a 500', async () => {
    const res = await ctx.http.get('/v1/users?nip=19a0').set(bearer(home.admin.token));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const long = await ctx.http.get(`/v1/users?name=${'a'.repeat(101)}`).set(bearer(home.admin.token));
    expect(long.status).toBe(400);
  });
});
