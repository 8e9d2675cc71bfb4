import type pg from 'pg';
import { filesystemStorage } from './filesystem.js';
import { postgresStorage } from './postgres.js';
import type { FileStorage, StorageBackend } from './storage.js';

export type { FileStorage, StorageBackend } from './storage.js';

export interface FileStores {
  /** Where new files are written (FILE_STORAGE). */
  current: FileStorage;
  /** The backend a stored file was written to; throws when it is not configured any more. */
  of(backend: StorageBackend): FileStorage;
}

export function createFileStores(
  pool: pg.Pool,
  settings: { backend: StorageBackend; dir: string | undefined },
): FileStores {
  const postgres = postgresStorage(pool);
  const filesystem = settings.dir ? filesystemStorage(settings.dir) : undefined;
  const of = (backend: StorageBackend): FileStorage => {
    if (backend === 'postgres') return postgres;
    if (!filesystem) throw new Error('A file is on the filesystem, but FILE_STORAGE_DIR is not set');
    return filesystem;
  };
  return { current: of(settings.backend), of };
}
