import type { FieldError } from '../../http/errors.js';
import type { CoursePackage, PackageLesson } from './package.js';

/** A module's JP may differ from its lessons' time by this share before publishing refuses it. */
export const JP_TOLERANCE = 0.1;

const round2 = (n: number) => Math.round(n * 100) / 100;

function lessonProblems(lesson: PackageLesson, at: string): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path: `${at}${path}`, message });
  if (lesson.kind === 'video' && !lesson.mediaUrl) add('.mediaUrl', 'A video lesson needs a media URL');
  if ((lesson.kind === 'reading' || lesson.kind === 'assignment') && !lesson.body?.trim()) {
    add('.body', `A ${lesson.kind} lesson needs a body`);
  }
  if (lesson.manualCompletion && lesson.kind === 'quiz') add('.manualCompletion', 'A quiz is completed by passing it');
  if (lesson.submission && lesson.kind !== 'assignment') add('.submission', 'Only assignment lessons take submissions');
  if (lesson.submission && lesson.manualCompletion)
    add('.manualCompletion', 'A lesson that takes submissions completes by them, not by hand');
  if (lesson.kind !== 'quiz') {
    if (lesson.quiz) add('.quiz', 'Only quiz lessons have quiz settings');
    return problems;
  }
  const quiz = lesson.quiz;
  if (!quiz) {
    add('.quiz', 'A quiz lesson needs quiz settings and questions');
    return problems;
  }
  if (quiz.questions.length === 0) add('.quiz.questions', 'A quiz needs at least one question');
  quiz.questions.forEach((q, i) => {
    const qa = `.quiz.questions[${i}]`;
    const keys = q.options.map((o) => o.key);
    if (q.options.length < 2) add(`${qa}.options`, 'A question needs at least two options');
    if (new Set(keys).size !== keys.length) add(`${qa}.options`, 'Option keys must be unique');
    const unknown = q.correct.filter((k) => !keys.includes(k));
    if (unknown.length > 0) add(`${qa}.correct`, `Not among the options: ${unknown.join(', ')}`);
    if (new Set(q.correct).size !== q.correct.length) add(`${qa}.correct`, 'A correct key is listed twice');
    if (q.kind === 'single' && q.correct.length !== 1)
      add(`${qa}.correct`, 'A single-choice question has exactly one correct option');
    if (q.kind === 'multiple' && q.correct.length < 1)
      add(`${qa}.correct`, 'A multiple-choice question needs at least one correct option');
  });
  const total = quiz.questions.reduce((sum, q) => sum + q.points, 0);
  if (quiz.questions.length > 0 && total <= 0)
    add('.quiz.passScore', 'The pass score cannot be reached: the questions carry no points');
  return problems;
}

/**
 * Every reason the tree cannot be published, all at once, each with its JSON path in the course
 * package. Empty when it can be published.
 */
export function publishProblems(pkg: CoursePackage, minutesPerJp: number): FieldError[] {
  const problems: FieldError[] = [];
  if (pkg.modules.length === 0) problems.push({ path: 'modules', message: 'A course needs at least one module' });

  const moduleCodes = new Map<string, number>();
  const lessonCodes = new Map<string, string>();
  pkg.modules.forEach((mod, m) => {
    const at = `modules[${m}]`;
    if (moduleCodes.has(mod.code)) {
      problems.push({
        path: `${at}.code`,
        message: `Module code ${mod.code} is also used by modules[${moduleCodes.get(mod.code)}]`,
      });
    } else moduleCodes.set(mod.code, m);

    if (mod.lessons.length === 0)
      problems.push({ path: `${at}.lessons`, message: 'A module needs at least one lesson' });
    if (mod.jp <= 0) problems.push({ path: `${at}.jp`, message: 'A module carries more than 0 JP' });

    mod.lessons.forEach((lesson, l) => {
      const lat = `${at}.lessons[${l}]`;
      const earlier = lessonCodes.get(lesson.code);
      if (earlier)
        problems.push({ path: `${lat}.code`, message: `Lesson code ${lesson.code} is also used by ${earlier}` });
      else lessonCodes.set(lesson.code, lat);
      problems.push(...lessonProblems(lesson, lat));
    });

    if (!mod.jpFixed && mod.lessons.length > 0 && mod.jp > 0) {
      const minutes = mod.lessons.reduce((sum, lesson) => sum + lesson.durationMinutes, 0);
      const fromTime = minutes / minutesPerJp;
      if (Math.abs(fromTime - mod.jp) > mod.jp * JP_TOLERANCE + 1e-9) {
        problems.push({
          path: `${at}.jp`,
          message:
            `${mod.jp} JP does not agree with the lessons' ${minutes} minutes (${round2(fromTime)} JP at ${minutesPerJp} minutes per JP; ` +
            `tolerance ${JP_TOLERANCE * 100} %). Adjust the times, or set jpFixed if the JP is a curriculum decision`,
        });
      }
    }
  });
  return problems;
}

export function totalJp(pkg: CoursePackage): number {
  return round2(pkg.modules.reduce((sum, m) => sum + m.jp, 0));
}
