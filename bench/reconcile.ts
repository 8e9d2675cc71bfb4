/**
 * The phase clock's reconciler with many unclosed phases: the wall time of one run (the worker
 * runs it every minute) and the queue writes it makes, for 1,000 to 20,000 unclosed phases spread
 * over the coming weeks, five of them closing within the next ten minutes. The queue is a Redis of
 * the benchmark's own (port 6394), the database a fresh one on the benchmark server.
 *
 *   npm run bench:reconcile          (env: BENCH_DATABASE_URL, SIZES=1000,5000,20000, RUNS=5)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { machine, recreateDatabase } from './support.js';
import { systemActor } from '../src/http/actor.js';
import { loadConfig } from '../src/config.js';
import { createDeps, type Enqueue } from '../src/deps.js';
import { coursePackage } from '../src/modules/curriculum/package.js';
import { createScheduleService } from '../src/modules/schedule/service.js';
import { createServices } from '../src/services.js';

const SIZES = (process.env.SIZES ?? '1000,5000,20000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 5);
const REDIS_PORT = 6394;
const root = path.resolve(import.meta.dirname, '..');

async function startRedis() {
  const child = spawn(
    'redis-server',
    ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i += 1) {
    const probe = new Redis(REDIS_PORT, '127.0.0.1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

async function run(size: number) {
  const deps = await createDeps(
    loadConfig({
      DATABASE_URL: await recreateDatabase('asn_bench_reconcile'),
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      JWT_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'warn',
    }),
    pino({ level: 'warn' }),
    { queuePrefix: `bench-${size}` },
  );
  try {
    const services = createServices(deps, () => '');
    const org = await services.directory.createOrganization(systemActor, { code: 'BENCH', name: 'Kota Bench' });
    const actor = { ...systemActor, scope: { kind: 'org' as const, orgId: org.id } };
    const pkg = coursePackage.parse(JSON.parse(readFileSync(path.join(root, 'curricula/orientasi-pppk.json'), 'utf8')));
    const { courseId } = await services.curriculum.importPackage(actor, pkg, { publish: true });
    const cohort = await services.cohorts.createCohort(actor, { courseId, code: 'BIG', name: 'Angkatan' });
    // Half of them open, half still pending; instants spread over the next 60 days.
    await deps.pool.query(
      `insert into phases (cohort_id, position, kind, name, start_date, end_date, opens_at, closes_at, state)
       select $1, g, 'online', 'Fase ' || g, current_date, current_date + 60,
              case when g % 2 = 0 then now() - interval '1 day' else now() + (g % 50 + 1) * interval '1 day' end,
              now() + (g % 50 + 2) * interval '1 day' + (g % 1440) * interval '1 minute',
              (case when g % 2 = 0 then 'open' else 'pending' end)::phase_state
         from generate_series(1, $2) g`,
      [cohort.id, size],
    );
    // Five close within the next ten minutes.
    await deps.pool.query(
      `update phases set closes_at = now() + (position % 5 + 2) * interval '1 minute', state = 'open',
              opens_at = now() - interval '1 day'
        where cohort_id = $1 and position <= 5`,
      [cohort.id],
    );
    await deps.pool.query('analyze phases');

    let writes = 0;
    const counting: Enqueue = async (...args) => {
      writes += 1;
      await deps.enqueue(...args);
    };
    const schedule = createScheduleService({
      db: deps.db,
      clock: deps.clock,
      enqueue: counting,
      cohortsService: services.cohorts,
    });
    await schedule.reconcile(); // the first run after a lost queue: plans the window
    const times: number[] = [];
    writes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = performance.now();
      await schedule.reconcile();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      unclosedPhases: size,
      medianMs: Math.round(times[Math.floor(times.length / 2)]!),
      maxMs: Math.round(times.at(-1)!),
      queueWritesPerRun: writes / RUNS,
    };
  } finally {
    await deps.close();
  }
}

console.log(machine());
const redis = await startRedis();
try {
  const results = [];
  for (const size of SIZES) {
    const r = await run(size);
    console.log(JSON.stringify(r));
    results.push(r);
  }
  const first = results[0]!;
  const last = results.at(-1)!;
  // Flat: the largest costs at most twice the smallest plus 50 ms of noise.
  const ok = last.medianMs <= 2 * first.medianMs + 50 && last.queueWritesPerRun === first.queueWritesPerRun;
  console.log(ok ? 'TARGETS MET' : 'TARGETS MISSED');
} finally {
  redis.kill('SIGKILL');
}
