import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { coursePackage, type CoursePackage } from '../../src/modules/curriculum/package.js';
import { publishProblems as problemsOf, totalJp } from '../../src/modules/curriculum/rules.js';
import { render } from '../../src/i18n/index.js';

/** The problems, in English: what the assertions below read. */
const publishProblems = (...args: Parameters<typeof problemsOf>) =>
  problemsOf(...args).map((p) => ({
    path: p.path,
    message: typeof p.message === 'string' ? p.message : render('en', p.message),
  }));

const shipped = coursePackage.parse(
  JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8')),
);

function valid(): CoursePackage {
  return coursePackage.parse({
    format: 'course-package/1',
    code: 'MINI',
    title: 'Mini',
    modules: [
      {
        code: 'M1',
        agenda: 'A',
        title: 'Satu',
        jp: 2,
        lessons: [
          { code: 'L1', kind: 'reading', title: 'Bacaan', body: 'Isi', durationMinutes: 60 },
          {
            code: 'L2',
            kind: 'quiz',
            title: 'Post-test',
            durationMinutes: 30,
            quiz: {
              passScore: 70,
              attemptLimit: 3,
              questions: [
                {
                  kind: 'single',
                  prompt: 'P?',
                  options: [
                    { key: 'a', text: 'A' },
                    { key: 'b', text: 'B' },
                  ],
                  correct: ['a'],
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

describe('publishing rules', () => {
  test('a complete tree has no problems; the shipped Orientasi PPPK has none either', () => {
    expect(publishProblems(valid(), 45)).toEqual([]);
    expect(publishProblems(shipped, 45)).toEqual([]);
    expect(totalJp(shipped)).toBe(45);
  });

  test('a course without modules cannot be published', () => {
    expect(publishProblems({ ...valid(), modules: [] }, 45)).toEqual([
      { path: 'modules', message: 'A course needs at least one module' },
    ]);
  });

  test('every problem of a broken tree is reported at once, each with its path', () => {
    const pkg = valid();
    const [m1] = pkg.modules;
    pkg.modules.push({ ...structuredClone(m1!), lessons: [] }); // duplicate code, no lessons
    const lessons = m1!.lessons;
    lessons.push({
      code: 'L1',
      kind: 'video',
      title: 'Video',
      durationMinutes: 1,
      required: true,
      manualCompletion: false,
    });
    lessons.push({
      code: 'L4',
      kind: 'assignment',
      title: 'Tugas',
      durationMinutes: 1,
      required: true,
      manualCompletion: false,
    });
    const quiz = lessons[1]!.quiz!;
    quiz.questions.push(
      {
        kind: 'single',
        prompt: 'Two right?',
        options: [
          { key: 'a', text: 'A' },
          { key: 'b', text: 'B' },
        ],
        correct: ['a', 'b'],
        points: 1,
      },
      {
        kind: 'multiple',
        prompt: 'Ghost',
        options: [
          { key: 'a', text: 'A' },
          { key: 'a', text: 'A again' },
        ],
        correct: ['z'],
        points: 1,
      },
      { kind: 'single', prompt: 'Alone', options: [{ key: 'a', text: 'A' }], correct: ['a'], points: 1 },
    );
    lessons.push({
      code: 'L5',
      kind: 'quiz',
      title: 'Empty quiz',
      durationMinutes: 1,
      required: true,
      manualCompletion: false,
      quiz: { passScore: 70, attemptLimit: 1, revealAnswers: 'never', questions: [] },
    });
    lessons.push({
      code: 'L6',
      kind: 'quiz',
      title: 'No settings',
      durationMinutes: 1,
      required: true,
      manualCompletion: false,
    });
    lessons.push({
      code: 'L7',
      kind: 'reading',
      title: 'Reading with quiz',
      body: 'x',
      durationMinutes: 1,
      required: true,
      manualCompletion: false,
      quiz: { passScore: 1, attemptLimit: 1, revealAnswers: 'never', questions: [] },
    });

    const paths = publishProblems(pkg, 45).map((p) => p.path);
    expect(paths).toEqual([
      'modules[0].lessons[1].quiz.questions[1].correct',
      'modules[0].lessons[1].quiz.questions[2].options',
      'modules[0].lessons[1].quiz.questions[2].correct',
      'modules[0].lessons[1].quiz.questions[3].options',
      'modules[0].lessons[2].code',
      'modules[0].lessons[2].mediaUrl',
      'modules[0].lessons[3].body',
      'modules[0].lessons[4].quiz.questions',
      'modules[0].lessons[5].quiz',
      'modules[0].lessons[6].quiz',
      'modules[1].code',
      'modules[1].lessons',
    ]);
  });

  test('module JP must agree with its lessons\u2019 time within 10 %, unless it is fixed', () => {
    const pkg = valid(); // 90 minutes = 2 JP at 45 min/JP
    expect(publishProblems(pkg, 45)).toEqual([]);
    pkg.modules[0]!.jp = 2.2; // 10 % off: still fine
    expect(publishProblems(pkg, 45)).toEqual([]);
    pkg.modules[0]!.jp = 2.3;
    const [problem] = publishProblems(pkg, 45);
    expect(problem?.path).toBe('modules[0].jp');
    expect(problem?.message).toContain("lessons' 90 minutes (2 JP at 45 minutes per JP");
    pkg.modules[0]!.jpFixed = true;
    expect(publishProblems(pkg, 45)).toEqual([]);
    // An agency counting 60 minutes per JP sees the same tree differently.
    pkg.modules[0]!.jp = 2;
    pkg.modules[0]!.jpFixed = false;
    expect(publishProblems(pkg, 60).map((p) => p.path)).toEqual(['modules[0].jp']);
  });

  test('a quiz whose questions carry no points has an unreachable pass score', () => {
    const pkg = valid();
    pkg.modules[0]!.lessons[1]!.quiz!.questions[0]!.points = 0;
    expect(publishProblems(pkg, 45)).toEqual([
      {
        path: 'modules[0].lessons[1].quiz.passScore',
        message: 'The pass score cannot be reached: the questions carry no points',
      },
    ]);
  });
});

describe('lessons that take submissions', () => {
  test('only assignments take them, and they complete by them, not by hand', () => {
    const pkg = valid();
    pkg.modules[0]!.lessons.push(
      coursePackage.shape.modules.element.shape.lessons.element.parse({
        code: 'JURNAL',
        kind: 'assignment',
        title: 'Jurnal',
        body: 'Unggah jurnal',
        durationMinutes: 1,
        submission: {},
      }),
    );
    expect(pkg.modules[0]!.lessons.at(-1)!.submission).toEqual({ accepts: 'file_or_text', completesOn: 'acceptance' });
    expect(publishProblems(pkg, 45)).toEqual([]);
    pkg.modules[0]!.lessons[0]!.submission = { accepts: 'file', completesOn: 'submission' };
    pkg.modules[0]!.lessons.at(-1)!.manualCompletion = true;
    expect(publishProblems(pkg, 45)).toEqual([
      { path: 'modules[0].lessons[0].submission', message: 'Only assignment lessons take submissions' },
      {
        path: 'modules[0].lessons[2].manualCompletion',
        message: 'A lesson that takes submissions completes by them, not by hand',
      },
    ]);
  });
});
