import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DbExecutor } from '../../db/index.js';
import type { CreditResult } from './credit.js';

export interface EnrollmentCreditState {
  enrollmentId: string;
  userId: string;
  status: 'active' | 'remedial' | 'passed' | 'failed' | 'withdrawn';
  cohortId: string;
  courseVersionId: string;
  minutesPerJp: number;
  timeZone: string;
  /** The enrollment's creation or the account's activation, whichever is later. */
  notBefore: Date;
  version: number;
  creditedUntil: Date | null;
  lastActivityAt: Date | null;
  phaseJp: Map<string, number>;
  daySeconds: Map<string, number>;
  phases: Array<{
    id: string;
    state: 'pending' | 'open' | 'closed';
    opensAt: Date;
    closesAt: Date;
    /** When it opened, by the clock or by hand (the earlier of that and its date). */
    openedAt: Date;
    closedAt: Date | null;
    extendedUntil: Date | null;
    remedialUntil: Date | null;
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
  time_zone: string;
  not_before: Date;
  version: number | null;
  credited_until: Date | null;
  last_activity_at: Date | null;
  phase_jp: Record<string, number> | null;
  day_seconds: Record<string, number> | null;
  phases: Array<{
    id: string;
    state: 'pending' | 'open' | 'closed';
    opens_at: string;
    closes_at: string;
    opened_at: string | null;
    closed_at: string | null;
    required_jp: string;
  }> | null;
  extensions: Record<string, string> | null;
  remedial: Record<string, string> | null;
  lessons: Array<{
    lesson_id: string;
    credited_seconds: number;
    completed_at: string | null;
    completed_by: string | null;
  }> | null;
  known: string[] | null;
}

/** What runs the credit statements: the pool, or a client holding a transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

// Each enrollment is looked up on its own (the OFFSET 0 keeps the planner from turning the lookups
// into one join): by a join, a large batch or a plan cached while the tables were small would read
// whole tables instead of probing their keys.
const CREDIT_STATES = `
  select e.id as enrollment_id, e.user_id, e.status, e.cohort_id, e.course_version_id, e.minutes_per_jp,
         e.time_zone, e.not_before, ep.version, ep.credited_until, ep.last_activity_at, ep.phase_jp, ep.day_seconds,
         (select json_agg(json_build_object('id', p.id, 'state', p.state, 'opens_at', p.opens_at, 'closes_at', p.closes_at,
                                            'required_jp', p.required_jp,
                                            'opened_at', p.opened_at, 'closed_at', p.closed_at)
                          order by p.position)
            from phases p where p.cohort_id = e.cohort_id and p.kind = 'online') as phases,
         (select json_object_agg(x.phase_id, x.closes_at) from phase_extensions x where x.enrollment_id = e.id) as extensions,
         (select json_object_agg(o.phase_id, o.remedial_until) from phase_outcomes o
           where o.enrollment_id = e.id and not o.met and o.remedial_until is not null) as remedial,
         (select json_agg(json_build_object('lesson_id', lp.lesson_id, 'credited_seconds', lp.credited_seconds,
                                            'completed_at', lp.completed_at, 'completed_by', lp.completed_by))
            from lesson_progress lp where lp.enrollment_id = e.id) as lessons,
         (select array_agg(pe.client_event_id::text) from progress_events pe
           where pe.enrollment_id = e.id
             and pe.client_event_id = any(array(select jsonb_array_elements_text(req.client_ids)))) as known
    from unnest($1::uuid[], $2::uuid[], $3::jsonb[]) as req(enrollment_id, user_id, client_ids)
    cross join lateral (
      select e.id, e.user_id, e.status, e.cohort_id, c.course_version_id, (o.settings->>'minutesPerJp')::int as minutes_per_jp,
             c.time_zone, greatest(e.enrolled_at, u.activated_at) as not_before
        from enrollments e
        join cohorts c on c.id = e.cohort_id
        join organizations o on o.id = c.org_id
        join users u on u.id = e.user_id
       where e.id = req.enrollment_id and e.user_id = req.user_id
      offset 0
    ) e
    left join lateral (
      select ep.version, ep.credited_until, ep.last_activity_at, ep.phase_jp, ep.day_seconds
        from enrollment_progress ep where ep.enrollment_id = e.id offset 0
    ) ep on true`;

/**
 * Everything the credit rules need about some participants' enrollments, in one round trip
 * whatever their number: each enrollment (only if it is that user's), its organization's minutes
 * per JP, the credit clock, the online phases with any personal extension, the lessons' progress,
 * and which of the given client ids were seen before. Every lookup goes through an index, so the
 * cost follows the number asked for, not the number of enrollments.
 */
export async function loadCreditStates(
  db: Queryable,
  requests: Array<{ enrollmentId: string; userId: string; clientIds: string[] }>,
): Promise<Map<string, EnrollmentCreditState>> {
  const result = await db.query<StateRow>({
    name: 'progress.credit-states',
    text: CREDIT_STATES,
    values: [
      requests.map((r) => r.enrollmentId),
      requests.map((r) => r.userId),
      // Each enrollment's client ids as one JSON array: ids are any text, and the counts differ.
      requests.map((r) => JSON.stringify(r.clientIds)),
    ],
  });
  const states = new Map<string, EnrollmentCreditState>();
  for (const row of result.rows) {
    states.set(row.enrollment_id, {
      enrollmentId: row.enrollment_id,
      userId: row.user_id,
      status: row.status,
      cohortId: row.cohort_id,
      courseVersionId: row.course_version_id,
      minutesPerJp: row.minutes_per_jp,
      timeZone: row.time_zone,
      notBefore: new Date(row.not_before),
      version: row.version ?? 0,
      creditedUntil: row.credited_until ? new Date(row.credited_until) : null,
      lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at) : null,
      phaseJp: new Map(Object.entries(row.phase_jp ?? {})),
      daySeconds: new Map(Object.entries(row.day_seconds ?? {})),
      phases: (row.phases ?? []).map((p) => {
        const opensAt = new Date(p.opens_at);
        const openedAt = p.opened_at ? new Date(p.opened_at) : opensAt;
        return {
          id: p.id,
          state: p.state,
          opensAt,
          closesAt: new Date(p.closes_at),
          openedAt: openedAt < opensAt ? openedAt : opensAt,
          closedAt: p.closed_at ? new Date(p.closed_at) : null,
          extendedUntil: row.extensions?.[p.id] ? new Date(row.extensions[p.id]!) : null,
          remedialUntil: row.remedial?.[p.id] ? new Date(row.remedial[p.id]!) : null,
          requiredJp: Number(p.required_jp),
        };
      }),
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

export async function loadCreditState(db: Queryable, userId: string, enrollmentId: string, clientIds: string[] = []) {
  return (await loadCreditStates(db, [{ enrollmentId, userId, clientIds }])).get(enrollmentId);
}

export interface CreditWrite {
  enrollmentId: string;
  userId: string;
  expectedVersion: number;
  result: CreditResult;
}

// Named, like the read: each connection plans it once. Its plan has no table scans, only inserts
// through the unique keys.
const CREDIT_WRITE = `
  with clock as (
    insert into enrollment_progress as ep (enrollment_id, version, credited_until, last_activity_at, credited_seconds,
                                           phase_jp, day_seconds, updated_at)
    select x.enrollment_id, x.version, x.credited_until, x.last_activity_at, x.credited_seconds, x.phase_jp, x.day_seconds,
           $1::timestamptz
      from unnest($2::uuid[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::int[], $30::jsonb[], $31::jsonb[])
           as x(enrollment_id, version, credited_until, last_activity_at, credited_seconds, phase_jp, day_seconds)
    on conflict (enrollment_id) do update set
      version = ep.version + 1,
      credited_until = excluded.credited_until,
      last_activity_at = excluded.last_activity_at,
      credited_seconds = ep.credited_seconds + excluded.credited_seconds,
      phase_jp = excluded.phase_jp,
      day_seconds = excluded.day_seconds,
      updated_at = excluded.updated_at
    where ep.version = excluded.version - 1
    returning ep.enrollment_id
  ),
  ev as (
    insert into progress_events (enrollment_id, client_event_id, type, lesson_id, occurred_at, received_at,
                                 claimed_seconds, credited_seconds, status, reason)
    select x.enrollment_id, x.client_event_id, x.type::progress_event_type, x.lesson_id, x.occurred_at, $1::timestamptz,
           x.claimed_seconds, x.credited_seconds, x.status::progress_event_status, x.reason
      from unnest($7::uuid[], $8::text[], $9::text[], $10::uuid[], $11::timestamptz[], $12::int[], $13::int[], $14::text[], $15::text[])
           as x(enrollment_id, client_event_id, type, lesson_id, occurred_at, claimed_seconds, credited_seconds, status, reason)
     where x.enrollment_id in (select enrollment_id from clock)
    returning 1
  ),
  lp as (
    insert into lesson_progress as lp (enrollment_id, lesson_id, credited_seconds, completed_at, completed_by, last_event_at)
    select x.enrollment_id, x.lesson_id, x.credited_seconds, x.completed_at, x.completed_by, x.last_event_at
      from unnest($16::uuid[], $17::uuid[], $18::int[], $19::timestamptz[], $20::text[], $21::timestamptz[])
           as x(enrollment_id, lesson_id, credited_seconds, completed_at, completed_by, last_event_at)
     where x.enrollment_id in (select enrollment_id from clock)
    on conflict (enrollment_id, lesson_id) do update set
      credited_seconds = excluded.credited_seconds,
      completed_at = coalesce(lp.completed_at, excluded.completed_at),
      completed_by = coalesce(lp.completed_by, excluded.completed_by),
      last_event_at = greatest(lp.last_event_at, excluded.last_event_at)
    returning 1
  ),
  led as (
    insert into jp_ledger (user_id, enrollment_id, phase_id, module_id, lesson_id, source, jp, seconds, occurred_at,
                           local_date, created_at)
    select x.user_id, x.enrollment_id, x.phase_id, x.module_id, x.lesson_id, 'lesson', x.jp, x.seconds, x.occurred_at,
           x.local_date, $1::timestamptz
      from unnest($22::uuid[], $23::uuid[], $24::uuid[], $25::uuid[], $26::uuid[], $27::numeric[], $28::int[],
                  $29::timestamptz[], $32::date[])
           as x(user_id, enrollment_id, phase_id, module_id, lesson_id, jp, seconds, occurred_at, local_date)
     where x.enrollment_id in (select enrollment_id from clock)
    returning 1
  )
  select enrollment_id from clock`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Writes credited batches of any number of enrollments in one statement, so in one commit: the
 * events, the lessons' progress, the ledger credits and each credit clock, each table's rows as
 * one set. An enrollment's part applies only if its clock is still at the version its batch was
 * computed from; the answer lists the enrollments that applied, and the others are computed again
 * by the caller.
 */
export async function writeCreditedBatches(db: Queryable, writes: CreditWrite[], now: Date): Promise<Set<string>> {
  const events = writes.flatMap((w) => w.result.stored.map((e) => ({ enrollmentId: w.enrollmentId, e })));
  const lessons = writes.flatMap((w) =>
    [...w.result.lessonStates].map(([lessonId, l]) => ({ enrollmentId: w.enrollmentId, lessonId, l })),
  );
  const ledger = writes.flatMap((w) => w.result.ledger.map((l) => ({ w, l })));
  const written = await db.query<{ enrollment_id: string }>({
    name: 'progress.credit-write',
    text: CREDIT_WRITE,
    values: [
      now.toISOString(),
      writes.map((w) => w.enrollmentId),
      writes.map((w) => w.expectedVersion + 1),
      writes.map((w) => iso(w.result.creditedUntil)),
      writes.map((w) => iso(w.result.lastActivityAt)),
      writes.map((w) => w.result.creditedSeconds),
      events.map((x) => x.enrollmentId),
      events.map((x) => x.e.clientEventId),
      events.map((x) => x.e.type),
      events.map((x) => x.e.lessonId),
      events.map((x) => x.e.occurredAt.toISOString()),
      events.map((x) => x.e.claimedSeconds),
      events.map((x) => x.e.creditedSeconds),
      events.map((x) => x.e.status),
      events.map((x) => x.e.reason),
      lessons.map((x) => x.enrollmentId),
      lessons.map((x) => x.lessonId),
      lessons.map((x) => x.l.creditedSeconds),
      lessons.map((x) => iso(x.l.completedAt)),
      lessons.map((x) => x.l.completedBy),
      lessons.map((x) => x.l.lastEventAt.toISOString()),
      ledger.map((x) => x.w.userId),
      ledger.map((x) => x.w.enrollmentId),
      ledger.map((x) => x.l.phaseId),
      ledger.map((x) => x.l.moduleId),
      ledger.map((x) => x.l.lessonId),
      ledger.map((x) => x.l.jp),
      ledger.map((x) => x.l.seconds),
      ledger.map((x) => x.l.occurredAt.toISOString()),
      writes.map((w) => JSON.stringify(Object.fromEntries(w.result.phaseJp))),
      writes.map((w) => JSON.stringify(Object.fromEntries(w.result.daySeconds))),
      ledger.map((x) => x.l.localDate),
    ],
  });
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

/** Runs `work` in a transaction on one client of the pool: committed if it resolves, rolled back if not. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Takes the enrollment's credit clock row lock (creating the row if needed) until the transaction ends. */
export async function lockCreditClock(db: Queryable, enrollmentId: string, now: Date): Promise<void> {
  await db.query({
    text: `insert into enrollment_progress (enrollment_id, version, updated_at) values ($1, 0, $2)
           on conflict (enrollment_id) do nothing`,
    values: [enrollmentId, now.toISOString()],
  });
  await db.query({
    text: 'select 1 from enrollment_progress where enrollment_id = $1 for update',
    values: [enrollmentId],
  });
}
