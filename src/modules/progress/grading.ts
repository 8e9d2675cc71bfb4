import type { FieldError } from '../../http/errors.js';
import { msg } from '../../i18n/index.js';

export interface QuizKeyQuestion {
  id: string;
  kind: 'single' | 'multiple';
  correct: string[];
  points: number;
  options: string[];
}

export interface Answer {
  questionId: string;
  selected: string[];
}

/**
 * Scores an attempt in percent of the quiz's points. A question counts when exactly its correct
 * options are selected (no partial credit); an unanswered question counts as wrong.
 */
export function gradeAttempt(
  questions: QuizKeyQuestion[],
  answers: Answer[],
): { score: number; questions: Array<{ questionId: string; correct: boolean }> } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, string[]>();
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) errors.push({ path: `body.answers[${i}].questionId`, message: msg('field.notAQuestion') });
    else if (given.has(a.questionId))
      errors.push({ path: `body.answers[${i}].questionId`, message: msg('field.answeredTwice') });
    else if (a.selected.some((k) => !q.options.includes(k)))
      errors.push({ path: `body.answers[${i}].selected`, message: msg('field.notAnOption') });
    else if (q.kind === 'single' && a.selected.length > 1)
      errors.push({ path: `body.answers[${i}].selected`, message: msg('field.chooseOne') });
    given.set(a.questionId, a.selected);
  });
  if (errors.length > 0) return { errors };

  const total = questions.reduce((sum, q) => sum + q.points, 0);
  let earned = 0;
  const results = questions.map((q) => {
    const selected = new Set(given.get(q.id) ?? []);
    const correct = selected.size === q.correct.length && q.correct.every((k) => selected.has(k));
    if (correct) earned += q.points;
    return { questionId: q.id, correct };
  });
  return { score: total > 0 ? Math.round((earned / total) * 10_000) / 100 : 0, questions: results };
}
