import type { FieldError } from '../../http/errors.js';
import { msg, type Message } from '../../i18n/index.js';
import type { CoursePackage, PackageLesson } from './package.js';

/** A module's JP may differ from its lessons' time by this share before publishing refuses it. */
export const JP_TOLERANCE = 0.1;

const round2 = (n: number) => Math.round(n * 100) / 100;

function lessonProblems(lesson: PackageLesson, at: string): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: Message) => problems.push({ path: `${at}${path}`, message });
  if (lesson.kind === 'video' && !lesson.mediaUrl) add('.mediaUrl', msg('course.videoNeedsUrl'));
  if ((lesson.kind === 'reading' || lesson.kind === 'assignment') && !lesson.body?.trim()) {
    add('.body', msg('course.needsBody', { kind: lesson.kind }));
  }
  if (lesson.manualCompletion && lesson.kind === 'quiz') add('.manualCompletion', msg('course.quizByPassing'));
  if (lesson.submission && lesson.kind !== 'assignment') add('.submission', msg('course.submissionOnlyAssignment'));
  if (lesson.submission && lesson.manualCompletion) add('.manualCompletion', msg('course.submissionCompletes'));
  if (lesson.kind !== 'quiz') {
    if (lesson.quiz) add('.quiz', msg('course.quizOnlyQuiz'));
    return problems;
  }
  const quiz = lesson.quiz;
  if (!quiz) {
    add('.quiz', msg('course.quizNeedsSettings'));
    return problems;
  }
  if (quiz.questions.length === 0) add('.quiz.questions', msg('course.quizNeedsQuestion'));
  quiz.questions.forEach((q, i) => {
    const qa = `.quiz.questions[${i}]`;
    const keys = q.options.map((o) => o.key);
    if (q.options.length < 2) add(`${qa}.options`, msg('course.twoOptions'));
    if (new Set(keys).size !== keys.length) add(`${qa}.options`, msg('course.uniqueKeys'));
    const unknown = q.correct.filter((k) => !keys.includes(k));
    if (unknown.length > 0) add(`${qa}.correct`, msg('course.notAnOption', { keys: unknown.join(', ') }));
    if (new Set(q.correct).size !== q.correct.length) add(`${qa}.correct`, msg('course.correctTwice'));
    if (q.kind === 'single' && q.correct.length !== 1) add(`${qa}.correct`, msg('course.singleOne'));
    if (q.kind === 'multiple' && q.correct.length < 1) add(`${qa}.correct`, msg('course.multipleOne'));
  });
  const total = quiz.questions.reduce((sum, q) => sum + q.points, 0);
  if (quiz.questions.length > 0 && total <= 0) add('.quiz.passScore', msg('course.noPoints'));
  return problems;
}

/**
 * Every reason the tree cannot be published, all at once, each with its JSON path in the course
 * package. Empty when it can be published.
 */
export function publishProblems(pkg: CoursePackage, minutesPerJp: number): FieldError[] {
  const problems: FieldError[] = [];
  if (pkg.modules.length === 0) problems.push({ path: 'modules', message: msg('course.needsModule') });

  const moduleCodes = new Map<string, number>();
  const lessonCodes = new Map<string, string>();
  pkg.modules.forEach((mod, m) => {
    const at = `modules[${m}]`;
    if (moduleCodes.has(mod.code)) {
      problems.push({
        path: `${at}.code`,
        message: msg('course.moduleCodeUsed', { code: mod.code, other: `modules[${moduleCodes.get(mod.code)}]` }),
      });
    } else moduleCodes.set(mod.code, m);

    if (mod.lessons.length === 0) problems.push({ path: `${at}.lessons`, message: msg('course.moduleNeedsLesson') });
    if (mod.jp <= 0) problems.push({ path: `${at}.jp`, message: msg('course.moduleJp') });

    mod.lessons.forEach((lesson, l) => {
      const lat = `${at}.lessons[${l}]`;
      const earlier = lessonCodes.get(lesson.code);
      if (earlier)
        problems.push({
          path: `${lat}.code`,
          message: msg('course.lessonCodeUsed', { code: lesson.code, other: earlier }),
        });
      else lessonCodes.set(lesson.code, lat);
      problems.push(...lessonProblems(lesson, lat));
    });

    if (!mod.jpFixed && mod.lessons.length > 0 && mod.jp > 0) {
      const minutes = mod.lessons.reduce((sum, lesson) => sum + lesson.durationMinutes, 0);
      const fromTime = minutes / minutesPerJp;
      if (Math.abs(fromTime - mod.jp) > mod.jp * JP_TOLERANCE + 1e-9) {
        problems.push({
          path: `${at}.jp`,
          message: msg('course.jpDisagrees', {
            jp: mod.jp,
            minutes,
            fromTime: round2(fromTime),
            minutesPerJp,
            tolerance: JP_TOLERANCE * 100,
          }),
        });
      }
    }
  });
  return problems;
}

export function totalJp(pkg: CoursePackage): number {
  return round2(pkg.modules.reduce((sum, m) => sum + m.jp, 0));
}
