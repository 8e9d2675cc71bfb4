import { describe, expect, test } from 'vitest';
import {
  bandsForPassMark,
  DEFAULT_BANDS,
  evaluate,
  finalScore,
  predikatOf,
  schemeProblems as schemeProblemMessages,
} from '../../src/modules/assessment/scoring.js';
import { fieldErrorsIn } from '../../src/http/errors.js';

/** The problems as an `Accept-Language: en` request reads them. */
const schemeProblems = (...args: Parameters<typeof schemeProblemMessages>) =>
  fieldErrorsIn('en', schemeProblemMessages(...args));

const latsarLike = [
  { code: 'akademik', name: 'Evaluasi Akademik', weight: 20, source: 'quiz' as const },
  { code: 'sikap', name: 'Sikap Perilaku', weight: 30, source: 'manual' as const },
  { code: 'aktualisasi', name: 'Produk Aktualisasi', weight: 50, source: 'manual' as const },
];
const scheme = {
  components: latsarLike,
  passMark: 70.01,
  bands: [...DEFAULT_BANDS],
  absence: { maxJp: 18, maxDays: 2, countExcused: true },
  requireOnlineJp: true,
};
const clean = { absence: { absentJp: 0, absentDays: 0 }, onlineJpShort: false };

describe('weighted final score', () => {
  test('weights the components and rounds half up to two decimals', () => {
    // 0.2 × 81.25 + 0.3 × 77.5 + 0.5 × 90.33 = 16.25 + 23.25 + 45.165 = 84.665 → 84.67
    expect(finalScore(latsarLike, { akademik: 81.25, sikap: 77.5, aktualisasi: 90.33 })).toBe(84.67);
    expect(finalScore(latsarLike, { akademik: 100, sikap: 100, aktualisasi: 100 })).toBe(100);
    // A missing score counts as zero.
    expect(finalScore(latsarLike, { akademik: 100, sikap: 100, aktualisasi: null })).toBe(50);
  });

  test('two-decimal values never blur: 0.1 + 0.2 style sums land exactly on the boundary', () => {
    const halves = [
      { code: 'a', name: 'A', weight: 33.33, source: 'manual' as const },
      { code: 'b', name: 'B', weight: 33.33, source: 'manual' as const },
      { code: 'c', name: 'C', weight: 33.34, source: 'manual' as const },
    ];
    expect(finalScore(halves, { a: 70.01, b: 70.01, c: 70.01 })).toBe(70.01);
    expect(finalScore(halves, { a: 70, b: 70, c: 70 })).toBe(70);
  });
});

describe('predikat and pass mark at every boundary', () => {
  test.each([
    [100, 'Sangat Memuaskan', true],
    [90.01, 'Sangat Memuaskan', true],
    [90, 'Memuaskan', true],
    [80.01, 'Memuaskan', true],
    [80, 'Cukup Memuaskan', true],
    [70.01, 'Cukup Memuaskan', true],
    [70, 'Kurang Memuaskan', false],
    [60.01, 'Kurang Memuaskan', false],
    [60, 'Tidak Memuaskan', false],
    [0, 'Tidak Memuaskan', false],
  ])('%s → %s, passed %s', (score, label, passed) => {
    expect(predikatOf(score, DEFAULT_BANDS)).toBe(label);
    const verdict = evaluate(scheme, { scores: { akademik: score, sikap: score, aktualisasi: score }, ...clean });
    expect(verdict.finalScore).toBe(score);
    expect(verdict.predikat).toBe(label);
    expect(verdict.passed).toBe(passed);
    expect(verdict.reasons).toEqual(passed ? [] : ['SCORE_BELOW_PASS_MARK']);
  });
});

describe('failing for other reasons', () => {
  const top = { akademik: 95, sikap: 95, aktualisasi: 95 };
  test('absence over the limit fails a high scorer: more than 18 JP, or more than 2 days', () => {
    expect(evaluate(scheme, { ...clean, scores: top, absence: { absentJp: 18, absentDays: 2 } }).passed).toBe(true);
    const overJp = evaluate(scheme, { ...clean, scores: top, absence: { absentJp: 18.25, absentDays: 1 } });
    expect(overJp).toMatchObject({ passed: false, predikat: 'Sangat Memuaskan', reasons: ['ABSENCE_OVER_LIMIT'] });
    expect(evaluate(scheme, { ...clean, scores: top, absence: { absentJp: 6, absentDays: 3 } }).reasons).toEqual([
      'ABSENCE_OVER_LIMIT',
    ]);
  });

  test('online JP short fails only where the scheme requires it; a missing score is named', () => {
    expect(evaluate(scheme, { ...clean, scores: top, onlineJpShort: true }).reasons).toEqual(['ONLINE_JP_SHORT']);
    expect(evaluate({ ...scheme, requireOnlineJp: false }, { ...clean, scores: top, onlineJpShort: true }).passed).toBe(
      true,
    );
    expect(evaluate(scheme, { ...clean, scores: { akademik: 95, sikap: 95 } }).reasons).toEqual([
      'SCORE_MISSING',
      'SCORE_BELOW_PASS_MARK',
    ]);
  });
});

describe('scheme checks', () => {
  test('reports every problem at once', () => {
    const problems = schemeProblems({
      passMark: 70.01,
      components: [
        { code: 'a', name: 'A', weight: 60, source: 'manual' },
        { code: 'a', name: 'A again', weight: 30, source: 'manual' },
      ],
      bands: [
        { label: 'Lulus', minScore: 70.01 },
        { label: 'Lulus', minScore: 70.01 },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'body.components',
      'body.components[1].code',
      'body.bands[1].label',
      'body.bands[1].minScore',
      'body.bands',
    ]);
    expect(problems[0]!.message).toContain('sum to 90');
  });

  test('the defaults are valid', () => {
    expect(schemeProblems({ components: latsarLike, bands: DEFAULT_BANDS, passMark: 70.01 })).toEqual([]);
  });
});

describe('predikat that follow a custom pass mark', () => {
  const at = (passMark: number) => ({ ...scheme, passMark, bands: bandsForPassMark(passMark) });

  test('pass mark 70.01 gives exactly the five predikat of DOMAIN.md', () => {
    expect(bandsForPassMark(70.01)).toEqual(DEFAULT_BANDS);
  });

  test('pass mark 70: Cukup Memuaskan starts at 70.00, the other boundaries stay', () => {
    expect(bandsForPassMark(70)).toEqual([
      { label: 'Sangat Memuaskan', minScore: 90.01 },
      { label: 'Memuaskan', minScore: 80.01 },
      { label: 'Cukup Memuaskan', minScore: 70 },
      { label: 'Kurang Memuaskan', minScore: 60.01 },
      { label: 'Tidak Memuaskan', minScore: 0 },
    ]);
  });

  test.each([
    [100, 'Sangat Memuaskan', true],
    [90.01, 'Sangat Memuaskan', true],
    [90, 'Memuaskan', true],
    [80.01, 'Memuaskan', true],
    [80, 'Cukup Memuaskan', true],
    [70.01, 'Cukup Memuaskan', true],
    [70, 'Cukup Memuaskan', true],
    [69.99, 'Kurang Memuaskan', false],
    [60.01, 'Kurang Memuaskan', false],
    [60, 'Tidak Memuaskan', false],
    [0, 'Tidak Memuaskan', false],
  ])('pass mark 70: %s → %s, passed %s', (score, label, passed) => {
    const verdict = evaluate(at(70), { scores: { akademik: score, sikap: score, aktualisasi: score }, ...clean });
    expect(verdict).toMatchObject({ finalScore: score, predikat: label, passed });
  });

  test.each([
    [75, 75, 'Cukup Memuaskan', true],
    [75, 74.99, 'Kurang Memuaskan', false],
    [75, 60.01, 'Kurang Memuaskan', false],
    [75, 80.01, 'Memuaskan', true],
    [60, 60, 'Cukup Memuaskan', true],
    [60, 59.99, 'Tidak Memuaskan', false],
    [60, 80, 'Cukup Memuaskan', true],
    [85, 85, 'Memuaskan', true],
    [85, 84.99, 'Kurang Memuaskan', false],
    [85, 90.01, 'Sangat Memuaskan', true],
    [95, 95, 'Sangat Memuaskan', true],
    [95, 94.99, 'Kurang Memuaskan', false],
  ])('pass mark %s: %s → %s, passed %s', (passMark, score, label, passed) => {
    const verdict = evaluate(at(passMark), { scores: { akademik: score, sikap: score, aktualisasi: score }, ...clean });
    expect(verdict).toMatchObject({ finalScore: score, predikat: label, passed });
  });

  test('a predikat squeezed out by the pass mark is left out, and every derived ladder is coherent', () => {
    expect(bandsForPassMark(85).map((b) => b.label)).toEqual([
      'Sangat Memuaskan',
      'Memuaskan',
      'Kurang Memuaskan',
      'Tidak Memuaskan',
    ]);
    expect(bandsForPassMark(60).map((b) => [b.label, b.minScore])).toEqual([
      ['Sangat Memuaskan', 90.01],
      ['Memuaskan', 80.01],
      ['Cukup Memuaskan', 60],
      ['Tidak Memuaskan', 0],
    ]);
    expect(bandsForPassMark(0).map((b) => [b.label, b.minScore])).toEqual([
      ['Sangat Memuaskan', 90.01],
      ['Memuaskan', 80.01],
      ['Cukup Memuaskan', 0],
    ]);
    for (let pass = 0; pass <= 10_000; pass += 1) {
      const passMark = pass / 100;
      const bands = bandsForPassMark(passMark);
      expect(schemeProblems({ components: latsarLike, bands, passMark }), `pass mark ${passMark}`).toEqual([]);
    }
  });
});

describe('bands that contradict the pass mark are refused with the reason', () => {
  test('the five default predikat under pass mark 70: Kurang Memuaskan would hold a pass and a fail', () => {
    const problems = schemeProblems({ components: latsarLike, bands: DEFAULT_BANDS, passMark: 70 });
    expect(problems).toEqual([
      {
        path: 'body.bands[3].minScore',
        message:
          '"Kurang Memuaskan" runs from 60.01 to 70.00, across the pass mark 70.00: 69.99 fails and 70.00 passes with the same predikat. Start a band at 70.00, or leave out bands to have them follow the pass mark',
      },
    ]);
  });

  test('a failing predikat given to passing scores, and a passing one to failing scores', () => {
    const problems = schemeProblems({
      components: latsarLike,
      passMark: 70,
      bands: [
        { label: 'Cukup Memuaskan', minScore: 80 },
        { label: 'Kurang Memuaskan', minScore: 70 },
        { label: 'Memuaskan', minScore: 50 },
        { label: 'Tidak Memuaskan', minScore: 0 },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual(['body.bands[1].minScore', 'body.bands[2].minScore']);
    expect(problems[0]!.message).toContain('"Kurang Memuaskan" is a failing predikat');
    expect(problems[1]!.message).toContain('"Memuaskan" is a passing predikat');
  });

  test('labels of its own are checked only at the pass mark: a band must start there', () => {
    const lulus = [
      { label: 'Lulus', minScore: 65 },
      { label: 'Tidak Lulus', minScore: 0 },
    ];
    expect(schemeProblems({ components: latsarLike, bands: lulus, passMark: 65 })).toEqual([]);
    expect(schemeProblems({ components: latsarLike, bands: lulus, passMark: 65.5 })).toEqual([
      expect.objectContaining({ path: 'body.bands[0].minScore' }),
    ]);
    const below = schemeProblems({ components: latsarLike, bands: lulus, passMark: 64 });
    expect(below).toHaveLength(1);
    expect(below[0]).toMatchObject({ path: 'body.bands[1].minScore' });
    expect(below[0]!.message).toContain('"Tidak Lulus" runs from 0.00 to 64.99, across the pass mark 64.00');
  });
});
