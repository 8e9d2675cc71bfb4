import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from './storage.js';

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/**
 * Files in a directory, for a production volume (or object storage mounted as one). A file is
 * written beside its final name and renamed when complete, so a reader never sees half a file.
 */
export function filesystemStorage(dir: string): FileStorage {
  const root = path.resolve(dir);
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(root, key);
  };

  return {
    backend: 'filesystem',

    async write(source) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const final = pathOf(key);
      const partial = `${final}.part`;
      await mkdir(path.dirname(final), { recursive: true });
      let size = 0;
      try {
        await pipeline(
          Readable.from(source),
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              size += chunk.length;
              yield chunk;
            }
          },
          createWriteStream(partial, { flags: 'wx', mode: 0o640 }),
        );
        await rename(partial, final);
        return { key, size };
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },

    read(key) {
      return createReadStream(pathOf(key));
    },

    async readRange(key, start, end) {
      const handle = await open(pathOf(key), 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, end - start));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
