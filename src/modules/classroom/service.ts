import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import {
  attendance,
  classSessions,
  enrollments,
  memberships,
  phases,
  sessionInstructors,
  users,
  type AbsenceRule,
  type ClassSession,
  type Cohort,
  type Phase,
} from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ConflictError, NotFoundError, type FieldError } from '../../http/errors.js';
import { ownDataScope } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import { localDateOf } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import type { DirectoryService } from '../identity/directory-service.js';
import { createAttendance, syncLedger } from './attendance.js';
import type { SessionInput, SessionPatch } from './schemas.js';
import { msg } from '../../i18n/index.js';

export interface ClassroomServiceDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  directory: DirectoryService;
  settings: { attendanceGraceDays: number };
  /** The absence rule in force for a cohort: its assessment scheme's, or the configured default. */
  absenceRuleOf: (cohortId: string) => Promise<AbsenceRule>;
}

/**
 * Classroom (and field) phases: their dated sessions and the attendance recorded for them.
 * Attended sessions credit their JP to the ledger, net of corrections: changing `present` to
 * `absent` appends a negative entry, so the ledger stays append-only and never counts twice.
 */
export function createClassroomService({
  db,
  clock,
  cohorts,
  directory,
  settings,
  absenceRuleOf,
}: ClassroomServiceDeps) {
  const audit = (tx: DbExecutor, actor: Actor, orgId: string, action: string, id: string, data: object) =>
    recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      action,
      entityType: 'class_session',
      entityId: id,
      data: data as Record<string, unknown>,
      requestId: actor.requestId,
      at: clock.now(),
    });

  async function phaseOr404(tx: DbExecutor, actor: Actor, phaseId: string) {
    const [phase] = await tx.select().from(phases).where(eq(phases.id, phaseId));
    if (!phase) throw new NotFoundError('Phase');
    // Another organization's cohort: its phase does not exist for this caller.
    const cohort = await cohorts
      .cohortInScope(tx, { ...actor, scope: ownDataScope(actor) }, phase.cohortId)
      .catch((error: unknown) => {
        throw error instanceof NotFoundError ? new NotFoundError('Phase') : error;
      });
    return { phase, cohort };
  }

  async function sessionOr404(tx: DbExecutor, actor: Actor, id: string, lock = false) {
    const query = tx.select().from(classSessions).where(eq(classSessions.id, id));
    const [session] = lock ? await query.for('update') : await query;
    if (!session) throw new NotFoundError('Session');
    // Another organization's cohort: its session does not exist for this caller.
    const cohort = await cohorts.cohortInScope(tx, actor, session.cohortId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('Session') : error;
    });
    const [phase] = await tx.select().from(phases).where(eq(phases.id, session.phaseId));
    return { session, cohort, phase: phase! };
  }

  async function instructorsOf(tx: DbExecutor, sessionIds: string[]) {
    if (sessionIds.length === 0) return new Map<string, Array<{ id: string; name: string }>>();
    const rows = await tx
      .select({ sessionId: sessionInstructors.sessionId, id: users.id, name: users.name })
      .from(sessionInstructors)
      .innerJoin(users, eq(users.id, sessionInstructors.userId))
      .where(inArray(sessionInstructors.sessionId, sessionIds))
      .orderBy(asc(users.name));
    const map = new Map<string, Array<{ id: string; name: string }>>();
    for (const r of rows) map.set(r.sessionId, [...(map.get(r.sessionId) ?? []), { id: r.id, name: r.name }]);
    return map;
  }

  async function views(tx: DbExecutor, list: ClassSession[], cohort: Cohort) {
    const teachers = await instructorsOf(
      tx,
      list.map((s) => s.id),
    );
    return list.map((s) => ({
      id: s.id,
      phaseId: s.phaseId,
      cohortId: s.cohortId,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      localDate: localDateOf(s.startsAt, cohort.timeZone),
      timeZone: cohort.timeZone,
      jp: s.jp,
      venue: s.venue,
      instructors: teachers.get(s.id) ?? [],
    }));
  }

  /** Every problem with a session's times, JP and instructors, with the field it concerns. */
  async function sessionProblems(
    tx: DbExecutor,
    phase: Phase,
    cohort: Cohort,
    s: { startsAt: Date; endsAt: Date; jp: number; instructorIds?: string[] },
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    if (phase.kind === 'online') problems.push({ path: 'params.id', message: msg('field.sessionInOnlinePhase') });
    if (s.endsAt <= s.startsAt) problems.push({ path: 'body.endsAt', message: msg('field.afterStart') });
    if (s.startsAt < phase.opensAt || s.endsAt > phase.closesAt)
      problems.push({
        path: 'body.startsAt',
        message: msg('field.sessionOutsidePhase', {
          startDate: phase.startDate,
          endDate: phase.endDate,
          timeZone: cohort.timeZone,
        }),
      });
    const { minutesPerJp } = await directory.organizationSettings(cohort.orgId);
    const minutes = (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
    if (s.jp * minutesPerJp > minutes + 1e-9)
      problems.push({
        path: 'body.jp',
        message: msg('field.sessionTooShort', { jp: s.jp, needed: s.jp * minutesPerJp, minutes }),
      });
    if (s.instructorIds && s.instructorIds.length > 0) {
      const found = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            inArray(users.id, s.instructorIds),
            // Whatever their home instansi: a widyaiswara of LAN or a province teaches a city's class.
            sql`exists (select 1 from ${memberships} m where m.user_id = ${users.id}
                          and m.org_id = ${cohort.orgId}::uuid and m.role = 'instructor')`,
            ne(users.status, 'disabled'),
          ),
        );
      const ok = new Set(found.map((u) => u.id));
      s.instructorIds.forEach((id, i) => {
        if (!ok.has(id)) problems.push({ path: `body.instructorIds[${i}]`, message: msg('field.notInstructor') });
      });
    }
    return problems;
  }

  function assertValid(problems: FieldError[]) {
    if (problems.length > 0)
      throw new AppError(
        422,
        'SESSION_INVALID',
        `The session is not valid: ${problems.length} problem(s)`,
        problems,
      ).with({ count: problems.length });
  }

  async function setInstructors(tx: DbExecutor, sessionId: string, ids: string[]) {
    await tx.delete(sessionInstructors).where(eq(sessionInstructors.sessionId, sessionId));
    if (ids.length > 0)
      await tx.insert(sessionInstructors).values([...new Set(ids)].map((userId) => ({ sessionId, userId })));
  }

  return {
    ...createAttendance({ db, clock, cohorts, settings, absenceRuleOf, audit, sessionOr404, sessionViews: views }),

    async listSessions(actor: Actor, phaseId: string) {
      const { phase, cohort } = await phaseOr404(db, actor, phaseId);
      if (actor.role === 'participant') {
        const mine = await db
          .select({ id: enrollments.id })
          .from(enrollments)
          .where(and(eq(enrollments.cohortId, cohort.id), eq(enrollments.userId, actor.userId!)));
        if (mine.length === 0) throw new NotFoundError('Phase');
        if (phase.state === 'pending')
          throw new ConflictError(`The phase "${phase.name}" has not opened yet`, 'PHASE_NOT_OPEN').with({
            phase: phase.name,
          });
      }
      const list = await db
        .select()
        .from(classSessions)
        .where(eq(classSessions.phaseId, phase.id))
        .orderBy(asc(classSessions.startsAt), asc(classSessions.id));
      return views(db, list, cohort);
    },

    async createSession(actor: Actor, phaseId: string, input: SessionInput) {
      return db.transaction(async (tx) => {
        const { phase, cohort } = await phaseOr404(tx, actor, phaseId);
        if (phase.state === 'closed' && !cohort.pastProgram)
          throw new ConflictError('The phase is closed', 'PHASE_CLOSED');
        assertValid(await sessionProblems(tx, phase, cohort, input));
        const now = clock.now();
        const [session] = await tx
          .insert(classSessions)
          .values({
            phaseId: phase.id,
            cohortId: cohort.id,
            title: input.title,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            jp: input.jp,
            venue: input.venue ?? phase.venue,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await setInstructors(tx, session!.id, input.instructorIds);
        await audit(tx, actor, cohort.orgId, 'session.created', session!.id, { phaseId, title: input.title });
        return (await views(tx, [session!], cohort))[0]!;
      });
    },

    async getSession(actor: Actor, id: string) {
      const { session, cohort } = await sessionOr404(db, actor, id);
      if (actor.role === 'participant') throw new NotFoundError('Session');
      return (await views(db, [session], cohort))[0]!;
    },

    async updateSession(actor: Actor, id: string, patch: SessionPatch) {
      return db.transaction(async (tx) => {
        const { session, cohort, phase } = await sessionOr404(tx, actor, id, true);
        if (phase.state === 'closed' && !cohort.pastProgram)
          throw new ConflictError('The phase is closed', 'PHASE_CLOSED');
        const next = {
          title: patch.title ?? session.title,
          startsAt: patch.startsAt ?? session.startsAt,
          endsAt: patch.endsAt ?? session.endsAt,
          jp: patch.jp ?? session.jp,
          venue: patch.venue === undefined ? session.venue : patch.venue,
        };
        assertValid(await sessionProblems(tx, phase, cohort, { ...next, instructorIds: patch.instructorIds }));
        const [updated] = await tx
          .update(classSessions)
          .set({ ...next, updatedAt: clock.now() })
          .where(eq(classSessions.id, id))
          .returning();
        if (patch.instructorIds) await setInstructors(tx, id, patch.instructorIds);
        // A session's JP or date changed: the credits of those who attended follow.
        if (next.jp !== session.jp || next.startsAt.getTime() !== session.startsAt.getTime()) {
          const marked = await tx
            .select({ id: attendance.enrollmentId })
            .from(attendance)
            .where(eq(attendance.sessionId, id));
          if (next.startsAt.getTime() !== session.startsAt.getTime()) {
            // Re-date the credit: take the old entries back in full, then credit anew on the new date.
            await tx.execute(sql`
              insert into jp_ledger (user_id, enrollment_id, phase_id, session_id, source, jp, seconds, occurred_at, local_date,
                                     details, created_by, created_at)
              select user_id, enrollment_id, phase_id, session_id, 'session', -sum(jp), 0, occurred_at, local_date,
                     jsonb_build_object('correction', 'session moved'), ${actor.userId}::uuid, ${clock.now().toISOString()}::timestamptz
                from jp_ledger where session_id = ${id}::uuid
               group by user_id, enrollment_id, phase_id, session_id, occurred_at, local_date
              having sum(jp) <> 0`);
          }
          await syncLedger(
            tx,
            updated!,
            marked.map((m) => m.id),
            actor,
            clock.now(),
          );
        }
        await audit(tx, actor, cohort.orgId, 'session.updated', id, { ...patch });
        return (await views(tx, [updated!], cohort))[0]!;
      });
    },

    async deleteSession(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const { cohort } = await sessionOr404(tx, actor, id, true);
        const [marked] = await tx
          .select({ one: sql`1` })
          .from(attendance)
          .where(eq(attendance.sessionId, id))
          .limit(1);
        if (marked)
          throw new ConflictError(
            'Attendance has been recorded for this session: it cannot be deleted',
            'SESSION_HAS_ATTENDANCE',
          );
        await tx.delete(classSessions).where(eq(classSessions.id, id));
        await audit(tx, actor, cohort.orgId, 'session.deleted', id, {});
      });
    },
  };
}

export type ClassroomService = ReturnType<typeof createClassroomService>;
