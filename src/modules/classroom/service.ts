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
  type AttendanceStatus,
  type ClassSession,
  type Cohort,
  type Phase,
} from '../../db/schema.js';
import { systemActor, type Actor } from '../../http/actor.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, type FieldError } from '../../http/errors.js';
import { ownDataScope } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import { overLimit } from '../assessment/scoring.js';
import { localDateOf } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import type { DirectoryService } from '../identity/directory-service.js';
import type { AttendanceInput, SessionInput, SessionPatch } from './schemas.js';
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

const DAY_MS = 86_400_000;

export interface AbsenceSummary {
  enrollmentId: string;
  sessionsRecorded: number;
  attendedJp: number;
  absentJp: number;
  absentDays: number;
}

/**
 * Absence per enrollment of a cohort. An absent day is a local day (cohort's zone) on which the
 * participant attended none of the sessions recorded for them and missed at least one.
 */
export async function absenceSummaries(
  db: DbExecutor,
  cohort: Pick<Cohort, 'id' | 'timeZone'>,
  rule: AbsenceRule,
  enrollmentIds?: string[],
): Promise<Map<string, AbsenceSummary>> {
  const counted = rule.countExcused ? sql`array['absent', 'excused']` : sql`array['absent']`;
  const only = enrollmentIds ? sql`and a.enrollment_id = any(${sql.param(enrollmentIds)}::uuid[])` : sql``;
  const result = await db.execute<{
    enrollment_id: string;
    sessions: number;
    attended_jp: string;
    absent_jp: string;
    absent_days: number;
  }>(sql`
    with marks as (
      select a.enrollment_id, s.jp, (s.starts_at at time zone ${cohort.timeZone})::date as day,
             a.status in ('present', 'late') as attended,
             a.status::text = any(${counted}::text[]) as missed
        from attendance a join class_sessions s on s.id = a.session_id
       where s.cohort_id = ${cohort.id}::uuid ${only}
    ),
    days as (
      select enrollment_id, count(*) filter (where not attended and missed)::int as absent_days
        from (select enrollment_id, day, bool_or(attended) as attended, bool_or(missed) as missed
                from marks group by enrollment_id, day) per_day
       group by enrollment_id
    )
    select m.enrollment_id, count(*)::int as sessions,
           coalesce(sum(m.jp) filter (where m.attended), 0) as attended_jp,
           coalesce(sum(m.jp) filter (where m.missed), 0) as absent_jp,
           max(d.absent_days) as absent_days
      from marks m join days d using (enrollment_id)
     group by m.enrollment_id`);
  return new Map(
    result.rows.map((r) => [
      r.enrollment_id,
      {
        enrollmentId: r.enrollment_id,
        sessionsRecorded: r.sessions,
        attendedJp: Number(r.attended_jp),
        absentJp: Number(r.absent_jp),
        absentDays: r.absent_days,
      },
    ]),
  );
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

  /**
   * Brings the ledger in line with attendance for the given enrollments of one session: each gets
   * the session's JP if attended, nothing otherwise; only the difference is appended. Runs under
   * the session's row lock, so concurrent writers cannot both append the same difference.
   */
  async function syncLedger(tx: DbExecutor, session: ClassSession, enrollmentIds: string[], actor: Actor) {
    if (enrollmentIds.length === 0) return;
    const now = clock.now();
    await tx.execute(sql`
      with target as (
        select a.enrollment_id, a.status,
               case when a.status in ('present', 'late') then ${session.jp}::numeric else 0 end as jp
          from attendance a
         where a.session_id = ${session.id}::uuid and a.enrollment_id = any(${sql.param(enrollmentIds)}::uuid[])
      ),
      credited as (
        select enrollment_id, sum(jp) as jp from jp_ledger
         where session_id = ${session.id}::uuid and enrollment_id = any(${sql.param(enrollmentIds)}::uuid[])
         group by enrollment_id
      )
      insert into jp_ledger (user_id, enrollment_id, phase_id, session_id, source, jp, seconds, occurred_at, local_date,
                             details, created_by, created_at)
      select e.user_id, t.enrollment_id, ${session.phaseId}::uuid, ${session.id}::uuid, 'session',
             t.jp - coalesce(c.jp, 0), 0, ${session.startsAt.toISOString()}::timestamptz,
             (${session.startsAt.toISOString()}::timestamptz at time zone co.time_zone)::date,
             jsonb_build_object('status', t.status, 'sessionTitle', ${session.title}::text),
             ${actor.userId}::uuid, ${now.toISOString()}::timestamptz
        from target t
        join enrollments e on e.id = t.enrollment_id
        join cohorts co on co.id = e.cohort_id
        left join credited c on c.enrollment_id = t.enrollment_id
       where t.jp <> coalesce(c.jp, 0)`);
  }

  /**
   * Attendance can be written while the phase is open, and for the grace period after it closes;
   * a past program's attendance lists are recorded after the fact.
   */
  function assertAttendanceOpen(phase: Phase, session: ClassSession, cohort: Cohort) {
    const now = clock.now();
    if (cohort.pastProgram) return;
    if (phase.state === 'pending')
      throw new ConflictError(`The phase "${phase.name}" has not opened yet`, 'PHASE_NOT_OPEN').with({
        phase: phase.name,
      });
    if (now < session.startsAt) throw new ConflictError('The session has not started yet', 'SESSION_NOT_STARTED');
    const graceEnds = new Date(phase.closesAt.getTime() + settings.attendanceGraceDays * DAY_MS);
    if (phase.state === 'closed' && now >= graceEnds)
      throw new ConflictError(
        `Attendance for this phase closed on ${graceEnds.toISOString()} (${settings.attendanceGraceDays} day(s) after the phase)`,
        'ATTENDANCE_CLOSED',
      ).with({ closedAt: graceEnds.toISOString(), days: settings.attendanceGraceDays });
  }

  async function assertMayRecord(tx: DbExecutor, actor: Actor, sessionId: string) {
    if (actor.role !== 'instructor') return;
    const [teaches] = await tx
      .select({ one: sql`1` })
      .from(sessionInstructors)
      .where(and(eq(sessionInstructors.sessionId, sessionId), eq(sessionInstructors.userId, actor.userId!)));
    if (!teaches) throw new ForbiddenError('You do not teach this session', 'NOT_SESSION_INSTRUCTOR');
  }

  /** Enrollments of the cohort, each with the participant's NIP and name, withdrawn ones included. */
  function cohortMembers(tx: DbExecutor, cohortId: string) {
    return tx
      .select({
        enrollmentId: enrollments.id,
        status: enrollments.status,
        userId: users.id,
        nip: users.nip,
        name: users.name,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(eq(enrollments.cohortId, cohortId))
      .orderBy(asc(users.name), asc(enrollments.id));
  }

  /** How close an enrollment is to the absence limit, with each recorded session. */
  async function attendanceOf(enrollmentId: string) {
    const [row] = await db
      .select({ cohortId: enrollments.cohortId })
      .from(enrollments)
      .where(eq(enrollments.id, enrollmentId));
    if (!row) throw new NotFoundError('Enrollment');
    const cohort = await cohorts.cohortInScope(db, systemActor, row.cohortId);
    const rule = await absenceRuleOf(cohort.id);
    const summary = (await absenceSummaries(db, cohort, rule, [enrollmentId])).get(enrollmentId) ?? {
      enrollmentId,
      sessionsRecorded: 0,
      attendedJp: 0,
      absentJp: 0,
      absentDays: 0,
    };
    const sessions = await db
      .select({
        sessionId: classSessions.id,
        title: classSessions.title,
        startsAt: classSessions.startsAt,
        jp: classSessions.jp,
        status: attendance.status,
        note: attendance.note,
      })
      .from(attendance)
      .innerJoin(classSessions, eq(classSessions.id, attendance.sessionId))
      .where(eq(attendance.enrollmentId, enrollmentId))
      .orderBy(asc(classSessions.startsAt));
    return {
      sessionsRecorded: summary.sessionsRecorded,
      attendedJp: summary.attendedJp,
      absentJp: summary.absentJp,
      absentDays: summary.absentDays,
      limit: rule,
      remainingJp: Math.max(0, rule.maxJp - summary.absentJp),
      remainingDays: Math.max(0, rule.maxDays - summary.absentDays),
      overLimit: overLimit(summary, rule),
      sessions,
    };
  }

  return {
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

    /** The attendance roster: every enrollment not withdrawn, with what has been recorded. */
    async roster(actor: Actor, id: string) {
      const { session, cohort, phase } = await sessionOr404(db, actor, id);
      // Who asks comes first: the phase's state is nothing to tell someone who may not see the roster.
      await assertMayRecord(db, actor, id);
      if (phase.state === 'pending')
        throw new ConflictError(`The phase "${phase.name}" has not opened yet`, 'PHASE_NOT_OPEN').with({
          phase: phase.name,
        });
      const [members, marks] = await Promise.all([
        cohortMembers(db, cohort.id),
        db.select().from(attendance).where(eq(attendance.sessionId, id)),
      ]);
      const byEnrollment = new Map(marks.map((m) => [m.enrollmentId, m]));
      return {
        session: (await views(db, [session], cohort))[0]!,
        records: members
          .filter((m) => m.status !== 'withdrawn' || byEnrollment.has(m.enrollmentId))
          .map((m) => {
            const mark = byEnrollment.get(m.enrollmentId);
            return {
              enrollmentId: m.enrollmentId,
              nip: m.nip,
              name: m.name,
              status: mark?.status ?? null,
              note: mark?.note ?? null,
              recordedAt: mark?.recordedAt ?? null,
              recordedBy: mark?.recordedBy ?? null,
            };
          }),
      };
    },

    /** Records attendance in bulk: all of it or, when any line is wrong, none of it. */
    async recordAttendance(actor: Actor, id: string, input: AttendanceInput) {
      return db.transaction(async (tx) => {
        const { session, cohort, phase } = await sessionOr404(tx, actor, id, true);
        await assertMayRecord(tx, actor, id);
        assertAttendanceOpen(phase, session, cohort);

        const members = await cohortMembers(tx, cohort.id);
        const byId = new Map(members.map((m) => [m.enrollmentId, m]));
        const byNip = new Map(members.filter((m) => m.nip).map((m) => [m.nip!, m]));
        const problems: FieldError[] = [];
        const seen = new Set<string>();
        const resolved = input.records.map((r, i) => {
          const member = r.enrollmentId ? byId.get(r.enrollmentId) : byNip.get(r.nip!);
          const path = `body.records[${i}].${r.enrollmentId ? 'enrollmentId' : 'nip'}`;
          if (!member) problems.push({ path, message: msg('field.notEnrolled') });
          else if (member.status === 'withdrawn') problems.push({ path, message: msg('field.withdrawn') });
          else if (seen.has(member.enrollmentId)) problems.push({ path, message: msg('field.listedTwice') });
          if (member) seen.add(member.enrollmentId);
          return { member, record: r };
        });
        if (problems.length > 0)
          throw new AppError(
            422,
            'ATTENDANCE_INVALID',
            `No attendance was recorded: ${problems.length} line(s) are not valid`,
            problems,
          ).with({ count: problems.length });

        const existing = new Map(
          (await tx.select().from(attendance).where(eq(attendance.sessionId, id))).map((a) => [a.enrollmentId, a]),
        );
        const counts = { created: 0, updated: 0, unchanged: 0 };
        const changed: Array<typeof attendance.$inferInsert> = [];
        const now = clock.now();
        for (const { member, record } of resolved) {
          const before = existing.get(member!.enrollmentId);
          const note = record.note ?? null;
          if (before && before.status === record.status && before.note === note) {
            counts.unchanged += 1;
            continue;
          }
          counts[before ? 'updated' : 'created'] += 1;
          changed.push({
            sessionId: id,
            enrollmentId: member!.enrollmentId,
            status: record.status,
            note,
            recordedBy: actor.userId,
            recordedAt: now,
          });
        }
        if (changed.length > 0) {
          await tx
            .insert(attendance)
            .values(changed)
            .onConflictDoUpdate({
              target: [attendance.sessionId, attendance.enrollmentId],
              set: {
                status: sql`excluded.status`,
                note: sql`excluded.note`,
                recordedBy: sql`excluded.recorded_by`,
                recordedAt: sql`excluded.recorded_at`,
              },
            });
          await syncLedger(
            tx,
            session,
            changed.map((c) => c.enrollmentId),
            actor,
          );
          await audit(tx, actor, cohort.orgId, 'attendance.recorded', id, {
            ...counts,
            changes: changed.map((c) => ({ enrollmentId: c.enrollmentId, status: c.status })),
          });
        }
        const tally = Object.fromEntries(
          (['present', 'late', 'excused', 'absent'] as const).map((s) => [s, 0]),
        ) as Record<AttendanceStatus, number>;
        const after = await tx
          .select({ status: attendance.status })
          .from(attendance)
          .where(eq(attendance.sessionId, id));
        for (const a of after) tally[a.status] += 1;
        const active = members.filter((m) => m.status !== 'withdrawn').length;
        return { sessionId: id, ...counts, tally: { ...tally, unrecorded: Math.max(0, active - after.length) } };
      });
    },

    attendanceOf,

    /** For admins and instructors: one enrollment's attendance (404 outside the caller's scope). */
    async enrollmentAttendance(actor: Actor, enrollmentId: string) {
      await cohorts.enrollmentInScope(actor, enrollmentId);
      return attendanceOf(enrollmentId);
    },
  };
}

export type ClassroomService = ReturnType<typeof createClassroomService>;
