/**
 * The 20 JP report of an instansi with 50,000 staff: each format downloaded over HTTP from the
 * running app, with the wall time, the bytes, the peak resident memory of the process and the
 * 99th percentile of the event loop's delay while it streams. Staff in 40 units, half PNS and
 * half PPPK, with three ledger entries each this year (two programs and an external training)
 * and one of last year; a fresh database on the benchmark server.
 *
 *   npm run bench:annual-jp          (env: BENCH_DATABASE_URL, STAFF=50000)
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { machine, recreateDatabase } from './support.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { ensurePlatformAdmin } from '../src/modules/identity/bootstrap.js';

const STAFF = Number(process.env.STAFF ?? 50_000);
const YEAR = new Date().getUTCFullYear();

async function seed(deps: Awaited<ReturnType<typeof createDeps>>) {
  const { rows } = await deps.pool.query<{ id: string }>(
    `insert into organizations (code, name, time_zone, settings)
     values ('KOTA-BESAR', 'Pemerintah Kota Besar', 'Asia/Jakarta',
             '{"minutesPerJp":45,"annualJpTarget":20,"annualJpTargetPppk":24,"allowNonAsnParticipants":false}')
     returning id`,
  );
  const orgId = rows[0]!.id;
  // NIPs: a birth date, then a PNS appointment month (…202001 1 …) or a PPPK code (…2024 2 1 …).
  await deps.pool.query(
    `insert into users (home_org_id, status, nip, nip_kind, name, unit, category, position, rank)
     select $1::uuid, 'active',
            to_char(date '1970-01-01' + (g % 20000), 'YYYYMMDD') ||
              case when g % 2 = 0 then '202001' else '202421' end || '1' || lpad((g / 20000)::text, 3, '0'),
            case when g % 2 = 0 then 'pns' else 'pppk' end::nip_kind,
            'Pegawai ' || g, 'Unit ' || lpad((g % 40)::text, 2, '0'),
            (array['tenaga teknis','guru','tenaga kesehatan'])[1 + g % 3], 'Analis', 'III/a'
       from generate_series(1, $2::int) g
     on conflict do nothing`,
    [orgId, STAFF],
  );
  await deps.pool.query(
    `insert into jp_ledger (user_id, org_id, source, jp, occurred_at, local_date, details, created_at)
     select u.id, $1::uuid, s.source::jp_source, s.jp, now(), s.day, '{}'::jsonb, now()
       from users u
       cross join lateral (values
         ('adjustment', (abs(hashtext(u.id::text)) % 12)::numeric, make_date($2, 3, 1)),
         ('adjustment', (abs(hashtext(u.name)) % 10)::numeric, make_date($2, 6, 1)),
         ('external', 4::numeric, make_date($2, 2, 1)),
         ('external', 30::numeric, make_date($2 - 1, 12, 1))
       ) as s(source, jp, day)
      where u.home_org_id = $1::uuid and s.jp > 0`,
    [orgId, YEAR],
  );
  await deps.pool.query('analyze');
  const { rows: count } = await deps.pool.query<{ n: number }>('select count(*)::int as n from users');
  if (count[0]!.n !== STAFF) throw new Error(`seeded ${count[0]!.n} staff, not ${STAFF}`);
  return orgId;
}

async function main() {
  const url = await recreateDatabase('asn_bench_annual_jp');
  const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn' });
  const deps = await createDeps(config, pino({ level: 'warn' }));
  const started = Date.now();
  const orgId = await seed(deps);
  const seeded = (Date.now() - started) / 1000;
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  await ensurePlatformAdmin(deps.db, deps.clock, {
    email: 'bench@example.org',
    password: 'bench-password-1',
    name: 'Bench',
  });
  const login = await fetch(`http://127.0.0.1:${address.port}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'bench@example.org', password: 'bench-password-1' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;

  console.log(`# 20 JP report, ${STAFF.toLocaleString('en')} staff (seeded in ${seeded.toFixed(1)} s)`);
  console.log(machine());
  global.gc?.();
  console.log(`RSS before the first download: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  console.log('| format | time | rows/s | size | peak RSS | event-loop p99 | event-loop max |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const format of ['json', 'csv', 'xlsx', 'csv&view=units']) {
    global.gc?.();
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    histogram.enable();
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${address.port}/v1/reports/annual-jp?orgId=${orgId}&format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`${format}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const seconds = (performance.now() - t0) / 1000;
    histogram.disable();
    clearInterval(sampler);
    const ms = (ns: number) => `${(ns / 1e6).toFixed(0)} ms`;
    console.log(
      `| ${format} | ${seconds.toFixed(2)} s | ${format.includes('units') ? '—' : Math.round(STAFF / seconds).toLocaleString('en')} | ${(bytes / 2 ** 20).toFixed(1)} MiB | ${Math.round(peak / 2 ** 20)} MiB | ${ms(histogram.percentile(99))} | ${ms(histogram.max)} |`,
    );
  }
  await app.close();
  await deps.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
