import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { wib } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, scheduleAhead, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { pdfFile } from '../support/upload-files.js';

const clock = manualClock(wib('2024-10-25T09:00:00'));
let ctx: TestContext;
let dir: string;
let org: SeededOrg;

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'asn-volume-'));
  ctx = await createTestContext({ clock, env: { FILE_STORAGE: 'filesystem', FILE_STORAGE_DIR: dir } });
  org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KAB-VOLUME');
});
afterAll(async () => {
  await ctx.close();
  await rm(dir, { recursive: true, force: true });
});

test('with filesystem storage a journal lands in the directory, downloads whole and is reviewed as usual', async () => {
  const admin = bearer(org.admin.token);
  const imported = await ctx.http
    .post('/v1/courses/import?publish=true')
    .set(admin)
    .send({
      format: 'course-package/1',
      code: 'JURNAL',
      title: 'Jurnal',
      modules: [
        {
          code: 'M1',
          agenda: 'A',
          title: 'Jurnal',
          jp: 1,
          jpFixed: true,
          lessons: [
            {
              code: 'JURNAL',
              kind: 'assignment',
              title: 'Jurnal Pembelajaran',
              body: 'Unggah jurnal (PDF).',
              durationMinutes: 45,
              submission: { accepts: 'file' },
            },
          ],
        },
      ],
    })
    .expect(201);
  const course = await ctx.http.get(`/v1/courses/${imported.body.courseId}`).set(admin).expect(200);
  const lessonId = course.body.version.modules[0].lessons[0].id as string;
  const cohort = await ctx.http
    .post('/v1/cohorts')
    .set(admin)
    .send({ courseId: imported.body.courseId, code: 'VOL-1', name: 'Angkatan I' })
    .expect(201);
  const phased = await ctx.http
    .put(`/v1/cohorts/${cohort.body.id}/phases`)
    .set(admin)
    .send({ phases: [{ kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 1 }] })
    .expect(200);
  await scheduleAhead(ctx, admin, cohort.body.id, '2024-10-01T00:00:00Z');
  await ctx.http
    .post(`/v1/cohorts/${cohort.body.id}/phases/${phased.body.phases[0].id}/transitions`)
    .set(admin)
    .send({ action: 'open', reason: 'mulai' })
    .expect(200);
  const enrollment = await ctx.http
    .post(`/v1/cohorts/${cohort.body.id}/enrollments`)
    .set(admin)
    .send({ userId: org.participant.id })
    .expect(201);
  const participant = bearer(org.participant.token);

  const pdf = await pdfFile('Jurnal di volume produksi');
  const sent = await ctx.http
    .post(`/v1/enrollments/${enrollment.body.id}/lessons/${lessonId}/submissions`)
    .set(participant)
    .attach('file', pdf, 'jurnal.pdf')
    .expect(201);
  expect(sent.body.file).toMatchObject({ mediaType: 'application/pdf', size: pdf.length });

  const { rows } = await ctx.deps.pool.query<{ backend: string; key: string }>('select backend, key from stored_files');
  expect(rows).toEqual([{ backend: 'filesystem', key: expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/) }]);
  expect((await readFile(path.join(dir, rows[0]!.key))).equals(pdf)).toBe(true);
  expect(await readdir(path.dirname(path.join(dir, rows[0]!.key)))).toEqual([path.basename(rows[0]!.key)]);
  const chunks = await ctx.deps.pool.query<{ n: number }>('select count(*)::int as n from stored_file_chunks');
  expect(chunks.rows[0]!.n).toBe(0);

  for (const who of [participant, admin]) {
    const got = await ctx.http
      .get(`/v1/submissions/${sent.body.id}/file`)
      .set(who)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect((got.body as Buffer).equals(pdf)).toBe(true);
  }
  const text = await ctx.http
    .post(`/v1/enrollments/${enrollment.body.id}/lessons/${lessonId}/submissions`)
    .set(participant)
    .send({ text: 'Teks saja' });
  expect(text.status).toBe(422);
  expect(text.body.code).toBe('SUBMISSION_KIND_REFUSED');
  const accepted = await ctx.http
    .post(`/v1/submissions/${sent.body.id}/review`)
    .set(admin)
    .send({ decision: 'accept' })
    .expect(200);
  expect(accepted.body).toMatchObject({ status: 'accepted', lessonCompleted: true });
});
