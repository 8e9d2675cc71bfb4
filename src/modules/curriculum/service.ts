import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import {
  courses,
  courseVersions,
  type Course,
  type CourseVersion,
  type Lesson,
  type OrganizationSettings,
  type QuizSettings,
} from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ConflictError, NotFoundError } from '../../http/errors.js';
import { page } from '../../http/pagination.js';
import { ownDataScope, owningOrg } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import type { CoursePackage, PackageModule } from './package.js';
import * as repo from './repo.js';
import { conflictFrom, createDraftEdits } from './draft-edits.js';
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
    ...createDraftEdits({ db, clock, draftFor }),
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
  };
}

export type CurriculumService = ReturnType<typeof createCurriculumService>;
