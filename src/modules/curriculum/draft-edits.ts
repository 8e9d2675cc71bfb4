import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import {
  courseModules,
  courseVersions,
  lessons,
  quizQuestions,
  type Course,
  type CourseVersion,
} from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { msg } from '../../i18n/index.js';
import * as repo from './repo.js';
import type { z } from 'zod';
import type * as s from './schemas.js';
import * as views from './views.js';

/** The curriculum's unique keys, as the conflicts a caller is told about. */
export const conflictFrom = conflictOnUnique({
  courses_org_code_key: () =>
    new ConflictError('The organization already has a course with this code', 'COURSE_CODE_TAKEN'),
  course_modules_code_key: () => new ConflictError('Another module of this version has this code', 'MODULE_CODE_TAKEN'),
  lessons_code_key: () => new ConflictError('Another lesson of this version has this code', 'LESSON_CODE_TAKEN'),
  course_versions_one_draft_key: () => new ConflictError('The course already has a draft', 'DRAFT_EXISTS'),
});

function assertDraft(version: CourseVersion): void {
  if (version.status !== 'draft') {
    throw new ConflictError(
      `Version ${version.number} is published and cannot change; create a new draft version to edit`,
      'VERSION_PUBLISHED',
    ).with({ version: version.number });
  }
}

/** The ids given must be exactly the current ones, in a new order. */
function assertPermutation(given: string[], current: string[]): void {
  const same =
    given.length === current.length &&
    new Set(given).size === given.length &&
    given.every((id) => current.includes(id));
  if (!same) {
    throw new ValidationError('ids must list every current item exactly once', [
      { path: 'body.ids', message: msg('field.permutation', { count: current.length }) },
    ]).with(undefined, 'VALIDATION_FAILED.permutation');
  }
}

export interface DraftEditsDeps {
  db: Db;
  clock: Clock;
  /** Locks the draft of a course for an edit, after checking the caller may see the course. */
  draftFor: (tx: DbExecutor, actor: Actor, courseId: string) => Promise<{ course: Course; draft: CourseVersion }>;
}

/** Editing a course's draft version: its modules, lessons and quiz questions, added, changed, removed, reordered. */
export function createDraftEdits({ db, clock, draftFor }: DraftEditsDeps) {
  async function touch(tx: DbExecutor, versionId: string): Promise<void> {
    await tx.update(courseVersions).set({ updatedAt: clock.now() }).where(eq(courseVersions.id, versionId));
  }

  async function editableModule(tx: DbExecutor, actor: Actor, moduleId: string) {
    const found = await repo.findModule(tx, actor.scope, moduleId);
    if (!found) throw new NotFoundError('Module');
    assertDraft((await repo.lockVersion(tx, found.version.id))!);
    return found;
  }

  async function editableLesson(tx: DbExecutor, actor: Actor, lessonId: string) {
    const found = await repo.findLesson(tx, actor.scope, lessonId);
    if (!found) throw new NotFoundError('Lesson');
    assertDraft((await repo.lockVersion(tx, found.version.id))!);
    return found;
  }

  async function editableQuestion(tx: DbExecutor, actor: Actor, questionId: string) {
    const found = await repo.findQuestion(tx, actor.scope, questionId);
    if (!found) throw new NotFoundError('Question');
    assertDraft((await repo.lockVersion(tx, found.version.id))!);
    return found;
  }

  return {
    // ---- editing the draft ----

    async addModule(actor: Actor, courseId: string, input: z.infer<typeof s.moduleCreate>) {
      return db
        .transaction(async (tx) => {
          const { draft } = await draftFor(tx, actor, courseId);
          const position = await repo.nextPosition(tx, courseModules, eq(courseModules.versionId, draft.id));
          const [mod] = await tx
            .insert(courseModules)
            .values({ ...input, versionId: draft.id, position })
            .returning();
          await touch(tx, draft.id);
          return { ...mod!, lessons: [] };
        })
        .catch(conflictFrom);
    },

    async updateModule(actor: Actor, moduleId: string, input: z.infer<typeof s.moduleUpdate>) {
      return db
        .transaction(async (tx) => {
          const { module } = await editableModule(tx, actor, moduleId);
          const [updated] = await tx
            .update(courseModules)
            .set(input)
            .where(eq(courseModules.id, module.id))
            .returning();
          await touch(tx, module.versionId);
          return updated!;
        })
        .catch(conflictFrom);
    },

    async deleteModule(actor: Actor, moduleId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { module } = await editableModule(tx, actor, moduleId);
        await tx.delete(courseModules).where(eq(courseModules.id, module.id));
        await touch(tx, module.versionId);
      });
    },

    async reorderModules(actor: Actor, courseId: string, ids: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        const { draft } = await draftFor(tx, actor, courseId);
        const current = await tx
          .select({ id: courseModules.id })
          .from(courseModules)
          .where(eq(courseModules.versionId, draft.id));
        assertPermutation(
          ids,
          current.map((m) => m.id),
        );
        for (const [position, id] of ids.entries()) {
          await tx.update(courseModules).set({ position }).where(eq(courseModules.id, id));
        }
        await touch(tx, draft.id);
      });
    },

    async addLesson(actor: Actor, moduleId: string, input: z.infer<typeof s.lessonCreate>) {
      return db
        .transaction(async (tx) => {
          const { module, version } = await editableModule(tx, actor, moduleId);
          const position = await repo.nextPosition(tx, lessons, eq(lessons.moduleId, module.id));
          const [lesson] = await tx
            .insert(lessons)
            .values({
              ...input,
              quiz: input.quiz ?? null,
              submission: input.submission ?? null,
              moduleId: module.id,
              versionId: version.id,
              position,
            })
            .returning();
          await touch(tx, version.id);
          return views.adminLessonView(lesson!, version, []);
        })
        .catch(conflictFrom);
    },

    async updateLesson(actor: Actor, lessonId: string, input: z.infer<typeof s.lessonUpdate>) {
      return db
        .transaction(async (tx) => {
          const { lesson, version } = await editableLesson(tx, actor, lessonId);
          const questions = await repo.questionsOf(tx, lesson.id);
          if (input.kind && input.kind !== 'quiz' && questions.length > 0) {
            throw new ConflictError(
              'Delete the questions before making this lesson something other than a quiz',
              'QUESTIONS_EXIST',
            );
          }
          const [updated] = await tx.update(lessons).set(input).where(eq(lessons.id, lesson.id)).returning();
          await touch(tx, version.id);
          return views.adminLessonView(updated!, version, questions);
        })
        .catch(conflictFrom);
    },

    async deleteLesson(actor: Actor, lessonId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { lesson, version } = await editableLesson(tx, actor, lessonId);
        await tx.delete(lessons).where(eq(lessons.id, lesson.id));
        await touch(tx, version.id);
      });
    },

    async reorderLessons(actor: Actor, moduleId: string, ids: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        const { module } = await editableModule(tx, actor, moduleId);
        const current = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, module.id));
        assertPermutation(
          ids,
          current.map((l) => l.id),
        );
        for (const [position, id] of ids.entries())
          await tx.update(lessons).set({ position }).where(eq(lessons.id, id));
        await touch(tx, module.versionId);
      });
    },

    async addQuestion(actor: Actor, lessonId: string, input: z.infer<typeof s.questionCreate>) {
      return db.transaction(async (tx) => {
        const { lesson, version } = await editableLesson(tx, actor, lessonId);
        if (lesson.kind !== 'quiz') {
          throw new ConflictError('Questions belong to quiz lessons', 'NOT_A_QUIZ').with(
            undefined,
            'NOT_A_QUIZ.questions',
          );
        }
        const position = await repo.nextPosition(tx, quizQuestions, eq(quizQuestions.lessonId, lesson.id));
        await tx.insert(quizQuestions).values({ ...input, lessonId: lesson.id, position });
        await touch(tx, version.id);
        return views.adminLessonView(lesson, version, await repo.questionsOf(tx, lesson.id));
      });
    },

    async updateQuestion(actor: Actor, questionId: string, input: z.infer<typeof s.questionUpdate>) {
      return db.transaction(async (tx) => {
        const { question, lesson, version } = await editableQuestion(tx, actor, questionId);
        await tx.update(quizQuestions).set(input).where(eq(quizQuestions.id, question.id));
        await touch(tx, version.id);
        return views.adminLessonView(lesson, version, await repo.questionsOf(tx, lesson.id));
      });
    },

    async deleteQuestion(actor: Actor, questionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { question, version } = await editableQuestion(tx, actor, questionId);
        await tx.delete(quizQuestions).where(eq(quizQuestions.id, question.id));
        await touch(tx, version.id);
      });
    },

    async reorderQuestions(actor: Actor, lessonId: string, ids: string[]) {
      return db.transaction(async (tx) => {
        const { lesson, version } = await editableLesson(tx, actor, lessonId);
        const current = await repo.questionsOf(tx, lesson.id);
        assertPermutation(
          ids,
          current.map((q) => q.id),
        );
        for (const [position, id] of ids.entries())
          await tx.update(quizQuestions).set({ position }).where(eq(quizQuestions.id, id));
        await touch(tx, version.id);
        return views.adminLessonView(lesson, version, await repo.questionsOf(tx, lesson.id));
      });
    },
  };
}
