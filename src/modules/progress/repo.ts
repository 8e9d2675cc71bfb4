import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import type { CreditResult } from './credit.js';

export interface EnrollmentCreditState {
  enrollmentId: string;
  userId: string;
  status: 'active' | 'remedial' | 'passed' | 'failed' | 'withdrawn';
  cohortId: string;
  courseVersionId: string;
  minutesPerJp: number;
  version: number;
  creditedUntil: Date | null;
  lastActivityAt: Date | null;
  phases: Array<{
    id: string;
    state: 'pending' | 'open' | 'closed';
    opensAt: Date;
    closesAt: Date;
    extendedUntil: Date | null;
    requiredJp: number;
  }>;
  lessons: Array<{ lessonId: string; creditedSeconds: number; completedAt: Date | null; completedBy: string | null }>;
  known: string[];
}

interface StateRow {
  enrollment_id: string;
  user_id: string;
  status: EnrollmentCreditState['status'];
  cohort_id: string;
  course_version_id: string;
  minutes_per_jp: number;
  version: number | null;
  credited_until: Date | null;
  last_activity_at: Date | null;
  phases: Array<{
    id: string;
    state: 'pending' | 'open' | 'closed';
    opens_at: string;
    closes_at: string;
    extended_until: string | null;
    required_jp: string;
  }> | null;
  lessons: Array<{
    lesson_id: string;
    credited_seconds: number;
    completed_at: string | null;
    completed_by: string | null;
  }> | null;
  known: string[] | null;
}

/**
 * Everything the credit rules need about one of a participant's enrollments, in one round trip:
 * the enrollment, its organization's minutes per JP, the credit clock, the online phases with any
 * personal extension, the lessons' progress, and which of the batch's client ids were seen before.
 */
export async function loadCreditState(
  db: DbExecutor,
  userId: string,
  enrollmentId: string,
  clientIds: string[],
): Promise<EnrollmentCreditState | undefined> {
  const result = await db.execute<StateRow & Record<string, unknown>>(sql`
    select e.id as enrollment_id, e.user_id, e.status, e.cohort_id, c.course_version_id,
           (o.settings->>'minutesPerJp')::int as minutes_per_jp,
           ep.version, ep.credited_until, ep.last_activity_at,
           (select json_agg(json_build_object('id', p.id, 'state', p.state, 'opens_at', p.opens_at, 'closes_at', p.closes_at,
                                              'extended_until', x.closes_at, 'required_jp', p.required_jp) order by p.position)
              from phases p left join phase_extensions x on x.phase_id = p.id and x.enrollment_id = e.id
             where p.cohort_id = e.cohort_id and p.kind = 'online') as phases,
           (select json_agg(json_build_object('lesson_id', lp.lesson_id, 'credited_seconds', lp.credited_seconds,
                                              'completed_at', lp.completed_at, 'completed_by', lp.completed_by))
              from lesson_progress lp where lp.enrollment_id = e.id) as lessons,
           (select array_agg(pe.client_event_id) from progress_events pe
             where pe.enrollment_id = e.id and pe.client_event_id = any(${sql.param(clientIds)}::text[])) as known
      from enrollments e
      join cohorts c on c.id = e.cohort_id
      join organizations o on o.id = c.org_id
      left join enrollment_progress ep on ep.enrollment_id = e.id
     where e.id = ${enrollmentId} and e.user_id = ${userId}`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    enrollmentId: row.enrollment_id,
    userId: row.user_id,
    status: row.status,
    cohortId: row.cohort_id,
    courseVersionId: row.course_version_id,
    minutesPerJp: row.minutes_per_jp,
    version: row.version ?? 0,
    creditedUntil: row.credited_until ? new Date(row.credited_until) : null,
    lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at) : null,
    phases: (row.phases ?? []).map((p) => ({
      id: p.id,
      state: p.state,
      opensAt: new Date(p.opens_at),
      closesAt: new Date(p.closes_at),
      extendedUntil: p.extended_until ? new Date(p.extended_until) : null,
      requiredJp: Number(p.required_jp),
    })),
    lessons: (row.lessons ?? []).map((l) => ({
      lessonId: l.lesson_id,
      creditedSeconds: l.credited_seconds,
      completedAt: l.completed_at ? new Date(l.completed_at) : null,
      completedBy: l.completed_by,
    })),
    known: row.known ?? [],
  };
}

/**
 * Writes a credited batch in one statement, so in one commit: the events, the lessons' progress,
 * the ledger credits and the credit clock. It applies only if the clock is still at the version the
 * batch was computed from; otherwise nothing is written and the caller computes again.
 */
export async function writeCreditedBatch(
  db: DbExecutor,
  args: { enrollmentId: string; userId: string; expectedVersion: number; now: Date; result: CreditResult },
): Promise<boolean> {
  const { enrollmentId, userId, expectedVersion, now, result } = args;
  const events = result.stored.map((e) => ({
    client_event_id: e.clientEventId,
    type: e.type,
    lesson_id: e.lessonId,
    occurred_at: e.occurredAt.toISOString(),
    claimed_seconds: e.claimedSeconds,
    credited_seconds: e.creditedSeconds,
    status: e.status,
    reason: e.reason,
  }));
  const lessons = [...result.lessonStates].map(([lessonId, s]) => ({
    lesson_id: lessonId,
    credited_seconds: s.creditedSeconds,
    completed_at: s.completedAt?.toISOString() ?? null,
    completed_by: s.completedBy,
    last_event_at: s.lastEventAt.toISOString(),
  }));
  const ledger = result.ledger.map((l) => ({
    phase_id: l.phaseId,
    module_id: l.moduleId,
    lesson_id: l.lessonId,
    jp: l.jp,
    seconds: l.seconds,
    occurred_at: l.occurredAt.toISOString(),
  }));
  const nowIso = now.toISOString();
  const written = await db.execute<{ applied: boolean }>(sql`
    with clock as (
      insert into enrollment_progress as ep (enrollment_id, version, credited_until, last_activity_at, credited_seconds, updated_at)
      values (${enrollmentId}, ${expectedVersion + 1}, ${result.creditedUntil?.toISOString() ?? null}::timestamptz,
              ${result.lastActivityAt?.toISOString() ?? null}::timestamptz, ${result.creditedSeconds}, ${nowIso}::timestamptz)
      on conflict (enrollment_id) do update set
        version = ep.version + 1,
        credited_until = excluded.credited_until,
        last_activity_at = excluded.last_activity_at,
        credited_seconds = ep.credited_seconds + excluded.credited_seconds,
        updated_at = excluded.updated_at
      where ep.version = ${expectedVersion}
      returning 1
    ),
    ev as (
      insert into progress_events (enrollment_id, client_event_id, type, lesson_id, occurred_at, received_at,
                                   claimed_seconds, credited_seconds, status, reason)
      select ${enrollmentId}, x.client_event_id, x.type::progress_event_type, x.lesson_id, x.occurred_at, ${nowIso}::timestamptz,
             x.claimed_seconds, x.credited_seconds, x.status::progress_event_status, x.reason
        from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(client_event_id text, type text, lesson_id uuid,
             occurred_at timestamptz, claimed_seconds int, credited_seconds int, status text, reason text)
       where exists (select 1 from clock)
      returning 1
    ),
    lp as (
      insert into lesson_progress as lp (enrollment_id, lesson_id, credited_seconds, completed_at, completed_by, last_event_at)
      select ${enrollmentId}, x.lesson_id, x.credited_seconds, x.completed_at, x.completed_by, x.last_event_at
        from jsonb_to_recordset(${JSON.stringify(lessons)}::jsonb) as x(lesson_id uuid, credited_seconds int,
             completed_at timestamptz, completed_by text, last_event_at timestamptz)
       where exists (select 1 from clock)
      on conflict (enrollment_id, lesson_id) do update set
        credited_seconds = excluded.credited_seconds,
        completed_at = coalesce(lp.completed_at, excluded.completed_at),
        completed_by = coalesce(lp.completed_by, excluded.completed_by),
        last_event_at = greatest(lp.last_event_at, excluded.last_event_at)
      returning 1
    ),
    led as (
      insert into jp_ledger (user_id, enrollment_id, phase_id, module_id, lesson_id, source, jp, seconds, occurred_at, created_at)
      select ${userId}, ${enrollmentId}, x.phase_id, x.module_id, x.lesson_id, 'lesson', x.jp, x.seconds, x.occurred_at, ${nowIso}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(ledger)}::jsonb) as x(phase_id uuid, module_id uuid, lesson_id uuid,
             jp numeric, seconds int, occurred_at timestamptz)
       where exists (select 1 from clock)
      returning 1
    )
    select exists (select 1 from clock) as applied,
           (select count(*) from ev) + (select count(*) from lp) + (select count(*) from led) as written`);
  return written.rows[0]?.applied === true;
}

export async function lastActivity(db: DbExecutor, enrollmentIds: string[]): Promise<Map<string, Date>> {
  if (enrollmentIds.length === 0) return new Map();
  const result = await db.execute<{ enrollment_id: string; last_activity_at: Date | null }>(sql`
    select enrollment_id, last_activity_at from enrollment_progress where enrollment_id = any(${sql.param(enrollmentIds)}::uuid[])`);
  return new Map(
    result.rows.filter((r) => r.last_activity_at).map((r) => [r.enrollment_id, new Date(r.last_activity_at!)]),
  );
}

/** Takes the enrollment's credit clock row lock (creating the row if needed) until the transaction ends. */
export async function lockCreditClock(db: DbExecutor, enrollmentId: string, now: Date): Promise<void> {
  await db.execute(sql`
    insert into enrollment_progress (enrollment_id, version, updated_at) values (${enrollmentId}, 0, ${now.toISOString()}::timestamptz)
    on conflict (enrollment_id) do nothing`);
  await db.execute(sql`select 1 from enrollment_progress where enrollment_id = ${enrollmentId} for update`);
}
