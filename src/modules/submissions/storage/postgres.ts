import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type pg from 'pg';
import type { FileStorage } from './storage.js';

/** Chunk size: large enough for few rows, small enough that one upload holds little memory. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Files in PostgreSQL, as ordered rows of bytea in `stored_file_chunks`: backed up with everything
 * else, and needing no volume. Each chunk is its own short statement, so a slow upload never holds
 * a connection or a transaction open while it arrives.
 */
export function postgresStorage(pool: pg.Pool, chunkBytes = CHUNK_BYTES): FileStorage {
  const remove = async (key: string) => {
    await pool.query('delete from stored_file_chunks where file_key = $1', [key]);
  };

  return {
    backend: 'postgres',

    async write(source) {
      const key = randomUUID();
      let seq = 0;
      let size = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (all: boolean) => {
        while (pendingBytes >= chunkBytes || (all && pendingBytes > 0)) {
          const joined = Buffer.concat(pending, pendingBytes);
          const chunk = joined.subarray(0, Math.min(chunkBytes, joined.length));
          await pool.query('insert into stored_file_chunks (file_key, seq, data) values ($1, $2, $3)', [
            key,
            seq++,
            chunk,
          ]);
          const rest = joined.subarray(chunk.length);
          pending = rest.length > 0 ? [rest] : [];
          pendingBytes = rest.length;
        }
      };
      try {
        for await (const part of source) {
          size += part.length;
          pending.push(part);
          pendingBytes += part.length;
          await flush(false);
        }
        await flush(true);
        return { key, size };
      } catch (error) {
        await remove(key);
        throw error;
      }
    },

    read(key) {
      return Readable.from(
        (async function* () {
          for (let seq = 0; ; seq++) {
            const { rows } = await pool.query<{ data: Buffer }>(
              'select data from stored_file_chunks where file_key = $1 and seq = $2',
              [key, seq],
            );
            if (rows.length === 0) return;
            yield rows[0]!.data;
          }
        })(),
      );
    },

    async readRange(key, start, end) {
      // octet_length reads the length from the value's header: no chunk is fetched to find the offsets.
      const { rows } = await pool.query<{ seq: number; len: number }>(
        'select seq, octet_length(data) as len from stored_file_chunks where file_key = $1 order by seq',
        [key],
      );
      const parts: Buffer[] = [];
      let offset = 0;
      for (const { seq, len } of rows) {
        const from = Math.max(start, offset);
        const to = Math.min(end, offset + len);
        if (from < to) {
          const { rows: got } = await pool.query<{ data: Buffer }>(
            'select substring(data from $3 for $4) as data from stored_file_chunks where file_key = $1 and seq = $2',
            [key, seq, from - offset + 1, to - from],
          );
          parts.push(got[0]!.data);
        }
        offset += len;
        if (offset >= end) break;
      }
      return Buffer.concat(parts);
    },

    remove,
  };
}
