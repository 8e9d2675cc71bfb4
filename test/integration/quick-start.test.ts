import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, root, tsx } from '../support/own-services.js';

/**
 * The README's quick start as a newcomer runs it: `npm start` in embedded mode, then the CLI in a
 * second terminal while it runs, then the reference page, then Ctrl-C.
 */

const run = promisify(execFile);

let dataDir: string;
let child: ChildProcessByStdio<null, Readable, Readable>;
let output = '';
let exited: Promise<number | null>;
let url: string;

const env = () =>
  cleanEnv({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    WEBHOOK_DISPATCH_INTERVAL_MS: '500',
    WORKER_LIVENESS_FILE: path.join(dataDir, 'worker-alive'),
    WORKER_ALIVE_MAX_SECONDS: '10',
  });

/** The image's health check, for a role, against the running instance; its exit code and line. */
const healthCheck = (role: string) =>
  run(tsx, ['src/health-check.ts'], {
    cwd: root,
    env: { ...env(), ROLE: role, PORT: new URL(url).port },
    timeout: 60_000,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'asn-quick-start-'));
  // Its own process group, as a terminal's foreground job is: Ctrl-C signals the whole group.
  child = spawn(tsx, ['src/main.ts'], { cwd: root, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 90 s:\n${output}`)), 90_000);
    child.stdout.on('data', () => {
      const m = /API listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => reject(new Error(`exited early:\n${output}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) => run(tsx, ['src/cli.ts', ...args], { cwd: root, env: env(), timeout: 90_000 });

describe('the quick start, while npm start runs in embedded mode', () => {
  test('seed-demo, create-admin and import-course reach the running instance; their effect shows over HTTP', async () => {
    const seeded = await cli('seed-demo');
    expect(seeded.stdout).toContain('Demo organization DEMO is ready');
    const admin = await cli('create-admin', '--email', 'kepala@bkpsdm.example', '--password', 'kata-sandi-kepala');
    expect(admin.stdout).toContain('kepala@bkpsdm.example created');

    const login = async (login: string, password: string) => {
      const res = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      expect(res.status, login).toBe(200);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const platform = await login('kepala@bkpsdm.example', 'kata-sandi-kepala');
    const org = await fetch(`${url}/v1/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform}` },
      body: JSON.stringify({ code: 'KOTA-CEPAT', name: 'Kota Cepat' }),
    });
    expect(org.status).toBe(201);
    const imported = await cli('import-course', 'curricula/orientasi-pppk.json', '--org', 'KOTA-CEPAT', '--publish');
    expect(imported.stdout).toContain('created; version 1 is published');

    const demoAdmin = await login('admin@demo.example', 'demo-admin-2024');
    const courses = (await (
      await fetch(`${url}/v1/courses`, { headers: { authorization: `Bearer ${demoAdmin}` } })
    ).json()) as { items: Array<{ code: string }> };
    expect(courses.items.map((c) => c.code)).toEqual(['ORIENTASI-PPPK']);
    const all = (await (
      await fetch(`${url}/v1/courses?limit=200`, { headers: { authorization: `Bearer ${platform}` } })
    ).json()) as { items: Array<{ code: string }> };
    expect(all.items).toHaveLength(2);
  }, 240_000);

  test('/docs loads over plain HTTP at any address: no upgrade-insecure-requests', async () => {
    const docs = await fetch(`${url}/docs/`);
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  test('routine jobs are quiet at info, and Ctrl-C prints one clean line', async () => {
    expect(await healthCheck('all')).toEqual({ code: 0, stderr: '' });
    // The dispatcher has run every half second meanwhile: none of it at info.
    expect(output).not.toMatch(/"jobName":"(dispatch|reconcile)"/);
    const before = output.length;
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    const after = output.slice(before).trim().split('\n');
    expect(after, output.slice(before)).toHaveLength(1);
    expect(JSON.parse(after[0]!)).toMatchObject({ level: 30, msg: 'stopped', signal: 'SIGINT' });
  }, 60_000);

  test('the health check passes while the worker takes jobs and fails once it stops', async () => {
    // Stopped by the test before: its liveness file ages past the limit of 10 s.
    await new Promise((r) => setTimeout(r, 11_000));
    const stale = await healthCheck('worker');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^unhealthy: the worker finished no job for \d+ s/);
    const api = await healthCheck('api');
    expect(api.code).toBe(1);
    expect(api.stderr).toContain('unhealthy: the API does not answer');
  }, 60_000);
});
