import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { wib } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, scheduleAhead, seedOrg, type Member, type SeededOrg } from '../support/fixtures.js';
import { docxFile, exeFile, pdfFile, pngFile, xlsxFile } from '../support/upload-files.js';

// Inside the MOOC of 23 October – 8 November 2024 (WIB).
const clock = manualClock(wib('2024-10-25T09:00:00'));
let ctx: TestContext;
let org: SeededOrg;
let other: SeededOrg;
let admin: { Authorization: string };
let bystander: Member;
let cohortId: string;
let online: string;
let classroom: string;
let journal: string;
let reflection: string;
let courseId: string;

interface Learner {
  member: Member;
  enrollmentId: string;
  auth: { Authorization: string };
}
let ani: Learner, budi: Learner, citra: Learner;

const coursePackage = {
  format: 'course-package/1',
  code: 'PKA-JURNAL',
  title: 'Pelatihan dengan Jurnal',
  modules: [
    {
      code: 'M1',
      agenda: 'Agenda Aktualisasi',
      title: 'Jurnal dan Refleksi',
      jp: 2,
      jpFixed: true,
      lessons: [
        { code: 'BACAAN', kind: 'reading', title: 'Bacaan', body: 'Materi', durationMinutes: 45 },
        {
          code: 'JURNAL',
          kind: 'assignment',
          title: 'Jurnal Pembelajaran',
          body: 'Unggah jurnal pembelajaran (PDF, paling besar 5 MB) setelah seluruh materi selesai.',
          durationMinutes: 45,
          submission: { accepts: 'file_or_text', completesOn: 'acceptance' },
        },
        {
          code: 'REFLEKSI',
          kind: 'assignment',
          title: 'Refleksi',
          body: 'Tuliskan refleksi Anda.',
          durationMinutes: 10,
          submission: { accepts: 'text', completesOn: 'submission' },
        },
      ],
    },
  ],
};

/** Collects a binary answer into a Buffer. */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const submitFile = (who: Learner, lessonId: string, bytes: Buffer, name: string) =>
  ctx.http
    .post(`/v1/enrollments/${who.enrollmentId}/lessons/${lessonId}/submissions`)
    .set(who.auth)
    .attach('file', bytes, name);
const submitText = (who: Learner, lessonId: string, text: string) =>
  ctx.http.post(`/v1/enrollments/${who.enrollmentId}/lessons/${lessonId}/submissions`).set(who.auth).send({ text });
const review = (id: string, who: { Authorization: string }, body: object) =>
  ctx.http.post(`/v1/submissions/${id}/review`).set(who).send(body);
const download = (id: string, who: { Authorization: string }) =>
  ctx.http
    .get(`/v1/submissions/${id}/file`)
    .set(who)
    .buffer(true)
    .parse(binary as never);

async function lessonState(who: Learner, lessonId: string) {
  const { rows } = await ctx.deps.pool.query<{ completed_at: Date | null; completed_by: string | null }>(
    'select completed_at, completed_by from lesson_progress where enrollment_id = $1 and lesson_id = $2',
    [who.enrollmentId, lessonId],
  );
  return rows[0] ?? { completed_at: null, completed_by: null };
}

async function storedCount() {
  const { rows } = await ctx.deps.pool.query<{ files: number; chunks: number }>(
    'select (select count(*)::int from stored_files) as files, (select count(*)::int from stored_file_chunks) as chunks',
  );
  return rows[0]!;
}

async function enroll(member: Member): Promise<Learner> {
  const res = await ctx.http
    .post(`/v1/cohorts/${cohortId}/enrollments`)
    .set(admin)
    .send({ userId: member.id })
    .expect(201);
  return { member, enrollmentId: res.body.id, auth: bearer(member.token) };
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'PROV-JAMBI');
  other = await seedOrg(ctx, platform, 'KOTA-LAIN');
  admin = bearer(org.admin.token);
  bystander = await createMember(ctx, platform, org.id, 'instructor');
  const imported = await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(coursePackage).expect(201);
  courseId = imported.body.courseId;
  const course = await ctx.http.get(`/v1/courses/${courseId}`).set(admin).expect(200);
  const lessons = course.body.version.modules[0].lessons as Array<{ id: string; code: string }>;
  journal = lessons.find((l) => l.code === 'JURNAL')!.id;
  reflection = lessons.find((l) => l.code === 'REFLEKSI')!.id;
  const cohort = await ctx.http
    .post('/v1/cohorts')
    .set(admin)
    .send({ courseId: imported.body.courseId, code: 'PKA-IV', name: 'PKA Angkatan IV' })
    .expect(201);
  cohortId = cohort.body.id;
  const phased = await ctx.http
    .put(`/v1/cohorts/${cohortId}/phases`)
    .set(admin)
    .send({
      phases: [
        {
          kind: 'online',
          name: 'MOOC',
          startDate: '2024-10-23',
          endDate: '2024-11-08',
          requiredJp: 2,
          remedialDays: 15,
        },
        { kind: 'classroom', name: 'Klasikal', startDate: '2024-11-11', endDate: '2024-11-15', venue: 'Aula' },
      ],
    })
    .expect(200);
  [online, classroom] = (phased.body.phases as Array<{ id: string }>).map((p) => p.id) as [string, string];
  await scheduleAhead(ctx, admin, cohortId, '2024-10-01T00:00:00Z');
  // The widyaiswara teaches a session of this cohort: that makes them one of its reviewers.
  await ctx.http
    .post(`/v1/phases/${classroom}/sessions`)
    .set(admin)
    .send({
      title: 'Pembahasan Jurnal',
      startsAt: wib('2024-11-11T08:00:00'),
      endsAt: wib('2024-11-11T12:00:00'),
      jp: 4,
      instructorIds: [org.instructor.id],
    })
    .expect(201);
  ani = await enroll(org.participant);
  budi = await enroll(await createMember(ctx, platform, org.id, 'participant'));
  citra = await enroll(await createMember(ctx, platform, org.id, 'participant'));
});
afterAll(async () => {
  await ctx.close();
});

describe('the lesson setting', () => {
  test('is part of the lesson content: in packages and the lesson API, fixed once published', async () => {
    const exported = await ctx.http.get(`/v1/courses/${courseId}/export`).set(admin).expect(200);
    const lessons = exported.body.modules[0].lessons as Array<{ code: string; submission?: unknown }>;
    expect(lessons.find((l) => l.code === 'JURNAL')!.submission).toEqual({
      accepts: 'file_or_text',
      completesOn: 'acceptance',
    });
    expect(lessons.find((l) => l.code === 'BACAAN')).not.toHaveProperty('submission');
    const again = await ctx.http.post('/v1/courses/import').set(admin).send(coursePackage).expect(200);
    expect(again.body.outcome).toBe('unchanged');

    const seen = await ctx.http.get(`/v1/lessons/${journal}`).set(ani.auth).expect(200);
    expect(seen.body.submission).toEqual({ accepts: 'file_or_text', completesOn: 'acceptance' });
    const frozen = await ctx.http
      .patch(`/v1/lessons/${journal}`)
      .set(admin)
      .send({ submission: { accepts: 'file', completesOn: 'submission' } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('VERSION_PUBLISHED');

    // A new draft copies the setting; there it can change.
    await ctx.http.post(`/v1/courses/${courseId}/versions`).set(admin).expect(201);
    const draft = await ctx.http.get(`/v1/courses/${courseId}`).set(admin).expect(200);
    const draftJournal = (draft.body.version.modules[0].lessons as Array<{ id: string; code: string }>).find(
      (l) => l.code === 'JURNAL',
    )!;
    const changed = await ctx.http
      .patch(`/v1/lessons/${draftJournal.id}`)
      .set(admin)
      .send({ submission: { accepts: 'file', completesOn: 'submission' } })
      .expect(200);
    expect(changed.body.submission).toEqual({ accepts: 'file', completesOn: 'submission' });
    await ctx.http.delete(`/v1/courses/${courseId}/draft`).set(admin).expect(204);
  });
});

describe('handing in', () => {
  test('nothing is taken before a phase of the cohort opens', async () => {
    const early = await submitFile(ani, journal, await pdfFile(), 'jurnal.pdf');
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body.code).toBe('PHASE_NOT_OPEN');
    expect(await storedCount()).toEqual({ files: 0, chunks: 0 });
    await ctx.http
      .post(`/v1/cohorts/${cohortId}/phases/${online}/transitions`)
      .set(admin)
      .send({ action: 'open', reason: 'MOOC dibuka' })
      .expect(200);
  });

  test('a journal accepted by the cohort\u2019s instructor completes the lesson; events and audit follow', async () => {
    const pdf = await pdfFile('Jurnal Pembelajaran Ani');
    const sent = await submitFile(ani, journal, pdf, 'jurnal-ani.pdf').expect(201);
    expect(sent.body).toMatchObject({
      version: 1,
      status: 'submitted',
      kind: 'file',
      text: null,
      lessonCompleted: false,
      participant: { id: ani.member.id, nip: ani.member.nip },
      file: { name: 'jurnal-ani.pdf', mediaType: 'application/pdf', size: pdf.length },
    });
    expect((await lessonState(ani, journal)).completed_at).toBeNull();

    const again = await submitFile(ani, journal, pdf, 'jurnal-ani.pdf');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SUBMISSION_UNDER_REVIEW');

    // An instructor of the organization who teaches nothing in this cohort may not review it.
    const outsider = await review(sent.body.id, bearer(bystander.token), { decision: 'accept' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('NOT_COHORT_INSTRUCTOR');
    const queue = await ctx.http
      .get(`/v1/cohorts/${cohortId}/submissions?status=submitted`)
      .set(bearer(org.instructor.token))
      .expect(200);
    expect(queue.body.items.map((s: { id: string }) => s.id)).toEqual([sent.body.id]);

    const accepted = await review(sent.body.id, bearer(org.instructor.token), {
      decision: 'accept',
      comment: 'Lengkap dan rapi.',
    }).expect(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      reviewedBy: org.instructor.id,
      reviewComment: 'Lengkap dan rapi.',
      lessonCompleted: true,
    });
    expect(await lessonState(ani, journal)).toMatchObject({ completed_at: expect.any(Date), completed_by: 'review' });
    const mine = await ctx.http.get(`/v1/me/enrollments/${ani.enrollmentId}`).set(ani.auth).expect(200);
    expect(mine.body.progress.lessons.find((l: { lessonId: string }) => l.lessonId === journal)).toMatchObject({
      state: 'completed',
    });

    const twice = await review(sent.body.id, admin, { decision: 'return', comment: 'Ulangi' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SUBMISSION_ALREADY_REVIEWED');
    const after = await submitFile(ani, journal, pdf, 'jurnal-ani.pdf');
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('SUBMISSION_ACCEPTED');

    const events = await ctx.deps.pool.query<{ type: string; payload: Record<string, unknown> }>(
      "select type, payload from outbox where type like 'submission.%' order by id",
    );
    expect(events.rows).toEqual([
      {
        type: 'submission.created',
        payload: expect.objectContaining({ submissionId: sent.body.id, version: 1, kind: 'file' }),
      },
      {
        type: 'submission.reviewed',
        payload: expect.objectContaining({ submissionId: sent.body.id, decision: 'accept' }),
      },
    ]);
    const audit = await ctx.deps.pool.query<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_log where entity_type = 'submission' and entity_id = $1 order by id",
      [sent.body.id],
    );
    expect(audit.rows).toEqual([
      { action: 'submission.created', actor_id: ani.member.id },
      { action: 'submission.reviewed', actor_id: org.instructor.id },
    ]);
  });

  test('returned with a comment, handed in again as a document, every version kept', async () => {
    const first = await submitText(budi, journal, 'Jurnal saya: hari pertama belajar nilai BerAKHLAK.').expect(201);
    expect(first.body).toMatchObject({ kind: 'text', file: null, version: 1 });
    const bare = await review(first.body.id, admin, { decision: 'return' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('VALIDATION_FAILED');
    const returned = await review(first.body.id, admin, {
      decision: 'return',
      comment: 'Lampirkan dokumen jurnal, bukan teks singkat.',
    }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', lessonCompleted: false });
    expect((await lessonState(budi, journal)).completed_at).toBeNull();

    const second = await submitFile(budi, journal, docxFile(), 'jurnal-budi.docx').expect(201);
    expect(second.body).toMatchObject({
      version: 2,
      status: 'submitted',
      file: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    const history = await ctx.http
      .get(`/v1/enrollments/${budi.enrollmentId}/lessons/${journal}/submissions`)
      .set(budi.auth)
      .expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        version: 1,
        status: 'returned',
        kind: 'text',
        text: 'Jurnal saya: hari pertama belajar nilai BerAKHLAK.',
        reviewComment: 'Lampirkan dokumen jurnal, bukan teks singkat.',
      }),
      expect.objectContaining({ version: 2, status: 'submitted', kind: 'file' }),
    ]);
    await review(second.body.id, admin, { decision: 'accept' }).expect(200);
    expect((await lessonState(budi, journal)).completed_by).toBe('review');
  });

  test('a lesson set to complete on submission completes when the work is handed in', async () => {
    const file = await submitFile(citra, reflection, pngFile(), 'refleksi.png');
    expect(file.status).toBe(422);
    expect(file.body.code).toBe('SUBMISSION_KIND_REFUSED');
    const sent = await submitText(citra, reflection, 'Refleksi: saya belajar melayani dengan sepenuh hati.').expect(
      201,
    );
    expect(sent.body).toMatchObject({ status: 'submitted', lessonCompleted: true });
    expect(await lessonState(citra, reflection)).toMatchObject({ completed_by: 'submission' });
    // A review still happens; returning it does not undo the completion.
    const returned = await review(sent.body.id, bearer(org.instructor.token), {
      decision: 'return',
      comment: 'Perdalam sedikit.',
    }).expect(200);
    expect(returned.body.lessonCompleted).toBe(true);
  });

  test('images and spreadsheets are taken too', async () => {
    const image = await submitFile(citra, journal, pngFile(), 'foto-kegiatan.png').expect(201);
    expect(image.body.file.mediaType).toBe('image/png');
    await review(image.body.id, admin, { decision: 'return', comment: 'Kirim rencana aksinya.' }).expect(200);
    const sheet = await submitFile(citra, journal, await xlsxFile(), 'rencana-aksi.xlsx').expect(201);
    expect(sheet.body).toMatchObject({
      version: 2,
      file: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
  });
});

describe('files are checked by content and size', () => {
  test('a program or a text named .pdf is refused, and nothing is kept', async () => {
    const before = await storedCount();
    await review(
      (await ctx.http.get(`/v1/cohorts/${cohortId}/submissions?status=submitted`).set(admin)).body.items[0].id,
      admin,
      { decision: 'return', comment: 'Ulangi.' },
    ).expect(200);
    // The participant is told, in their language, what the file was and what is taken instead.
    const refusals = [
      {
        bytes: exeFile(),
        lang: 'id',
        detail:
          'Isi berkas berjenis application/x-msdownload; kirim PDF, gambar PNG, JPEG atau WebP, atau dokumen DOCX, XLSX atau PPTX',
      },
      {
        bytes: Buffer.from('Ini jurnal saya, ditulis di Notepad.\n'),
        lang: 'en',
        detail:
          'The content of the file is of no known type; send a PDF, a PNG, JPEG or WebP image, or a DOCX, XLSX or PPTX document',
      },
    ];
    for (const { bytes, lang, detail } of refusals) {
      const res = await submitFile(citra, journal, bytes, 'jurnal.pdf').set('Accept-Language', lang);
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('UNSUPPORTED_FILE_TYPE');
      if (lang === 'id') expect(res.body.title).toBe('Jenis berkas tidak didukung');
      expect(res.body.detail).toBe(detail);
    }
    expect(await storedCount()).toEqual(before);
  });

  test('a file over the limit (5 MB by default) is refused with 413, and nothing is kept', async () => {
    expect(ctx.config.submissionMaxBytes).toBe(5 * 1024 * 1024);
    const before = await storedCount();
    const big = Buffer.concat([await pdfFile(), Buffer.alloc(5 * 1024 * 1024)]);
    const res = await submitFile(citra, journal, big, 'jurnal-besar.pdf');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storedCount()).toEqual(before);
  });
});

describe('who sees a submission', () => {
  let id: string;
  let pdf: Buffer;
  beforeAll(async () => {
    const history = await ctx.http
      .get(`/v1/enrollments/${ani.enrollmentId}/lessons/${journal}/submissions`)
      .set(ani.auth)
      .expect(200);
    id = history.body[0].id;
    pdf = (await download(id, ani.auth).expect(200)).body as Buffer;
  });

  test('the participant and the cohort\u2019s staff download the file as it was handed in', async () => {
    const mine = await download(id, ani.auth).expect(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['content-disposition']).toContain('filename="jurnal-ani.pdf"');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const staff of [admin, bearer(org.instructor.token)]) {
      const res = await download(id, staff).expect(200);
      expect((res.body as Buffer).equals(pdf)).toBe(true);
    }
    const { rows } = await ctx.deps.pool.query<{ sha256: string; size: string }>(
      'select f.sha256, f.size from stored_files f join submissions s on s.file_id = f.id where s.id = $1',
      [id],
    );
    expect(Number(rows[0]!.size)).toBe(pdf.length);
  });

  test('another organization and another participant get 404', async () => {
    for (const who of [
      bearer(other.admin.token),
      bearer(other.instructor.token),
      bearer(other.participant.token),
      budi.auth,
    ]) {
      for (const res of [
        await ctx.http.get(`/v1/submissions/${id}/file`).set(who),
        await ctx.http.get(`/v1/submissions/${id}`).set(who),
        await ctx.http.get(`/v1/enrollments/${ani.enrollmentId}/lessons/${journal}/submissions`).set(who),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    }
    const foreignReview = await review(id, bearer(other.admin.token), { decision: 'accept' });
    expect(foreignReview.status).toBe(404);
    const foreignQueue = await ctx.http.get(`/v1/cohorts/${cohortId}/submissions`).set(bearer(other.admin.token));
    expect(foreignQueue.status).toBe(404);
    // Nor may anyone hand in on another's enrollment.
    const impostor = await ctx.http
      .post(`/v1/enrollments/${ani.enrollmentId}/lessons/${reflection}/submissions`)
      .set(budi.auth)
      .send({ text: 'bukan milik saya' });
    expect(impostor.status).toBe(404);
  });
});

describe('when work may be handed in', () => {
  test('a withdrawn participant hands nothing in, and their waiting hand-in is not reviewed', async () => {
    const waiting = await submitText(citra, journal, 'Jurnal versi ketiga.').expect(201);
    await ctx.http
      .post(`/v1/enrollments/${citra.enrollmentId}/withdraw`)
      .set(admin)
      .send({ reason: 'Mengundurkan diri' })
      .expect(200);
    const refused = await submitText(citra, reflection, 'Setelah mundur.');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOT_ENROLLED');
    const reviewed = await review(waiting.body.id, admin, { decision: 'accept' });
    expect(reviewed.status).toBe(409);
    expect(reviewed.body.code).toBe('ENROLLMENT_WITHDRAWN');
  });

  test('after the MOOC closes: inside the remedial window for those flagged, refused after it', async () => {
    clock.set(wib('2024-11-09T08:00:00'));
    await ctx.http
      .post(`/v1/cohorts/${cohortId}/phases/${online}/transitions`)
      .set(admin)
      .send({ action: 'close', reason: 'MOOC ditutup' })
      .expect(200);
    const flagged = await ctx.deps.pool.query<{ status: string }>('select status from enrollments where id = $1', [
      ani.enrollmentId,
    ]);
    expect(flagged.rows[0]!.status).toBe('remedial');
    // Remedial until 24 November 00:00 WIB (closing instant + 15 days).
    await submitText(ani, reflection, 'Refleksi di masa remedial.').expect(201);
    clock.set(wib('2024-11-24T00:00:01'));
    const late = await submitText(budi, reflection, 'Terlambat.');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PHASE_NOT_OPEN');
  });
});

test('the routes are in the OpenAPI document', async () => {
  const doc = await ctx.http.get('/openapi.json').expect(200);
  const paths = doc.body.paths as Record<string, Record<string, unknown>>;
  expect(Object.keys(paths['/v1/enrollments/{id}/lessons/{lessonId}/submissions']!).sort()).toEqual(['get', 'post']);
  expect(paths['/v1/submissions/{id}/review']).toHaveProperty('post');
  expect(paths['/v1/cohorts/{id}/submissions']).toHaveProperty('get');
  expect(paths['/v1/submissions/{id}/file']).toHaveProperty('get');
});
