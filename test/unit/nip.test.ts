import { describe, expect, test } from 'vitest';
import { render } from '../../src/i18n/index.js';
import { checkNip, looksLikeNip, nipBirthDate, nipKindOf, normalizeNip } from '../../src/modules/identity/nip.js';

describe('NIP of a PNS', () => {
  test('birth date, TMT CPNS month, sex and sequence pass and yield the birth date', () => {
    expect(checkNip('199003152019031002')).toEqual({ ok: true, kind: 'pns' });
    expect(checkNip('198507142010011003', '1985-07-14')).toEqual({ ok: true, kind: 'pns' });
    expect(checkNip('196512311990122001')).toEqual({ ok: true, kind: 'pns' });
    expect(nipBirthDate('198507142010011003')).toBe('1985-07-14');
  });

  test.each([
    ['19850714201001100', 'exactly 18 digits'],
    ['19850714201001100A', 'exactly 18 digits'],
    ['198502302010011003', 'real birth date'],
    ['198513012010011003', 'real birth date'],
    ['188501012010011003', 'real birth date'],
    ['198507142010131003', 'appointment month (YYYYMM)'],
    ['198507142010001003', 'appointment month (YYYYMM)'],
    ['198507141010011003', 'appointment month (YYYYMM)'],
    ['198507142010013003', 'Digit 15'],
    ['198507142010010003', 'Digit 15'],
  ])('%s is refused (%s)', (nip, reason) => {
    const result = checkNip(nip);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('NI PPPK', () => {
  test('birth date, TMT year, the PPPK code 2, frequency, sex and sequence pass', () => {
    // The examples agencies send: appointed in 2024, first and second round, men and women.
    for (const nip of ['200012312024211001', '199507082024212015', '198801012023221104', '197912302025291999']) {
      expect(checkNip(nip)).toEqual({ ok: true, kind: 'pppk' });
      expect(nipKindOf(nip)).toBe('pppk');
    }
    expect(checkNip('200012312024211001', '2000-12-31')).toEqual({ ok: true, kind: 'pppk' });
  });

  test.each([
    ['200012312024201001', 'appointment frequency) must be 1–9'],
    ['200012311024211001', 'real appointment year'],
    ['200012312024213001', 'Digit 15'],
    ['200002302024211001', 'real birth date'],
  ])('%s is refused (%s)', (nip, reason) => {
    const result = checkNip(nip);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  test('the number must agree with a given birth date', () => {
    const check = checkNip('200012312024211001', '2000-12-30');
    expect(check).toMatchObject({ ok: false, reason: 'The NIP encodes birth date 2000-12-31, not 2000-12-30' });
    if (check.ok) throw new Error('refused above');
    expect(render('id', check.message)).toBe('NIP memuat tanggal lahir 2000-12-31, bukan 2000-12-30');
    expect(render('en', check.named('200012312024211001'))).toBe(
      'The NIP 200012312024211001 encodes birth date 2000-12-31, not 2000-12-30',
    );
  });
});

describe('numbers as people write them', () => {
  test('spaces, dots, dashes and the spreadsheet text marker are stripped, nothing else', () => {
    expect(normalizeNip('19900101 202221 2 001')).toBe('199001012022212001');
    expect(normalizeNip(' 20001231.2024.2.1.1.001 ')).toBe('200012312024211001');
    expect(normalizeNip('19900315-201903-1-002')).toBe('199003152019031002');
    expect(normalizeNip("'199003152019031002")).toBe('199003152019031002');
    expect(normalizeNip('1.99001012022212E+17')).toBe('199001012022212E+17');
    expect(checkNip(normalizeNip('1.99001012022212E+17')).ok).toBe(false);
  });

  test('a login is a NIP only when it has 18 digits and no @', () => {
    expect(looksLikeNip('20001231 2024 2 1 1 001')).toBe(true);
    expect(looksLikeNip('199003152019031002@example.org')).toBe(false);
    expect(looksLikeNip('budi.santoso@example.org')).toBe(false);
  });
});
