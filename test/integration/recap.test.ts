import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, scheduleCohort, seedOrg } from '../support/fixtures.js';
import { makePeople, type RosterPerson } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// Well after the program: 20 December 2024, 11:30 in Balikpapan (WITA, UTC+8).
const clock = manualClock('2024-12-20T03:30:00Z');
let ctx: TestContext;
let admin: { Authorization: string };
let cohortId: string;
let people: RosterPerson[];
let enrollmentIds: string[];
let orgName: string;
let program: string;

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function workbook(language?: string): Promise<ExcelJS.Workbook> {
  const req = ctx.http.get(`/v1/cohorts/${cohortId}/report?format=xlsx`).set(admin);
  if (language) void req.set('Accept-Language', language);
  const res = await req
    .buffer(true)
    .parse(binary as never)
    .expect(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

/** The table under the frozen header row, as one record per participant keyed by the headers. */
function table(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const headerRow = (sheet.views[0] as { ySplit: number }).ySplit;
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1) as string[];
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const platform = await ctx.platformAdminToken();
  const org = await seedOrg(ctx, platform, 'KOTA-BALIKPAPAN');
  orgName = `Organisasi ${org.code}`;
  admin = bearer(org.admin.token);
  const course = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body;
  program = (await ctx.http.get(`/v1/courses/${course.courseId}`).set(admin)).body.title;
  const cohort = await ctx.http
    .post('/v1/cohorts')
    .set(admin)
    .send({ courseId: course.courseId, code: 'BPN-I', name: 'Angkatan I', timeZone: 'Asia/Makassar' })
    .expect(201);
  cohortId = cohort.body.id;
  const phased = await ctx.http
    .put(`/v1/cohorts/${cohortId}/phases`)
    .set(admin)
    .send({
      phases: [
        { kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 45 },
        { kind: 'classroom', name: 'Klasikal', startDate: '2024-11-11', endDate: '2024-11-15', requiredJp: 24 },
        { kind: 'field', name: 'Aktualisasi', startDate: '2024-11-18', endDate: '2024-12-06', requiredJp: 16 },
      ],
    })
    .expect(200);
  const [, classroom, field] = phased.body.phases as Array<{ id: string }>;

  people = makePeople(4, 4100);
  enrollmentIds = [];
  for (const p of people) {
    const res = await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments`)
      .set(admin)
      .send({
        nip: p.nip,
        name: p.nama,
        unit: p.unitKerja,
        birthDate: p.tanggalLahir,
        rank: p.pangkat,
        position: p.jabatan,
      })
      .expect(201);
    enrollmentIds.push(res.body.id);
  }
  // The fourth withdrew before the program started.
  await ctx.http.post(`/v1/enrollments/${enrollmentIds[3]}/withdraw`).set(admin).send({ reason: 'Sakit' }).expect(200);
  await scheduleCohort(ctx, admin, cohortId, 'past-program');

  // Classroom and field JP as the attendance lists credited them.
  for (const [i, phaseId, jp, date] of [
    [0, classroom!.id, 24, '2024-11-15'],
    [0, field!.id, 16, '2024-12-06'],
    [1, classroom!.id, 18, '2024-11-15'],
  ] as const) {
    await ctx.deps.pool.query(
      `insert into jp_ledger (user_id, enrollment_id, phase_id, source, jp, occurred_at, local_date, created_at)
       select user_id, id, $2, 'session', $3, now(), $4, now() from enrollments where id = $1`,
      [enrollmentIds[i], phaseId, jp, date],
    );
  }
  await ctx.http
    .put(`/v1/cohorts/${cohortId}/assessment-scheme`)
    .set(admin)
    .send({
      components: [
        { code: 'sikap', name: 'Sikap Perilaku', weight: 40, source: 'manual' },
        { code: 'aktualisasi', name: 'Produk Aktualisasi', weight: 60, source: 'manual' },
      ],
      requireOnlineJp: false,
    })
    .expect(200);
  for (const component of ['sikap', 'aktualisasi'])
    await ctx.http
      .put(`/v1/cohorts/${cohortId}/scores/${component}`)
      .set(admin)
      .send({
        scores: [
          { nip: people[0]!.nip, score: component === 'sikap' ? 90 : 95 },
          { nip: people[1]!.nip, score: 50 },
        ],
      })
      .expect(200);
  // The third has no score at all.
  await ctx.http.post(`/v1/cohorts/${cohortId}/results`).set(admin).expect(201);
});
afterAll(() => ctx.close());

describe('the recap XLSX', () => {
  test('a heading, a frozen header row, widths, Indonesian statuses and reasons, blanks where no score exists', async () => {
    const book = await workbook();
    const sheet = book.getWorksheet('Peserta')!;
    expect(sheet.getCell('A1').value).toBe('Rekapitulasi Hasil Pelatihan');
    const heading = Object.fromEntries(
      [2, 3, 4, 5, 6, 7].map((n) => [sheet.getCell(`A${n}`).value, sheet.getCell(`B${n}`).value]),
    );
    expect(heading).toEqual({
      Penyelenggara: orgName,
      Pelatihan: program,
      Angkatan: 'BPN-I \u2013 Angkatan I',
      Tanggal: '23 Oktober 2024 \u2013 6 Desember 2024',
      'Jumlah JP': 85,
      'Dibuat pada': '20 Desember 2024 11.30 WITA',
    });

    // The header row stays in view: the sheet is frozen just below it.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    const headers = (sheet.getRow(9).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'NIP',
      'Nama',
      'Jabatan',
      'Pangkat/Golongan',
      'Kategori',
      'Unit Kerja',
      'JP Daring',
      'JP Klasikal',
      'JP Lapangan',
      'Hadir',
      'Terlambat',
      'Izin',
      'Tidak Hadir',
      'JP Tidak Hadir',
      'Nilai Sikap Perilaku (40%)',
      'Nilai Produk Aktualisasi (60%)',
      'Nilai Akhir',
      'Predikat',
      'Status',
      'Alasan Tidak Lulus',
      'Nomor Sertifikat',
    ]);
    // Every column has a width of its own, none narrower than its header.
    headers.forEach((h, i) => expect(sheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(String(h).length + 2));
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30); // Nama
    expect(sheet.getColumn(20).width).toBeGreaterThanOrEqual(40); // the reasons

    const rows = table(sheet);
    const byNip = new Map(rows.map((r) => [r.NIP, r]));
    expect(rows).toHaveLength(4);
    const [a, b, c, d] = people.map((p) => byNip.get(p.nip)!);
    expect(a).toMatchObject({
      Nama: people[0]!.nama,
      Jabatan: people[0]!.jabatan,
      'Pangkat/Golongan': people[0]!.pangkat,
      'JP Klasikal': 24,
      'JP Lapangan': 16,
      'Nilai Sikap Perilaku (40%)': 90,
      'Nilai Produk Aktualisasi (60%)': 95,
      'Nilai Akhir': 93,
      Predikat: 'Sangat Memuaskan',
      Status: 'Lulus',
      'Alasan Tidak Lulus': null,
    });
    expect(b).toMatchObject({
      'JP Klasikal': 18,
      'JP Lapangan': 0,
      'Nilai Akhir': 50,
      Predikat: 'Tidak Memuaskan',
      Status: 'Tidak Lulus',
      'Alasan Tidak Lulus': 'Nilai akhir di bawah batas lulus',
    });
    // No score: blank cells, not "0 / Tidak Memuaskan"; the reason says why.
    expect(c).toMatchObject({
      Jabatan: people[2]!.jabatan,
      'Pangkat/Golongan': people[2]!.pangkat,
      'Nilai Sikap Perilaku (40%)': null,
      'Nilai Produk Aktualisasi (60%)': null,
      'Nilai Akhir': null,
      Predikat: null,
      Status: 'Tidak Lulus',
    });
    expect(c!['Alasan Tidak Lulus']).toContain('Nilai belum lengkap');
    expect(d).toMatchObject({ Status: 'Mengundurkan Diri', 'Nilai Akhir': null });

    const summary = book.getWorksheet('Ringkasan')!;
    const summaryRows: unknown[][] = [];
    summary.eachRow((row) => summaryRows.push((row.values as unknown[]).slice(1)));
    expect(summaryRows).toEqual(
      expect.arrayContaining([
        ['Status', 'Lulus', 1],
        ['Status', 'Tidak Lulus', 2],
        ['Status', 'Mengundurkan Diri', 1],
      ]),
    );
    // Nothing in either sheet is a formula.
    for (const ws of [sheet, summary])
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  test('in English when asked', async () => {
    const sheet = (await workbook('en'))!.getWorksheet('Participants')!;
    expect(sheet.getCell('A1').value).toBe('Training Results Recap');
    expect(sheet.getCell('A5').value).toBe('Dates');
    expect(sheet.getCell('B5').value).toBe('23 October 2024 \u2013 6 December 2024');
    expect(sheet.getCell('B7').value).toBe('20 December 2024 11:30 WITA');
    const rows = table(sheet);
    expect(rows.map((r) => r.Status).sort()).toEqual(['Failed', 'Failed', 'Passed', 'Withdrawn']);
    expect(rows.find((r) => r.NIP === people[1]!.nip)!['Reasons for Failing']).toBe('Final score below the pass mark');
    expect(rows.find((r) => r.NIP === people[0]!.nip)).toMatchObject({
      Position: people[0]!.jabatan,
      'Classroom JP': 24,
    });
  });

  test('the CSV has the same columns and values, without the heading', async () => {
    const csv = await ctx.http.get(`/v1/cohorts/${cohortId}/report?format=csv`).set(admin).expect(200);
    const records = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const sheetRows = table((await workbook()).getWorksheet('Peserta')!);
    expect(Object.keys(records[0]!)).toEqual(Object.keys(sheetRows[0]!));
    expect(records).toEqual(
      sheetRows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
    );
  });

  test('JSON rows carry the codes and the words, with position and rank', async () => {
    const report = (await ctx.http.get(`/v1/cohorts/${cohortId}/report`).set(admin).expect(200)).body;
    const b = report.rows.find((r: { nip: string }) => r.nip === people[1]!.nip);
    expect(b).toMatchObject({
      status: 'failed',
      statusText: 'Tidak Lulus',
      reasons: ['SCORE_BELOW_PASS_MARK'],
      reasonTexts: ['Nilai akhir di bawah batas lulus'],
      position: people[1]!.jabatan,
      rank: people[1]!.pangkat,
      classroomJp: 18,
      fieldJp: 0,
    });
  });
});
