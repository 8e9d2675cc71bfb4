import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meter } from '../../src/modules/submissions/file-kind.js';
import { filesystemStorage } from '../../src/modules/submissions/storage/filesystem.js';
import { CHUNK_BYTES, postgresStorage } from '../../src/modules/submissions/storage/postgres.js';
import type { FileStorage } from '../../src/modules/submissions/storage/storage.js';
import { createTestDatabase } from '../support/context.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let dir: string;
const backends: Record<string, () => FileStorage> = {
  postgres: () => postgresStorage(pool),
  filesystem: () => filesystemStorage(dir),
};

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  dir = await mkdtemp(path.join(tmpdir(), 'asn-files-'));
});
afterAll(async () => {
  await pool.end();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Yields the bytes in uneven pieces, as a network upload arrives. */
async function* pieces(bytes: Buffer) {
  let at = 0;
  for (let n = 1; at < bytes.length; n++) {
    const size = (n * 37_813) % 90_000 || 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** Never ends: only a writer that stops at the limit, holding nothing whole, returns from it. */
async function* endless() {
  const megabyte = Buffer.alloc(1024 * 1024, 7);
  for (;;) yield megabyte;
}

async function leftovers(): Promise<number> {
  const rows = await pool.query<{ n: number }>('select count(*)::int as n from stored_file_chunks');
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  return rows.rows[0]!.n + files.filter((f) => f.isFile()).length;
}

describe.each(Object.keys(backends))('the %s backend, through the storage interface', (name) => {
  test('streams a file in, reads it back whole and by ranges across chunk boundaries, removes it', async () => {
    const storage = backends[name]!();
    const bytes = randomBytes(CHUNK_BYTES * 2 + 12_345);
    const { key, size } = await storage.write(pieces(bytes));
    expect(size).toBe(bytes.length);
    expect(storage.backend).toBe(name);
    expect((await buffer(storage.read(key))).equals(bytes)).toBe(true);
    for (const [start, end] of [
      [0, 10],
      [CHUNK_BYTES - 5, CHUNK_BYTES + 5],
      [CHUNK_BYTES * 2 - 1, bytes.length],
      [bytes.length - 22, bytes.length + 100],
    ] as const) {
      expect((await storage.readRange(key, start, end)).equals(bytes.subarray(start, end))).toBe(true);
    }
    await storage.remove(key);
    expect(await leftovers()).toBe(0);
  });

  test('an upload past the limit is refused as it arrives, and nothing of it is kept', async () => {
    const storage = backends[name]!();
    const limited = meter(endless(), 3 * 1024 * 1024);
    await expect(storage.write(limited.chunks)).rejects.toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await leftovers()).toBe(0);
  });

  test('two files stay apart', async () => {
    const storage = backends[name]!();
    const a = await storage.write(pieces(Buffer.from('jurnal A')));
    const b = await storage.write(pieces(Buffer.from('jurnal B')));
    expect(a.key).not.toBe(b.key);
    expect((await buffer(storage.read(a.key))).toString()).toBe('jurnal A');
    expect((await buffer(storage.read(b.key))).toString()).toBe('jurnal B');
    await storage.remove(a.key);
    await storage.remove(b.key);
    expect(await leftovers()).toBe(0);
  });
});
