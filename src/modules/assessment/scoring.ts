import type { AbsenceRule, AssessmentComponent, PredikatBand, SchemeSnapshot } from '../../db/schema.js';
import type { FieldError } from '../../http/errors.js';
import { msg } from '../../i18n/index.js';

/** DOMAIN.md: Sangat Memuaskan 90.01–100, Memuaskan 80.01–90, Cukup 70.01–80, Kurang 60.01–70, Tidak ≤ 60. */
export const DEFAULT_BANDS: readonly PredikatBand[] = Object.freeze([
  { label: 'Sangat Memuaskan', minScore: 90.01 },
  { label: 'Memuaskan', minScore: 80.01 },
  { label: 'Cukup Memuaskan', minScore: 70.01 },
  { label: 'Kurang Memuaskan', minScore: 60.01 },
  { label: 'Tidak Memuaskan', minScore: 0 },
]);

// The five predikat of DOMAIN.md: the first three are given to those who pass, the last two fail.
const PASSING_LABELS = new Set(['sangat memuaskan', 'memuaskan', 'cukup memuaskan']);
const FAILING_LABELS = new Set(['kurang memuaskan', 'tidak memuaskan']);
const labelKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

export type FailReason = 'SCORE_BELOW_PASS_MARK' | 'SCORE_MISSING' | 'ABSENCE_OVER_LIMIT' | 'ONLINE_JP_SHORT';

// Scores and weights have two decimals: all arithmetic is on whole hundredths, so 70.00 and 70.01
// never blur through binary fractions.
const hundredths = (n: number) => Math.round(n * 100);

/** The weighted final score, rounded half up to two decimals; a missing score counts as 0. */
export function finalScore(components: AssessmentComponent[], scores: Record<string, number | null>): number {
  let total = 0;
  for (const c of components) total += hundredths(c.weight) * hundredths(scores[c.code] ?? 0);
  // total is in 1/10,000 of a point × 100 (weights sum to 100.00): back to hundredths of a point.
  return Math.round(total / 10_000) / 100;
}

/**
 * The default predikat for a pass mark: the lowest passing predikat starts exactly at the pass mark,
 * the predikat above it keep DOMAIN.md's lower bounds, and the failing ones keep theirs below it.
 * Pass mark 70.01 gives DOMAIN.md's bands; pass mark 70 makes Cukup Memuaskan start at 70.00 and
 * Kurang Memuaskan end at 69.99. A predikat squeezed out by the pass mark is left out (pass mark
 * 85: Memuaskan from 85, no Cukup Memuaskan; pass mark 60: Tidak Memuaskan below 60, no Kurang).
 */
export function bandsForPassMark(passMark: number): PredikatBand[] {
  const pass = hundredths(passMark);
  const passing = DEFAULT_BANDS.filter((b) => PASSING_LABELS.has(labelKey(b.label)));
  const failing = DEFAULT_BANDS.filter((b) => FAILING_LABELS.has(labelKey(b.label)));
  // The lowest passing band is the one whose own range (up to the next band) reaches past the pass mark.
  const lowest = passing.findLastIndex((b, i) => i === 0 || hundredths(passing[i - 1]!.minScore) > pass);
  return [
    ...passing.slice(0, lowest).map((b) => ({ ...b })),
    { label: passing[lowest]!.label, minScore: passMark },
    ...failing.filter((b) => hundredths(b.minScore) < pass).map((b) => ({ ...b })),
  ];
}

/** The band whose lower bound is the highest one not above the score. */
export function predikatOf(score: number, bands: readonly PredikatBand[]): string {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((b) => hundredths(score) >= hundredths(b.minScore)) ?? sorted.at(-1)!).label;
}

export interface Verdict {
  components: Record<string, number | null>;
  finalScore: number;
  predikat: string;
  passed: boolean;
  reasons: FailReason[];
}

export function evaluate(
  scheme: Pick<SchemeSnapshot, 'components' | 'passMark' | 'bands' | 'absence' | 'requireOnlineJp'>,
  input: {
    scores: Record<string, number | null>;
    absence: { absentJp: number; absentDays: number };
    onlineJpShort: boolean;
  },
): Verdict {
  const components = Object.fromEntries(scheme.components.map((c) => [c.code, input.scores[c.code] ?? null]));
  const score = finalScore(scheme.components, components);
  const reasons: FailReason[] = [];
  if (Object.values(components).some((v) => v === null)) reasons.push('SCORE_MISSING');
  if (hundredths(score) < hundredths(scheme.passMark)) reasons.push('SCORE_BELOW_PASS_MARK');
  if (overLimit(input.absence, scheme.absence)) reasons.push('ABSENCE_OVER_LIMIT');
  if (scheme.requireOnlineJp && input.onlineJpShort) reasons.push('ONLINE_JP_SHORT');
  return {
    components,
    finalScore: score,
    predikat: predikatOf(score, scheme.bands),
    passed: reasons.length === 0,
    reasons,
  };
}

export function overLimit(absence: { absentJp: number; absentDays: number }, rule: AbsenceRule): boolean {
  return absence.absentJp > rule.maxJp || absence.absentDays > rule.maxDays;
}

/**
 * Every problem of a scheme at once: weights summing to 100, unique codes, bands covering 0–100,
 * and bands that agree with the pass mark. Agreeing means that no predikat is given both to a score
 * that passes and to one that fails: some band starts exactly at the pass mark. DOMAIN.md's own
 * labels keep their meaning too: Kurang and Tidak Memuaskan are never given to a pass, Cukup
 * Memuaskan, Memuaskan and Sangat Memuaskan never to a fail.
 */
export function schemeProblems(s: {
  components: AssessmentComponent[];
  bands: readonly PredikatBand[];
  passMark: number;
}): FieldError[] {
  const problems: FieldError[] = [];
  const sum = s.components.reduce((acc, c) => acc + hundredths(c.weight), 0);
  if (sum !== 10_000) problems.push({ path: 'body.components', message: msg('field.weightsSum', { sum: sum / 100 }) });
  const codes = new Set<string>();
  s.components.forEach((c, i) => {
    if (codes.has(c.code))
      problems.push({ path: `body.components[${i}].code`, message: msg('field.usedTwice', { value: c.code }) });
    codes.add(c.code);
  });
  const labels = new Set<string>();
  const minima = new Set<number>();
  s.bands.forEach((b, i) => {
    if (labels.has(b.label))
      problems.push({ path: `body.bands[${i}].label`, message: msg('field.usedTwice', { value: b.label }) });
    if (minima.has(hundredths(b.minScore)))
      problems.push({ path: `body.bands[${i}].minScore`, message: msg('field.bandsSameStart', { score: b.minScore }) });
    labels.add(b.label);
    minima.add(hundredths(b.minScore));
  });
  if (!s.bands.some((b) => b.minScore === 0)) problems.push({ path: 'body.bands', message: msg('field.bandFromZero') });
  problems.push(...passMarkProblems(s.bands, s.passMark));
  return problems;
}

const twoDecimals = (n: number) => (hundredths(n) / 100).toFixed(2);

function passMarkProblems(bands: readonly PredikatBand[], passMark: number): FieldError[] {
  const pass = hundredths(passMark);
  const indexed = bands.map((b, i) => ({ ...b, i, min: hundredths(b.minScore) })).sort((a, b) => a.min - b.min);
  const problems: FieldError[] = [];
  const straddling = indexed.findLast((b) => b.min < pass);
  if (straddling && !indexed.some((b) => b.min === pass)) {
    const next = indexed.find((b) => b.min > straddling.min);
    const top = next ? twoDecimals((next.min - 1) / 100) : '100.00';
    problems.push({
      path: `body.bands[${straddling.i}].minScore`,
      message: msg('field.bandAcrossPassMark', {
        label: straddling.label,
        from: twoDecimals(straddling.minScore),
        to: top,
        passMark: twoDecimals(passMark),
        below: twoDecimals((pass - 1) / 100),
      }),
    });
  }
  for (const b of [...indexed].sort((x, y) => x.i - y.i)) {
    const key = labelKey(b.label);
    if (b.min >= pass && FAILING_LABELS.has(key))
      problems.push({
        path: `body.bands[${b.i}].minScore`,
        message: msg('field.failingBandPasses', {
          label: b.label,
          from: twoDecimals(b.minScore),
          passMark: twoDecimals(passMark),
        }),
      });
    if (b.min < pass && PASSING_LABELS.has(key))
      problems.push({
        path: `body.bands[${b.i}].minScore`,
        message: msg('field.passingBandFails', {
          label: b.label,
          from: twoDecimals(b.minScore),
          passMark: twoDecimals(passMark),
        }),
      });
  }
  return problems;
}
