/**
 * Issuing the signed certificates of a large cohort: SIZE participants (default 10,000) who all
 * passed, the organization's logo, two signatories and a PKCS#12 signing certificate configured,
 * every certificate rendered (two pages, embedded fonts) and signed PAdES-style on the PDF pool's
 * worker threads. Measures wall time, throughput, peak memory, and how long the event loop was
 * held up meanwhile (what requests arriving during the issue would wait).
 *
 *   npm run bench:certificates      (env: BENCH_DATABASE_URL, SIZE=10000, CERTIFICATE_RENDER_THREADS)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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

// A throwaway signing certificate, as an agency's PKCS#12 would be.
const dir = mkdtempSync(path.join(tmpdir(), 'bench-p12-'));
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=Kepala BKPSDM Bench/O=Pemerintah Kota Bench/C=ID',
  ],
  { stdio: 'ignore' },
);
execFileSync(
  'openssl',
  [
    'pkcs12',
    '-export',
    '-inkey',
    path.join(dir, 'key.pem'),
    '-in',
    path.join(dir, 'cert.pem'),
    '-out',
    path.join(dir, 'bench.p12'),
    '-passout',
    'pass:bench-passphrase',
  ],
  { stdio: 'ignore' },
);
const p12 = readFileSync(path.join(dir, 'bench.p12'));
rmSync(dir, { recursive: true, force: true });

const config = loadConfig({
  DATABASE_URL: await recreateDatabase('asn_bench_certificates'),
  JWT_SECRET: 'x'.repeat(40),
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'https://diklat.example.go.id',
  ...(process.env.CERTIFICATE_RENDER_THREADS
    ? { CERTIFICATE_RENDER_THREADS: process.env.CERTIFICATE_RENDER_THREADS }
    : {}),
});
const deps = await createDeps(config, pino({ level: 'warn' }));
try {
  console.log(machine());
  console.log(JSON.stringify({ size: SIZE, renderThreads: config.certificateRenderThreads }));
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
  await services.cohorts.setPhases(actor, cohort.id, [
    {
      kind: 'online',
      name: 'MOOC',
      startDate: addDays(today, -30),
      endDate: addDays(today, -10),
      requiredJp: 45,
      remedialDays: 0,
    },
    {
      kind: 'classroom',
      name: 'Klasikal',
      startDate: addDays(today, -9),
      endDate: addDays(today, -2),
      requiredJp: 0,
      venue: 'Aula BPSDM',
      remedialDays: 0,
    },
  ]);
  await deps.pool.query(
    `insert into users (org_id, role, status, nip, name, category, unit, birth_place, birth_date, rank, position)
     select $1, 'participant', 'active', lpad(g::text, 18, '0'), 'Peserta Pelatihan Nomor ' || g, 'guru', 'Unit ' || (g % 40),
            'Jambi', date '1990-01-01' + g % 3000, 'Ahli Pertama (IX)', 'Guru Ahli Pertama pada Dinas Pendidikan'
       from generate_series(1, $2) g`,
    [org.id, SIZE],
  );
  await deps.pool.query(
    `insert into enrollments (cohort_id, user_id) select $1, id from users where org_id = $2 and role = 'participant'`,
    [cohort.id, org.id],
  );
  await services.assessment.putScheme(actor, cohort.id, {
    components: [{ code: 'sikap', name: 'Sikap Perilaku', weight: 100, source: 'manual' }],
    requireOnlineJp: false,
  });
  await deps.pool.query(
    `insert into scores (enrollment_id, component, score, scored_at)
     select e.id, 'sikap', round((75 + random() * 25)::numeric, 2), now() from enrollments e where e.cohort_id = $1`,
    [cohort.id],
  );
  await deps.pool.query('analyze');
  await services.schedule.reconcile();
  const results = await services.assessment.computeResults(actor, cohort.id);
  const summary = results.summary as { passed: number };

  const settings = services.certificateSettings;
  await settings.setLogo(
    actor,
    org.id,
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#1f3a5f"/></svg>',
    ),
  );
  await settings.setSignatories(
    actor,
    { orgId: org.id },
    {
      place: 'Jambi',
      signatories: [
        {
          position: 'Kepala Badan Kepegawaian dan Pengembangan SDM',
          name: 'Dr. H. Ahmad Syukri, M.Si.',
          nip: '197001011995031001',
          rank: 'Pembina Utama Muda (IV/c)',
        },
        {
          position: 'Ketua Penyelenggara',
          name: 'Budi Santoso, S.Kom.',
          nip: '198001012005011001',
          rank: 'Penata (III/c)',
        },
      ],
    },
  );
  await settings.configurePkcs12(actor, org.id, p12, 'bench-passphrase');

  const loop = monitorEventLoopDelay({ resolution: 10 });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { job } = await services.certificates.issue(actor, cohort.id, { queue: false });
  await services.certificates.runIssueJob(job.id);
  const ms = Math.round(performance.now() - t0);
  // CPU of the whole process, worker threads included: what a certificate costs, however busy the machine.
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  clearInterval(sampler);
  const { rows } = await deps.pool.query<{ n: number; signed: number; bytes: string }>(
    "select count(*)::int as n, count(*) filter (where signature = 'pkcs12')::int as signed, sum(length(pdf)) as bytes from certificates",
  );
  console.log(
    JSON.stringify({
      step: 'signed certificates',
      issued: rows[0]!.n,
      signed: rows[0]!.signed,
      ms,
      perSecond: Math.round((rows[0]!.n / ms) * 1000),
      cpuMsPerCertificate: +((cpu.user + cpu.system) / 1000 / rows[0]!.n).toFixed(1),
      peakMiB: Math.round(peak / 2 ** 20),
      averagePdfKiB: Math.round(Number(rows[0]!.bytes) / rows[0]!.n / 1024),
      eventLoopDelayMs: {
        p50: +(loop.percentile(50) / 1e6).toFixed(1),
        p99: +(loop.percentile(99) / 1e6).toFixed(1),
        max: +(loop.max / 1e6).toFixed(1),
      },
    }),
  );
  const ok = rows[0]!.n === summary.passed && rows[0]!.signed === summary.passed;
  console.log(ok ? 'CHECKS PASSED: one signed certificate per passed participant' : 'CHECKS FAILED');
  if (!ok) process.exitCode = 1;
} finally {
  await deps.close();
}
process.exit();
