import { describe, expect, test } from 'vitest';
import { ERROR_CODES } from '../../src/http/error-codes.js';
import { catalogueGaps, MESSAGES, negotiate, PROBLEMS, problemText, translate } from '../../src/i18n/index.js';

describe('the message catalogue', () => {
  test('every error code has an Indonesian and an English title and detail, with the same params', () => {
    expect(catalogueGaps(ERROR_CODES)).toEqual([]);
    // Nothing in the catalogue that is not a code any more.
    expect(Object.keys(PROBLEMS).filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  test('the check fails for a code without a language, an empty text, a missing code or params that differ', () => {
    const broken = {
      ...PROBLEMS,
      NOT_FOUND: { id: PROBLEMS.NOT_FOUND.id },
      FORBIDDEN: { id: { title: 'Tidak diizinkan', detail: ' ' }, en: PROBLEMS.FORBIDDEN.en },
      COHORT_FULL: { id: PROBLEMS.COHORT_FULL.id, en: { title: 'Cohort full', detail: 'The cohort is full' } },
    };
    delete (broken as Partial<typeof broken>).TOKEN_EXPIRED;
    expect(catalogueGaps(ERROR_CODES, broken, {})).toEqual([
      'COHORT_FULL: the languages name different params',
      'FORBIDDEN: no id detail',
      'NOT_FOUND: no en title',
      'NOT_FOUND: no en detail',
      'NOT_FOUND: the languages name different params',
      'TOKEN_EXPIRED: no id title',
      'TOKEN_EXPIRED: no id detail',
      'TOKEN_EXPIRED: no en title',
      'TOKEN_EXPIRED: no en detail',
    ]);
    expect(catalogueGaps([], {}, { 'report.title': { id: 'Rekapitulasi' } })).toEqual(['report.title: no en text']);
    expect(catalogueGaps([], {}, { 'report.col.score': { id: 'Nilai {name}', en: 'Score {label}' } })).toEqual([
      'report.col.score: the languages name different params',
    ]);
  });

  test('params fill the texts, and a text given as a param is translated too', () => {
    expect(problemText('id', 'COHORT_FULL', { capacity: 30 }).detail).toBe('Angkatan sudah penuh (kapasitas 30)');
    expect(problemText('en', 'COHORT_FULL', { capacity: 30 }).detail).toBe('The cohort is full (capacity 30)');
    expect(problemText('id', 'COHORT_NOT_DRAFT', { status: { key: 'cohortStatus.running' } }).detail).toBe(
      'Angkatan ini berstatus berjalan, bukan draf',
    );
    expect(translate('en', 'enrollmentStatus.withdrawn')).toBe('Withdrawn');
    expect(translate('id', 'enrollmentStatus.withdrawn')).toBe('Mengundurkan Diri');
    expect(Object.keys(MESSAGES).length).toBeGreaterThan(100);
  });
});

describe('Accept-Language', () => {
  test.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
    ['en;q=0.2, id;q=0.5', 'id'],
    ['id;q=0.2, en;q=0.5', 'en'],
    ['id;q=0, *;q=0.1', 'en'],
    ['en;q=0', 'id'],
    ['fr, de;q=0.5', 'id'],
    ['fr, en;q=0.1', 'en'],
    ['in', 'id'],
    ['en;q=abc', 'id'],
    ['en;q=1.5, id;q=0.4', 'id'],
  ])('%s → %s', (header, lang) => {
    expect(negotiate(header)).toBe(lang);
  });
});
