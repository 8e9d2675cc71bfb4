import { describe, expect, test } from 'vitest';
import {
  DEFAULT_BANDS,
  evaluate,
  finalScore,
  predikatOf,
  schemeProblems,
} from '../../src/modules/assessment/scoring.js';

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
    expect(schemeProblems({ components: latsarLike, bands: DEFAULT_BANDS })).toEqual([]);
  });
});
