import { and, asc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import {
  attendance,
  classSessions,
  enrollments,
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
import { msg } from '../../i18n/index.js';
import { overLimit } from '../assessment/scoring.js';
import type { CohortsService } from '../cohorts/service.js';
import type { AttendanceInput } from './schemas.js';

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
 * Brings the ledger in line with attendance for the given enrollments of one session: each gets
 * the session's JP if attended, nothing otherwise; only the difference is appended. Runs under
 * the session's row lock, so concurrent writers cannot both append the same difference.
 */
export async function syncLedger(
  tx: DbExecutor,
  session: ClassSession,
  enrollmentIds: string[],
  actor: Actor,
  now: Date,
): Promise<void> {
  if (enrollmentIds.length === 0) return;
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

export interface AttendanceDeps<SessionView> {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  settings: { attendanceGraceDays: number };
  absenceRuleOf: (cohortId: string) => Promise<AbsenceRule>;
  audit: (tx: DbExecutor, actor: Actor, orgId: string, action: string, id: string, data: object) => Promise<unknown>;
  /** The session the caller may see, with its cohort and phase (404 otherwise), optionally locked. */
  sessionOr404: (
    tx: DbExecutor,
    actor: Actor,
    id: string,
    lock?: boolean,
  ) => Promise<{ session: ClassSession; cohort: Cohort; phase: Phase }>;
  sessionViews: (tx: DbExecutor, list: ClassSession[], cohort: Cohort) => Promise<SessionView[]>;
}

/**
 * Attendance of classroom sessions: the roster, recording it in bulk, and each enrollment's
 * absences against the limit. Attended sessions credit their JP to the ledger, net of corrections.
 */
export function createAttendance<SessionView>({
  db,
  clock,
  cohorts,
  settings,
  absenceRuleOf,
  audit,
  sessionOr404,
  sessionViews,
}: AttendanceDeps<SessionView>) {
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
        session: (await sessionViews(db, [session], cohort))[0]!,
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
            now,
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
