import type { Course, CourseVersion, Lesson, QuizQuestion } from '../../db/schema.js';
import { PACKAGE_FORMAT, type CoursePackage } from './package.js';
import type { LessonNode, ModuleNode } from './repo.js';
import { totalJp } from './rules.js';

export function versionSummary(v: CourseVersion) {
  return { id: v.id, number: v.number, label: v.label, status: v.status, publishedAt: v.publishedAt };
}

export function courseView(course: Course, versions: CourseVersion[]) {
  return { ...course, versions: versions.map(versionSummary) };
}

/** The version as a course package: the export format, and what the publishing rules check. */
export function toPackage(course: Course, version: CourseVersion, tree: ModuleNode[]): CoursePackage {
  return {
    format: PACKAGE_FORMAT,
    code: course.code,
    title: course.title,
    description: course.description,
    ...(version.label ? { versionLabel: version.label } : {}),
    modules: tree.map((m) => ({
      code: m.code,
      agenda: m.agenda,
      title: m.title,
      jp: m.jp,
      jpFixed: m.jpFixed,
      lessons: m.lessons.map((l) => ({
        code: l.code,
        kind: l.kind,
        title: l.title,
        ...(l.body !== null ? { body: l.body } : {}),
        ...(l.mediaUrl !== null ? { mediaUrl: l.mediaUrl } : {}),
        durationMinutes: l.durationMinutes,
        required: l.required,
        manualCompletion: l.manualCompletion,
        ...(l.submission ? { submission: l.submission } : {}),
        ...(l.quiz
          ? {
              quiz: {
                ...l.quiz,
                questions: l.questions.map((q) => ({
                  kind: q.kind,
                  prompt: q.prompt,
                  options: q.options,
                  correct: q.correct,
                  points: q.points,
                })),
              },
            }
          : {}),
      })),
    })),
  };
}

export function courseDetail(course: Course, versions: CourseVersion[], version: CourseVersion, tree: ModuleNode[]) {
  return {
    ...courseView(course, versions),
    version: {
      ...versionSummary(version),
      totalJp: totalJp(toPackage(course, version, tree)),
      modules: tree.map((m) => ({
        id: m.id,
        position: m.position,
        code: m.code,
        agenda: m.agenda,
        title: m.title,
        jp: m.jp,
        jpFixed: m.jpFixed,
        lessons: m.lessons.map((l: LessonNode) => ({
          id: l.id,
          position: l.position,
          code: l.code,
          kind: l.kind,
          title: l.title,
          durationMinutes: l.durationMinutes,
          required: l.required,
          manualCompletion: l.manualCompletion,
          questionCount: l.questions.length,
        })),
      })),
    },
  };
}

export type LessonAudience = 'admin' | 'participant';

function lessonFields(lesson: Lesson, version: CourseVersion) {
  return {
    id: lesson.id,
    courseId: version.courseId,
    versionId: version.id,
    versionStatus: version.status,
    moduleId: lesson.moduleId,
    position: lesson.position,
    code: lesson.code,
    kind: lesson.kind,
    title: lesson.title,
    body: lesson.body,
    mediaUrl: lesson.mediaUrl,
    durationMinutes: lesson.durationMinutes,
    required: lesson.required,
    manualCompletion: lesson.manualCompletion,
    submission: lesson.submission,
  };
}

function questionFields(q: QuizQuestion) {
  return { id: q.id, position: q.position, kind: q.kind, prompt: q.prompt, options: q.options, points: q.points };
}

export function adminLessonView(lesson: Lesson, version: CourseVersion, questions: QuizQuestion[]) {
  return {
    ...lessonFields(lesson, version),
    quiz: lesson.quiz
      ? { ...lesson.quiz, questions: questions.map((q) => ({ ...questionFields(q), correct: q.correct })) }
      : null,
  };
}

/** What a participant receives: the correct answers are left out here, and again by the response schema. */
export function participantLessonView(lesson: Lesson, version: CourseVersion, questions: QuizQuestion[]) {
  return {
    ...lessonFields(lesson, version),
    quiz: lesson.quiz ? { ...lesson.quiz, questions: questions.map(questionFields) } : null,
  };
}
