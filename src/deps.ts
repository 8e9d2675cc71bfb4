import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createDb, createPool, type Db } from './db/index.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import { systemResolveHost, type ResolveHost } from './modules/webhooks/target.js';
import { createQueueBackend, type QueueBackend } from './queue/backend.js';
import { DEFAULT_JOB_OPTIONS, queueDefinitions, type JobData, type JobName, type QueueName } from './queue/jobs.js';

/** Puts a job on a queue; only names and payloads of the typed queue map are accepted. */
export type Enqueue = <Q extends QueueName, J extends JobName<Q>>(
  queue: Q,
  name: J,
  data: JobData<Q, J>,
  options?: JobsOptions,
) => Promise<void>;

export interface Deps {
  config: Readonly<Config>;
  logger: Logger;
  clock: Clock;
  pool: pg.Pool;
  db: Db;
  redis: Redis | undefined;
  queues: QueueBackend;
  /** One producer per queue of the typed map, shared by the whole process. */
  producers: Record<QueueName, Queue>;
  systemQueue: Queue;
  enqueue: Enqueue;
  jwtSecret: string;
  /** How outgoing webhook targets' host names are resolved. */
  resolveHost: ResolveHost;
  mode: { database: 'embedded' | 'external'; queue: QueueBackend['kind']; dataDir: string | undefined };
  /** Closes everything opened here, in reverse order. */
  close(): Promise<void>;
}

export interface DepsOverrides {
  clock?: Clock;
  /** Redis key prefix, so test runs sharing one Redis stay apart. */
  queuePrefix?: string;
  resolveHost?: ResolveHost;
}

/** Outside production a missing secret is generated once and kept beside the data, so tokens survive restarts. */
async function resolveJwtSecret(config: Config): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.resolve(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export async function createDeps(
  config: Readonly<Config>,
  logger: Logger,
  overrides: DepsOverrides = {},
): Promise<Deps> {
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch((err) => logger.error({ err }, 'error while closing'));
    closers.length = 0;
  };
  try {
    let embedded: EmbeddedDatabase | undefined;
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres(config.dataDir, logger);
      closers.push(() => embedded!.stop());
      databaseUrl = embedded.url;
    }
    const pool = createPool(databaseUrl, config.databasePoolMax);
    pool.on('error', (err) => logger.error({ err }, 'idle PostgreSQL client failed'));
    closers.push(() => pool.end());
    if (config.migrateOnStart) await runMigrations(pool);

    let redis: Redis | undefined;
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
      redis.on('error', (err) => logger.error({ err }, 'Redis connection error'));
      closers.push(() => redis!.quit());
    }
    const queues = createQueueBackend({ redis, databaseUrl, prefix: overrides.queuePrefix });
    const producers = Object.fromEntries(
      (Object.keys(queueDefinitions) as QueueName[]).map((name) => [name, queues.queue(name, DEFAULT_JOB_OPTIONS)]),
    ) as Record<QueueName, Queue>;
    closers.push(() => Promise.all(Object.values(producers).map((q) => q.close())));
    const enqueue: Enqueue = async (queue, name, data, options) => {
      await producers[queue].add(name, data, options);
    };

    return {
      config,
      logger,
      clock: overrides.clock ?? systemClock,
      pool,
      db: createDb(pool),
      redis,
      queues,
      producers,
      systemQueue: producers.system,
      enqueue,
      jwtSecret: await resolveJwtSecret(config),
      resolveHost: overrides.resolveHost ?? systemResolveHost,
      mode: {
        database: embedded ? 'embedded' : 'external',
        queue: queues.kind,
        dataDir: embedded?.dataDir,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
