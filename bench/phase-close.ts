/**
 * Closing an online phase of a large cohort: every enrollment's online JP frozen from the ledger,
 * those short of the requirement flagged remedial with an outbox event each, in one transaction.
 * Measures the wall time of the transition and the worker process's memory, for cohorts of
 * 10,000 and 100,000 enrollments with 20 ledger credits each.
 *
 *   npm run bench:phase-close          (env: BENCH_DATABASE_URL, SIZES=10000,100000)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { machine, recreateDatabase } from './support.js';
import pino from 'pino';
import { systemActor } from '../src/http/actor.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { addDays, localDateOf } from '../src/modules/cohorts/calendar.js';
import { coursePackage } from '../src/modules/curriculum/package.js';
import { createServices } from '../src/services.js';

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const root = path.resolve(import.meta.dirname, '..');

async function run(size: number) {
  const deps = await createDeps(
    loadConfig({
      DATABASE_URL: await recreateDatabase('asn_bench_close'),
      JWT_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'warn',
    }),
    pino({ level: 'warn' }),
  );
  try {
    const services = createServices(deps, () => '');
    const org = await services.directory.createOrganization(systemActor, { code: 'BENCH', name: 'Kota Bench' });
    const actor = { ...systemActor, scope: { kind: 'org' as const, orgId: org.id } };
    const pkg = coursePackage.parse(JSON.parse(readFileSync(path.join(root, 'curricula/orientasi-pppk.json'), 'utf8')));
    const { courseId } = await services.curriculum.importPackage(actor, pkg, { publish: true });
    const cohort = await services.cohorts.createCohort(actor, { courseId, code: 'BIG', name: 'Angkatan besar' });
    const today = localDateOf(new Date(), 'Asia/Jakarta');
    const set = await services.cohorts.setPhases(actor, cohort.id, [
      {
        kind: 'online',
        name: 'MOOC',
        startDate: addDays(today, -16),
        endDate: addDays(today, 10),
        requiredJp: 45,
        remedialDays: 15,
      },
    ]);
    const phaseId = set.phases[0]!.id;
    const modules = (await services.curriculum.outline(cohort.courseVersion.id)).map((m) => m.id);

    const started = Date.now();
    // Participants, enrollments and 20 ledger credits each (about half end up short of 45 JP).
    await deps.pool.query(
      `insert into users (home_org_id, status, nip, nip_kind, name)
       select $1, 'active', lpad(g::text, 18, '0'), 'pns', 'Peserta ' || g from generate_series(1, $2) g`,
      [org.id, size],
    );
    await deps.pool.query(
      `insert into enrollments (cohort_id, user_id) select $1, id from users where home_org_id = $2 and name like 'Peserta %'`,
      [cohort.id, org.id],
    );
    await deps.pool.query(
      `insert into jp_ledger (user_id, enrollment_id, phase_id, module_id, source, jp, seconds, occurred_at, local_date, created_at)
       select e.user_id, e.id, $2, ($3::uuid[])[1 + (k % array_length($3::uuid[], 1))], 'lesson',
              round((random() * 4.6)::numeric, 4), 600, now() - interval '1 day', (now() - interval '1 day')::date, now()
         from enrollments e cross join generate_series(1, 20) k where e.cohort_id = $1`,
      [cohort.id, phaseId, modules],
    );
    await deps.pool.query('analyze');
    const setupMs = Date.now() - started;

    await services.lifecycle.schedule(actor, cohort.id, 'apply'); // arms the clock: the phase opens
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t0 = performance.now();
    await services.schedule.manual(actor, cohort.id, phaseId, 'close', 'Benchmark');
    const closeMs = Math.round(performance.now() - t0);
    clearInterval(sampler);
    const { rows } = await deps.pool.query<{ outcomes: number; remedial: number; events: number }>(
      `select (select count(*) from phase_outcomes)::int as outcomes,
              (select count(*) from enrollments where status = 'remedial')::int as remedial,
              (select count(*) from outbox where type = 'enrollment.remedial')::int as events`,
    );
    return {
      enrollments: size,
      ledgerRows: size * 20,
      setupMs,
      closeMs,
      rssBeforeMiB: Math.round(before / 2 ** 20),
      rssPeakMiB: Math.round(peak / 2 ** 20),
      ...rows[0],
    };
  } finally {
    await deps.close();
  }
}

console.log(machine());
const results = [];
for (const size of SIZES) {
  const r = await run(size);
  console.log(JSON.stringify(r));
  results.push(r);
}
const largest = results.at(-1)!;
const ok = largest.closeMs < 10_000 && largest.outcomes === largest.enrollments && largest.remedial === largest.events;
console.log(ok ? 'TARGETS MET' : 'TARGETS MISSED');
