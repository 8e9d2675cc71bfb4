import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import {
  courseModules,
  courses,
  courseVersions,
  lessons,
  quizQuestions,
  type Course,
  type CourseVersion,
  type Lesson,
  type OrganizationSettings,
  type QuizSettings,
} from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { page } from '../../http/pagination.js';
import { ownDataScope, owningOrg } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import type { CoursePackage, PackageModule } from './package.js';
import * as repo from './repo.js';
import { publishProblems } from './rules.js';
import type { z } from 'zod';
import type * as s from './schemas.js';
import * as views from './views.js';
import { msg } from '../../i18n/index.js';

export interface CurriculumServiceDeps {
  db: Db;
  clock: Clock;
  /** Throws NotFoundError when there is no such organization. */
  organizationSettings: (orgId: string) => Promise<OrganizationSettings>;
  /** Whether a participant is enrolled (not withdrawn) in a cohort that pins this course version. */
  participantMayRead: (userId: string, versionId: string) => Promise<boolean>;
}

const conflictFrom = conflictOnUnique({
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

export function createCurriculumService({
  db,
  clock,
  organizationSettings,
  participantMayRead,
}: CurriculumServiceDeps) {
  const audit = (tx: DbExecutor, actor: Actor, course: Course, action: string, data: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      orgId: course.orgId,
      actorId: actor.userId,
      action,
      entityType: 'course',
      entityId: course.id,
      data,
      requestId: actor.requestId,
      at: clock.now(),
    });

  async function courseOr404(tx: DbExecutor, actor: Actor, id: string): Promise<Course> {
    const course = await repo.findCourse(tx, actor.scope, id);
    if (!course) throw new NotFoundError('Course');
    return course;
  }

  /** Locks the draft of a course for an edit, after checking the caller may see the course. */
  async function draftFor(tx: DbExecutor, actor: Actor, courseId: string) {
    const course = await courseOr404(tx, actor, courseId);
    const draft = await repo.lockDraft(tx, course.id);
    if (!draft) throw new ConflictError('The course has no draft; create a new draft version to edit', 'NO_DRAFT');
    return { course, draft };
  }

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

  async function exportVersion(tx: DbExecutor, course: Course, version: CourseVersion): Promise<CoursePackage> {
    return views.toPackage(course, version, await repo.loadTree(tx, version.id));
  }

  async function publishDraft(
    tx: DbExecutor,
    actor: Actor,
    course: Course,
    draft: CourseVersion,
  ): Promise<CourseVersion> {
    const pkg = await exportVersion(tx, course, draft);
    const { minutesPerJp } = await organizationSettings(course.orgId);
    const problems = publishProblems(pkg, minutesPerJp);
    if (problems.length > 0) {
      throw new AppError(
        422,
        'COURSE_INVALID',
        `The draft cannot be published: ${problems.length} problem(s)`,
        problems,
      ).with({ count: problems.length });
    }
    const now = clock.now();
    const [published] = await tx
      .update(courseVersions)
      .set({ status: 'published', publishedAt: now, publishedBy: actor.userId, updatedAt: now })
      .where(and(eq(courseVersions.id, draft.id), eq(courseVersions.status, 'draft')))
      .returning();
    await audit(tx, actor, course, 'course.published', { version: draft.number });
    return published!;
  }

  async function newVersion(tx: DbExecutor, course: Course, label: string | null, modules: PackageModule[]) {
    const latest = await repo.latestVersion(tx, course.id);
    const now = clock.now();
    const [version] = await tx
      .insert(courseVersions)
      .values({ courseId: course.id, number: (latest?.number ?? 0) + 1, label, createdAt: now, updatedAt: now })
      .returning();
    await repo.insertTree(tx, version!.id, modules);
    return version!;
  }

  return {
    async createCourse(actor: Actor, input: z.infer<typeof s.courseCreate>) {
      const orgId = owningOrg(actor.scope, input.orgId);
      await organizationSettings(orgId);
      return db
        .transaction(async (tx) => {
          const now = clock.now();
          const [course] = await tx
            .insert(courses)
            .values({
              orgId,
              code: input.code,
              title: input.title,
              description: input.description ?? '',
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          const draft = await newVersion(tx, course!, null, []);
          await audit(tx, actor, course!, 'course.created', { code: input.code });
          return views.courseView(course!, [draft]);
        })
        .catch(conflictFrom);
    },

    async listCourses(actor: Actor, limit: number, cursor?: string) {
      const result = page(await repo.listCourses(db, actor.scope, limit, cursor), limit);
      const versions = await repo.versionsOf(
        db,
        result.items.map((c) => c.id),
      );
      return {
        items: result.items.map((c) =>
          views.courseView(
            c,
            versions.filter((v) => v.courseId === c.id),
          ),
        ),
        nextCursor: result.nextCursor,
      };
    },

    /** The tree of one version: the one asked for, else the draft, else the latest published. */
    async getCourse(actor: Actor, id: string, versionNumber?: number) {
      const course = await courseOr404(db, actor, id);
      const versions = await repo.versionsOf(db, [course.id]);
      const version =
        versionNumber !== undefined
          ? versions.find((v) => v.number === versionNumber)
          : (versions.find((v) => v.status === 'draft') ?? versions.at(-1));
      if (!version) throw new NotFoundError('Course version');
      return views.courseDetail(course, versions, version, await repo.loadTree(db, version.id));
    },

    /** The published version a new cohort pins: the one numbered, or the latest. */
    async pinnableVersion(actor: Actor, courseId: string, number?: number) {
      const course = await courseOr404(db, actor, courseId);
      const versions = await repo.versionsOf(db, [course.id]);
      const published = versions.filter((v) => v.status === 'published');
      const version = number === undefined ? published.at(-1) : versions.find((v) => v.number === number);
      if (!version) {
        throw number === undefined
          ? new ConflictError('The course has no published version yet', 'COURSE_NOT_PUBLISHED')
          : new NotFoundError('Course version').with({ entity: msg('entity.versionNumber', { number }) });
      }
      if (version.status !== 'published') {
        throw new ConflictError(
          `Version ${version.number} is a draft; a cohort pins a published version`,
          'COURSE_NOT_PUBLISHED',
        ).with({ version: version.number }, 'COURSE_NOT_PUBLISHED.draft');
      }
      return { course, version };
    },

    /** Course and version names for display, by version id. */
    async describeVersions(versionIds: string[]) {
      const rows = await repo.versionsWithCourse(db, versionIds);
      return new Map(
        rows.map(({ version, course }) => [
          version.id,
          {
            course: { id: course.id, code: course.code, title: course.title },
            version: { id: version.id, number: version.number, label: version.label },
          },
        ]),
      );
    },

    /**
     * What progress needs of a version: each lesson's module, kind and typical time, each module's
     * JP, and each quiz's settings and key. Only for published versions, which never change, so
     * callers may keep it as long as they like.
     */
    async catalog(versionId: string) {
      const tree = await repo.loadTree(db, versionId);
      const lessons = new Map<
        string,
        {
          id: string;
          moduleId: string;
          kind: Lesson['kind'];
          durationSeconds: number;
          manualCompletion: boolean;
          /** Completed by a submission or its acceptance (see submissions/), never by time. */
          takesSubmissions: boolean;
          required: boolean;
          title: string;
        }
      >();
      const quizzes = new Map<
        string,
        {
          settings: QuizSettings;
          questions: Array<{
            id: string;
            kind: 'single' | 'multiple';
            correct: string[];
            points: number;
            options: string[];
          }>;
        }
      >();
      for (const m of tree) {
        for (const l of m.lessons) {
          lessons.set(l.id, {
            id: l.id,
            moduleId: m.id,
            kind: l.kind,
            durationSeconds: l.durationMinutes * 60,
            manualCompletion: l.manualCompletion,
            takesSubmissions: l.kind === 'assignment' && l.submission !== null,
            required: l.required,
            title: l.title,
          });
          if (l.quiz) {
            quizzes.set(l.id, {
              settings: l.quiz,
              questions: l.questions.map((q) => ({
                id: q.id,
                kind: q.kind,
                correct: q.correct,
                points: q.points,
                options: q.options.map((o) => o.key),
              })),
            });
          }
        }
      }
      return {
        versionId,
        lessons,
        modules: tree.map((m) => ({ id: m.id, code: m.code, title: m.title, agenda: m.agenda, jp: m.jp })),
        moduleJp: new Map(tree.map((m) => [m.id, m.jp])),
        quizzes,
      };
    },

    /** The modules and lesson outlines of a version, without content or answers. */
    async outline(versionId: string) {
      const tree = await repo.loadTree(db, versionId);
      return tree.map((m) => ({
        id: m.id,
        code: m.code,
        agenda: m.agenda,
        title: m.title,
        jp: m.jp,
        lessons: m.lessons.map((l) => ({
          id: l.id,
          code: l.code,
          kind: l.kind,
          title: l.title,
          durationMinutes: l.durationMinutes,
          required: l.required,
        })),
      }));
    },

    async updateCourse(actor: Actor, id: string, input: z.infer<typeof s.courseUpdate>) {
      return db.transaction(async (tx) => {
        const course = await courseOr404(tx, actor, id);
        const [updated] = await tx
          .update(courses)
          .set({ ...input, updatedAt: clock.now() })
          .where(eq(courses.id, course.id))
          .returning();
        await audit(tx, actor, course, 'course.updated', { changes: input });
        return views.courseView(updated!, await repo.versionsOf(tx, [course.id]));
      });
    },

    async deleteCourse(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const course = await courseOr404(tx, actor, id);
        if (await repo.latestPublished(tx, course.id)) {
          throw new ConflictError(
            'A course with a published version is kept; it may be pinned by cohorts',
            'COURSE_PUBLISHED',
          );
        }
        await tx.delete(courses).where(eq(courses.id, course.id));
        await audit(tx, actor, course, 'course.deleted', { code: course.code });
      });
    },

    /** A new draft, copied from the latest published version. */
    async createDraft(actor: Actor, courseId: string) {
      return db
        .transaction(async (tx) => {
          const course = await courseOr404(tx, actor, courseId);
          if (await repo.lockDraft(tx, course.id))
            throw new ConflictError('The course already has a draft', 'DRAFT_EXISTS');
          const base = await repo.latestPublished(tx, course.id);
          const modules = base ? (await exportVersion(tx, course, base)).modules : [];
          const draft = await newVersion(tx, course, base?.label ?? null, modules);
          await audit(tx, actor, course, 'course.draft_created', { version: draft.number, from: base?.number ?? null });
          return views.versionSummary(draft);
        })
        .catch(conflictFrom);
    },

    async discardDraft(actor: Actor, courseId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { course, draft } = await draftFor(tx, actor, courseId);
        if (!(await repo.latestPublished(tx, course.id))) {
          throw new ConflictError(
            'The only version of a course cannot be discarded; delete the course instead',
            'ONLY_VERSION',
          );
        }
        await tx.delete(courseVersions).where(eq(courseVersions.id, draft.id));
        await audit(tx, actor, course, 'course.draft_discarded', { version: draft.number });
      });
    },

    async publish(actor: Actor, courseId: string) {
      return db.transaction(async (tx) => {
        const { course, draft } = await draftFor(tx, actor, courseId);
        return views.versionSummary(await publishDraft(tx, actor, course, draft));
      });
    },

    async exportCourse(actor: Actor, courseId: string, versionNumber?: number): Promise<CoursePackage> {
      const course = await courseOr404(db, actor, courseId);
      const versions = await repo.versionsOf(db, [course.id]);
      const version =
        versionNumber !== undefined
          ? versions.find((v) => v.number === versionNumber)
          : (versions.filter((v) => v.status === 'published').at(-1) ?? versions.at(-1));
      if (!version) throw new NotFoundError('Course version');
      return exportVersion(db, course, version);
    },

    /**
     * Imports a course package into the course with the same code: a new course, a new draft, an
     * updated draft, or nothing at all when the latest version already holds exactly this content.
     */
    async importPackage(actor: Actor, pkg: CoursePackage, options: { orgId?: string; publish: boolean }) {
      const orgId = owningOrg(actor.scope, options.orgId);
      await organizationSettings(orgId);
      const label = pkg.versionLabel ?? null;
      return db
        .transaction(async (tx) => {
          const now = clock.now();
          let course = await repo.findCourseByCode(tx, orgId, pkg.code);
          let outcome: 'created' | 'new_version' | 'updated' | 'unchanged';
          let version: CourseVersion;
          if (!course) {
            [course] = await tx
              .insert(courses)
              .values({
                orgId,
                code: pkg.code,
                title: pkg.title,
                description: pkg.description,
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            version = await newVersion(tx, course!, label, pkg.modules);
            outcome = 'created';
          } else {
            const latest = (await repo.latestVersion(tx, course.id))!;
            if (course.title !== pkg.title || course.description !== pkg.description) {
              [course] = await tx
                .update(courses)
                .set({ title: pkg.title, description: pkg.description, updatedAt: now })
                .where(eq(courses.id, course.id))
                .returning();
            }
            const current = await exportVersion(tx, course!, latest);
            if (isDeepStrictEqual(current, pkg)) {
              version = latest;
              outcome = 'unchanged';
            } else if (latest.status === 'draft') {
              await repo.lockVersion(tx, latest.id);
              await repo.clearTree(tx, latest.id);
              await repo.insertTree(tx, latest.id, pkg.modules);
              [version] = (await tx
                .update(courseVersions)
                .set({ label, updatedAt: now })
                .where(eq(courseVersions.id, latest.id))
                .returning()) as [CourseVersion];
              outcome = 'updated';
            } else {
              version = await newVersion(tx, course!, label, pkg.modules);
              outcome = 'new_version';
            }
          }
          if (options.publish && version.status === 'draft') version = await publishDraft(tx, actor, course!, version);
          if (outcome !== 'unchanged')
            await audit(tx, actor, course!, `course.imported`, { outcome, version: version.number });
          return { outcome, courseId: course!.id, version: views.versionSummary(version) };
        })
        .catch(conflictFrom);
    },

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

    /** Staff choose the audience (to preview); a participant always gets the participant view, and only of a course they take. */
    async getLesson(actor: Actor, lessonId: string, requested: views.LessonAudience) {
      // A participant's courses may be any organizer's: what they may read is what they are enrolled in.
      const found = await repo.findLesson(db, ownDataScope(actor), lessonId);
      const audience = actor.role === 'participant' ? 'participant' : requested;
      if (!found || (actor.role === 'participant' && !(await participantMayRead(actor.userId!, found.version.id)))) {
        throw new NotFoundError('Lesson');
      }
      const questions = await repo.questionsOf(db, found.lesson.id);
      return audience === 'participant'
        ? views.participantLessonView(found.lesson, found.version, questions)
        : views.adminLessonView(found.lesson, found.version, questions);
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

export type CurriculumService = ReturnType<typeof createCurriculumService>;
