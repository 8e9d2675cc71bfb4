import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import type { ReportRow } from '../../src/modules/reports/service.js';
import { createServices } from '../../src/services.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, seedOrg, type Member, type SeededOrg } from '../support/fixtures.js';
import {
  blendedCohort,
  participantToken as participantToken_,
  wib,
  type BlendedCohort,
  type Person,
} from '../support/classroom.js';
import { until } from '../support/until.js';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const run = promisify(execFile);

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// The Jambi classroom phase, 11–15 November 2024 (WIB).
const clock = manualClock('2024-11-11T01:00:00Z');
let ctx: TestContext;
let jambi: SeededOrg;
let admin: { Authorization: string };
let bystander: Member;
let platform: string;
let courseId: string;
let worker: RunningWorker | undefined;

type Cohort = BlendedCohort;

let seed = 1300;
const cohort = (code: string, size: number) => blendedCohort(ctx, admin, courseId, code, size, ++seed);

const scheme = {
  components: [
    { code: 'akademik', name: 'Evaluasi Akademik', weight: 20, source: 'quiz' },
    { code: 'sikap', name: 'Sikap Perilaku', weight: 30, source: 'manual' },
    { code: 'aktualisasi', name: 'Produk Aktualisasi', weight: 50, source: 'manual' },
  ],
  requireOnlineJp: false,
};

/** Best post-test scores, as if taken: every quiz lesson of the course at the same score. */
async function postTests(p: Person, score: number) {
  await ctx.deps.pool.query(
    `insert into lesson_progress (enrollment_id, lesson_id, best_score, attempts)
     select $1, l.id, $2, 1 from lessons l
       join cohorts c on c.course_version_id = l.version_id
       join enrollments e on e.cohort_id = c.id
      where e.id = $1 and l.kind = 'quiz'`,
    [p.enrollmentId, score],
  );
}

function scoreAll(c: Cohort, component: string, scores: Array<[Person, number]>, who = admin) {
  return ctx.http
    .put(`/v1/cohorts/${c.id}/scores/${component}`)
    .set(who)
    .send({ scores: scores.map(([p, score]) => ({ nip: p.nip, score })) });
}

const participantToken = (p: Person) => participantToken_(ctx, admin, p);

async function jobDone(jobId: string) {
  return until(async () => {
    const job = (await ctx.http.get(`/v1/jobs/${jobId}`).set(admin)).body;
    return ['done', 'failed'].includes(job.status) ? job : undefined;
  }, 30_000);
}

async function pdfText(pdf: Buffer) {
  const parser = new PDFParse({ data: pdf });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** Collects a binary answer (PDF, XLSX) into a Buffer. */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

let eval_: Cohort;
// A: 70.00 fails; B: 70.01 passes; C: 90.01 Sangat Memuaskan; D: 95 but absent 3 days;
// E: weighted 83.25; F: no manual scores.
let A: Person, B: Person, C: Person, D: Person, E: Person, F: Person;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  platform = await ctx.platformAdminToken();
  jambi = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  admin = bearer(jambi.admin.token);
  bystander = await createMember(ctx, platform, jambi.id, 'instructor');
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  eval_ = await cohort('EVAL-2024', 6);
  [A, B, C, D, E, F] = eval_.people as [Person, Person, Person, Person, Person, Person];
});
afterAll(async () => {
  await worker?.close();
  await ctx.close();
});

describe('assessment scheme and scores', () => {
  test('weights must sum to 100; each change is a new version', async () => {
    const bad = await ctx.http
      .put(`/v1/cohorts/${eval_.id}/assessment-scheme`)
      .set(admin)
      .send({ ...scheme, components: scheme.components.map((c) => ({ ...c, weight: 30 })) });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'SCHEME_INVALID', errors: [{ path: 'body.components' }] });

    const first = await ctx.http.put(`/v1/cohorts/${eval_.id}/assessment-scheme`).set(admin).send(scheme).expect(200);
    expect(first.body).toMatchObject({
      version: 1,
      passMark: 70.01,
      absence: { maxJp: 18, maxDays: 2, countExcused: true },
      bands: [
        { label: 'Sangat Memuaskan', minScore: 90.01 },
        { label: 'Memuaskan', minScore: 80.01 },
        { label: 'Cukup Memuaskan', minScore: 70.01 },
        { label: 'Kurang Memuaskan', minScore: 60.01 },
        { label: 'Tidak Memuaskan', minScore: 0 },
      ],
    });
    const second = await ctx.http.put(`/v1/cohorts/${eval_.id}/assessment-scheme`).set(admin).send(scheme).expect(200);
    expect(second.body.version).toBe(2);
  });

  test('instructors score only cohorts they teach; a post-test component is not scored by hand', async () => {
    // An instructor who teaches nothing in this cohort does not see it at all.
    const denied = await scoreAll(eval_, 'sikap', [[A, 70]], bearer(bystander.token));
    expect(denied.status).toBe(404);

    const byHand = await ctx.http
      .put(`/v1/enrollments/${A.enrollmentId}/scores/akademik`)
      .set(admin)
      .send({ score: 80 });
    expect(byHand.status).toBe(422);
    expect(byHand.body.code).toBe('COMPONENT_NOT_MANUAL');
    const unknown = await ctx.http
      .put(`/v1/enrollments/${A.enrollmentId}/scores/pidato`)
      .set(admin)
      .send({ score: 80 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('COMPONENT_NOT_FOUND');
    const precise = await ctx.http
      .put(`/v1/enrollments/${A.enrollmentId}/scores/sikap`)
      .set(admin)
      .send({ score: 70.001 });
    expect(precise.status).toBe(400);

    const wrong = await scoreAll(eval_, 'sikap', [
      [A, 70],
      [{ ...A, nip: '199001012024011998' }, 70],
    ]);
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'SCORES_INVALID', errors: [{ path: 'body.scores[1].nip' }] });
    const none = await ctx.http.get(`/v1/enrollments/${A.enrollmentId}/scores`).set(admin).expect(200);
    expect(none.body).toEqual([]);

    // An instructor with a session in the cohort may score; scorer and time are kept.
    const res = await ctx.http
      .post(`/v1/phases/${eval_.classroom}/sessions`)
      .set(admin)
      .send({
        title: 'Sikap Perilaku',
        startsAt: wib('2024-11-11T08:00:00'),
        endsAt: wib('2024-11-11T15:00:00'),
        jp: 7,
        instructorIds: [jambi.instructor.id],
      })
      .expect(201);
    expect(res.body.instructors).toEqual([{ id: jambi.instructor.id, name: expect.any(String) }]);
    const teacher = bearer(jambi.instructor.token);
    await scoreAll(
      eval_,
      'sikap',
      [
        [A, 70],
        [B, 70.01],
        [C, 90.01],
        [D, 95],
        [E, 77.5],
      ],
      teacher,
    ).expect(200);
    await scoreAll(
      eval_,
      'aktualisasi',
      [
        [A, 70],
        [B, 70.01],
        [C, 90.01],
        [D, 95],
        [E, 80],
      ],
      teacher,
    ).expect(200);
    const scored = await ctx.http.get(`/v1/enrollments/${E.enrollmentId}/scores`).set(admin).expect(200);
    expect(scored.body.find((s: { component: string }) => s.component === 'sikap')).toMatchObject({
      score: 77.5,
      scoredBy: jambi.instructor.id,
    });
  });
});

describe('results', () => {
  test('weighted scores, every boundary, absence over the limit failing a high scorer', async () => {
    for (const [p, score] of [
      [A, 70],
      [B, 70.01],
      [C, 90.01],
      [D, 95],
      [E, 100],
    ] as const)
      await postTests(p, score);
    // D misses three days of 7 JP: 21 JP and 3 days, over 18 JP and 2 days.
    await ctx.http
      .post(`/v1/cohorts/${eval_.id}/phases/${eval_.classroom}/transitions`)
      .set(admin)
      .send({ action: 'open', reason: 'mulai' })
      .expect(200);
    for (const day of ['2024-11-12', '2024-11-13', '2024-11-14']) {
      const s = await ctx.http
        .post(`/v1/phases/${eval_.classroom}/sessions`)
        .set(admin)
        .send({ title: `Sesi ${day}`, startsAt: wib(`${day}T08:00:00`), endsAt: wib(`${day}T15:00:00`), jp: 7 })
        .expect(201);
      clock.set(wib(`${day}T16:00:00`));
      await ctx.http
        .put(`/v1/sessions/${s.body.id}/attendance`)
        .set(admin)
        .send({
          records: [
            { nip: D.nip, status: 'absent' },
            { nip: C.nip, status: 'present' },
          ],
        })
        .expect(200);
    }

    // While the classroom phase runs, results are a preview: no one is marked passed or failed
    // (which would stop their learning from counting), and certificates wait.
    const preview = await ctx.http.post(`/v1/cohorts/${eval_.id}/results`).set(admin).expect(201);
    expect(preview.body).toMatchObject({ version: 1, final: false, summary: { passed: 3, failed: 3 } });
    const during = await ctx.deps.pool.query(
      "select count(*)::int as n from enrollments where cohort_id = $1 and status in ('passed', 'failed')",
      [eval_.id],
    );
    expect(during.rows[0].n).toBe(0);
    const notYet = await ctx.http.get(`/v1/enrollments/${B.enrollmentId}/result`).set(await participantToken(B));
    expect(notYet.status).toBe(404);
    const early = await ctx.http.post(`/v1/cohorts/${eval_.id}/certificates`).set(admin);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('RESULTS_NOT_FINAL');

    // The phase clock closes both phases (16 November, 08:00 WIB); then the results are final.
    clock.set(wib('2024-11-16T08:00:00'));
    await createServices(ctx.deps, () => '').schedule.reconcile();
    const run = await ctx.http.post(`/v1/cohorts/${eval_.id}/results`).set(admin).expect(201);
    expect(run.body).toMatchObject({
      version: 2,
      final: true,
      scheme: { version: 2, passMark: 70.01 },
      summary: {
        total: 6,
        passed: 3,
        failed: 3,
        byPredikat: {
          'Sangat Memuaskan': 2,
          Memuaskan: 1,
          'Cukup Memuaskan': 1,
          'Kurang Memuaskan': 1,
          'Tidak Memuaskan': 1,
        },
        byReason: { SCORE_BELOW_PASS_MARK: 2, ABSENCE_OVER_LIMIT: 1, SCORE_MISSING: 1 },
      },
    });
    const result = async (p: Person) =>
      (await ctx.http.get(`/v1/enrollments/${p.enrollmentId}/result`).set(admin).expect(200)).body;
    expect(await result(A)).toMatchObject({
      finalScore: 70,
      predikat: 'Kurang Memuaskan',
      passed: false,
      reasons: ['SCORE_BELOW_PASS_MARK'],
    });
    expect(await result(B)).toMatchObject({
      finalScore: 70.01,
      predikat: 'Cukup Memuaskan',
      passed: true,
      reasons: [],
    });
    expect(await result(C)).toMatchObject({
      finalScore: 90.01,
      predikat: 'Sangat Memuaskan',
      passed: true,
      classroomJp: 21,
    });
    expect(await result(D)).toMatchObject({
      finalScore: 95,
      predikat: 'Sangat Memuaskan',
      passed: false,
      reasons: ['ABSENCE_OVER_LIMIT'],
      absentJp: 21,
      absentDays: 3,
    });
    // 0.2 × 100 + 0.3 × 77.5 + 0.5 × 80 = 83.25
    expect(await result(E)).toMatchObject({
      components: { akademik: 100, sikap: 77.5, aktualisasi: 80 },
      finalScore: 83.25,
      predikat: 'Memuaskan',
      passed: true,
    });
    // Unattempted post-tests count 0; missing manual scores are named.
    expect(await result(F)).toMatchObject({
      components: { akademik: 0, sikap: null, aktualisasi: null },
      passed: false,
    });
    const statuses = await ctx.deps.pool.query(
      'select status, count(*)::int as n from enrollments where cohort_id = $1 group by status',
      [eval_.id],
    );
    expect(Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]))).toEqual({ passed: 3, failed: 3 });

    // A participant sees their own result, not another's.
    const own = await participantToken(B);
    expect((await ctx.http.get(`/v1/enrollments/${B.enrollmentId}/result`).set(own)).status).toBe(200);
    expect((await ctx.http.get(`/v1/enrollments/${C.enrollmentId}/result`).set(own)).status).toBe(404);
  });

  test('recomputing is a new version; earlier runs stay as they were', async () => {
    await ctx.http
      .put(`/v1/enrollments/${A.enrollmentId}/scores/aktualisasi`)
      .set(admin)
      .send({ score: 70.02 })
      .expect(200);
    const [first, second] = await Promise.all([
      ctx.http.post(`/v1/cohorts/${eval_.id}/results`).set(admin),
      ctx.http.post(`/v1/cohorts/${eval_.id}/results`).set(admin),
    ]);
    expect([first.body.version, second.body.version].sort()).toEqual([3, 4]);
    expect((await ctx.http.get(`/v1/cohorts/${eval_.id}/results`).set(admin)).body.version).toBe(4);
    const preview = await ctx.http.get(`/v1/cohorts/${eval_.id}/results?version=1`).set(admin).expect(200);
    expect(preview.body).toMatchObject({ version: 1, final: false });
    const runs = await ctx.deps.pool.query(
      `select rr.version, r.final_score, r.passed from results r join result_runs rr on rr.id = r.run_id
        where r.enrollment_id = $1 order by rr.version`,
      [A.enrollmentId],
    );
    // 0.2 × 70 + 0.3 × 70 + 0.5 × 70.02 = 70.01
    expect(runs.rows.map((r) => [r.version, Number(r.final_score), r.passed])).toEqual([
      [1, 70, false],
      [2, 70, false],
      [3, 70.01, true],
      [4, 70.01, true],
    ]);
  });
});

describe('certificates', () => {
  test('need results first', async () => {
    const fresh = await cohort('BARU', 1);
    const res = await ctx.http.post(`/v1/cohorts/${fresh.id}/certificates`).set(admin);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RESULTS_NOT_COMPUTED');
  });

  test('concurrent issuing yields one certificate per passed participant, numbered from the template', async () => {
    clock.set('2024-12-20T03:00:00Z');
    const calls = await Promise.all(
      [1, 2, 3].map(() => ctx.http.post(`/v1/cohorts/${eval_.id}/certificates`).set(admin)),
    );
    expect(calls.map((c) => c.status)).toEqual([202, 202, 202]);
    expect(calls[0]!.body.total).toBe(4);
    // The queue store loses the batch's job (a flushed Redis): asking again queues it again.
    const batch = calls[0]!.body.jobId as string;
    await ctx.deps.producers.certificates.obliterate({ force: true });
    expect(await ctx.deps.producers.certificates.getJob(batch)).toBeUndefined();
    const askedAgain = await ctx.http.post(`/v1/cohorts/${eval_.id}/certificates`).set(admin).expect(202);
    expect(askedAgain.body).toMatchObject({ jobId: batch, status: 'queued' });
    expect(await ctx.deps.producers.certificates.getJob(batch)).toBeDefined();
    worker = await startWorker(ctx.deps);
    for (const id of new Set(calls.map((c) => c.body.jobId as string))) expect((await jobDone(id)).status).toBe('done');
    // Again, after: nothing more to issue.
    const again = await ctx.http.post(`/v1/cohorts/${eval_.id}/certificates`).set(admin).expect(202);
    expect((await jobDone(again.body.jobId)).result).toEqual({ issued: 0 });

    const list = await ctx.http.get(`/v1/cohorts/${eval_.id}/certificates`).set(admin).expect(200);
    const passed = [A, B, C, E].map((p) => p.enrollmentId).sort();
    expect(list.body.items.map((c: { enrollmentId: string }) => c.enrollmentId).sort()).toEqual(passed);
    expect(list.body.items.map((c: { number: string }) => c.number).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `${n}/EVAL-2024/2024`),
    );
  });

  test('the database keeps it to one each even when two jobs race', async () => {
    const race = await cohort('BALAPAN', 8);
    await ctx.http
      .put(`/v1/cohorts/${race.id}/assessment-scheme`)
      .set(admin)
      .send({ components: [{ code: 'sikap', name: 'Sikap', weight: 100, source: 'manual' }], requireOnlineJp: false })
      .expect(200);
    await scoreAll(
      race,
      'sikap',
      race.people.map((p) => [p, 88] as [Person, number]),
    ).expect(200);
    // Its dates are long past: the phase clock closes its phases, and the results are final.
    const services = createServices(ctx.deps, () => '');
    await services.schedule.reconcile();
    const final = await ctx.http.post(`/v1/cohorts/${race.id}/results`).set(admin).expect(201);
    expect(final.body.final).toBe(true);
    // Two jobs for the same cohort, run side by side (the API would have answered the same job).
    const jobs = await Promise.all(
      [1, 2].map(() =>
        services.jobs.create({
          orgId: jambi.id,
          kind: 'certificate-issue',
          params: { cohortId: race.id, actorId: null },
          total: 8,
          createdBy: null,
        }),
      ),
    );
    await Promise.all(jobs.map((j) => services.certificates.runIssueJob(j.id)));
    const rows = await ctx.deps.pool.query(
      'select count(*)::int as n, count(distinct enrollment_id)::int as people, max(seq) as top from certificates where cohort_id = $1',
      [race.id],
    );
    expect(rows.rows[0]).toEqual({ n: 8, people: 8, top: 8 });
    const results = await Promise.all(
      jobs.map(
        async (j) =>
          (await services.jobs.get({ userId: null, role: 'system', scope: { kind: 'all' }, requestId: null }, j.id))
            .result,
      ),
    );
    expect(results.map((r) => r!.issued as number).reduce((a, b) => a + b)).toBe(8);
  });

  test('the CLI issues them too, with its progress', async () => {
    const small = await cohort('CLI-2024', 3);
    await ctx.http
      .put(`/v1/cohorts/${small.id}/assessment-scheme`)
      .set(admin)
      .send({ components: [{ code: 'sikap', name: 'Sikap', weight: 100, source: 'manual' }], requireOnlineJp: false })
      .expect(200);
    await scoreAll(
      small,
      'sikap',
      small.people.map((p) => [p, 75] as [Person, number]),
    ).expect(200);
    await createServices(ctx.deps, () => '').schedule.reconcile();
    await ctx.http.post(`/v1/cohorts/${small.id}/results`).set(admin).expect(201);

    const cli = () =>
      run(tsx, ['src/cli.ts', 'issue-certificates', '--org', 'KOTA-JAMBI', '--cohort', 'CLI-2024'], {
        cwd: root,
        env: { PATH: process.env.PATH, DATABASE_URL: ctx.databaseUrl, JWT_SECRET: 'x'.repeat(40) },
        timeout: 60_000,
      });
    const first = await cli();
    expect(first.stdout).toContain('3 certificate(s) issued.');
    expect(first.stderr).toContain('Certificates for CLI-2024: 3/3');
    expect((await cli()).stdout).toContain('0 certificate(s) issued.');
    const { rows } = await ctx.deps.pool.query('select count(*)::int as n from certificates where cohort_id = $1', [
      small.id,
    ]);
    expect(rows[0].n).toBe(3);
  });

  test('the PDF carries name and NIP; participants get only their own', async () => {
    const own = await participantToken(C);
    const mine = await ctx.http.get('/v1/me/certificates').set(own).expect(200);
    expect(mine.body).toHaveLength(1);
    const cert = mine.body[0];
    expect(cert.fields).toMatchObject({
      name: C.name,
      nip: C.nip,
      predikat: 'Sangat Memuaskan',
      venue: 'Aula BPSDM',
      issuedOn: '2024-12-20',
    });
    const pdf = await ctx.http
      .get(cert.pdfUrl)
      .set(own)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(C.name);
    expect(text).toContain(C.nip);
    expect(text).toContain(cert.number);
    expect(text).toContain(cert.verifyUrl);
    expect((await ctx.http.get(cert.pdfUrl).set(await participantToken(B))).status).toBe(404);
  });

  test('anyone can verify; a revoked certificate shows as revoked', async () => {
    const [cert] = (await ctx.http.get(`/v1/cohorts/${eval_.id}/certificates`).set(admin)).body.items;
    const verify = () => ctx.http.get(`/v1/certificates/verify/${cert.code}`);
    const valid = await verify().expect(200);
    expect(valid.body).toMatchObject({
      status: 'valid',
      number: cert.number,
      name: cert.fields.name,
      nip: `**************${cert.fields.nip.slice(-4)}`,
      program: cert.fields.program,
      organizer: cert.fields.instansi,
      cohort: 'Angkatan EVAL-2024',
      predikat: cert.fields.predikat,
      date: '2024-12-20',
      signed: false,
      revokedAt: null,
      replacedBy: null,
    });
    // Nothing else about the person: no birth data, rank, position or score.
    for (const key of ['birthPlace', 'birthDate', 'rank', 'position', 'finalScore', 'fields'])
      expect(valid.body).not.toHaveProperty(key);
    expect((await ctx.http.get('/v1/certificates/verify/ZZZZZZZZZZZZZZZZZZZZ')).body.code).toBe(
      'CERTIFICATE_NOT_FOUND',
    );

    const revoked = await ctx.http
      .post(`/v1/certificates/${cert.id}/revoke`)
      .set(admin)
      .send({ reason: 'Data peserta keliru' })
      .expect(200);
    expect(revoked.body.revokeReason).toBe('Data peserta keliru');
    expect((await verify().expect(200)).body).toMatchObject({ status: 'revoked', revokeCategory: 'other' });
    const twice = await ctx.http.post(`/v1/certificates/${cert.id}/revoke`).set(admin).send({ reason: 'lagi' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CERTIFICATE_REVOKED');
  });
});

describe('reports', () => {
  test('JSON, CSV and XLSX carry the same rows and a summary', async () => {
    const json = await ctx.http.get(`/v1/cohorts/${eval_.id}/report`).set(admin).expect(200);
    expect(json.headers['content-type']).toContain('application/json');
    const report = json.body;
    expect(report).toMatchObject({
      cohort: { code: 'EVAL-2024' },
      resultVersion: 4,
      summary: {
        participants: 6,
        byStatus: { passed: 4, failed: 2 },
        byPredikat: { 'Sangat Memuaskan': 2 },
        certificatesIssued: 3,
      },
    });
    expect(Object.values(report.summary.byCategory as Record<string, number>).reduce((a, b) => a + b)).toBe(6);
    expect(report.rows).toHaveLength(6);
    const rowC = report.rows.find((r: { nip: string }) => r.nip === C.nip);
    expect(rowC).toMatchObject({
      name: C.name,
      classroomJp: 21,
      attendance: { present: 3, absent: 0 },
      scores: { akademik: 90.01, sikap: 90.01, aktualisasi: 90.01 },
      finalScore: 90.01,
      predikat: 'Sangat Memuaskan',
      status: 'passed',
    });
    expect(report.rows.find((r: { nip: string }) => r.nip === D.nip)).toMatchObject({
      attendance: { absent: 3, absentJp: 21, absentDays: 3 },
      status: 'failed',
      certificateNumber: null,
    });

    const csv = await ctx.http.get(`/v1/cohorts/${eval_.id}/report?format=csv`).set(admin).expect(200);
    expect(csv.headers['content-disposition']).toContain('laporan-EVAL-2024.csv');
    const records = parse(csv.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.NIP)).toEqual(report.rows.map((r: { nip: string }) => r.nip));

    const xlsx = await ctx.http
      .get(`/v1/cohorts/${eval_.id}/report?format=xlsx`)
      .set(admin)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Peserta')!;
    // The table starts under the heading, at the frozen header row.
    const headerRow = (sheet.views[0] as { ySplit: number }).ySplit;
    const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1);
    const rows: Array<Record<string, unknown>> = [];
    sheet.eachRow((row, n) => {
      if (n <= headerRow) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((h, i) => [h as string, values[i] ?? null])));
    });
    expect(rows).toEqual(
      report.rows.map((r: ReportRow) =>
        expect.objectContaining({
          NIP: r.nip,
          Nama: r.name,
          'JP Klasikal': r.classroomJp,
          'Nilai Sikap Perilaku (30%)': r.scores.sikap,
          // A final score over a missing score is no score: a blank, not "0 / Tidak Memuaskan".
          'Nilai Akhir': r.reasons.includes('SCORE_MISSING') ? null : r.finalScore,
          Predikat: r.reasons.includes('SCORE_MISSING') ? null : r.predikat,
          Status: { passed: 'Lulus', failed: 'Tidak Lulus' }[r.status as 'passed' | 'failed'],
          'Nomor Sertifikat': r.certificateNumber,
        }),
      ),
    );
    expect(rows.filter((r) => r['Nilai Akhir'] === null)).toHaveLength(
      report.rows.filter((r: ReportRow) => r.reasons.includes('SCORE_MISSING')).length,
    );
    const recap = book.getWorksheet('Ringkasan')!;
    expect(recap.getRow(2).values).toEqual([undefined, 'Peserta', 'semua', 6]);

    const invalid = await ctx.http.get(`/v1/cohorts/${eval_.id}/report?format=pdf`).set(admin);
    expect(invalid.status).toBe(400);
  });
});

test('another organization finds none of it', async () => {
  const other = await seedOrg(ctx, platform, 'KAB-MUARO-JAMBI');
  const them = bearer(other.admin.token);
  const [cert] = (await ctx.http.get(`/v1/cohorts/${eval_.id}/certificates`).set(admin)).body.items;
  const sessions = (await ctx.http.get(`/v1/phases/${eval_.classroom}/sessions`).set(admin)).body;
  for (const [method, url] of [
    ['get', `/v1/cohorts/${eval_.id}/report`],
    ['get', `/v1/cohorts/${eval_.id}/assessment-scheme`],
    ['get', `/v1/cohorts/${eval_.id}/results`],
    ['get', `/v1/enrollments/${C.enrollmentId}/result`],
    ['get', `/v1/phases/${eval_.classroom}/sessions`],
    ['get', `/v1/sessions/${sessions[0].id}/attendance`],
    ['get', cert.pdfUrl],
    ['post', `/v1/cohorts/${eval_.id}/certificates`],
  ] as const) {
    const res = await ctx.http[method](url).set(them);
    expect([url, res.status]).toEqual([url, 404]);
  }
});
