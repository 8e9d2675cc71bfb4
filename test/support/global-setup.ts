import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import type { EmbeddedDatabase } from '../../src/db/embedded.js';
import { runMigrations } from '../../src/db/migrate.js';
import { postgresAnswers } from '../../src/db/probe.js';

/**
 * Real services for the whole run: PostgreSQL and Redis on localhost when they answer. Where they
 * don't, an embedded PostgreSQL is started and the queue tests run on BullMQ's PostgreSQL backend.
 * REQUIRE_SERVICES=1 (set by CI) makes both mandatory, so CI never silently tests less.
 * Migrations run once into a template database; each test file clones it (fast, isolated).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    services: { adminUrl: string; templateDatabase: string; redisUrl: string | null; runId: string };
  }
}

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUIRED = ['1', 'true', 'yes'].includes(process.env.REQUIRE_SERVICES ?? '');

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  let embedded: EmbeddedDatabase | undefined;
  let embeddedDir: string | undefined;
  let adminUrl = PG_URL;

  const [pgUp, redisUp] = await Promise.all([postgresAnswers(PG_URL), redisAnswers(REDIS_URL)]);
  if (REQUIRED && (!pgUp || !redisUp)) {
    throw new Error(
      `REQUIRE_SERVICES is set but ${[!pgUp && `PostgreSQL (${PG_URL})`, !redisUp && `Redis (${REDIS_URL})`].filter(Boolean).join(' and ')} did not answer`,
    );
  }
  if (!pgUp) {
    embeddedDir = await mkdtemp(path.join(os.tmpdir(), 'asn-test-pg-'));
    // Loaded only when needed: the test runner's own process has no use for it otherwise.
    const { startEmbeddedPostgres } = await import('../../src/db/embedded.js');
    embedded = await startEmbeddedPostgres(embeddedDir, pino({ level: 'silent' }));
    adminUrl = embedded.adminUrl;
  }
  console.log(
    `[test services] PostgreSQL: ${pgUp ? PG_URL : 'embedded (none answered on localhost)'}; ` +
      `queue tests on: ${redisUp ? 'Redis and the PostgreSQL backend' : 'the PostgreSQL backend only (no Redis answered)'}`,
  );

  const templateDatabase = `asn_template_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${templateDatabase}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  const pool = new pg.Pool({ connectionString: templateUrl.toString(), max: 1 });
  await runMigrations(pool);
  await pool.end();

  project.provide('services', { adminUrl, templateDatabase, redisUrl: redisUp ? REDIS_URL : null, runId });

  return async () => {
    await admin.query(`drop database if exists ${templateDatabase} with (force)`).catch(() => {});
    await admin.end();
    if (embedded) await embedded.stop();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  };
}
