/**
 * The end of a large cohort: results computed for everyone, certificates issued (numbered, PDF
 * rendered, stored) for those who passed, and the recap streamed as JSON, CSV and XLSX. Measures
 * wall time, throughput and the process's peak memory, for a cohort of SIZE enrollments (default
 * 10,000) with online JP in the ledger, six classroom sessions with attendance, post-test scores
 * and two manual scores each.
 *
 *   npm run bench:evaluation           (env: BENCH_DATABASE_URL, SIZE=10000)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { systemActor } from '../src/http/actor.js';
import { addDays, localDateOf } from '../src/modules/cohorts/calendar.js';
import { coursePackage } from '../src/modules/curriculum/package.js';
import { createServices } from '../src/services.js';
import { machine, recreateDatabase } from './support.js';

const SIZE = Number(process.env.SIZE ?? 10_000);
const root = path.resolve(import.meta.dirname, '..');

/** Runs `work`, sampling the process's resident memory; wall time and peak RSS. */
async function measure<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  const value = await work();
  clearInterval(sampler);
  return { value, ms: Math.round(performance.now() - t0), peakMiB: Math.round(peak / 2 ** 20) };
}

const deps = await createDeps(
  loadConfig({ DATABASE_URL: await recreateDatabase('asn_bench_eval'), JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: 'warn' }),
  pino({ level: 'warn' }),
);
try {
  console.log(machine());
  const services = createServices(deps, () => '');
  const org = await services.directory.createOrganization(systemActor, {
    code: 'BENCH',
    name: 'Pemerintah Kota Bench',
  });
  const actor = { ...systemActor, scope: { kind: 'org' as const, orgId: org.id } };
  const pkg = coursePackage.parse(JSON.parse(readFileSync(path.join(root, 'curricula/orientasi-pppk.json'), 'utf8')));
  const { courseId } = await services.curriculum.importPackage(actor, pkg, { publish: true });
  const cohort = await services.cohorts.createCohort(actor, { courseId, code: 'BIG-2024', name: 'Angkatan Besar' });
  const today = localDateOf(new Date(), 'Asia/Jakarta');
  const set = await services.cohorts.setPhases(actor, cohort.id, [
    {
      kind: 'online',
      name: 'MOOC',
      startDate: addDays(today, -30),
      endDate: addDays(today, -8),
      requiredJp: 45,
      remedialDays: 0,
    },
    {
      kind: 'classroom',
      name: 'Klasikal',
      startDate: addDays(today, -7),
      endDate: addDays(today, 7),
      requiredJp: 0,
      venue: 'Aula',
      remedialDays: 0,
    },
  ]);
  const [online, classroom] = [set.phases[0]!, set.phases[1]!];

  const setup = await measure(async () => {
    await deps.pool.query(
      `insert into users (home_org_id, status, nip, nip_kind, name, category, unit, birth_place, birth_date, rank, position)
       select $1, 'active', lpad(g::text, 18, '0'), 'pns', 'Peserta ' || g,
              (array['guru', 'tenaga kesehatan', 'tenaga teknis'])[1 + g % 3], 'Unit ' || (g % 40),
              'Jambi', date '1990-01-01' + g % 3000, 'IX', 'Guru Ahli Pertama'
         from generate_series(1, $2) g`,
      [org.id, SIZE],
    );
    await deps.pool.query(
      `insert into enrollments (cohort_id, user_id) select $1, id from users where home_org_id = $2 and name like 'Peserta %'`,
      [cohort.id, org.id],
    );
    // Online JP: most met the 45 JP, one in twenty fell short.
    await deps.pool.query(
      `insert into jp_ledger (user_id, enrollment_id, phase_id, source, jp, seconds, occurred_at, local_date, created_at)
       select e.user_id, e.id, $2, 'lesson', case when random() < 0.05 then 40 else 45 end, 0, now() - interval '10 days',
              (now() - interval '10 days')::date, now()
         from enrollments e where e.cohort_id = $1`,
      [cohort.id, online.id],
    );
    // Post-test best scores for every quiz lesson.
    await deps.pool.query(
      `insert into lesson_progress (enrollment_id, lesson_id, best_score, attempts)
       select e.id, l.id, round((50 + random() * 50)::numeric, 2), 1
         from enrollments e join lessons l on l.version_id = $2 and l.kind = 'quiz' where e.cohort_id = $1`,
      [cohort.id, cohort.courseVersion.id],
    );
    // Six classroom days of 7 JP, attendance for everyone (a few absences).
    for (let d = 0; d < 6; d++) {
      const day = addDays(today, -7 + d);
      const s = await services.classroom.createSession(actor, classroom.id, {
        title: `Hari ${d + 1}`,
        startsAt: new Date(`${day}T08:00:00+07:00`),
        endsAt: new Date(`${day}T15:00:00+07:00`),
        jp: 7,
        instructorIds: [],
      });
      await deps.pool.query(
        `insert into attendance (session_id, enrollment_id, status, recorded_at)
         select $1, e.id, (case when random() < 0.03 then 'absent' else 'present' end)::attendance_status, now()
           from enrollments e where e.cohort_id = $2`,
        [s.id, cohort.id],
      );
    }
    await deps.pool.query(
      `insert into jp_ledger (user_id, enrollment_id, phase_id, session_id, source, jp, seconds, occurred_at, local_date, created_at)
       select e.user_id, e.id, s.phase_id, s.id, 'session', s.jp, 0, s.starts_at, (s.starts_at at time zone 'Asia/Jakarta')::date, now()
         from attendance a join class_sessions s on s.id = a.session_id join enrollments e on e.id = a.enrollment_id
        where a.status = 'present'`,
    );
    await services.assessment.putScheme(actor, cohort.id, {
      components: [
        { code: 'akademik', name: 'Evaluasi Akademik', weight: 20, source: 'quiz' },
        { code: 'sikap', name: 'Sikap Perilaku', weight: 30, source: 'manual' },
        { code: 'aktualisasi', name: 'Produk Aktualisasi', weight: 50, source: 'manual' },
      ],
      requireOnlineJp: true,
    });
    await deps.pool.query(
      `insert into scores (enrollment_id, component, score, scored_at)
       select e.id, c, round((60 + random() * 40)::numeric, 2), now()
         from enrollments e cross join unnest(array['sikap', 'aktualisasi']) c where e.cohort_id = $1`,
      [cohort.id],
    );
    await deps.pool.query('analyze');
    // The cohort's end: the MOOC closes on schedule, the classroom phase by hand; results are final.
    await services.lifecycle.schedule(actor, cohort.id, 'apply');
    await services.schedule.manual(actor, cohort.id, classroom.id, 'close', 'Akhir angkatan');
  });
  console.log(JSON.stringify({ step: 'setup', enrollments: SIZE, ms: setup.ms }));

  const results = await measure(() => services.assessment.computeResults(actor, cohort.id));
  const summary = results.value.summary as { passed: number; failed: number };
  console.log(JSON.stringify({ step: 'results', ms: results.ms, peakMiB: results.peakMiB, ...summary }));

  const certificates = await measure(async () => {
    const { job } = await services.certificates.issue(actor, cohort.id, { queue: false });
    await services.certificates.runIssueJob(job.id);
    return (await services.jobs.get(actor, job.id)).result as { issued: number };
  });
  const { rows } = await deps.pool.query<{ n: number; bytes: string }>(
    'select count(*)::int as n, sum(length(pdf)) as bytes from certificates',
  );
  console.log(
    JSON.stringify({
      step: 'certificates',
      issued: certificates.value.issued,
      ms: certificates.ms,
      perSecond: Math.round((certificates.value.issued / certificates.ms) * 1000),
      peakMiB: certificates.peakMiB,
      stored: rows[0]!.n,
      averagePdfKiB: Math.round(Number(rows[0]!.bytes) / rows[0]!.n / 1024),
    }),
  );

  for (const format of ['json', 'csv', 'xlsx'] as const) {
    let bytes = 0;
    const report = await measure(async () => {
      const { stream } = await services.reports.open(actor, cohort.id, format);
      await pipeline(
        stream,
        new Writable({
          write(chunk: Buffer | string, _enc, done) {
            bytes += Buffer.byteLength(chunk);
            done();
          },
        }),
      );
    });
    console.log(
      JSON.stringify({
        step: `report ${format}`,
        ms: report.ms,
        peakMiB: report.peakMiB,
        MiB: +(bytes / 2 ** 20).toFixed(1),
      }),
    );
  }
  const ok = certificates.value.issued === summary.passed && rows[0]!.n === summary.passed;
  console.log(ok ? 'CHECKS PASSED: one certificate per passed participant' : 'CHECKS FAILED');
} finally {
  await deps.close();
}
