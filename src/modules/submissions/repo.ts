import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import {
  classSessions,
  cohorts,
  enrollments,
  lessonProgress,
  lessons,
  sessionInstructors,
  storedFiles,
  submissions,
  users,
  type SubmissionStatus,
} from '../../db/schema.js';
import { afterCursor } from '../../http/pagination.js';
import { inTenant, type TenantScope } from '../../http/tenancy.js';

/** An enrollment of this person, with its cohort (whatever organization the person's token acts in). */
export async function ownEnrollment(db: DbExecutor, userId: string, enrollmentId: string) {
  const [row] = await db
    .select({ enrollment: enrollments, cohort: cohorts })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.userId, userId)));
  return row;
}

export async function enrollmentWithCohort(db: DbExecutor, enrollmentId: string) {
  const [row] = await db
    .select({ enrollment: enrollments, cohort: cohorts })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .where(eq(enrollments.id, enrollmentId));
  return row;
}

/** The lesson, if it belongs to this course version. */
export async function lessonOfVersion(db: DbExecutor, lessonId: string, versionId: string) {
  const [row] = await db
    .select()
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.versionId, versionId)));
  return row;
}

/**
 * Whether the enrollment may hand work in now. Any phase of the cohort in state `open` (online,
 * classroom or field: the actualization product is handed in during the field phase); or, after an
 * online phase has closed, the remedial window of a participant it flagged short (until
 * `remedial_until`), or a personal extension of it.
 */
export async function submissionWindow(
  db: DbExecutor,
  enrollmentId: string,
  cohortId: string,
  now: Date,
): Promise<'open' | 'not_yet' | 'closed'> {
  const at = now.toISOString();
  const { rows } = await db.execute<{ open: boolean | null; pending: boolean | null }>(sql`
    select bool_or(p.state = 'open'
                   or (p.kind = 'online' and p.state = 'closed' and not o.met and o.remedial_until > ${at}::timestamptz)
                   or (p.kind = 'online' and p.state = 'closed' and x.closes_at > ${at}::timestamptz)) as open,
           bool_or(p.state = 'pending') as pending
      from phases p
      left join phase_outcomes o on o.phase_id = p.id and o.enrollment_id = ${enrollmentId}::uuid
      left join phase_extensions x on x.phase_id = p.id and x.enrollment_id = ${enrollmentId}::uuid
     where p.cohort_id = ${cohortId}::uuid`);
  const row = rows[0];
  if (row?.open) return 'open';
  return row?.pending || row?.pending === null ? 'not_yet' : 'closed';
}

/** Locks the enrollment, so two hand-ins of one participant take consecutive versions. */
export async function lockEnrollment(db: DbExecutor, enrollmentId: string) {
  const [row] = await db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).for('update');
  return row;
}

export async function latestSubmission(db: DbExecutor, enrollmentId: string, lessonId: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.enrollmentId, enrollmentId), eq(submissions.lessonId, lessonId)))
    .orderBy(desc(submissions.version))
    .limit(1);
  return row;
}

/** Whether the user teaches at least one session of the cohort. */
export async function teaches(db: DbExecutor, userId: string, cohortId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(sessionInstructors)
    .innerJoin(classSessions, eq(classSessions.id, sessionInstructors.sessionId))
    .where(and(eq(classSessions.cohortId, cohortId), eq(sessionInstructors.userId, userId)))
    .limit(1);
  return !!row;
}

const detail = {
  submission: submissions,
  file: storedFiles,
  participant: { id: users.id, nip: users.nip, name: users.name },
  ownerId: enrollments.userId,
  enrollmentStatus: enrollments.status,
};

function detailed(db: DbExecutor) {
  return db
    .select(detail)
    .from(submissions)
    .innerJoin(enrollments, eq(enrollments.id, submissions.enrollmentId))
    .innerJoin(users, eq(users.id, enrollments.userId))
    .leftJoin(storedFiles, eq(storedFiles.id, submissions.fileId));
}
export type SubmissionDetail = Awaited<ReturnType<ReturnType<typeof detailed>['where']>>[number];

export async function findSubmission(db: DbExecutor, id: string, lock = false) {
  const query = detailed(db).where(eq(submissions.id, id));
  const [row] = lock ? await query.for('update', { of: submissions }) : await query;
  return row;
}

export function submissionsOf(db: DbExecutor, enrollmentId: string, lessonId: string) {
  return detailed(db)
    .where(and(eq(submissions.enrollmentId, enrollmentId), eq(submissions.lessonId, lessonId)))
    .orderBy(asc(submissions.version));
}

export function cohortSubmissions(
  db: DbExecutor,
  cohortId: string,
  filter: { status?: SubmissionStatus | undefined; lessonId?: string | undefined },
  limit: number,
  cursor: string | undefined,
) {
  return detailed(db)
    .where(
      and(
        eq(submissions.cohortId, cohortId),
        filter.status ? eq(submissions.status, filter.status) : undefined,
        filter.lessonId ? eq(submissions.lessonId, filter.lessonId) : undefined,
        afterCursor(submissions.submittedAt, submissions.id, cursor),
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.id))
    .limit(limit + 1);
}

export async function lessonById(db: DbExecutor, lessonId: string) {
  const [row] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
  return row;
}

export async function cohortInScope(db: DbExecutor, cohortId: string, scope: TenantScope) {
  const [row] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), inTenant(cohorts.orgId, scope)));
  return row;
}

export async function lessonCompleted(db: DbExecutor, enrollmentId: string, lessonId: string): Promise<boolean> {
  const [row] = await db
    .select({ completedAt: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.enrollmentId, enrollmentId), eq(lessonProgress.lessonId, lessonId)));
  return !!row?.completedAt;
}
