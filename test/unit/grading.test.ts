import { describe, expect, test } from 'vitest';
import { fieldErrorsIn } from '../../src/http/errors.js';
import { gradeAttempt, type Answer, type QuizKeyQuestion } from '../../src/modules/progress/grading.js';

// 4 points in all: q1 single (1 pt), q2 multiple a+c (2 pts), q3 single (1 pt).
const quiz: QuizKeyQuestion[] = [
  { id: 'q1', kind: 'single', correct: ['a'], points: 1, options: ['a', 'b', 'c'] },
  { id: 'q2', kind: 'multiple', correct: ['a', 'c'], points: 2, options: ['a', 'b', 'c', 'd'] },
  { id: 'q3', kind: 'single', correct: ['b'], points: 1, options: ['a', 'b'] },
];

function grade(answers: Answer[], questions: QuizKeyQuestion[] = quiz) {
  const result = gradeAttempt(questions, answers);
  if ('errors' in result) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result;
}
function errorsOf(answers: Answer[], questions: QuizKeyQuestion[] = quiz) {
  const result = gradeAttempt(questions, answers);
  if (!('errors' in result)) throw new Error(`expected errors, got score ${result.score}`);
  return fieldErrorsIn('en', result.errors);
}
const correctness = (r: ReturnType<typeof grade>) => r.questions.map((q) => `${q.questionId}:${q.correct}`);

describe('grading a quiz attempt', () => {
  test('all correct scores 100, in quiz order whatever the answer order', () => {
    const r = grade([
      { questionId: 'q3', selected: ['b'] },
      { questionId: 'q2', selected: ['c', 'a'] },
      { questionId: 'q1', selected: ['a'] },
    ]);
    expect(r.score).toBe(100);
    expect(correctness(r)).toEqual(['q1:true', 'q2:true', 'q3:true']);
  });

  test('a wrong single choice loses that question only', () => {
    const r = grade([
      { questionId: 'q1', selected: ['b'] },
      { questionId: 'q2', selected: ['a', 'c'] },
      { questionId: 'q3', selected: ['b'] },
    ]);
    // 3 of 4 points.
    expect(r.score).toBe(75);
    expect(correctness(r)).toEqual(['q1:false', 'q2:true', 'q3:true']);
  });

  test('multiple choice is all-or-nothing: a subset or a superset of the correct options is wrong', () => {
    for (const selected of [['a'], ['a', 'c', 'd'], ['b', 'd'], []]) {
      const r = grade([
        { questionId: 'q1', selected: ['a'] },
        { questionId: 'q2', selected },
        { questionId: 'q3', selected: ['b'] },
      ]);
      // q2 is worth 2 of 4 points.
      expect(r.score).toBe(50);
      expect(correctness(r)).toEqual(['q1:true', 'q2:false', 'q3:true']);
    }
  });

  test('points weight the questions', () => {
    // Only q2 right: 2 of 4 points. Only q1 and q3 right: also 2 of 4.
    expect(grade([{ questionId: 'q2', selected: ['a', 'c'] }]).score).toBe(50);
    expect(
      grade([
        { questionId: 'q1', selected: ['a'] },
        { questionId: 'q3', selected: ['b'] },
      ]).score,
    ).toBe(50);
    // Only q1 right: 1 of 4.
    expect(grade([{ questionId: 'q1', selected: ['a'] }]).score).toBe(25);
  });

  test('an unanswered question counts as wrong; no answers at all score 0', () => {
    const r = grade([
      { questionId: 'q1', selected: ['a'] },
      { questionId: 'q2', selected: ['a', 'c'] },
    ]);
    expect(r.score).toBe(75);
    expect(correctness(r)).toEqual(['q1:true', 'q2:true', 'q3:false']);

    const none = grade([]);
    expect(none.score).toBe(0);
    expect(correctness(none)).toEqual(['q1:false', 'q2:false', 'q3:false']);
  });

  test('the score is a percentage rounded to 2 decimals', () => {
    const three: QuizKeyQuestion[] = ['x', 'y', 'z'].map((id) => ({
      id,
      kind: 'single',
      correct: ['t'],
      points: 1,
      options: ['t', 'f'],
    }));
    const answer = (ids: string[]) => ids.map((questionId) => ({ questionId, selected: ['t'] }));
    expect(grade(answer(['x']), three).score).toBe(33.33); // 33.333…
    expect(grade(answer(['x', 'y']), three).score).toBe(66.67); // 66.666…

    // 2 of 7 points = 28.571…%.
    const weighted: QuizKeyQuestion[] = [
      { id: 'p2', kind: 'single', correct: ['t'], points: 2, options: ['t', 'f'] },
      { id: 'p5', kind: 'single', correct: ['t'], points: 5, options: ['t', 'f'] },
    ];
    expect(grade([{ questionId: 'p2', selected: ['t'] }], weighted).score).toBe(28.57);
    expect(grade([{ questionId: 'p5', selected: ['t'] }], weighted).score).toBe(71.43);
  });

  test('a quiz without points scores 0', () => {
    const r = grade(
      [{ questionId: 'q', selected: ['t'] }],
      [{ id: 'q', kind: 'single', correct: ['t'], points: 0, options: ['t', 'f'] }],
    );
    expect(r.score).toBe(0);
    expect(correctness(r)).toEqual(['q:true']);
  });
});

describe('invalid attempts are refused with the path of each problem', () => {
  test('an unknown question', () => {
    expect(
      errorsOf([
        { questionId: 'q1', selected: ['a'] },
        { questionId: 'q9', selected: ['a'] },
      ]),
    ).toEqual([{ path: 'body.answers[1].questionId', message: 'Not a question of this quiz' }]);
  });

  test('a question answered twice (the second answer is the problem)', () => {
    expect(
      errorsOf([
        { questionId: 'q2', selected: ['a'] },
        { questionId: 'q1', selected: ['a'] },
        { questionId: 'q2', selected: ['a', 'c'] },
      ]),
    ).toEqual([{ path: 'body.answers[2].questionId', message: 'Answered twice' }]);
  });

  test('an option the question does not have', () => {
    expect(errorsOf([{ questionId: 'q3', selected: ['c'] }])).toEqual([
      { path: 'body.answers[0].selected', message: 'Not among the options' },
    ]);
    expect(errorsOf([{ questionId: 'q2', selected: ['a', 'e'] }])).toEqual([
      { path: 'body.answers[0].selected', message: 'Not among the options' },
    ]);
  });

  test('several options for a single-choice question', () => {
    expect(errorsOf([{ questionId: 'q1', selected: ['a', 'b'] }])).toEqual([
      { path: 'body.answers[0].selected', message: 'Choose one option' },
    ]);
  });

  test('every problem is reported, and no score is given', () => {
    const result = gradeAttempt(quiz, [
      { questionId: 'q1', selected: ['a', 'b'] },
      { questionId: 'nope', selected: [] },
      { questionId: 'q2', selected: ['z'] },
      { questionId: 'q1', selected: ['a'] },
    ]);
    expect('errors' in result ? { errors: fieldErrorsIn('en', result.errors) } : result).toEqual({
      errors: [
        { path: 'body.answers[0].selected', message: 'Choose one option' },
        { path: 'body.answers[1].questionId', message: 'Not a question of this quiz' },
        { path: 'body.answers[2].selected', message: 'Not among the options' },
        { path: 'body.answers[3].questionId', message: 'Answered twice' },
      ],
    });
  });
});
