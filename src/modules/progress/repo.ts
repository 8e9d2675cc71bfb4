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
    required_jp: string;
  }> | null;
  extensions: Record<string, string> | null;
  lessons: Array<{
    lesson_id: string;
    credited_seconds: number;
    completed_at: string | null;
    completed_by: string | null;
  }> | null;
  known: string[] | null;
}

/**
 * Everything the credit rules need about some participants' enrollments, in one round trip
 * whatever their number: each enrollment (only if it is that user's), its organization's minutes
 * per JP, the credit clock, the online phases with any personal extension, the lessons' progress,
 * and which of the given client ids were seen before.
 */
export async function loadCreditStates(
  db: DbExecutor,
  requests: Array<{ enrollmentId: string; userId: string; clientIds: string[] }>,
): Promise<Map<string, EnrollmentCreditState>> {
  const wanted = requests.map((r) => ({ enrollment_id: r.enrollmentId, user_id: r.userId, client_ids: r.clientIds }));
  // Phases are gathered once per cohort, not once per enrollment: a batch is mostly one cohort.
  const result = await db.execute<StateRow & Record<string, unknown>>(sql`
    with req as (
      select * from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as req(enrollment_id uuid, user_id uuid, client_ids text[])
    ),
    own as (
      select e.*, req.client_ids from req join enrollments e on e.id = req.enrollment_id and e.user_id = req.user_id
    ),
    cohort_phases as (
      select p.cohort_id, json_agg(json_build_object('id', p.id, 'state', p.state, 'opens_at', p.opens_at, 'closes_at', p.closes_at,
                                                     'required_jp', p.required_jp) order by p.position) as phases
        from phases p
       where p.kind = 'online' and p.cohort_id in (select cohort_id from own)
       group by p.cohort_id
    )
    select e.id as enrollment_id, e.user_id, e.status, e.cohort_id, c.course_version_id,
           (o.settings->>'minutesPerJp')::int as minutes_per_jp,
           ep.version, ep.credited_until, ep.last_activity_at,
           cp.phases,
           (select json_object_agg(x.phase_id, x.closes_at) from phase_extensions x where x.enrollment_id = e.id) as extensions,
           (select json_agg(json_build_object('lesson_id', lp.lesson_id, 'credited_seconds', lp.credited_seconds,
                                              'completed_at', lp.completed_at, 'completed_by', lp.completed_by))
              from lesson_progress lp where lp.enrollment_id = e.id) as lessons,
           (select array_agg(pe.client_event_id) from progress_events pe
             where pe.enrollment_id = e.id
               and pe.client_event_id = any(e.client_ids)) as known
      from own e
      join cohorts c on c.id = e.cohort_id
      join organizations o on o.id = c.org_id
      left join cohort_phases cp on cp.cohort_id = e.cohort_id
      left join enrollment_progress ep on ep.enrollment_id = e.id`);
  const states = new Map<string, EnrollmentCreditState>();
  for (const row of result.rows) {
    states.set(row.enrollment_id, {
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
        extendedUntil: row.extensions?.[p.id] ? new Date(row.extensions[p.id]!) : null,
        requiredJp: Number(p.required_jp),
      })),
      lessons: (row.lessons ?? []).map((l) => ({
        lessonId: l.lesson_id,
        creditedSeconds: l.credited_seconds,
        completedAt: l.completed_at ? new Date(l.completed_at) : null,
        completedBy: l.completed_by,
      })),
      known: row.known ?? [],
    });
  }
  return states;
}

export async function loadCreditState(db: DbExecutor, userId: string, enrollmentId: string, clientIds: string[] = []) {
  return (await loadCreditStates(db, [{ enrollmentId, userId, clientIds }])).get(enrollmentId);
}

export interface CreditWrite {
  enrollmentId: string;
  userId: string;
  expectedVersion: number;
  result: CreditResult;
}

/**
 * Writes credited batches of any number of enrollments in one statement, so in one commit: the
 * events, the lessons' progress, the ledger credits and each credit clock. An enrollment's part
 * applies only if its clock is still at the version its batch was computed from; the answer lists
 * the enrollments that applied, and the others are computed again by the caller.
 */
export async function writeCreditedBatches(db: DbExecutor, writes: CreditWrite[], now: Date): Promise<Set<string>> {
  const nowIso = now.toISOString();
  const clocks = writes.map((w) => ({
    enrollment_id: w.enrollmentId,
    version: w.expectedVersion + 1,
    credited_until: w.result.creditedUntil?.toISOString() ?? null,
    last_activity_at: w.result.lastActivityAt?.toISOString() ?? null,
    credited_seconds: w.result.creditedSeconds,
  }));
  const events = writes.flatMap((w) =>
    w.result.stored.map((e) => ({
      enrollment_id: w.enrollmentId,
      client_event_id: e.clientEventId,
      type: e.type,
      lesson_id: e.lessonId,
      occurred_at: e.occurredAt.toISOString(),
      claimed_seconds: e.claimedSeconds,
      credited_seconds: e.creditedSeconds,
      status: e.status,
      reason: e.reason,
    })),
  );
  const lessons = writes.flatMap((w) =>
    [...w.result.lessonStates].map(([lessonId, s]) => ({
      enrollment_id: w.enrollmentId,
      lesson_id: lessonId,
      credited_seconds: s.creditedSeconds,
      completed_at: s.completedAt?.toISOString() ?? null,
      completed_by: s.completedBy,
      last_event_at: s.lastEventAt.toISOString(),
    })),
  );
  const ledger = writes.flatMap((w) =>
    w.result.ledger.map((l) => ({
      user_id: w.userId,
      enrollment_id: w.enrollmentId,
      phase_id: l.phaseId,
      module_id: l.moduleId,
      lesson_id: l.lessonId,
      jp: l.jp,
      seconds: l.seconds,
      occurred_at: l.occurredAt.toISOString(),
    })),
  );
  const written = await db.execute<{ enrollment_id: string }>(sql`
    with clock as (
      insert into enrollment_progress as ep (enrollment_id, version, credited_until, last_activity_at, credited_seconds, updated_at)
      select x.enrollment_id, x.version, x.credited_until, x.last_activity_at, x.credited_seconds, ${nowIso}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(clocks)}::jsonb) as x(enrollment_id uuid, version int,
             credited_until timestamptz, last_activity_at timestamptz, credited_seconds int)
      on conflict (enrollment_id) do update set
        version = ep.version + 1,
        credited_until = excluded.credited_until,
        last_activity_at = excluded.last_activity_at,
        credited_seconds = ep.credited_seconds + excluded.credited_seconds,
        updated_at = excluded.updated_at
      where ep.version = excluded.version - 1
      returning ep.enrollment_id
    ),
    ev as (
      insert into progress_events (enrollment_id, client_event_id, type, lesson_id, occurred_at, received_at,
                                   claimed_seconds, credited_seconds, status, reason)
      select x.enrollment_id, x.client_event_id, x.type::progress_event_type, x.lesson_id, x.occurred_at, ${nowIso}::timestamptz,
             x.claimed_seconds, x.credited_seconds, x.status::progress_event_status, x.reason
        from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(enrollment_id uuid, client_event_id text, type text,
             lesson_id uuid, occurred_at timestamptz, claimed_seconds int, credited_seconds int, status text, reason text)
       where x.enrollment_id in (select enrollment_id from clock)
      returning 1
    ),
    lp as (
      insert into lesson_progress as lp (enrollment_id, lesson_id, credited_seconds, completed_at, completed_by, last_event_at)
      select x.enrollment_id, x.lesson_id, x.credited_seconds, x.completed_at, x.completed_by, x.last_event_at
        from jsonb_to_recordset(${JSON.stringify(lessons)}::jsonb) as x(enrollment_id uuid, lesson_id uuid, credited_seconds int,
             completed_at timestamptz, completed_by text, last_event_at timestamptz)
       where x.enrollment_id in (select enrollment_id from clock)
      on conflict (enrollment_id, lesson_id) do update set
        credited_seconds = excluded.credited_seconds,
        completed_at = coalesce(lp.completed_at, excluded.completed_at),
        completed_by = coalesce(lp.completed_by, excluded.completed_by),
        last_event_at = greatest(lp.last_event_at, excluded.last_event_at)
      returning 1
    ),
    led as (
      insert into jp_ledger (user_id, enrollment_id, phase_id, module_id, lesson_id, source, jp, seconds, occurred_at, created_at)
      select x.user_id, x.enrollment_id, x.phase_id, x.module_id, x.lesson_id, 'lesson', x.jp, x.seconds, x.occurred_at, ${nowIso}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(ledger)}::jsonb) as x(user_id uuid, enrollment_id uuid, phase_id uuid,
             module_id uuid, lesson_id uuid, jp numeric, seconds int, occurred_at timestamptz)
       where x.enrollment_id in (select enrollment_id from clock)
      returning 1
    )
    select enrollment_id from clock`);
  return new Set(written.rows.map((r) => r.enrollment_id));
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
