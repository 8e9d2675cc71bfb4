import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { migrationsFolder } from '../../src/db/migrate.js';

/** Applies the committed migrations up to and including `tag`, as an older release left the database. */
export async function migrateUpTo(target: pg.Pool, tag: string): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'asn-migrations-'));
  try {
    await cp(migrationsFolder, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    const last = journal.entries.findIndex((e) => e.tag === tag);
    if (last < 0) throw new Error(`no migration ${tag}`);
    journal.entries = journal.entries.slice(0, last + 1);
    await writeFile(journalPath, JSON.stringify(journal));
    const client = await target.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      client.release();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Puts one row into every empty table of the public schema, in foreign-key order, with a value of
 * the right type in every column that has no default: so a migration that moves data is tested on
 * a database where no table is empty. Rows a test cares about are inserted by the test itself.
 */
// Values the schema's own checks need on every database: a class session ends after it starts.
const CHECKED_VALUES: Record<string, Record<string, string>> = {
  class_sessions: { ends_at: `'2024-11-01T02:00:00Z'` },
};

export async function fillEveryTable(
  client: Pick<pg.ClientBase, 'query'>,
  /** Column values (SQL) where the generic one does not fit this test's point in the migrations. */
  given: Record<string, Record<string, string>> = {},
): Promise<string[]> {
  const overrides: Record<string, Record<string, string>> = { ...CHECKED_VALUES };
  for (const [table, values] of Object.entries(given)) overrides[table] = { ...overrides[table], ...values };
  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: 'YES' | 'NO';
    column_default: string | null;
    character_maximum_length: number | null;
  }>(`select table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
        from information_schema.columns where table_schema = 'public' and is_generated = 'NEVER' and is_identity = 'NO'
       order by table_name, ordinal_position`);
  const { rows: fks } = await client.query<{ table_name: string; column_name: string; referenced: string }>(
    `select kcu.table_name, kcu.column_name, ccu.table_name as referenced
       from information_schema.table_constraints tc
       join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
       join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
  );
  const { rows: enums } = await client.query<{ typname: string; label: string }>(
    `select t.typname, (array_agg(e.enumlabel order by e.enumsortorder))[1] as label
       from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`,
  );
  const firstLabel = new Map(enums.map((e) => [e.typname, e.label]));
  const tables = [...new Set(columns.map((c) => c.table_name))];
  const referencesOf = (table: string) =>
    fks.filter((f) => f.table_name === table && f.referenced !== table).map((f) => f.referenced);

  const filled: string[] = [];
  const done = new Set<string>();
  const visit = async (table: string) => {
    if (done.has(table)) return;
    done.add(table);
    for (const referenced of referencesOf(table)) await visit(referenced);
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
    if (rows[0]!.n > 0) return;
    const names: string[] = [];
    const values: string[] = [];
    for (const c of columns.filter((x) => x.table_name === table)) {
      const override = overrides[table]?.[c.column_name];
      if (override !== undefined) {
        names.push(c.column_name);
        values.push(override);
        continue;
      }
      const fk = fks.find((f) => f.table_name === table && f.column_name === c.column_name);
      if (fk) {
        if (fk.referenced === table) continue;
        const pk = await referencedKey(client, fk.referenced);
        names.push(c.column_name);
        values.push(`(select "${pk}" from "${fk.referenced}" limit 1)`);
        continue;
      }
      if (c.column_default !== null) continue;
      names.push(c.column_name);
      values.push(valueFor(c.data_type, c.udt_name, c.character_maximum_length, firstLabel));
    }
    await client.query(
      `insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) values (${values.join(', ')})`,
    );
    filled.push(table);
  };
  for (const table of tables) await visit(table);
  return filled;
}

async function referencedKey(client: Pick<pg.ClientBase, 'query'>, table: string): Promise<string> {
  const { rows } = await client.query<{ column_name: string }>(
    `select kcu.column_name from information_schema.table_constraints tc
       join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
      where tc.table_name = $1 and tc.constraint_type = 'PRIMARY KEY' order by kcu.ordinal_position limit 1`,
    [table],
  );
  return rows[0]?.column_name ?? 'id';
}

function valueFor(type: string, udt: string, maxLength: number | null, enums: Map<string, string>): string {
  switch (type) {
    case 'uuid':
      return 'gen_random_uuid()';
    case 'text':
      return `'filler'`;
    case 'character varying':
      return `'${'f'.repeat(Math.min(maxLength ?? 6, 6))}'`;
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'numeric':
      return '1';
    case 'boolean':
      return 'false';
    case 'timestamp with time zone':
      return `'2024-11-01T00:00:00Z'`;
    case 'date':
      return `'2024-11-01'`;
    case 'jsonb':
      return `'{}'`;
    case 'bytea':
      return `'\\x00'`;
    case 'ARRAY':
      return `'{}'`;
    case 'USER-DEFINED': {
      const label = enums.get(udt);
      if (!label) throw new Error(`no value for type ${udt}`);
      return `'${label}'::"${udt}"`;
    }
    default:
      throw new Error(`no value for type ${type}`);
  }
}

/** A database of its own, migrated up to and including `tag`; `close` drops it. */
export async function databaseAt(tag: string): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  const { adminUrl, runId } = inject('services');
  const name = `asn_data_migration_${runId}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // The database is force-dropped at the end; a connection still closing then reports it.
  pool.on('error', () => {});
  await migrateUpTo(pool, tag);
  return {
    pool,
    async close() {
      await pool.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Rows per table of the public schema. */
export async function rowCounts(pool: pg.Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public'",
  );
  const counts = new Map<string, number>();
  for (const { table_name } of rows) {
    const { rows: n } = await pool.query<{ n: number }>(`select count(*)::int as n from "${table_name}"`);
    counts.set(table_name, n[0]!.n);
  }
  return counts;
}

/**
 * The migration kept every row: every table held some before it ran (so the test moved data, not
 * an empty schema), and holds as many after.
 */
export async function expectEveryRowKept(pool: pg.Pool, before: Map<string, number>): Promise<void> {
  expect(before.size).toBeGreaterThan(30);
  for (const [table, n] of before) expect(n, table).toBeGreaterThan(0);
  const after = await rowCounts(pool);
  for (const [table, n] of before) expect(after.get(table), table).toBe(n);
}
