import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTestDatabase } from '../support/context.js';

/**
 * The README's worked example, as written: the real server (`src/main.ts`, API and worker in one
 * process) on a fresh database, the administrator made by the CLI, and the README's shell block run
 * by scripts/worked-example.sh, which checks every output the README states.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

/** A free port among those set aside for this check (7120-7129). */
async function freePort(): Promise<number> {
  for (let port = 7120; port <= 7129; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('No free port in 7120-7129');
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: ChildProcess | undefined;
let env: NodeJS.ProcessEnv;
let api: string;
const serverLog: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const port = await freePort();
  const { redisUrl } = inject('services');
  env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: database.url,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  api = `http://127.0.0.1:${port}/v1`;
  const admin = spawnSync(
    tsx,
    ['src/cli.ts', 'create-admin', '--email', 'admin@bkpsdm.example', '--password', 'a-long-password'],
    { cwd: root, env, encoding: 'utf8' },
  );
  expect(admin.status, admin.stderr).toBe(0);
  server = spawn(tsx, ['src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d: Buffer) => serverLog.push(d.toString()));
  server.stderr!.on('data', (d: Buffer) => serverLog.push(d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error(`the server did not get ready:\n${serverLog.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 90_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
}, 30_000);

test('the README’s Kota Jambi 2024 walk-through runs as written, to certificates and the recap, with the outputs it states', () => {
  const run = spawnSync('bash', ['scripts/worked-example.sh'], {
    cwd: root,
    env: { ...process.env, API: api },
    encoding: 'utf8',
    timeout: 150_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}\n--- server log ---\n${serverLog.join('')}`).toBe(0);
  expect(run.stdout).toMatch(/worked example: \d+ outputs as the README states them/);
  const checked = Number(/(\d+) outputs/.exec(run.stdout)![1]);
  expect(checked).toBeGreaterThanOrEqual(12);
}, 180_000);
