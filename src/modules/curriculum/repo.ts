import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import {
  courseModules,
  courses,
  courseVersions,
  lessons,
  quizQuestions,
  type Course,
  type CourseModule,
  type CourseVersion,
  type Lesson,
  type QuizQuestion,
} from '../../db/schema.js';
import { afterCursor } from '../../http/pagination.js';
import { inTenant, type TenantScope } from '../../http/tenancy.js';
import type { PackageModule } from './package.js';

export interface LessonNode extends Lesson {
  questions: QuizQuestion[];
}
export interface ModuleNode extends CourseModule {
  lessons: LessonNode[];
}

// ---- courses and versions ----

export function findCourse(db: DbExecutor, scope: TenantScope, id: string): Promise<Course | undefined> {
  return db.query.courses.findFirst({ where: and(eq(courses.id, id), inTenant(courses.orgId, scope)) });
}

export function findCourseByCode(db: DbExecutor, orgId: string, code: string): Promise<Course | undefined> {
  return db.query.courses.findFirst({ where: and(eq(courses.orgId, orgId), eq(courses.code, code)) });
}

export function listCourses(db: DbExecutor, scope: TenantScope, limit: number, cursor?: string) {
  return db
    .select()
    .from(courses)
    .where(and(inTenant(courses.orgId, scope), afterCursor(courses.createdAt, courses.id, cursor)))
    .orderBy(asc(courses.createdAt), asc(courses.id))
    .limit(limit + 1);
}

export function versionsOf(db: DbExecutor, courseIds: string[]): Promise<CourseVersion[]> {
  if (courseIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(courseVersions)
    .where(inArray(courseVersions.courseId, courseIds))
    .orderBy(asc(courseVersions.courseId), asc(courseVersions.number));
}

export function versionsWithCourse(db: DbExecutor, versionIds: string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return db
    .select({ version: courseVersions, course: courses })
    .from(courseVersions)
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .where(inArray(courseVersions.id, versionIds));
}

/** The draft, locked until the transaction ends, so edits and publishing never interleave. */
export async function lockDraft(db: DbExecutor, courseId: string): Promise<CourseVersion | undefined> {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.status, 'draft')))
    .for('update');
  return row;
}

export async function lockVersion(db: DbExecutor, versionId: string): Promise<CourseVersion | undefined> {
  const [row] = await db.select().from(courseVersions).where(eq(courseVersions.id, versionId)).for('update');
  return row;
}

export async function latestVersion(db: DbExecutor, courseId: string): Promise<CourseVersion | undefined> {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(desc(courseVersions.number))
    .limit(1);
  return row;
}

export async function latestPublished(db: DbExecutor, courseId: string): Promise<CourseVersion | undefined> {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.status, 'published')))
    .orderBy(desc(courseVersions.number))
    .limit(1);
  return row;
}

// ---- the tree ----

/** A version's modules, lessons and questions in order: three queries, whatever the size. */
export async function loadTree(db: DbExecutor, versionId: string): Promise<ModuleNode[]> {
  const modules = await db
    .select()
    .from(courseModules)
    .where(eq(courseModules.versionId, versionId))
    .orderBy(asc(courseModules.position));
  const lessonRows = await db
    .select()
    .from(lessons)
    .where(eq(lessons.versionId, versionId))
    .orderBy(asc(lessons.position));
  const questionRows = await db
    .select({ q: quizQuestions })
    .from(quizQuestions)
    .innerJoin(lessons, eq(lessons.id, quizQuestions.lessonId))
    .where(eq(lessons.versionId, versionId))
    .orderBy(asc(quizQuestions.position));

  const questionsByLesson = new Map<string, QuizQuestion[]>();
  for (const { q } of questionRows) {
    const list = questionsByLesson.get(q.lessonId) ?? [];
    list.push(q);
    questionsByLesson.set(q.lessonId, list);
  }
  const lessonsByModule = new Map<string, LessonNode[]>();
  for (const lesson of lessonRows) {
    const list = lessonsByModule.get(lesson.moduleId) ?? [];
    list.push({ ...lesson, questions: questionsByLesson.get(lesson.id) ?? [] });
    lessonsByModule.set(lesson.moduleId, list);
  }
  return modules.map((m) => ({ ...m, lessons: lessonsByModule.get(m.id) ?? [] }));
}

/** Writes a package's modules into an empty version with one insert per table. */
export async function insertTree(db: DbExecutor, versionId: string, modules: PackageModule[]): Promise<void> {
  if (modules.length === 0) return;
  const insertedModules = await db
    .insert(courseModules)
    .values(
      modules.map((m, position) => ({
        versionId,
        position,
        code: m.code,
        agenda: m.agenda,
        title: m.title,
        jp: m.jp,
        jpFixed: m.jpFixed,
      })),
    )
    .returning({ id: courseModules.id, code: courseModules.code });
  const moduleId = new Map(insertedModules.map((m) => [m.code, m.id]));

  const lessonValues = modules.flatMap((m) =>
    m.lessons.map((l, position) => ({
      moduleId: moduleId.get(m.code)!,
      versionId,
      position,
      code: l.code,
      kind: l.kind,
      title: l.title,
      body: l.body ?? null,
      mediaUrl: l.mediaUrl ?? null,
      durationMinutes: l.durationMinutes,
      required: l.required,
      manualCompletion: l.manualCompletion,
      submission: l.submission ?? null,
      quiz: l.quiz
        ? { passScore: l.quiz.passScore, attemptLimit: l.quiz.attemptLimit, revealAnswers: l.quiz.revealAnswers }
        : null,
    })),
  );
  if (lessonValues.length === 0) return;
  const insertedLessons = await db
    .insert(lessons)
    .values(lessonValues)
    .returning({ id: lessons.id, code: lessons.code });
  const lessonId = new Map(insertedLessons.map((l) => [l.code, l.id]));

  const questionValues = modules.flatMap((m) =>
    m.lessons.flatMap((l) =>
      (l.quiz?.questions ?? []).map((q, position) => ({
        lessonId: lessonId.get(l.code)!,
        position,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options,
        correct: q.correct,
        points: q.points,
      })),
    ),
  );
  if (questionValues.length > 0) await db.insert(quizQuestions).values(questionValues);
}

export async function clearTree(db: DbExecutor, versionId: string): Promise<void> {
  await db.delete(courseModules).where(eq(courseModules.versionId, versionId));
}

// ---- parts of a tree, found through their course's organization ----

export async function findModule(db: DbExecutor, scope: TenantScope, id: string) {
  const [row] = await db
    .select({ module: courseModules, version: courseVersions, course: courses })
    .from(courseModules)
    .innerJoin(courseVersions, eq(courseVersions.id, courseModules.versionId))
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .where(and(eq(courseModules.id, id), inTenant(courses.orgId, scope)));
  return row;
}

export async function findLesson(db: DbExecutor, scope: TenantScope, id: string) {
  const [row] = await db
    .select({ lesson: lessons, version: courseVersions, course: courses })
    .from(lessons)
    .innerJoin(courseVersions, eq(courseVersions.id, lessons.versionId))
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .where(and(eq(lessons.id, id), inTenant(courses.orgId, scope)));
  return row;
}

export async function findQuestion(db: DbExecutor, scope: TenantScope, id: string) {
  const [row] = await db
    .select({ question: quizQuestions, lesson: lessons, version: courseVersions, course: courses })
    .from(quizQuestions)
    .innerJoin(lessons, eq(lessons.id, quizQuestions.lessonId))
    .innerJoin(courseVersions, eq(courseVersions.id, lessons.versionId))
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .where(and(eq(quizQuestions.id, id), inTenant(courses.orgId, scope)));
  return row;
}

export function questionsOf(db: DbExecutor, lessonId: string): Promise<QuizQuestion[]> {
  return db
    .select()
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, lessonId))
    .orderBy(asc(quizQuestions.position));
}

export async function nextPosition(
  db: DbExecutor,
  table: typeof courseModules | typeof lessons | typeof quizQuestions,
  where: ReturnType<typeof eq>,
): Promise<number> {
  const [row] = await db
    .select({ p: max(table.position) })
    .from(table)
    .where(where);
  return row?.p === null || row?.p === undefined ? 0 : row.p + 1;
}
