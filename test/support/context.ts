import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import pino from 'pino';
import supertest from 'supertest';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { LOG_FORMAT } from '../../src/logger.js';
import { ensurePlatformAdmin } from '../../src/modules/identity/bootstrap.js';

export type QueueKind = 'redis' | 'postgres';

/** The queue backends this run can test: always PostgreSQL, and Redis where it answers. */
export function queueKinds(): QueueKind[] {
  return inject('services').redisUrl ? ['redis', 'postgres'] : ['postgres'];
}

/** A fresh database cloned from the migrated template; dropped by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const { adminUrl, templateDatabase, runId } = inject('services');
  const name = `asn_test_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  deps: Deps;
  config: Readonly<Config>;
  http: ReturnType<typeof supertest>;
  databaseUrl: string;
  /** Every log line the application wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Creates a platform admin and returns a bearer token for it. */
  platformAdminToken(): Promise<string>;
  close(): Promise<void>;
}

export interface TestContextOptions {
  queue?: QueueKind;
  clock?: Clock;
  env?: Record<string, string>;
  /** What host names resolve to, for webhook targets; the system resolver when absent. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Lets a test register extra routes before the app is ready. */
  beforeReady?: (app: FastifyInstance) => void;
}

export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const services = inject('services');
  const queue = options.queue ?? 'postgres';
  if (queue === 'redis' && !services.redisUrl) throw new Error('Redis is not available in this run');
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    // Production refuses a database without a password; the test server's trust auth ignores it.
    DATABASE_URL: options.env?.NODE_ENV === 'production' ? withPassword(database.url) : database.url,
    DATABASE_POOL_MAX: '5',
    MIGRATE_ON_START: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    // Tests log in far more often than people; the limit itself has its own test.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...(queue === 'redis' ? { REDIS_URL: services.redisUrl! } : {}),
    ...options.env,
  });

  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'info', ...LOG_FORMAT }, sink);
  const prefix = `test-${database.name}`;
  const deps = await createDeps(config, logger, {
    clock: options.clock,
    queuePrefix: prefix,
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  });
  const app = await buildApp(deps);
  options.beforeReady?.(app);
  await app.ready();

  return {
    app,
    deps,
    config,
    http: supertest(app.server),
    databaseUrl: database.url,
    logs,
    async platformAdminToken() {
      const email = `root-${randomBytes(3).toString('hex')}@example.org`;
      await ensurePlatformAdmin(deps.db, deps.clock, { email, password: 'platform-admin-pw', name: 'Root' });
      const res = await supertest(app.server)
        .post('/v1/auth/login')
        .send({ login: email, password: 'platform-admin-pw' });
      if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await deps.close();
      if (queue === 'redis') await deleteRedisPrefix(services.redisUrl!, prefix);
      await database.drop();
    },
  };
}

async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function withPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.password) url.password = 'test-only-password';
  return url.toString();
}
