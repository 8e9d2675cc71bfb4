import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople, rosterCsv, type RosterPerson } from '../support/roster-files.js';

/**
 * The 20 JP report of a city with three units: PNS and PPPK staff, JP from the city's own
 * program, from the province's BPSDM and from a training abroad, and one training of last year.
 */

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// 10:00 WIB on 20 November 2024: the report's default year is 2024.
const clock = manualClock('2024-11-20T03:00:00Z');
const UNITS = ['Dinas Pendidikan', 'Dinas Kesehatan', 'Sekretariat Daerah'];
let ctx: TestContext;
let platform: string;
let city: SeededOrg;
let province: SeededOrg;
let stranger: SeededOrg;
let staff: RosterPerson[];
const expected = new Map<string, { jp: number; external: number; target: number; unit: string | null }>();

async function cohortWithRoster(org: SeededOrg, code: string, people: RosterPerson[]) {
  const admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  const cohort = (
    await ctx.http
      .post('/v1/cohorts')
      .set(admin)
      .send({ courseId, code, name: `Angkatan ${code}` })
      .expect(201)
  ).body.id as string;
  await ctx.http
    .put(`/v1/cohorts/${cohort}/phases`)
    .set(admin)
    .send({
      phases: [{ kind: 'online', name: 'MOOC', startDate: '2024-10-01', endDate: '2024-10-31', requiredJp: 45 }],
    })
    .expect(200);
  const imported = await ctx.http
    .post(`/v1/cohorts/${cohort}/enrollments/import`)
    .set(admin)
    .attach('file', rosterCsv(people), `${code}.csv`);
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const listed = await ctx.http.get(`/v1/cohorts/${cohort}/enrollments?limit=200`).set(admin).expect(200);
  return new Map<string, { enrollmentId: string; userId: string }>(
    listed.body.items.map((e: { id: string; participant: { id: string; nip: string } }) => [
      e.participant.nip,
      { enrollmentId: e.id, userId: e.participant.id },
    ]),
  );
}

async function adjust(org: SeededOrg, enrollmentId: string, jp: number, date: string) {
  await ctx.http
    .post(`/v1/enrollments/${enrollmentId}/jp-adjustments`)
    .set(bearer(org.admin.token))
    .send({ jp, reason: 'Rekap kehadiran', date })
    .expect(201);
}

const report = (token: string, query = '') => ctx.http.get(`/v1/reports/annual-jp${query}`).set(bearer(token));

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  platform = await ctx.platformAdminToken();
  city = await seedOrg(ctx, platform, 'KOTA-JP');
  province = await seedOrg(ctx, platform, 'BPSDM-PROV-JP');
  stranger = await seedOrg(ctx, platform, 'KAB-JP-LAIN');
  staff = makePeople(30, 61, 'mixed').map((p, i) => ({ ...p, unitKerja: UNITS[i % 3]! }));
  for (const member of [city.admin, city.instructor, city.participant])
    expected.set(member.nip, { jp: 0, external: 0, target: 20, unit: null });
  for (const p of staff)
    expected.set(p.nip, { jp: 0, external: 0, target: p.nip[12] === '2' ? 24 : 20, unit: p.unitKerja });

  // The city's own program: 0, 6, 12 or 18 JP.
  const own = await cohortWithRoster(city, 'KOTA-2024', staff);
  for (const [i, p] of staff.entries()) {
    const jp = (i % 4) * 6;
    if (jp === 0) continue;
    await adjust(city, own.get(p.nip)!.enrollmentId, jp, '2024-10-15');
    expected.get(p.nip)!.jp += jp;
  }
  // The province's BPSDM trains the first twelve: 8 JP each.
  const provincial = await cohortWithRoster(province, 'PROV-2024', staff.slice(0, 12));
  for (const p of staff.slice(0, 12)) {
    await adjust(province, provincial.get(p.nip)!.enrollmentId, 8, '2024-10-20');
    expected.get(p.nip)!.jp += 8;
  }
  // Abroad, recorded by the city: 6 JP this year for five of them; last year's does not count.
  for (const p of staff.slice(10, 15)) {
    await ctx.http
      .post(`/v1/users/${own.get(p.nip)!.userId}/external-trainings`)
      .set(bearer(city.admin.token))
      .send({
        title: 'Study visit Singapura',
        organizer: 'Civil Service College',
        startDate: '2024-06-10',
        endDate: '2024-06-12',
        jp: 6,
      })
      .expect(201);
    Object.assign(expected.get(p.nip)!, { jp: expected.get(p.nip)!.jp + 6, external: 6 });
  }
  await ctx.http
    .post(`/v1/users/${own.get(staff[0]!.nip)!.userId}/external-trainings`)
    .set(bearer(city.admin.token))
    .send({ title: 'Webinar', organizer: 'LAN', startDate: '2023-12-01', endDate: '2023-12-01', jp: 30 })
    .expect(201);
}, 240_000);
afterAll(() => ctx.close());

type StaffRow = {
  nip: string;
  jp: number;
  externalJp: number;
  targetJp: number;
  shortfallJp: number;
  below: boolean;
  unit: string | null;
  kind: string | null;
};

describe('the 20 JP report of the home organization', () => {
  test('JSON: every staff member with JP from every organizer against their target, and totals per unit', async () => {
    const res = await report(city.admin.token).expect(200);
    expect(res.body.year).toBe(2024);
    expect(res.body.targets).toEqual({ pns: 20, pppk: 24 });
    const rows = res.body.staff as StaffRow[];
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const want = expected.get(row.nip)!;
      expect(row, row.nip).toMatchObject({
        jp: want.jp,
        externalJp: want.external,
        targetJp: want.target,
        below: want.jp < want.target,
        shortfallJp: Math.max(0, want.target - want.jp),
        unit: want.unit,
      });
    }
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['pns', 'pppk']));
    // Ordered by unit, then name.
    expect(rows.map((r) => r.unit)).toEqual(
      [...rows.map((r) => r.unit)].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff')),
    );

    const all = [...expected.values()];
    const below = all.filter((e) => e.jp < e.target).length;
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(all.length);
    expect(res.body.totals).toEqual({
      staff: all.length,
      below,
      met: all.length - below,
      totalJp: all.reduce((a, e) => a + e.jp, 0),
    });
    for (const unit of UNITS) {
      const inUnit = all.filter((e) => e.unit === unit);
      expect(res.body.units.find((u: { unit: string }) => u.unit === unit)).toEqual({
        unit,
        staff: 10,
        below: inUnit.filter((e) => e.jp < e.target).length,
        met: inUnit.filter((e) => e.jp >= e.target).length,
        totalJp: inUnit.reduce((a, e) => a + e.jp, 0),
        averageJp: Math.round((inUnit.reduce((a, e) => a + e.jp, 0) / 10) * 100) / 100,
      });
    }
  });

  test('filters by unit, category and who is below; another year counts that year only', async () => {
    const health = (await report(city.admin.token, '?unit=dinas%20kesehatan&below=true').expect(200)).body;
    const wanted = [...expected.entries()].filter(([, e]) => e.unit === 'Dinas Kesehatan' && e.jp < e.target);
    expect((health.staff as StaffRow[]).map((r) => r.nip).sort()).toEqual(wanted.map(([nip]) => nip).sort());
    expect(health.units).toHaveLength(1);

    const category = staff[3]!.kategori;
    const byCategory = (await report(city.admin.token, `?category=${encodeURIComponent(category)}`).expect(200)).body;
    expect((byCategory.staff as StaffRow[]).map((r) => r.nip).sort()).toEqual(
      staff
        .filter((p) => p.kategori === category)
        .map((p) => p.nip)
        .sort(),
    );

    const lastYear = (await report(city.admin.token, '?year=2023').expect(200)).body;
    expect(lastYear.totals.totalJp).toBe(30);
    expect((lastYear.staff as StaffRow[]).find((r) => r.nip === staff[0]!.nip)?.jp).toBe(30);
  });

  test('CSV, read back: Indonesian headers, one row per person; and the unit totals', async () => {
    const res = await report(city.admin.token, '?format=csv').expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('jp-KOTA-JP-2024.csv');
    const records = parseCsv(res.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]!)).toEqual([
      'NIP',
      'Nama',
      'Jenis ASN',
      'Unit Kerja',
      'Kategori',
      'Jabatan',
      'Pangkat/Golongan',
      'JP Tahun Ini',
      'JP Pelatihan Eksternal',
      'Target JP',
      'Kekurangan JP',
      'Keterangan',
    ]);
    expect(records).toHaveLength(expected.size);
    for (const r of records) {
      const want = expected.get(r.NIP!)!;
      expect(Number(r['JP Tahun Ini']), r.NIP).toBe(want.jp);
      expect(r['Jenis ASN']).toBe(want.target === 24 ? 'PPPK' : 'PNS');
      expect(r.Keterangan).toBe(want.jp < want.target ? 'Di bawah target' : 'Memenuhi target');
    }
    const units = parseCsv((await report(city.admin.token, '?format=csv&view=units').expect(200)).text, {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(units.map((u) => u['Unit Kerja'])).toEqual([...UNITS].sort().concat('(tanpa unit)'));
    expect(units.map((u) => Number(u['Jumlah Pegawai']))).toEqual([10, 10, 10, 3]);
  });

  test('in English when asked: headers, remarks and the unit totals', async () => {
    const res = await report(city.admin.token, '?format=csv').set('Accept-Language', 'en').expect(200);
    const records = parseCsv(res.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]!)).toEqual([
      'NIP',
      'Name',
      'ASN type',
      'Unit',
      'Category',
      'Position',
      'Rank',
      'JP this year',
      'JP of external trainings',
      'JP target',
      'JP short',
      'Remark',
    ]);
    for (const r of records) {
      const want = expected.get(r.NIP!)!;
      expect(r.Remark).toBe(want.jp < want.target ? 'Below the target' : 'Met the target');
    }
    const units = parseCsv(
      (await report(city.admin.token, '?format=csv&view=units').set('Accept-Language', 'en').expect(200)).text,
      { bom: true, columns: true },
    ) as Array<Record<string, string>>;
    expect(units.at(-1)!.Unit).toBe('(no unit)');
    expect(units.map((u) => Number(u.Staff))).toEqual([10, 10, 10, 3]);
  });

  test('XLSX, read back: the staff sheet with a frozen header and the unit sheet', async () => {
    const res = await report(city.admin.token, '?format=xlsx')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Pegawai')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('NIP');
    expect(sheet.getRow(1).getCell(8).value).toBe('JP Tahun Ini');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(expected.size + 1);
    for (let i = 2; i <= sheet.rowCount; i++) {
      const row = sheet.getRow(i);
      const want = expected.get(String(row.getCell(1).value))!;
      expect(row.getCell(8).value).toBe(want.jp);
      expect(row.getCell(10).value).toBe(want.target);
    }
    const units = book.getWorksheet('Rekap Unit')!;
    expect(units.getRow(1).values).toEqual([
      undefined,
      'Unit Kerja',
      'Jumlah Pegawai',
      'Memenuhi Target',
      'Di Bawah Target',
      'Total JP',
      'Rata-rata JP',
    ]);
    expect(units.rowCount).toBe(5);
  });

  test('an organizer sees only its own staff; the province is not the city\u2019s home; platform admins name the organization', async () => {
    const theirs = (await report(stranger.admin.token).expect(200)).body;
    expect((theirs.staff as StaffRow[]).map((r) => r.nip).sort()).toEqual(
      [stranger.admin.nip, stranger.instructor.nip, stranger.participant.nip].sort(),
    );
    const provincial = (await report(province.admin.token).expect(200)).body;
    expect(provincial.totals.staff).toBe(3);
    expect(provincial.totals.totalJp).toBe(0);
    const noOrg = await report(platform);
    expect(noOrg.status).toBe(400);
    const named = await report(platform, `?orgId=${city.id}&view=units`).expect(200);
    expect(named.body.totals.staff).toBe(expected.size);
    expect(named.body.staff).toBeUndefined();
    expect((await report(city.instructor.token)).status).toBe(403);
    expect((await report(city.admin.token, `?orgId=${stranger.id}`)).body.organization.id).toBe(city.id);
  });
});
