import { and, asc, count, eq, gte, inArray, lte, max, min, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '../../db/index.js';
import {
  classSessions,
  cohorts,
  enrollments,
  phaseExtensions,
  phases,
  users,
  type Cohort,
  type EnrollmentProfile,
  type Phase,
} from '../../db/schema.js';
import { afterCursor } from '../../http/pagination.js';
import { personSearchConditions, type PersonSearch } from '../identity/search.js';
import { taughtCohortIds } from '../classroom/teaching.js';
import { inTenant, type TenantScope } from '../../http/tenancy.js';
import type { CohortListQuery } from './schemas.js';

export function findCohort(db: DbExecutor, scope: TenantScope, id: string): Promise<Cohort | undefined> {
  return db.query.cohorts.findFirst({ where: and(eq(cohorts.id, id), inTenant(cohorts.orgId, scope)) });
}

export function findCohortByCode(db: DbExecutor, scope: TenantScope, code: string): Promise<Cohort | undefined> {
  return db.query.cohorts.findFirst({ where: and(eq(cohorts.code, code), inTenant(cohorts.orgId, scope)) });
}

/** The cohort row locked until the transaction ends: phase edits, imports and moves into it queue up. */
export async function lockCohort(db: DbExecutor, scope: TenantScope, id: string): Promise<Cohort | undefined> {
  const [row] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, id), inTenant(cohorts.orgId, scope)))
    .for('update');
  return row;
}

/** Whether an instructor teaches a session of the cohort, and so may read it. */
export async function teaches(db: DbExecutor, userId: string, cohortId: string): Promise<boolean> {
  const { rows } = await db.execute(sql`select 1 where ${cohortId}::uuid in (${taughtCohortIds(userId)})`);
  return rows.length > 0;
}

export function listCohorts(db: DbExecutor, scope: TenantScope, q: CohortListQuery, instructorId?: string) {
  return db
    .select()
    .from(cohorts)
    .where(
      and(
        inTenant(cohorts.orgId, scope),
        q.status ? eq(cohorts.status, q.status) : undefined,
        q.courseId ? eq(cohorts.courseId, q.courseId) : undefined,
        q.from ? gte(cohorts.endsOn, q.from) : undefined,
        q.to ? lte(cohorts.startsOn, q.to) : undefined,
        afterCursor(cohorts.createdAt, cohorts.id, q.cursor),
        instructorId ? sql`${cohorts.id} in (${taughtCohortIds(instructorId)})` : undefined,
      ),
    )
    .orderBy(asc(cohorts.createdAt), asc(cohorts.id))
    .limit(q.limit + 1);
}

export function phasesOf(db: DbExecutor, cohortIds: string[]): Promise<Phase[]> {
  if (cohortIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(phases)
    .where(inArray(phases.cohortId, cohortIds))
    .orderBy(asc(phases.cohortId), asc(phases.position));
}

/** Enrollments that count against capacity: everyone not withdrawn. */
export async function enrolledCounts(db: DbExecutor, cohortIds: string[]): Promise<Map<string, number>> {
  if (cohortIds.length === 0) return new Map();
  const rows = await db
    .select({ cohortId: enrollments.cohortId, n: count() })
    .from(enrollments)
    .where(and(inArray(enrollments.cohortId, cohortIds), ne(enrollments.status, 'withdrawn')))
    .groupBy(enrollments.cohortId);
  return new Map(rows.map((r) => [r.cohortId, r.n]));
}

export function enrollmentsOfUsers(db: DbExecutor, cohortId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: enrollments.id, userId: enrollments.userId, status: enrollments.status })
    .from(enrollments)
    .where(and(eq(enrollments.cohortId, cohortId), inArray(enrollments.userId, userIds)));
}

export async function insertEnrollments(db: DbExecutor, cohortId: string, userIds: string[], now: Date): Promise<void> {
  for (let i = 0; i < userIds.length; i += 1000) {
    await db
      .insert(enrollments)
      .values(
        userIds
          .slice(i, i + 1000)
          .map((userId) => ({ cohortId, userId, enrolledAt: now, createdAt: now, updatedAt: now })),
      )
      .onConflictDoNothing();
  }
}

/**
 * The participant as the organizer knew them for this training, for the certificate and the
 * recap: what the roster gave, else what the person's profile says, and their home instansi.
 * Fields a roster leaves out keep what an earlier roster of this cohort gave.
 */
export async function recordTrainingProfiles(
  db: DbExecutor,
  cohortId: string,
  rows: Array<{ userId: string } & EnrollmentProfile>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await db.execute(sql`
      update enrollments e set profile = jsonb_strip_nulls(jsonb_build_object(
          'rank', coalesce(x.rank, e.profile->>'rank', u.rank),
          'position', coalesce(x.position, e.profile->>'position', u.position),
          'unit', coalesce(x.unit, e.profile->>'unit', u.unit),
          'category', coalesce(x.category, e.profile->>'category', u.category),
          'instansi', coalesce(x.instansi, e.profile->>'instansi', o.name)))
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
             as x("userId" uuid, rank text, position text, unit text, category text, instansi text)
        join users u on u.id = x."userId"
        left join organizations o on o.id = u.home_org_id
       where e.cohort_id = ${cohortId}::uuid and e.user_id = x."userId"`);
  }
}

const enrollmentColumns = {
  enrollment: enrollments,
  user: {
    id: users.id,
    nip: users.nip,
    email: users.email,
    name: users.name,
    status: users.status,
    nipKind: users.nipKind,
    // What the organizer recorded for this training; the person's own profile where it recorded nothing.
    category: trainingField('category', users.category),
    unit: trainingField('unit', users.unit),
    position: trainingField('position', users.position),
    rank: trainingField('rank', users.rank),
    instansi: sql<string | null>`${enrollments.profile}->>'instansi'`.as('instansi'),
  },
};

function trainingField(field: keyof EnrollmentProfile, fallback: AnyPgColumn) {
  return sql<string | null>`coalesce(${enrollments.profile}->>${field}, ${fallback})`.as(field);
}

/** An enrollment with its participant, found through its cohort's organization. */
export async function findEnrollment(db: DbExecutor, scope: TenantScope, id: string) {
  const [row] = await db
    .select({ ...enrollmentColumns, cohort: cohorts })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.id, id), inTenant(cohorts.orgId, scope)));
  return row;
}

export type EnrollmentListQuery = PersonSearch & {
  limit: number;
  cursor?: string | undefined;
  status?: string | undefined;
};

/** A page of the cohort's enrollments, found by the participant's NIP, name or unit (as recorded for this training). */
export function listEnrollments(db: DbExecutor, cohortId: string, q: EnrollmentListQuery) {
  return db
    .select(enrollmentColumns)
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(
      and(
        eq(enrollments.cohortId, cohortId),
        q.status ? eq(enrollments.status, q.status as 'active') : undefined,
        ...personSearchConditions(q, {
          nip: users.nip,
          name: users.name,
          unit: sql`coalesce(${enrollments.profile}->>'unit', ${users.unit})`,
        }),
        afterCursor(enrollments.createdAt, enrollments.id, q.cursor),
      ),
    )
    .orderBy(asc(enrollments.createdAt), asc(enrollments.id))
    .limit(q.limit + 1);
}

export function extensionsOf(db: DbExecutor, enrollmentIds: string[]) {
  if (enrollmentIds.length === 0) return Promise.resolve([]);
  return db.select().from(phaseExtensions).where(inArray(phaseExtensions.enrollmentId, enrollmentIds));
}

export function pendingParticipantsOf(db: DbExecutor, cohortId: string) {
  return db
    .select({ userId: users.id })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.cohortId, cohortId), eq(users.status, 'pending'), ne(enrollments.status, 'withdrawn')));
}

export function enrollmentsOfUser(db: DbExecutor, userId: string) {
  return db
    .select({ enrollment: enrollments, cohort: cohorts })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .where(eq(enrollments.userId, userId))
    .orderBy(asc(enrollments.enrolledAt));
}

export async function userMayReadVersion(db: DbExecutor, userId: string, versionId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(enrollments)
    .innerJoin(cohorts, eq(cohorts.id, enrollments.cohortId))
    .where(
      and(eq(enrollments.userId, userId), eq(cohorts.courseVersionId, versionId), ne(enrollments.status, 'withdrawn')),
    )
    .limit(1);
  return !!row;
}

export function rosterOf(db: DbExecutor, cohortId: string) {
  return db
    .select(enrollmentColumns)
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(eq(enrollments.cohortId, cohortId))
    .orderBy(asc(users.name), asc(enrollments.id));
}

/** Per phase with sessions: how many, and the first start and last end. */
export function sessionSpans(db: DbExecutor, phaseIds: string[]) {
  if (phaseIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      phaseId: classSessions.phaseId,
      sessions: count(),
      firstStart: min(classSessions.startsAt),
      lastEnd: max(classSessions.endsAt),
    })
    .from(classSessions)
    .where(inArray(classSessions.phaseId, phaseIds))
    .groupBy(classSessions.phaseId);
}
