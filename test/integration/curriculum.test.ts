import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { coursePackage } from '../../src/modules/curriculum/package.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';

const shippedJson = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let ctx: TestContext;
let jambi: SeededOrg;
let papua: SeededOrg;
let admin: { Authorization: string };

beforeAll(async () => {
  ctx = await createTestContext();
  const platform = await ctx.platformAdminToken();
  jambi = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  papua = await seedOrg(ctx, platform, 'PROV-PAPUA');
  admin = bearer(jambi.admin.token);
});
afterAll(() => ctx.close());

async function importShipped(token = admin, publish = true) {
  return ctx.http.post(`/v1/courses/import?publish=${publish}`).set(token).send(shippedJson);
}

describe('the shipped Orientasi PPPK curriculum', () => {
  let courseId: string;

  test('imports and publishes: 45 JP in 12 modules under 3 agendas, seven of them BerAKHLAK', async () => {
    const res = await importShipped();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'created', version: { number: 1, status: 'published' } });
    courseId = res.body.courseId;

    const course = await ctx.http.get(`/v1/courses/${courseId}`).set(admin);
    expect(course.status).toBe(200);
    const { version } = course.body;
    expect(version.totalJp).toBe(45);
    expect(version.modules).toHaveLength(12);
    const agendas = new Map<string, string[]>();
    for (const m of version.modules) agendas.set(m.agenda, [...(agendas.get(m.agenda) ?? []), m.title]);
    expect([...agendas.values()].map((titles) => titles.length)).toEqual([3, 7, 2]);
    expect([...agendas.values()][1]).toEqual([
      'Berorientasi Pelayanan',
      'Akuntabel',
      'Kompeten',
      'Harmonis',
      'Loyal',
      'Adaptif',
      'Kolaboratif',
    ]);
    for (const m of version.modules) {
      const quizzes = m.lessons.filter((l: { kind: string }) => l.kind === 'quiz');
      expect(quizzes).toHaveLength(1);
      expect(quizzes[0].questionCount).toBeGreaterThanOrEqual(5);
    }
  });

  test('importing the same package again changes nothing', async () => {
    const again = await importShipped();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'unchanged', courseId, version: { number: 1 } });
    const { rows } = await ctx.deps.pool.query<{ courses: number; versions: number; lessons: number }>(
      'select (select count(*) from courses)::int as courses, (select count(*) from course_versions)::int as versions, (select count(*) from lessons)::int as lessons',
    );
    expect(rows[0]).toEqual({ courses: 1, versions: 1, lessons: 52 });
  });

  test('export gives back exactly the package; importing the export elsewhere and exporting again is identical', async () => {
    const exported = await ctx.http.get(`/v1/courses/${courseId}/export`).set(admin);
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(JSON.parse(JSON.stringify(coursePackage.parse(shippedJson))));

    const intoPapua = await ctx.http.post('/v1/courses/import').set(bearer(papua.admin.token)).send(exported.body);
    expect(intoPapua.body.outcome).toBe('created');
    const reExported = await ctx.http
      .get(`/v1/courses/${intoPapua.body.courseId}/export?version=1`)
      .set(bearer(papua.admin.token));
    expect(reExported.body).toEqual(exported.body);
  });

  test('a participant-shaped lesson never carries the correct answers; the admin view does', async () => {
    const course = await ctx.http.get(`/v1/courses/${courseId}`).set(admin);
    const quizIds: string[] = course.body.version.modules.flatMap(
      (m: { lessons: Array<{ id: string; kind: string }> }) =>
        m.lessons.filter((l) => l.kind === 'quiz').map((l) => l.id),
    );
    expect(quizIds).toHaveLength(12);
    for (const id of quizIds) {
      const asParticipant = await ctx.http.get(`/v1/lessons/${id}?as=participant`).set(admin);
      expect(asParticipant.status).toBe(200);
      expect(asParticipant.body.quiz.questions.length).toBeGreaterThanOrEqual(5);
      expect(asParticipant.text).not.toContain('"correct"');
      for (const q of asParticipant.body.quiz.questions)
        expect(Object.keys(q).sort()).toEqual(['id', 'kind', 'options', 'points', 'position', 'prompt']);
    }
    const asAdmin = await ctx.http.get(`/v1/lessons/${quizIds[0]}`).set(admin);
    expect(asAdmin.body.quiz.questions[0].correct).toEqual(expect.any(Array));
  });

  test('lesson content is served with its markdown and media', async () => {
    const course = await ctx.http.get(`/v1/courses/${courseId}`).set(admin);
    const [video, reading] = course.body.version.modules[0].lessons;
    const v = await ctx.http.get(`/v1/lessons/${video.id}`).set(bearer(jambi.instructor.token));
    expect(v.body).toMatchObject({
      kind: 'video',
      mediaUrl: expect.stringMatching(/^https:\/\//),
      versionStatus: 'published',
      courseId,
    });
    const r = await ctx.http.get(`/v1/lessons/${reading.id}`).set(admin);
    expect(r.body.body.length).toBeGreaterThan(500);
  });
});

describe('drafts, publishing and immutability', () => {
  let courseId: string;

  test('a new course starts with an empty draft that cannot be published, with the reason', async () => {
    const created = await ctx.http.post('/v1/courses').set(admin).send({ code: 'LATSAR-MINI', title: 'Latsar Mini' });
    expect(created.status).toBe(201);
    expect(created.body.versions).toEqual([expect.objectContaining({ number: 1, status: 'draft' })]);
    courseId = created.body.id;
    const publish = await ctx.http.post(`/v1/courses/${courseId}/publish`).set(admin);
    expect(publish.status).toBe(422);
    expect(publish.body).toMatchObject({
      code: 'COURSE_INVALID',
      errors: [{ path: 'modules', message: 'Pelatihan memerlukan paling sedikit satu modul' }],
    });
    const english = await ctx.http.post(`/v1/courses/${courseId}/publish`).set(admin).set('Accept-Language', 'en');
    expect(english.body).toMatchObject({
      code: 'COURSE_INVALID',
      errors: [{ path: 'modules', message: 'A course needs at least one module' }],
    });
  });

  test('building a draft through the API, with every problem reported at publish', async () => {
    const mod = await ctx.http
      .post(`/v1/courses/${courseId}/draft/modules`)
      .set(admin)
      .send({ code: 'M1', agenda: 'Agenda 1', title: 'Modul 1', jp: 2 });
    expect(mod.status).toBe(201);
    const empty = await ctx.http
      .post(`/v1/courses/${courseId}/draft/modules`)
      .set(admin)
      .send({ code: 'M2', agenda: 'Agenda 1', title: 'Modul 2', jp: 1 });
    const reading = await ctx.http.post(`/v1/modules/${mod.body.id}/lessons`).set(admin).send({
      code: 'M1-R',
      kind: 'reading',
      title: 'Bacaan',
      body: '# Judul\n\nIsi bacaan.',
      durationMinutes: 60,
      manualCompletion: true,
    });
    expect(reading.status).toBe(201);
    const quiz = await ctx.http
      .post(`/v1/modules/${mod.body.id}/lessons`)
      .set(admin)
      .send({
        code: 'M1-Q',
        kind: 'quiz',
        title: 'Post-test',
        durationMinutes: 30,
        quiz: { passScore: 70, attemptLimit: 2 },
      });
    expect(quiz.body.quiz).toEqual({ passScore: 70, attemptLimit: 2, revealAnswers: 'after_pass', questions: [] });

    const failing = await ctx.http.post(`/v1/courses/${courseId}/publish`).set(admin);
    expect(failing.status).toBe(422);
    expect(failing.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'modules[0].lessons[1].quiz.questions',
      'modules[1].lessons',
    ]);

    const q1 = await ctx.http
      .post(`/v1/lessons/${quiz.body.id}/questions`)
      .set(admin)
      .send({
        kind: 'single',
        prompt: 'Nilai dasar ASN?',
        options: [
          { key: 'a', text: 'BerAKHLAK' },
          { key: 'b', text: 'Lainnya' },
        ],
        correct: ['a'],
      });
    expect(q1.status).toBe(201);
    const q2 = await ctx.http
      .post(`/v1/lessons/${quiz.body.id}/questions`)
      .set(admin)
      .send({
        kind: 'multiple',
        prompt: 'Pilih dua',
        options: [
          { key: 'a', text: 'A' },
          { key: 'b', text: 'B' },
          { key: 'c', text: 'C' },
        ],
        correct: ['a', 'c'],
        points: 2,
      });
    const ids = q2.body.quiz.questions.map((q: { id: string }) => q.id);
    const reordered = await ctx.http
      .put(`/v1/lessons/${quiz.body.id}/question-order`)
      .set(admin)
      .send({ ids: [...ids].reverse() });
    expect(reordered.body.quiz.questions.map((q: { prompt: string }) => q.prompt)).toEqual([
      'Pilih dua',
      'Nilai dasar ASN?',
    ]);
    expect(
      (
        await ctx.http
          .put(`/v1/lessons/${quiz.body.id}/question-order`)
          .set(admin)
          .send({ ids: [ids[0]] })
      ).status,
    ).toBe(400);

    expect((await ctx.http.delete(`/v1/modules/${empty.body.id}`).set(admin)).status).toBe(204);
    expect(
      (
        await ctx.http
          .put(`/v1/modules/${mod.body.id}/lesson-order`)
          .set(admin)
          .send({ ids: [quiz.body.id, reading.body.id] })
      ).status,
    ).toBe(204);

    const published = await ctx.http.post(`/v1/courses/${courseId}/publish`).set(admin);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ number: 1, status: 'published', publishedAt: expect.any(String) });
    const tree = await ctx.http.get(`/v1/courses/${courseId}`).set(admin);
    expect(tree.body.version.modules[0].lessons.map((l: { code: string }) => l.code)).toEqual(['M1-Q', 'M1-R']);
  });

  test('a published version cannot change: through the API (409) or behind it (database trigger)', async () => {
    const tree = await ctx.http.get(`/v1/courses/${courseId}`).set(admin);
    const mod = tree.body.version.modules[0];
    const lesson = mod.lessons[0];
    for (const res of [
      await ctx.http.patch(`/v1/lessons/${lesson.id}`).set(admin).send({ title: 'Diubah' }),
      await ctx.http.delete(`/v1/lessons/${lesson.id}`).set(admin),
      await ctx.http.patch(`/v1/modules/${mod.id}`).set(admin).send({ jp: 5 }),
      await ctx.http
        .post(`/v1/modules/${mod.id}/lessons`)
        .set(admin)
        .send({ code: 'X', kind: 'reading', title: 'X', body: 'x', durationMinutes: 5 }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('VERSION_PUBLISHED');
    }
    expect(
      (
        await ctx.http
          .post(`/v1/courses/${courseId}/draft/modules`)
          .set(admin)
          .send({ code: 'M9', agenda: 'A', title: 'T', jp: 1 })
      ).body.code,
    ).toBe('NO_DRAFT');
    await expect(ctx.deps.pool.query("update lessons set title = 'forged' where id = $1", [lesson.id])).rejects.toThrow(
      /published and cannot change/,
    );
    await expect(
      ctx.deps.pool.query("update course_versions set status = 'draft' where course_id = $1", [courseId]),
    ).rejects.toThrow(/published/);
    expect((await ctx.http.delete(`/v1/courses/${courseId}`).set(admin)).body.code).toBe('COURSE_PUBLISHED');
  });

  test('editing means a new draft copied from the published version; the published one stays as it was', async () => {
    const draft = await ctx.http.post(`/v1/courses/${courseId}/versions`).set(admin);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 2, status: 'draft' });
    expect((await ctx.http.post(`/v1/courses/${courseId}/versions`).set(admin)).body.code).toBe('DRAFT_EXISTS');

    const v2 = await ctx.http.get(`/v1/courses/${courseId}`).set(admin);
    expect(v2.body.version.number).toBe(2);
    const lesson = v2.body.version.modules[0].lessons.find((l: { code: string }) => l.code === 'M1-R');
    expect(
      (await ctx.http.patch(`/v1/lessons/${lesson.id}`).set(admin).send({ title: 'Bacaan (revisi)' })).status,
    ).toBe(200);
    expect((await ctx.http.post(`/v1/courses/${courseId}/publish`).set(admin)).body).toMatchObject({
      number: 2,
      status: 'published',
    });

    const v1 = await ctx.http.get(`/v1/courses/${courseId}/export?version=1`).set(admin);
    const v2Export = await ctx.http.get(`/v1/courses/${courseId}/export?version=2`).set(admin);
    expect(v1.body.modules[0].lessons[1].title).toBe('Bacaan');
    expect(v2Export.body.modules[0].lessons[1].title).toBe('Bacaan (revisi)');
  });

  test('importing a changed package makes a new version, and re-importing it changes nothing', async () => {
    const changed = structuredClone(shippedJson) as { code: string; modules: Array<{ title: string }> };
    changed.code = 'ORIENTASI-PPPK-2';
    const first = await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(changed);
    expect(first.body.outcome).toBe('created');
    changed.modules[0]!.title = 'Wawasan Kebangsaan (edisi revisi)';
    const second = await ctx.http.post('/v1/courses/import').set(admin).send(changed);
    expect(second.body).toMatchObject({ outcome: 'new_version', version: { number: 2, status: 'draft' } });
    changed.modules[1]!.title = 'Analisis Isu Kontemporer (revisi)';
    const third = await ctx.http.post('/v1/courses/import').set(admin).send(changed);
    expect(third.body).toMatchObject({ outcome: 'updated', version: { number: 2, status: 'draft' } });
    const fourth = await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(changed);
    expect(fourth.body).toMatchObject({ outcome: 'unchanged', version: { number: 2, status: 'published' } });
  });
});

describe('bad packages and access', () => {
  test('an invalid package is rejected with every error at its JSON path', async () => {
    const bad = structuredClone(shippedJson) as {
      modules: Array<Record<string, unknown> & { lessons: Array<Record<string, unknown>> }>;
    };
    bad.modules[2]!.jp = 'banyak';
    bad.modules[5]!.lessons[1]!.kind = 'podcast';
    bad.modules[7]!.lessons[0]!.durationMinutes = -5;
    bad.modules[0]!.colour = 'red';
    const res = await ctx.http.post('/v1/courses/import').set(admin).send(bad);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.modules[0].colour',
      'body.modules[2].jp',
      'body.modules[5].lessons[1].kind',
      'body.modules[7].lessons[0].durationMinutes',
    ]);
  });

  test('another organization\u2019s course and lessons do not exist for you', async () => {
    const list = await ctx.http.get('/v1/courses').set(bearer(papua.admin.token));
    const papuaCourse = list.body.items[0];
    expect(papuaCourse).toBeDefined();
    const lessonId = (await ctx.http.get(`/v1/courses/${papuaCourse.id}`).set(bearer(papua.admin.token))).body.version
      .modules[0].lessons[0].id;
    expect((await ctx.http.get(`/v1/courses/${papuaCourse.id}`).set(admin)).status).toBe(404);
    expect((await ctx.http.get(`/v1/lessons/${lessonId}`).set(admin)).status).toBe(404);
    expect((await ctx.http.get(`/v1/courses/${papuaCourse.id}/export`).set(admin)).status).toBe(404);
    const mine = await ctx.http.get('/v1/courses').set(admin);
    expect(mine.body.items.every((c: { orgId: string }) => c.orgId === jambi.id)).toBe(true);
  });

  test('participants cannot read courses here yet; instructors read but do not edit', async () => {
    expect((await ctx.http.get('/v1/courses').set(bearer(jambi.participant.token))).status).toBe(403);
    expect((await ctx.http.get('/v1/courses').set(bearer(jambi.instructor.token))).status).toBe(200);
    expect((await importShipped(bearer(jambi.instructor.token))).status).toBe(403);
  });
});
