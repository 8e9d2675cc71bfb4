import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runMigrations } from '../../src/db/migrate.js';
import { databaseAt, expectEveryRowKept, fillEveryTable, rowCounts } from '../support/populate.js';

/**
 * Phases keep their opening and closing instants on their own row: on a database in use, the
 * instants are filled from the transitions recorded before, by the rule crediting used to apply to
 * them on every round (the first opening, the latest closing; scheduled instant for the clock, the
 * moment made for a hand).
 */

const BEFORE = '0016_drop_account_lock';
let pool: pg.Pool;
let close: () => Promise<void>;
let counts: Map<string, number>;

const CLOCK = '41000000-0000-4000-8000-000000000001';
const BY_HAND = '41000000-0000-4000-8000-000000000002';
const REOPENED = '41000000-0000-4000-8000-000000000003';
const PENDING = '41000000-0000-4000-8000-000000000004';

beforeAll(async () => {
  ({ pool, close } = await databaseAt(BEFORE));
  await fillEveryTable(pool, { submissions: { file_id: 'null' } });
  const phase = (id: string, position: number, state: string) =>
    `('${id}', (select id from cohorts limit 1), ${10 + position}, 'online', 'MOOC ${position}', '2024-10-23', '2024-11-08',
      '2024-10-22T17:00:00Z', '2024-11-08T17:00:00Z', 45, 15, '${state}')`;
  const transition = (id: string, kind: string, trigger: string, round: number, scheduled: string, applied: string) =>
    `('${id}', (select id from cohorts limit 1), '${kind}', '${trigger}', 1, ${round}, ${scheduled}, '${applied}')`;
  await pool.query(`
    insert into phases (id, cohort_id, position, kind, name, start_date, end_date, opens_at, closes_at, required_jp,
                        remedial_days, state)
    values ${phase(CLOCK, 0, 'closed')}, ${phase(BY_HAND, 1, 'open')}, ${phase(REOPENED, 2, 'closed')}, ${phase(PENDING, 3, 'pending')};
    insert into phase_transitions (phase_id, cohort_id, kind, trigger, schedule_version, round, scheduled_at, applied_at)
    values
      -- caught up by the clock a day late: it took effect at its scheduled instant
      ${transition(CLOCK, 'open', 'catch-up', 1, `'2024-10-22T17:00:00Z'`, '2024-10-23T17:00:00Z')},
      ${transition(CLOCK, 'close', 'schedule', 1, `'2024-11-08T17:00:00Z'`, '2024-11-08T17:00:01Z')},
      -- opened by hand two days early
      ${transition(BY_HAND, 'open', 'manual', 1, 'null', '2024-10-20T03:00:00Z')},
      -- closed, reopened, closed again by hand: the latest closing counts
      ${transition(REOPENED, 'open', 'schedule', 1, `'2024-10-22T17:00:00Z'`, '2024-10-22T17:00:00Z')},
      ${transition(REOPENED, 'close', 'schedule', 1, `'2024-11-08T17:00:00Z'`, '2024-11-08T17:00:00Z')},
      ${transition(REOPENED, 'close', 'manual', 2, 'null', '2024-11-20T09:30:00Z')};`);
  counts = await rowCounts(pool);
  await runMigrations(pool);
});

afterAll(() => close?.());

test('every table had rows, and every row is still there', () => expectEveryRowKept(pool, counts));

test('each phase carries the instants its transitions took effect', async () => {
  const { rows } = await pool.query<{ id: string; opened_at: Date | null; closed_at: Date | null }>(
    'select id, opened_at, closed_at from phases where id = any($1) order by id',
    [[CLOCK, BY_HAND, REOPENED, PENDING]],
  );
  expect(rows.map((r) => [r.id, r.opened_at?.toISOString() ?? null, r.closed_at?.toISOString() ?? null])).toEqual([
    [CLOCK, '2024-10-22T17:00:00.000Z', '2024-11-08T17:00:00.000Z'],
    [BY_HAND, '2024-10-20T03:00:00.000Z', null],
    [REOPENED, '2024-10-22T17:00:00.000Z', '2024-11-20T09:30:00.000Z'],
    [PENDING, null, null],
  ]);
});
