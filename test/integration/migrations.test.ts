import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../../src/db/schema.js';
import { expect, inject, test } from 'vitest';
import { migrationsFolder, runMigrations } from '../../src/db/migrate.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

test('the drizzle schema and the committed migrations agree (no migration left to generate)', async () => {
  // drizzle-kit writes into its output folder, so it works on a copy of the committed migrations.
  const scratch = await mkdtemp(path.join(root, '.drift-'));
  try {
    await cp(migrationsFolder, scratch, { recursive: true });
    const before = await readdir(scratch);
    const { stdout } = await run(
      path.join(root, 'node_modules/.bin/drizzle-kit'),
      ['generate', '--dialect', 'postgresql', '--schema', './src/db/schema.ts', '--out', path.relative(root, scratch)],
      // A rename in the schema makes drizzle-kit ask a question; with no input it would wait forever.
      { cwd: root, timeout: 60_000, killSignal: 'SIGKILL' },
    ).catch((error: { stdout?: string; killed?: boolean }) => {
      throw new Error(
        error.killed
          ? 'drizzle-kit waited for an answer: the schema has changes (a rename?) with no migration'
          : `drizzle-kit failed: ${error.stdout}`,
      );
    });
    const after = await readdir(scratch);
    expect(
      after.filter((f) => !before.includes(f)),
      'generate created a migration: run `npm run db:generate` and commit it',
    ).toEqual([]);
    expect(stdout).toContain('No schema changes');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});

test('replicas migrating at the same moment apply each migration exactly once', async () => {
  const { adminUrl, runId } = inject('services');
  const name = `asn_migrate_${runId}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pools = Array.from({ length: 4 }, () => {
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    // The database is force-dropped at the end; a connection still closing then reports it.
    pool.on('error', () => {});
    return pool;
  });
  try {
    await Promise.all(pools.map((p) => runMigrations(p)));
    const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const { rows } = await pools[0]!.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(rows[0]!.n).toBe(journal.entries.length);
    const tables = await pools[0]!.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    const declared = (Object.values(schema) as unknown[])
      .filter((t): t is PgTable => is(t, PgTable))
      .map((t) => getTableName(t))
      .sort();
    expect(tables.rows.map((r) => r.table_name)).toEqual(declared);
    expect(declared).toContain('jp_ledger');
    // Running again on a migrated database is a no-op.
    await runMigrations(pools[1]!);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
