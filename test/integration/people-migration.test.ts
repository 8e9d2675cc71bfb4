import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runMigrations } from '../../src/db/migrate.js';
import { databaseAt, expectEveryRowKept, fillEveryTable, rowCounts } from '../support/populate.js';

/**
 * The move to persons and memberships (migrations 0008–0010: people, then dated credit) on a database in use: every
 * table holds rows, accounts of each role, enrollments, ledger entries with and without an
 * enrollment, and live refresh tokens. Nothing may be lost, and everyone must keep their access.
 */

const BEFORE = '0007_classroom_assessment_certificates';
let pool: pg.Pool;
let close: () => Promise<void>;
let counts: Map<string, number>;

const ORG_A = '0a000000-0000-4000-8000-00000000000a';
const ORG_B = '0b000000-0000-4000-8000-00000000000b';
const ROOT = '10000000-0000-4000-8000-000000000001';
const ADMIN_A = '10000000-0000-4000-8000-000000000002';
const PPPK = '10000000-0000-4000-8000-000000000003';
const PNS_B = '10000000-0000-4000-8000-000000000004';
const ENROLLMENT = '20000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  ({ pool, close } = await databaseAt(BEFORE));

  // The database as the previous release left it: one organization per account, a role each.
  await pool.query(`
    insert into organizations (id, code, name, time_zone, settings) values
      ('${ORG_A}', 'KOTA-JAMBI', 'Pemerintah Kota Jambi', 'Asia/Jakarta', '{"minutesPerJp": 45, "annualJpTarget": 20}'),
      ('${ORG_B}', 'KOTA-BALIKPAPAN', 'Pemerintah Kota Balikpapan', 'Asia/Makassar', '{"minutesPerJp": 60, "annualJpTarget": 24}');
    insert into users (id, org_id, role, status, nip, email, name, rank, position, unit, category, password_hash) values
      ('${ROOT}', null, 'platform_admin', 'active', null, 'root@example.org', 'Root', null, null, null, null, 'x'),
      ('${ADMIN_A}', '${ORG_A}', 'org_admin', 'active', '198507142010011003', 'admin@jambi.example', 'Admin Jambi', null, null, null, null, 'x'),
      ('${PPPK}', '${ORG_A}', 'participant', 'active', '200012312024211001', null, 'Siti Rahma', 'IX', 'Guru Ahli Pertama', 'SDN 47 Kota Jambi', 'guru', 'x'),
      ('${PNS_B}', '${ORG_B}', 'participant', 'pending', '199003152019031002', null, 'Budi Santoso', 'III/a', 'Analis', 'Bappeda', 'tenaga teknis', null);
    insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
      values ('${PPPK}', gen_random_uuid(), 'hash-of-a-live-token', now() + interval '30 days');`);
  await fillEveryTable(pool, { cohorts: { time_zone: `'Asia/Jayapura'` } });
  await pool.query(`
    insert into enrollments (id, cohort_id, user_id) values ('${ENROLLMENT}', (select id from cohorts limit 1), '${PPPK}');
    insert into jp_ledger (user_id, enrollment_id, phase_id, source, jp, occurred_at, created_at) values
      ('${PPPK}', '${ENROLLMENT}', (select id from phases limit 1), 'lesson', 3, '2024-12-31T15:30:00Z', now()),
      ('${PPPK}', null, null, 'external', 10, '2024-12-30T17:00:00Z', now());
    insert into enrollment_progress (enrollment_id, version, updated_at) values ('${ENROLLMENT}', 1, now());`);
  counts = await rowCounts(pool);
  await runMigrations(pool);
});

afterAll(() => close?.());

test('every table had rows, and every row is still there', () => expectEveryRowKept(pool, counts));

test('each account becomes a person with its organization as home and one membership in its role', async () => {
  const { rows: people } = await pool.query(
    `select id, home_org_id, platform_admin, nip_kind, status from users where id = any($1) order by id`,
    [[ROOT, ADMIN_A, PPPK, PNS_B]],
  );
  expect(people).toEqual([
    { id: ROOT, home_org_id: null, platform_admin: true, nip_kind: null, status: 'active' },
    { id: ADMIN_A, home_org_id: ORG_A, platform_admin: false, nip_kind: 'pns', status: 'active' },
    { id: PPPK, home_org_id: ORG_A, platform_admin: false, nip_kind: 'pppk', status: 'active' },
    { id: PNS_B, home_org_id: ORG_B, platform_admin: false, nip_kind: 'pns', status: 'pending' },
  ]);
  const { rows: memberships } = await pool.query(
    `select user_id, org_id, role from memberships where user_id = any($1) order by user_id`,
    [[ROOT, ADMIN_A, PPPK, PNS_B]],
  );
  expect(memberships).toEqual([
    { user_id: ADMIN_A, org_id: ORG_A, role: 'org_admin' },
    { user_id: PPPK, org_id: ORG_A, role: 'participant' },
    { user_id: PNS_B, org_id: ORG_B, role: 'participant' },
  ]);
  // Every account of an organization had a membership made, the filler's included.
  const { rows: orphans } = await pool.query(
    `select u.id from users u where not u.platform_admin and not exists (select 1 from memberships m where m.user_id = u.id)`,
  );
  expect(orphans).toEqual([]);
});

test('enrollments keep the profile of their training; ledger, tokens and settings carry their organization', async () => {
  const { rows: enrollment } = await pool.query('select profile from enrollments where id = $1', [ENROLLMENT]);
  expect(enrollment[0].profile).toEqual({
    rank: 'IX',
    position: 'Guru Ahli Pertama',
    unit: 'SDN 47 Kota Jambi',
    category: 'guru',
    instansi: 'Pemerintah Kota Jambi',
  });
  // Each entry dated where the learning happened: the cohort is in Jayapura (WIT), so 15:30 UTC on
  // 31 December is already 1 January; the external training, outside any cohort, in the home zone.
  const { rows: ledger } = await pool.query(
    `select source, org_id, jp::float, local_date::text from jp_ledger where user_id = $1 order by source::text`,
    [PPPK],
  );
  expect(ledger).toEqual([
    { source: 'external', org_id: ORG_A, jp: 10, local_date: '2024-12-31' },
    { source: 'lesson', org_id: null, jp: 3, local_date: '2025-01-01' },
  ]);
  const { rows: progress } = await pool.query('select phase_jp from enrollment_progress where enrollment_id = $1', [
    ENROLLMENT,
  ]);
  expect(Object.values(progress[0].phase_jp)).toEqual([3]);
  const { rows: activated } = await pool.query(
    'select id, activated_at is not null as activated from users where id = any($1) order by id',
    [[ADMIN_A, PNS_B]],
  );
  expect(activated).toEqual([
    { id: ADMIN_A, activated: true },
    { id: PNS_B, activated: false },
  ]);
  const { rows: tokens } = await pool.query('select org_id from refresh_tokens where user_id = $1', [PPPK]);
  expect(tokens).toEqual([{ org_id: ORG_A }]);
  const { rows: orgs } = await pool.query('select id, settings from organizations where id = any($1) order by code', [
    [ORG_A, ORG_B],
  ]);
  expect(orgs.map((o: { settings: unknown }) => o.settings)).toEqual([
    { minutesPerJp: 60, annualJpTarget: 24, annualJpTargetPppk: 24, allowNonAsnParticipants: false },
    { minutesPerJp: 45, annualJpTarget: 20, annualJpTargetPppk: 24, allowNonAsnParticipants: false },
  ]);
});
