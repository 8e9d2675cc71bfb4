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
import type { EmbeddedDatabase } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import { ServiceUnavailableError } from './http/errors.js';
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
  /** A second connection for request-path counters, whose commands time out (the queue's must not). */
  counterRedis: Redis | undefined;
  queues: QueueBackend;
  /** One producer per queue of the typed map, shared by the whole process. */
  producers: Record<QueueName, Queue>;
  systemQueue: Queue;
  /** For requests: gives up after `redisCommandTimeoutMs` with QUEUE_UNAVAILABLE. */
  enqueue: Enqueue;
  /** For the worker, where no one waits on the answer: as long as the queue store takes. */
  enqueueWaiting: Enqueue;
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
  /** Embedded mode: use the server a running `npm start` keeps under DATA_DIR (the CLI does). */
  attachToRunningEmbedded?: boolean;
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
      // Loaded only here: a production image (DATABASE_URL set) has no embedded PostgreSQL installed.
      const { startEmbeddedPostgres } = await import('./db/embedded.js');
      embedded = await startEmbeddedPostgres(config.dataDir, logger, { attach: overrides.attachToRunningEmbedded });
      closers.push(() => embedded!.stop());
      databaseUrl = embedded.url;
    }
    const pool = createPool(databaseUrl, config.databasePoolMax, logger);
    closers.push(() => pool.end());
    if (config.migrateOnStart) await runMigrations(pool);

    let redis: Redis | undefined;
    let counterRedis: Redis | undefined;
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
      redis.on('error', (err) => logger.error({ err }, 'Redis connection error'));
      closers.push(() => redis!.quit());
      counterRedis = new Redis(config.redisUrl, {
        commandTimeout: config.redisCommandTimeoutMs,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
      });
      counterRedis.on('error', (err) => logger.warn({ err }, 'Redis connection error (counters)'));
      closers.push(() => counterRedis!.quit());
    }
    const queues = createQueueBackend({ redis, databaseUrl, prefix: overrides.queuePrefix, logger });
    const producers = Object.fromEntries(
      (Object.keys(queueDefinitions) as QueueName[]).map((name) => [name, queues.queue(name, DEFAULT_JOB_OPTIONS)]),
    ) as Record<QueueName, Queue>;
    for (const [name, producer] of Object.entries(producers)) {
      producer.on('error', (err) => logger.warn({ err, queue: name }, 'queue connection error'));
    }
    closers.push(() => Promise.all(Object.values(producers).map((q) => q.close())));
    const enqueueWaiting: Enqueue = async (queue, name, data, options) => {
      await producers[queue].add(name, data, options);
    };
    // A hung queue store must not hang the request that writes to it: past the timeout the caller
    // gets QUEUE_UNAVAILABLE (503), while the write itself still completes once the store answers.
    const enqueue: Enqueue = async (queue, name, data, options) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new ServiceUnavailableError('The job queue is not answering; retry shortly', 'QUEUE_UNAVAILABLE')),
          config.redisCommandTimeoutMs,
        );
      });
      try {
        await Promise.race([enqueueWaiting(queue, name, data, options), timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    return {
      config,
      logger,
      clock: overrides.clock ?? systemClock,
      pool,
      db: createDb(pool),
      redis,
      counterRedis,
      queues,
      producers,
      systemQueue: producers.system,
      enqueue,
      enqueueWaiting,
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
