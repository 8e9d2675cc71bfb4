import type { Readable } from 'node:stream';

export type StorageBackend = 'postgres' | 'filesystem';

/**
 * Where the bytes of files live. Callers stream a file in and get a key; what the file is (its
 * type, size, owner) is recorded beside it in `stored_files`, with the backend it was written to,
 * so files written before a change of FILE_STORAGE stay readable.
 */
export interface FileStorage {
  readonly backend: StorageBackend;
  /**
   * Streams the source in under a new key, holding at most one chunk in memory. When the source
   * fails (a size limit, a broken upload) nothing is kept and its error is thrown.
   */
  write(source: AsyncIterable<Buffer>): Promise<{ key: string; size: number }>;
  /** The bytes, streamed in order. */
  read(key: string): Readable;
  /** Bytes from `start` (inclusive) to `end` (exclusive), for reading a part of a file such as a ZIP directory. */
  readRange(key: string, start: number, end: number): Promise<Buffer>;
  remove(key: string): Promise<void>;
}
