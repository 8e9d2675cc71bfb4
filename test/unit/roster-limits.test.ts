import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_ROSTER_ROWS, failuresIn, parseRoster, RosterFileError } from '../../src/modules/cohorts/roster.js';
import { checkZip } from '../../src/modules/cohorts/zip-limits.js';
import { makePeople, rosterCsv, rosterXlsx } from '../support/roster-files.js';
import { zipBomb } from '../support/zip-bomb.js';

async function rosterError(work: Promise<unknown>): Promise<RosterFileError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RosterFileError);
  return error as RosterFileError;
}

describe('files too large to open', () => {
  test('an XLSX that would inflate past the budget is refused before it is opened', async () => {
    const bomb = await zipBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await rosterError(parseRoster(bomb, 'xlsx'));
    expect(error.tooLarge).toBe(true);
    expect(error.message).toMatch(/unpack to more than/);
  });

  test('the budget counts what inflating produces, and a real roster workbook is within it', async () => {
    expect(await checkZip(await zipBomb(2 * 1024 * 1024), { maxEntries: 10, maxInflatedBytes: 1024 * 1024 })).toEqual({
      ok: false,
      reason: 'too_large',
    });
    const workbook = await rosterXlsx(makePeople(50));
    expect(await checkZip(workbook, { maxEntries: 1000, maxInflatedBytes: 128 * 1024 * 1024 })).toMatchObject({
      ok: true,
    });
    expect((await parseRoster(workbook, 'xlsx')).rows).toHaveLength(50);
  });

  test('a CSV of a million rows stops at the row limit with a size error', async () => {
    const csv = Buffer.from(`NIP,Nama\n${'1,a\n'.repeat(1_000_000)}`);
    const error = await rosterError(parseRoster(csv, 'csv'));
    expect(error.tooLarge).toBe(true);
    expect(error.message).toContain(`at most ${DEFAULT_MAX_ROSTER_ROWS}`);
  });
});

describe('imported rows obey the JSON API\u2019s field limits', () => {
  test('a 60,000-character name or unit fails its row, naming the limit; the other rows pass', async () => {
    const [a, b, c] = makePeople(3, 4711);
    const file = rosterCsv([{ ...a!, nama: 'N'.repeat(60_000) }, { ...b!, unitKerja: 'U'.repeat(5_000) }, c!]);
    const parsed = await parseRoster(file, 'csv');
    expect(parsed.rows.map((r) => r.nip)).toEqual([c!.nip]);
    expect(failuresIn('en', parsed.failed).map((f) => [f.nip, f.reason])).toEqual([
      [a!.nip, 'Nama (name) is not valid (at most 200 characters)'],
      [b!.nip, 'Unit kerja (unit) is not valid (at most 200 characters)'],
    ]);
  });
});
