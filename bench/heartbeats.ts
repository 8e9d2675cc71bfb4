/**
 * Sustained heartbeats through the full stack (HTTP, JWT, validation, credit rules, ledger) for
 * 10,000 enrollments in one open cohort, at 64 connections; and, in the same run, a bare Fastify +
 * pg route doing one upsert per request on the same database: the stack's limit. Afterwards the
 * database is checked against what was sent: every acknowledged event stored once, every credited
 * second accounted for.
 *
 * Both routes are warmed up before they are measured, as a server that has been running is: the
 * bare route for WARMUP seconds; the full stack by every participant opening their session (their
 * first heartbeat, which also has their token verified once, as it is once per token lifetime).
 *
 * The load comes from wrk (Debian's package `wrk`): C, a small share of the cores.
 *
 *   npm run bench:heartbeats            (env: BENCH_DATABASE_URL, ENROLLMENTS, DURATION, CONNECTIONS, WARMUP,
 *                                        BENCH_DATABASE_NAME, BENCH_PORT: several runs on one machine keep apart,
 *                                        BENCH_PROFILE_DIR: a CPU profile of the API process,
 *                                        BENCH_LOG_LEVEL: the API's log level, WRK_THREADS)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { machine, recreateDatabase } from './support.js';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { systemActor } from '../src/http/actor.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { addDays, localDateOf } from '../src/modules/cohorts/calendar.js';
import { coursePackage } from '../src/modules/curriculum/package.js';
import { createServices } from '../src/services.js';
import { makePeople, rosterCsv } from '../test/support/roster-files.js';

const ENROLLMENTS = Number(process.env.ENROLLMENTS ?? 10_000);
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 64);
const DATABASE_NAME = process.env.BENCH_DATABASE_NAME ?? 'asn_bench';
// The bare route listens here, the full stack one port up.
const PORT = Number(process.env.BENCH_PORT ?? 3401);
const WARMUP = Number(process.env.WARMUP ?? 5);
const WRK_THREADS = Number(process.env.WRK_THREADS ?? 1);
const root = path.resolve(import.meta.dirname, '..');
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

/** Starts a server; ready when its output matches `ready`, or (a port) when that port answers /health/live. */
function start(args: string[], env: Record<string, string>, ready: RegExp | number): Promise<ChildProcess> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exited = false;
  const collect = (d: Buffer) => void (out += d.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const isReady = (): Promise<boolean> =>
    typeof ready === 'number'
      ? fetch(`http://127.0.0.1:${ready}/health/live`).then(
          (r) => r.ok,
          () => false,
        )
      : Promise.resolve(ready.test(out));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`exited ${code}: ${out}`));
    });
    const poll = async () => {
      if (exited) return;
      if (!(await isReady())) return void setTimeout(() => void poll(), 100);
      // Past the start the output is only drained: the load generator shares the cores, and keeping
      // (and searching) every log line the server writes would cost it more than sending requests.
      child.stdout!.off('data', collect).resume();
      child.stderr!.off('data', collect).resume();
      resolve(child);
    };
    void poll();
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface LoadSummary {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time (user + system) the server process spent per request: what load on the machine does not distort. */
  serverCpuMsPerRequest?: number;
  /** The same for PostgreSQL, and for the whole machine (servers, database, load generator, all else). */
  databaseCpuMsPerRequest?: number;
  machineCpuMsPerRequest?: number;
}

/** Runs a load against a server process and adds the CPU each part of the machine spent per request. */
async function measured(server: ChildProcess, load: () => Promise<LoadSummary>): Promise<LoadSummary> {
  const before = { server: processTreeCpuMs(server.pid!), database: databaseCpuMs(), machine: machineCpuMs() };
  const result = await load();
  const per = (ms: number) => round3(ms / result.requests);
  result.serverCpuMsPerRequest = per(processTreeCpuMs(server.pid!) - before.server);
  result.databaseCpuMsPerRequest = per(databaseCpuMs() - before.database);
  result.machineCpuMsPerRequest = per(machineCpuMs() - before.machine);
  return result;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const CLOCK_TICK_MS = 10; // Linux reports process times in 1/100 s (USER_HZ)

/** Every running process: its command name, parent and CPU ticks (user + system) so far. */
function processes(): Map<number, { name: string; ppid: number; ticks: number }> {
  const stats = new Map<number, { name: string; ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name, in parentheses, may hold spaces: the fields start after its closing one.
      const close = text.lastIndexOf(')');
      const fields = text.slice(close + 2).split(' ');
      stats.set(Number(entry), {
        name: text.slice(text.indexOf('(') + 1, close),
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while being read
    }
  }
  return stats;
}

/** CPU milliseconds (user + system) used so far by a process and all its descendants (tsx runs the server in a child). */
function processTreeCpuMs(root: number): number {
  const stats = processes();
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return ticks * CLOCK_TICK_MS;
}

/** CPU milliseconds (all states but idle and I/O wait) the whole machine has spent since boot, all cores together. */
function machineCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user! + nice! + system! + irq! + softirq! + steal!) * CLOCK_TICK_MS;
}

/** CPU milliseconds used so far by PostgreSQL's processes that are running now (its connections included). */
function databaseCpuMs(): number {
  let ticks = 0;
  for (const p of processes().values()) if (p.name === 'postgres') ticks += p.ticks;
  return ticks * CLOCK_TICK_MS;
}

interface HeartbeatLoad {
  tokens: string[];
  enrollments: string[];
  lessonIds: string[];
  /** Milliseconds: the first heartbeat of every participant; each later one 30 s after the last. */
  t0: number;
}

/** Runs wrk with one of the scripts in bench/wrk/ against the port; its summary. */
async function wrk(
  port: number,
  script: string,
  env: Record<string, string>,
  out = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-')), 'summary.json'),
  seconds = DURATION,
): Promise<LoadSummary> {
  const child = spawn(
    'wrk',
    [
      '-t',
      String(WRK_THREADS),
      '-c',
      String(CONNECTIONS),
      '-d',
      `${seconds}s`,
      '-s',
      path.join(root, 'bench/wrk', script),
      `http://127.0.0.1:${port}`,
    ],
    {
      env: {
        ...process.env,
        ...env,
        BENCH_WRK_DIR: path.join(root, 'bench/wrk'),
        BENCH_WRK_OUT: out,
        BENCH_WRK_THREADS: String(WRK_THREADS),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`wrk exited ${code}`);
  const r = JSON.parse(await readFile(out, 'utf8')) as Record<string, number>;
  return {
    requests: r.requests!,
    rps: Math.round(r.requests! / (r.durationUs! / 1e6)),
    p50: Math.round(r.p50Us! / 1000),
    p99: Math.round(r.p99Us! / 1000),
    max: Math.round(r.maxUs! / 1000),
    non2xx: r.non2xx!,
    errors: r.errors!,
    timeouts: r.timeouts!,
  };
}

/**
 * The heartbeat numbered `index`, as bench/wrk/heartbeats.lua makes it: participant `index mod n`'s
 * heartbeat number `index div n`, 30 s after their previous one (the first opens the session).
 */
function heartbeat(load: HeartbeatLoad, index: number): { clientEventId: string; token: string; body: string } {
  const e = index % ENROLLMENTS;
  const k = Math.floor(index / ENROLLMENTS);
  const clientEventId = `${e}-${k}`;
  const body = JSON.stringify({
    enrollmentId: load.enrollments[e],
    events: [
      {
        clientEventId,
        type: 'heartbeat',
        lessonId: load.lessonIds[e % load.lessonIds.length],
        occurredAt: new Date(load.t0 + k * 30_000).toISOString(),
        activeSeconds: k === 0 ? 0 : 30,
      },
    ],
  });
  return { clientEventId, token: load.tokens[e]!, body };
}

/** Every participant opens their session (heartbeat 0), CONNECTIONS at a time; the ids answered 200. */
async function openSessions(port: number, load: HeartbeatLoad): Promise<Set<string>> {
  const acknowledged = new Set<string>();
  let next = 0;
  const sender = async () => {
    while (next < ENROLLMENTS) {
      const { clientEventId, token, body } = heartbeat(load, next++);
      const res = await fetch(`http://127.0.0.1:${port}/v1/me/progress`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      await res.arrayBuffer();
      if (res.status === 200) acknowledged.add(clientEventId);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, sender));
  return acknowledged;
}

/** wrk sends heartbeats numbered from `first` on (see `heartbeat`); its summary and the ids answered 200. */
async function wrkHeartbeats(
  port: number,
  load: HeartbeatLoad,
  first: number,
): Promise<{ summary: LoadSummary; acknowledged: Set<string> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-wrk-data-'));
  const data = path.join(dir, 'data.lua');
  const list = (xs: string[]) => `{${xs.map((x) => JSON.stringify(x)).join(',')}}`;
  await writeFile(
    data,
    `return { n = ${ENROLLMENTS}, t0 = ${Math.floor(load.t0 / 1000)}, tokens = ${list(load.tokens)}, ` +
      `enrollments = ${list(load.enrollments)}, lessons = ${list(load.lessonIds)} }\n`,
  );
  const out = path.join(dir, 'summary.json');
  const result = await wrk(port, 'heartbeats.lua', { BENCH_WRK_DATA: data, BENCH_WRK_FIRST: String(first) }, out);
  const acknowledged = new Set((await readFile(`${out}.acked`, 'utf8')).split('\n').filter(Boolean));
  return { summary: result, acknowledged };
}

async function main(): Promise<void> {
  console.log(machine());
  const databaseUrl = await recreateDatabase(DATABASE_NAME);

  // ---- setup through the services: organization, curriculum, an open cohort, 10,000 participants ----
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    IMPORT_SYNC_MAX_ROWS: '100000',
    MIGRATE_ON_START: 'true',
  });
  const deps = await createDeps(config, pino({ level: 'warn' }));
  const app = await buildApp(deps);
  const services = createServices(deps, (p) => app.signAccessToken(p));
  const org = await services.directory.createOrganization(systemActor, {
    code: 'BENCH',
    name: 'Kota Bench',
    timeZone: 'Asia/Jakarta',
  });
  const actor = { ...systemActor, scope: { kind: 'org' as const, orgId: org.id } };
  const pkg = coursePackage.parse(JSON.parse(readFileSync(path.join(root, 'curricula/orientasi-pppk.json'), 'utf8')));
  const imported = await services.curriculum.importPackage(actor, pkg, { publish: true });
  const cohort = await services.cohorts.createCohort(actor, {
    courseId: imported.courseId,
    code: 'BENCH-1',
    name: 'Bench',
  });
  const today = localDateOf(new Date(), 'Asia/Jakarta');
  await services.cohorts.setPhases(actor, cohort.id, [
    {
      kind: 'online',
      name: 'MOOC',
      startDate: addDays(today, -10),
      endDate: addDays(today, 10),
      requiredJp: 45,
      remedialDays: 0,
    },
  ]);
  // A phase is open for learning when its state is open: scheduling applies the missed opening.
  await services.lifecycle.schedule(actor, cohort.id, 'apply');
  let setupStarted = Date.now();
  const people = makePeople(ENROLLMENTS, 77);
  const roster = await services.cohorts.importRoster(
    actor,
    cohort.id,
    { data: rosterCsv(people), format: 'csv' },
    false,
  );
  if (roster.kind !== 'summary' || roster.summary.counts.created !== ENROLLMENTS)
    throw new Error(`import: ${JSON.stringify(roster)}`);
  console.log(`setup: ${ENROLLMENTS} participants imported and enrolled in ${Date.now() - setupStarted} ms`);
  setupStarted = Date.now();
  // Enrolled a few hours ago: the heartbeats below start an hour back, and nothing may predate the enrollment.
  await deps.pool.query("update enrollments set enrolled_at = enrolled_at - interval '3 hours' where cohort_id = $1", [
    cohort.id,
  ]);
  const { rows: enrolled } = await deps.pool.query<{ id: string; user_id: string }>(
    'select id, user_id from enrollments where cohort_id = $1 order by id',
    [cohort.id],
  );
  const tokens = enrolled.map((e) => app.signAccessToken({ userId: e.user_id, orgId: org.id, role: 'participant' }));
  const tree = await services.curriculum.outline(cohort.courseVersion.id);
  const lessonIds = tree.flatMap((m) => m.lessons.filter((l) => l.kind !== 'quiz').map((l) => l.id));
  await app.close();
  await deps.close();
  console.log(`setup: ${tokens.length} tokens signed in ${Date.now() - setupStarted} ms`);

  // ---- the stack's limit ----
  const minimal = await start(
    ['bench/minimal-server.ts'],
    { DATABASE_URL: databaseUrl, PORT: String(PORT), POOL_MAX: '20' },
    /minimal server ready/,
  );
  const upserts = { BENCH_WRK_N: String(ENROLLMENTS) };
  if (WARMUP > 0) await wrk(PORT, 'upsert.lua', upserts, undefined, WARMUP);
  console.log('baseline: running');
  const baseline = await measured(minimal, () => wrk(PORT, 'upsert.lua', upserts));
  await stop(minimal);
  console.log('baseline: done');

  // ---- the full stack ----
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of the API process there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  // Production refuses a database URL without a password; the benchmark's server ignores it (trust).
  const withPassword = new URL(databaseUrl);
  withPassword.password ||= 'bench-only';
  const api = await start(
    [...profile, 'src/main.ts'],
    {
      DATABASE_URL: withPassword.toString(),
      JWT_SECRET,
      ROLE: 'api',
      PORT: String(PORT + 1),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      MIGRATE_ON_START: 'false',
      DATABASE_POOL_MAX: '20',
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://diklat.example.go.id',
    },
    PORT + 1,
  );
  console.log('full stack: running');
  const t0 = Date.now() - 60 * 60_000;
  const heartbeats = { tokens, enrollments: enrolled.map((e) => e.id), lessonIds, t0 };
  const opened = WARMUP > 0 ? await openSessions(PORT + 1, heartbeats) : new Set<string>();
  console.log(`full stack: ${opened.size} sessions opened`);
  let acknowledged = new Set<string>();
  const full = await measured(api, async () => {
    const run = await wrkHeartbeats(PORT + 1, heartbeats, WARMUP > 0 ? ENROLLMENTS : 0);
    acknowledged = new Set([...opened, ...run.acknowledged]);
    return run.summary;
  });
  await stop(api);

  // ---- what the database holds against what was sent ----
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const stored = await db.query<{
    client_event_id: string;
    status: string;
    claimed_seconds: number;
    credited_seconds: number;
  }>('select client_event_id, status, claimed_seconds, credited_seconds from progress_events');
  const { rows: totals } = await db.query<{
    lesson_seconds: string;
    ledger_jp: string;
    ledger_seconds: string;
    clock_seconds: string;
  }>(
    `select (select coalesce(sum(credited_seconds), 0) from lesson_progress) as lesson_seconds,
            (select coalesce(sum(jp), 0) from jp_ledger) as ledger_jp,
            (select coalesce(sum(seconds), 0) from jp_ledger) as ledger_seconds,
            (select coalesce(sum(credited_seconds), 0) from enrollment_progress) as clock_seconds`,
  );
  await db.end();
  const storedIds = new Set(stored.rows.map((r) => r.client_event_id));
  const lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
  const sentSeconds = stored.rows.reduce((a, r) => a + r.claimed_seconds, 0);
  const creditedSeconds = stored.rows.reduce((a, r) => a + r.credited_seconds, 0);
  const t = totals[0]!;
  const check = {
    acknowledged: acknowledged.size,
    stored: stored.rows.length,
    rejected: stored.rows.filter((r) => r.status !== 'accepted').length,
    lostAcknowledged: lost,
    secondsSent: sentSeconds,
    secondsCredited: creditedSeconds,
    lessonProgressSeconds: Number(t.lesson_seconds),
    ledgerSeconds: Number(t.ledger_seconds),
    clockSeconds: Number(t.clock_seconds),
    ledgerJp: Number(t.ledger_jp),
    expectedJp: Math.round((creditedSeconds / 60 / 45) * 10_000) / 10_000,
  };
  const ratio = full.rps / baseline.rps;
  const result = {
    enrollments: ENROLLMENTS,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmUpSeconds: WARMUP,
    baseline,
    fullStack: full,
    ratio: Math.round(ratio * 100) / 100,
    check,
  };
  console.log(JSON.stringify(result, null, 2));
  const ok =
    ratio >= 0.7 &&
    full.p99 < 100 &&
    full.non2xx === 0 &&
    full.errors === 0 &&
    lost === 0 &&
    check.rejected === 0 &&
    sentSeconds === creditedSeconds &&
    [check.lessonProgressSeconds, check.ledgerSeconds, check.clockSeconds].every((s) => s === creditedSeconds) &&
    // Each enrollment's ledger telescopes to its JP rounded to 4 decimals.
    Math.abs(check.ledgerJp - check.expectedJp) <= 0.0001 * ENROLLMENTS;
  console.log(ok ? 'TARGETS MET' : 'TARGETS MISSED');
}

await main();
