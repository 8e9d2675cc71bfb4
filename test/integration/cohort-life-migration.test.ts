import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runMigrations } from '../../src/db/migrate.js';
import { databaseAt, expectEveryRowKept, fillEveryTable, rowCounts } from '../support/populate.js';

/**
 * The move to a cohort's life (draft → scheduled → running → completed, rounds of transitions,
 * final outcomes) on a database in use: every table holds rows, cohorts are planned with and
 * without phases, and online phases closed with remedial windows that ended long ago or still run.
 */

const BEFORE = '0011_submissions';
let pool: pg.Pool;
let close: () => Promise<void>;
let counts: Map<string, number>;

const WITH_PHASES = '30000000-0000-4000-8000-000000000001';
const NO_PHASES = '30000000-0000-4000-8000-000000000002';
const RUNNING = '30000000-0000-4000-8000-000000000003';
const OLD_PHASE = '40000000-0000-4000-8000-000000000001';
const RECENT_PHASE = '40000000-0000-4000-8000-000000000002';
const E1 = '50000000-0000-4000-8000-000000000001';
const E2 = '50000000-0000-4000-8000-000000000002';
const E3 = '50000000-0000-4000-8000-000000000003';

beforeAll(async () => {
  ({ pool, close } = await databaseAt(BEFORE));
  await fillEveryTable(pool, { submissions: { file_id: 'null' } });
  const cohort = (id: string, code: string, status: string) => `
    insert into cohorts (id, org_id, course_id, course_version_id, code, name, time_zone, status)
    select '${id}', org_id, course_id, id, '${code}', '${code}', 'Asia/Jakarta', '${status}' from (
      select c.org_id, c.id as course_id, v.id from courses c join course_versions v on v.course_id = c.id limit 1) x;`;
  await pool.query(`
    ${cohort(WITH_PHASES, 'PLANNED-PHASES', 'planned')}
    ${cohort(NO_PHASES, 'PLANNED-EMPTY', 'planned')}
    ${cohort(RUNNING, 'RUNNING', 'running')}
    insert into phases (id, cohort_id, position, kind, name, start_date, end_date, opens_at, closes_at, required_jp, remedial_days, state) values
      ('${OLD_PHASE}', '${RUNNING}', 0, 'online', 'MOOC 2024', '2024-10-23', '2024-11-08', '2024-10-22T17:00:00Z', '2024-11-08T17:00:00Z', 45, 15, 'closed'),
      ('${RECENT_PHASE}', '${RUNNING}', 1, 'online', 'MOOC baru', '2024-11-10', '2024-11-20', '2024-11-09T17:00:00Z', now() - interval '1 day', 45, 15, 'closed'),
      (gen_random_uuid(), '${WITH_PHASES}', 0, 'online', 'MOOC', '2030-01-01', '2030-01-10', '2029-12-31T17:00:00Z', '2030-01-10T17:00:00Z', 45, 15, 'pending');
    insert into enrollments (id, cohort_id, user_id) select v.id::uuid, v.cohort::uuid, (select id from users limit 1)
      from (values ('${E1}', '${RUNNING}'), ('${E2}', '${WITH_PHASES}'), ('${E3}', '${NO_PHASES}')) v(id, cohort);
    insert into phase_outcomes (enrollment_id, phase_id, earned_jp, required_jp, met, remedial_until, closed_at) values
      ('${E1}', '${OLD_PHASE}', 45, 45, true, null, '2024-11-08T17:00:00Z'),
      ('${E2}', '${OLD_PHASE}', 20, 45, false, '2024-11-23T17:00:00Z', '2024-11-08T17:00:00Z'),
      ('${E3}', '${OLD_PHASE}', 10, 45, false, '2024-11-23T17:00:00Z', '2024-11-08T17:00:00Z'),
      ('${E1}', '${RECENT_PHASE}', 10, 45, false, now() + interval '14 days', now() - interval '1 day');
    insert into jp_ledger (user_id, enrollment_id, phase_id, source, jp, occurred_at, local_date, created_at)
      select (select id from users limit 1), v.e::uuid, '${OLD_PHASE}', 'lesson', v.jp, '2024-11-15T03:00:00Z', '2024-11-15', now()
        from (values ('${E2}', 45), ('${E3}', 10)) v(e, jp);`);
  counts = await rowCounts(pool);
  await runMigrations(pool);
});

afterAll(() => close?.());

test('every table had rows, and every row is still there', () => expectEveryRowKept(pool, counts));

test('a planned cohort with phases keeps its clock armed (scheduled); one without phases is a draft', async () => {
  const { rows } = await pool.query<{ id: string; status: string; past_program: boolean }>(
    'select id, status, past_program from cohorts where id = any($1) order by id',
    [[WITH_PHASES, NO_PHASES, RUNNING]],
  );
  expect(rows).toEqual([
    { id: WITH_PHASES, status: 'scheduled', past_program: false },
    { id: NO_PHASES, status: 'draft', past_program: false },
    { id: RUNNING, status: 'running', past_program: false },
  ]);
  const { rows: left } = await pool.query("select 1 from cohorts where status::text = 'planned'");
  expect(left).toEqual([]);
  const { rows: defaults } = await pool.query<{ d: string }>(
    "select column_default as d from information_schema.columns where table_name = 'cohorts' and column_name = 'status'",
  );
  expect(defaults[0]!.d).toContain('draft');
});

test('outcomes met at closing are final; windows that ended are settled quietly; a running window is left to the clock', async () => {
  const { rows } = await pool.query<{
    enrollment_id: string;
    phase_id: string;
    final: string | null;
    final_jp: string;
  }>(
    'select enrollment_id, phase_id, final, final_jp from phase_outcomes where phase_id = any($1) order by phase_id, enrollment_id',
    [[OLD_PHASE, RECENT_PHASE]],
  );
  expect(
    rows.map((r) => [r.enrollment_id, r.phase_id, r.final, r.final_jp === null ? null : Number(r.final_jp)]),
  ).toEqual([
    [E1, OLD_PHASE, 'met', 45],
    [E2, OLD_PHASE, 'met_in_remedial', 45],
    [E3, OLD_PHASE, 'short', 10],
    [E1, RECENT_PHASE, null, null],
  ]);
  const { rows: phases } = await pool.query<{ id: string; final: boolean; round: number }>(
    'select id, outcomes_final_at is not null as final, round from phases where id = any($1) order by id',
    [[OLD_PHASE, RECENT_PHASE]],
  );
  expect(phases).toEqual([
    { id: OLD_PHASE, final: true, round: 1 },
    { id: RECENT_PHASE, final: false, round: 1 },
  ]);
  // No event was made up for programs long over.
  const { rows: events } = await pool.query("select 1 from outbox where type like 'enrollment.remedial_%'");
  expect(events).toEqual([]);
});
