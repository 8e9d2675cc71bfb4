import type { AbsenceRule, AssessmentComponent, PredikatBand, SchemeSnapshot } from '../../db/schema.js';
import type { FieldError } from '../../http/errors.js';

/** DOMAIN.md: Sangat Memuaskan 90.01–100, Memuaskan 80.01–90, Cukup 70.01–80, Kurang 60.01–70, Tidak ≤ 60. */
export const DEFAULT_BANDS: readonly PredikatBand[] = Object.freeze([
  { label: 'Sangat Memuaskan', minScore: 90.01 },
  { label: 'Memuaskan', minScore: 80.01 },
  { label: 'Cukup Memuaskan', minScore: 70.01 },
  { label: 'Kurang Memuaskan', minScore: 60.01 },
  { label: 'Tidak Memuaskan', minScore: 0 },
]);

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

/** Every problem of a scheme at once: weights summing to 100, unique codes, bands covering 0–100. */
export function schemeProblems(s: { components: AssessmentComponent[]; bands: readonly PredikatBand[] }): FieldError[] {
  const problems: FieldError[] = [];
  const sum = s.components.reduce((acc, c) => acc + hundredths(c.weight), 0);
  if (sum !== 10_000)
    problems.push({ path: 'body.components', message: `The weights sum to ${sum / 100}; they must sum to 100` });
  const codes = new Set<string>();
  s.components.forEach((c, i) => {
    if (codes.has(c.code)) problems.push({ path: `body.components[${i}].code`, message: `"${c.code}" is used twice` });
    codes.add(c.code);
  });
  const labels = new Set<string>();
  const minima = new Set<number>();
  s.bands.forEach((b, i) => {
    if (labels.has(b.label)) problems.push({ path: `body.bands[${i}].label`, message: `"${b.label}" is used twice` });
    if (minima.has(hundredths(b.minScore)))
      problems.push({ path: `body.bands[${i}].minScore`, message: `Two bands start at ${b.minScore}` });
    labels.add(b.label);
    minima.add(hundredths(b.minScore));
  });
  if (!s.bands.some((b) => b.minScore === 0))
    problems.push({ path: 'body.bands', message: 'One band must start at 0, so that every score has a predikat' });
  return problems;
}
