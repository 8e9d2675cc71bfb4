import {
  createPostgresBackend,
  createRedisBackend,
  withBackend,
  type JobsOptions,
  type Processor,
  type Queue,
  type Worker,
  type WorkerOptions,
} from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { listenForConnectionErrors } from '../db/index.js';

export type QueueBackendKind = 'redis' | 'postgres';

type WorkerTuning = Omit<WorkerOptions, 'connection' | 'prefix' | 'autorun'>;

/**
 * BullMQ on Redis in production, or on its PostgreSQL backend where no Redis is configured.
 * Everything else in the application sees only this interface.
 */
export interface QueueBackend {
  readonly kind: QueueBackendKind;
  queue<Data>(name: string, defaultJobOptions?: JobsOptions): Queue<Data>;
  worker<Data>(name: string, processor: Processor<Data>, options?: WorkerTuning): Worker<Data>;
}

export interface QueueBackendOptions {
  /** A connection made with `maxRetriesPerRequest: null`; the caller owns and closes it. */
  redis?: Redis | undefined;
  /** Used when there is no Redis. */
  databaseUrl: string;
  /** Redis key prefix; lets several test runs or installations share one Redis. */
  prefix?: string;
  logger: Pick<Logger, 'warn'>;
}

export function createQueueBackend(options: QueueBackendOptions): QueueBackend {
  const { redis } = options;
  if (redis) {
    const { Queue: RedisQueue, Worker: RedisWorker } = withBackend(createRedisBackend);
    const prefix = options.prefix ?? 'asn';
    return {
      kind: 'redis',
      queue: <Data>(name: string, defaultJobOptions?: JobsOptions) =>
        new RedisQueue<Data>(name, {
          connection: redis,
          prefix,
          ...(defaultJobOptions ? { defaultJobOptions } : {}),
        }) as unknown as Queue<Data>,
      worker: <Data>(name: string, processor: Processor<Data>, tuning: WorkerTuning = {}) =>
        new RedisWorker<Data>(name, processor, { ...tuning, connection: redis, prefix }) as unknown as Worker<Data>,
    };
  }
  const { Queue: PgQueue, Worker: PgWorker } = withBackend(createPostgresBackend);
  // Each queue and worker owns a small pool; `migrate` creates BullMQ's own schema on first use.
  // Its clients, like the application's, must survive a PostgreSQL restart while checked out.
  const connection = {
    connectionString: options.databaseUrl,
    migrate: true,
    max: 4,
    onConnect: (client: Parameters<typeof listenForConnectionErrors>[0]) =>
      listenForConnectionErrors(client, options.logger),
  };
  return {
    kind: 'postgres',
    queue: <Data>(name: string, defaultJobOptions?: JobsOptions) =>
      new PgQueue<Data>(name, {
        connection,
        ...(defaultJobOptions ? { defaultJobOptions } : {}),
      }) as unknown as Queue<Data>,
    worker: <Data>(name: string, processor: Processor<Data>, tuning: WorkerTuning = {}) =>
      new PgWorker<Data>(name, processor, { ...tuning, connection }) as unknown as Worker<Data>,
  };
}
