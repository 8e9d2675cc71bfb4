import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createServices } from '../../src/services.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, scheduleCohort, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// Inside the Jambi MOOC: 25 October 2024, 10:00 WIB.
const clock = manualClock('2024-10-25T03:00:00Z');
let ctx: TestContext;
let jambi: SeededOrg;
let admin: { Authorization: string };
let courseId: string;
let modules: Array<{ id: string; code: string; lessons: Array<{ id: string; kind: string; durationMinutes: number }> }>;

interface Participant {
  token: string;
  userId: string;
  enrollmentId: string;
}

/** The Jambi MOOC (45 JP) and classroom; without a remedial window where a test needs a plain close. */
const jambiPhases = (remedialDays = 15) => [
  { kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 45, remedialDays },
  { kind: 'classroom', name: 'Klasikal', startDate: '2024-11-11', endDate: '2024-12-18', requiredJp: 24 },
];

async function cohortWithPhases(code: string, phases?: unknown[], timeZone?: string) {
  const cohort = await ctx.http
    .post('/v1/cohorts')
    .set(admin)
    .send({ courseId, code, name: code, ...(timeZone ? { timeZone } : {}) });
  await ctx.http
    .put(`/v1/cohorts/${cohort.body.id}/phases`)
    .set(admin)
    .send({
      phases: phases ?? jambiPhases(),
    })
    .expect(200);
  // Armed now: whatever is due by the test's clock opens or closes, as the worker would.
  await scheduleCohort(ctx, admin, cohort.body.id);
  return cohort.body.id as string;
}

/** The phase clock, as the worker runs it: whatever is due by now opens or closes. */
const runPhaseClock = () => createServices(ctx.deps, () => '').schedule.reconcile();

/** Moves time on, and the phase clock with it. */
async function clockAt(t: Date | string) {
  clock.set(t);
  await runPhaseClock();
}

let seed = 500;
/** A participant enrolled and activated the day before (nothing they report can predate that). */
async function participantIn(cohortId: string): Promise<Participant> {
  const person = makePeople(1, ++seed)[0]!;
  const now = clock.now();
  clock.set(new Date(now.getTime() - 86_400_000));
  const enrolled = await ctx.http
    .post(`/v1/cohorts/${cohortId}/enrollments`)
    .set(admin)
    .send({ nip: person.nip, name: person.nama });
  const userId = enrolled.body.participant.id as string;
  await ctx.http.patch(`/v1/users/${userId}`).set(admin).send({ password: 'peserta-password' }).expect(200);
  clock.set(now);
  const login = await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-password' });
  return { token: login.body.accessToken, userId, enrollmentId: enrolled.body.id };
}

const lesson = (moduleIndex: number, kind: string) => modules[moduleIndex]!.lessons.find((l) => l.kind === kind)!;

function heartbeat(
  lessonId: string,
  occurredAt: Date | string | number,
  activeSeconds: number,
  clientEventId: string = randomUUID(),
) {
  return { clientEventId, type: 'heartbeat', lessonId, occurredAt: new Date(occurredAt).toISOString(), activeSeconds };
}

function send(p: Participant, events: unknown[], enrollmentId = p.enrollmentId) {
  return ctx.http.post('/v1/me/progress').set(bearer(p.token)).send({ enrollmentId, events });
}

async function ledgerJp(enrollmentId: string): Promise<number> {
  const { rows } = await ctx.deps.pool.query<{ jp: string | null }>(
    'select sum(jp) as jp from jp_ledger where enrollment_id = $1',
    [enrollmentId],
  );
  return Number(rows[0]!.jp ?? 0);
}

async function creditedSeconds(enrollmentId: string): Promise<number> {
  const { rows } = await ctx.deps.pool.query<{ s: string | null }>(
    'select sum(credited_seconds) as s from lesson_progress where enrollment_id = $1',
    [enrollmentId],
  );
  return Number(rows[0]!.s ?? 0);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const platform = await ctx.platformAdminToken();
  jambi = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  admin = bearer(jambi.admin.token);
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  modules = (await ctx.http.get(`/v1/courses/${courseId}`).set(admin)).body.version.modules;
});
afterAll(() => ctx.close());

describe('credit: the server decides what counts', () => {
  test('a client claiming 45 JP of heartbeats within one minute is credited about one minute', async () => {
    const p = await participantIn(await cohortWithPhases('CLAIM-45'));
    const reading = lesson(0, 'reading');
    const start = clock.now().getTime() - 60_000;
    // 60 heartbeats one second apart, each claiming 45 minutes: 45 JP in all.
    const events = Array.from({ length: 60 }, (_, i) => heartbeat(reading.id, start + i * 1000, 45 * 60));
    const res = await send(p, events);
    expect(res.status).toBe(200);
    expect(res.body.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
    const total = await creditedSeconds(p.enrollmentId);
    expect(total).toBeGreaterThanOrEqual(55);
    expect(total).toBeLessThanOrEqual(70);
    expect(res.body.creditedSeconds).toBe(total);
    // About one minute is 0.02 JP at 45 minutes per JP, and the ledger says exactly that.
    expect(await ledgerJp(p.enrollmentId)).toBeCloseTo(total / 60 / 45, 3);
  });

  test('the same batch sent twice credits once; the second answer says duplicate', async () => {
    const p = await participantIn(await cohortWithPhases('RESEND'));
    const video = lesson(0, 'video');
    const t0 = clock.now().getTime() - 10 * 60_000;
    const events = [
      heartbeat(video.id, t0, 0),
      ...Array.from({ length: 10 }, (_, i) => heartbeat(video.id, t0 + (i + 1) * 30_000, 30)),
    ];
    const first = await send(p, events);
    expect(first.body.creditedSeconds).toBe(300);
    const second = await send(p, events);
    expect(second.status).toBe(200);
    expect(second.body.results.map((r: { status: string }) => r.status)).toEqual(Array(11).fill('duplicate'));
    expect(second.body.creditedSeconds).toBe(0);
    expect(await creditedSeconds(p.enrollmentId)).toBe(300);
    const { rows } = await ctx.deps.pool.query(
      'select count(*)::int as n from progress_events where enrollment_id = $1',
      [p.enrollmentId],
    );
    expect(rows[0].n).toBe(11);
  });

  test('concurrent batches for one participant never credit more than wall-clock time', async () => {
    const p = await participantIn(await cohortWithPhases('RACE'));
    const reading = lesson(1, 'reading');
    const t0 = clock.now().getTime() - 20 * 60_000;
    // The same ten minutes reported by eight devices at once, each with its own event ids.
    const batches = Array.from({ length: 8 }, () => [
      heartbeat(reading.id, t0, 0),
      ...Array.from({ length: 20 }, (_, i) => heartbeat(reading.id, t0 + (i + 1) * 30_000, 30)),
    ]);
    const answers = await Promise.all(batches.map((b) => send(p, b)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const total = await creditedSeconds(p.enrollmentId);
    expect(total).toBeGreaterThanOrEqual(600);
    expect(total).toBeLessThanOrEqual(600 + 5 * 8);
    expect(answers.reduce((sum, a) => sum + a.body.creditedSeconds, 0)).toBe(total);
    const { rows } = await ctx.deps.pool.query(
      'select count(*)::int as n from progress_events where enrollment_id = $1',
      [p.enrollmentId],
    );
    expect(rows[0].n).toBe(8 * 21);
  });

  test('a lesson earns at most its typical time, and completes at 80 % of it', async () => {
    const p = await participantIn(await cohortWithPhases('CAP'));
    const video = lesson(2, 'video');
    const typical = video.durationMinutes * 60;
    const t0 = clock.now().getTime() - 2 * typical * 1000;
    const events = [
      heartbeat(video.id, t0, 0),
      ...Array.from({ length: (2 * typical) / 60 - 1 }, (_, i) => heartbeat(video.id, t0 + (i + 1) * 60_000, 60)),
    ];
    const res = await send(p, events);
    expect(res.body.creditedSeconds).toBe(typical);
    const completedAt = res.body.results.findIndex((r: { lessonCompleted?: boolean }) => r.lessonCompleted);
    expect(completedAt).toBe(Math.ceil((0.8 * typical) / 60));
    const detail = await ctx.http.get(`/v1/me/enrollments/${p.enrollmentId}`).set(bearer(p.token));
    const state = detail.body.progress.lessons.find((l: { lessonId: string }) => l.lessonId === video.id);
    expect(state).toMatchObject({ state: 'completed', creditedSeconds: typical, typicalSeconds: typical });
  });

  test('a reading may be marked done by hand only where it allows; a video may not', async () => {
    const p = await participantIn(await cohortWithPhases('MANUAL'));
    const at = clock.now().toISOString();
    const res = await send(p, [
      { clientEventId: 'r1', type: 'lesson_completed', lessonId: lesson(0, 'reading').id, occurredAt: at },
      { clientEventId: 'v1', type: 'lesson_completed', lessonId: lesson(0, 'video').id, occurredAt: at },
    ]);
    expect(res.body.results).toEqual([
      { clientEventId: 'r1', status: 'accepted', creditedSeconds: 0, lessonCompleted: true },
      {
        clientEventId: 'v1',
        status: 'rejected',
        code: 'MANUAL_COMPLETION_NOT_ALLOWED',
        message: 'Materi ini selesai menurut waktu belajar, bukan ditandai manual',
      },
    ]);
    expect(await ledgerJp(p.enrollmentId)).toBe(0);
    // The reason in English for whoever asks in it; the event itself was already received.
    const again = await send(p, [
      { clientEventId: 'v2', type: 'lesson_completed', lessonId: lesson(0, 'video').id, occurredAt: at },
    ]).set('Accept-Language', 'en');
    expect(again.body.results[0]).toMatchObject({
      code: 'MANUAL_COMPLETION_NOT_ALLOWED',
      message: 'This lesson completes by time spent, not by hand',
    });
  });
});

describe('rejections are stored, never silently dropped', () => {
  test('events after the phase closes are rejected with PHASE_CLOSED and stored', async () => {
    const p = await participantIn(await cohortWithPhases('LATE', jambiPhases(0)));
    const reading = lesson(0, 'reading');
    const closing = new Date('2024-11-08T17:00:00Z');
    await clockAt(new Date(closing.getTime() + 3600_000));
    try {
      const res = await send(p, [
        heartbeat(reading.id, closing.getTime() + 60_000, 60, 'after-close'),
        heartbeat(reading.id, closing.getTime() - 60_000, 60, 'before-close-sent-late'),
      ]);
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { code: string }) => r.code)).toEqual(['PHASE_CLOSED', 'PHASE_CLOSED']);
      const { rows } = await ctx.deps.pool.query(
        'select client_event_id, status, reason, credited_seconds from progress_events where enrollment_id = $1 order by client_event_id',
        [p.enrollmentId],
      );
      expect(rows).toEqual([
        { client_event_id: 'after-close', status: 'rejected', reason: 'PHASE_CLOSED', credited_seconds: 0 },
        { client_event_id: 'before-close-sent-late', status: 'rejected', reason: 'PHASE_CLOSED', credited_seconds: 0 },
      ]);
      expect(await ledgerJp(p.enrollmentId)).toBe(0);
    } finally {
      clock.set('2024-10-25T03:00:00Z');
    }
  });

  test('a personal extension keeps the phase open for that participant only', async () => {
    const cohortId = await cohortWithPhases('EXTENDED', jambiPhases(0));
    const [p, q] = [await participantIn(cohortId), await participantIn(cohortId)];
    const online = (await ctx.http.get(`/v1/cohorts/${cohortId}`).set(admin)).body.phases[0];
    await ctx.http
      .put(`/v1/enrollments/${p.enrollmentId}/extensions/${online.id}`)
      .set(admin)
      .send({ untilDate: '2024-11-15', reason: 'Sakit' })
      .expect(200);
    await clockAt('2024-11-10T03:00:00Z');
    try {
      const reading = lesson(0, 'reading').id;
      const events = (prefix: string) => [
        heartbeat(reading, '2024-11-10T02:50:00Z', 0, `${prefix}-a`),
        heartbeat(reading, '2024-11-10T02:51:00Z', 60, `${prefix}-b`),
      ];
      expect((await send(p, events('p'))).body.results.map((r: { status: string }) => r.status)).toEqual([
        'accepted',
        'accepted',
      ]);
      expect((await send(q, events('q'))).body.results.map((r: { code?: string }) => r.code)).toEqual([
        'PHASE_CLOSED',
        'PHASE_CLOSED',
      ]);
    } finally {
      clock.set('2024-10-25T03:00:00Z');
    }
  });

  test('before the phase, in the future, another course, a withdrawn enrollment: each with its code', async () => {
    const cohortId = await cohortWithPhases('EARLY', [
      { kind: 'online', name: 'MOOC', startDate: '2024-10-28', endDate: '2024-11-08', requiredJp: 45 },
    ]);
    const p = await participantIn(cohortId);
    const reading = lesson(0, 'reading').id;
    const now = clock.now().getTime();
    const early = await send(p, [heartbeat(reading, now - 1000, 10, 'early')]);
    expect(early.body.results[0].code).toBe('PHASE_NOT_OPEN');

    const open = await participantIn(await cohortWithPhases('CODES'));
    const res = await send(open, [
      heartbeat(reading, now + 10 * 60_000, 10, 'future'),
      heartbeat(randomUUID(), now, 10, 'foreign'),
    ]);
    expect(res.body.results.map((r: { code: string }) => r.code)).toEqual(['IMPLAUSIBLE', 'LESSON_NOT_IN_COURSE']);

    await ctx.http
      .post(`/v1/enrollments/${open.enrollmentId}/withdraw`)
      .set(admin)
      .send({ reason: 'Mundur' })
      .expect(200);
    const after = await send(open, [heartbeat(reading, now, 10, 'withdrawn')]);
    expect(after.body.results[0].code).toBe('NOT_ENROLLED');
    const { rows } = await ctx.deps.pool.query(
      "select count(*)::int as n from progress_events where enrollment_id = $1 and status = 'rejected'",
      [open.enrollmentId],
    );
    expect(rows[0].n).toBe(3);
  });

  test('another participant\u2019s enrollment is 404; a bad batch is a 400 problem', async () => {
    const cohortId = await cohortWithPhases('OWNERSHIP');
    const [p, q] = [await participantIn(cohortId), await participantIn(cohortId)];
    const res = await send(p, [heartbeat(lesson(0, 'reading').id, clock.now(), 10)], q.enrollmentId);
    expect(res.status).toBe(404);
    const tooMany = await send(
      p,
      Array.from({ length: 501 }, () => heartbeat(lesson(0, 'reading').id, clock.now(), 1)),
    );
    expect(tooMany.status).toBe(400);
    const empty = await send(p, []);
    expect(empty.status).toBe(400);
    const badDate = await send(p, [
      {
        clientEventId: 'x',
        type: 'heartbeat',
        lessonId: lesson(0, 'reading').id,
        occurredAt: 'yesterday',
        activeSeconds: 5,
      },
    ]);
    expect(badDate.body.errors[0].path).toBe('body.events[0].occurredAt');
    // Anyone may report their own learning; another person's enrollment does not exist for them.
    const foreign = await ctx.http
      .post('/v1/me/progress')
      .set(admin)
      .send({ enrollmentId: p.enrollmentId, events: [heartbeat(lesson(0, 'reading').id, clock.now(), 5)] });
    expect(foreign.status).toBe(404);
  });
});

describe('quizzes', () => {
  test('graded on the server, best score kept, the attempt limit enforced, answers revealed after passing', async () => {
    const p = await participantIn(await cohortWithPhases('QUIZ'));
    const quizId = lesson(0, 'quiz').id;
    const key = (await ctx.http.get(`/v1/lessons/${quizId}`).set(admin)).body.quiz;
    const right = key.questions.map((q: { id: string; correct: string[] }) => ({
      questionId: q.id,
      selected: q.correct,
    }));
    const wrong = key.questions.map((q: { id: string; options: Array<{ key: string }>; correct: string[] }) => ({
      questionId: q.id,
      selected: [q.options.find((o) => !q.correct.includes(o.key))!.key],
    }));
    const attempt = (answers: unknown) =>
      ctx.http
        .post(`/v1/lessons/${quizId}/quiz-attempts`)
        .set(bearer(p.token))
        .send({ enrollmentId: p.enrollmentId, answers });

    const failed = await attempt(wrong);
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({
      attemptNo: 1,
      score: 0,
      passed: false,
      attemptsLeft: key.attemptLimit - 1,
      lessonCompleted: false,
    });
    expect(failed.body.questions[0]).not.toHaveProperty('correctAnswers');

    const passed = await attempt(right);
    expect(passed.body).toMatchObject({
      attemptNo: 2,
      score: 100,
      passed: true,
      bestScore: 100,
      lessonCompleted: true,
    });
    expect(passed.body.questions[0].correctAnswers).toEqual(key.questions[0].correct);

    const worse = await attempt(wrong);
    expect(worse.body).toMatchObject({
      attemptNo: 3,
      score: 0,
      bestScore: 100,
      lessonCompleted: true,
      attemptsLeft: 0,
    });
    const over = await attempt(right);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('ATTEMPT_LIMIT_REACHED');

    const bad = await attempt([{ questionId: randomUUID(), selected: ['a'] }]);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_ANSWERS');
  });
});

describe('JP ledger and annual totals', () => {
  test('the annual total spans programs and external trainings, in the organization\u2019s year', async () => {
    // A cohort running over New Year in Jayapura (WIT, UTC+9).
    const papua = await seedOrg(ctx, await ctx.platformAdminToken(), 'PROV-PAPUA');
    await ctx.http
      .patch(`/v1/organizations/${papua.id}`)
      .set(bearer(await ctx.platformAdminToken()))
      .send({ timeZone: 'Asia/Jayapura', settings: { annualJpTarget: 24 } })
      .expect(200);
    const padmin = bearer(papua.admin.token);
    const course = (await ctx.http.post('/v1/courses/import?publish=true').set(padmin).send(shipped)).body.courseId;
    const papuaModules = (await ctx.http.get(`/v1/courses/${course}`).set(padmin)).body.version.modules;
    const [reading, secondReading] = papuaModules[0].lessons
      .filter((l: { kind: string }) => l.kind === 'reading')
      .map((l: { id: string }) => l.id);
    const cohort = (
      await ctx.http.post('/v1/cohorts').set(padmin).send({ courseId: course, code: 'WIT-2024', name: 'Akhir Tahun' })
    ).body.id;
    await ctx.http
      .put(`/v1/cohorts/${cohort}/phases`)
      .set(padmin)
      .send({
        phases: [{ kind: 'online', name: 'MOOC', startDate: '2024-12-20', endDate: '2025-01-10', requiredJp: 45 }],
      })
      .expect(200);
    await scheduleCohort(ctx, padmin, cohort);
    const person = makePeople(1, 9001)[0]!;
    const enrolled = await ctx.http
      .post(`/v1/cohorts/${cohort}/enrollments`)
      .set(padmin)
      .send({ nip: person.nip, name: person.nama });
    await ctx.http
      .patch(`/v1/users/${enrolled.body.participant.id}`)
      .set(padmin)
      .send({ password: 'peserta-password' })
      .expect(200);
    const token = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-password' })).body
      .accessToken;
    const p = { token, userId: enrolled.body.participant.id, enrollmentId: enrolled.body.id };

    await clockAt('2025-01-02T00:00:00Z');
    try {
      // 45 minutes on 31 Dec 2024 23:00–23:45 WIT (14:00–14:45 UTC), 45 more on 1 Jan 2025 00:15–01:00 WIT
      // (31 Dec 15:15–16:00 UTC): in UTC both are 31 December, but the second is 2025 in Jayapura.
      const evening = Array.from({ length: 46 }, (_, i) =>
        heartbeat(reading, Date.parse('2024-12-31T14:00:00Z') + i * 60_000, i === 0 ? 0 : 60),
      );
      const night = Array.from({ length: 46 }, (_, i) =>
        heartbeat(secondReading, Date.parse('2024-12-31T15:15:00Z') + i * 60_000, i === 0 ? 0 : 60),
      );
      const res = await send(p, [...evening, ...night]);
      expect(res.body.creditedSeconds).toBe(2 * 45 * 60);

      await ctx.http
        .post(`/v1/users/${p.userId}/external-trainings`)
        .set(padmin)
        .send({
          title: 'Pelatihan Kepemimpinan di Canberra',
          organizer: 'Australian Public Service Commission',
          startDate: '2024-12-30',
          endDate: '2024-12-31',
          jp: 10,
        })
        .expect(201);
      await ctx.http
        .post(`/v1/users/${p.userId}/external-trainings`)
        .set(padmin)
        .send({
          title: 'Webinar SPBE',
          organizer: 'KemenPAN-RB',
          startDate: '2025-01-01',
          endDate: '2025-01-01',
          jp: 2,
        })
        .expect(201);

      const y2024 = await ctx.http.get('/v1/me/jp?year=2024').set(bearer(p.token));
      expect(y2024.status).toBe(200);
      expect(y2024.body).toMatchObject({ year: 2024, timeZone: 'Asia/Jayapura', targetJp: 24 });
      expect(y2024.body.programs).toEqual([
        expect.objectContaining({
          enrollmentId: p.enrollmentId,
          jp: 1,
          cohort: expect.objectContaining({ code: 'WIT-2024' }),
        }),
      ]);
      expect(y2024.body.external.map((e: { title: string; jp: number }) => [e.title, e.jp])).toEqual([
        ['Pelatihan Kepemimpinan di Canberra', 10],
      ]);
      expect(y2024.body.totalJp).toBe(11);
      expect(y2024.body.remainingJp).toBe(13);

      const y2025 = await ctx.http.get(`/v1/users/${p.userId}/jp?year=2025`).set(padmin);
      expect(y2025.body.programs[0].jp).toBe(1);
      expect(y2025.body.external.map((e: { jp: number }) => e.jp)).toEqual([2]);
      expect(y2025.body.totalJp).toBe(3);

      // Another organization's admin cannot see it.
      expect((await ctx.http.get(`/v1/users/${p.userId}/jp?year=2025`).set(admin)).status).toBe(404);
    } finally {
      clock.set('2024-10-25T03:00:00Z');
    }
  });

  test('adjustments are ledger entries with a reason, and count in the enrollment\u2019s JP', async () => {
    const cohortId = await cohortWithPhases('ADJUST');
    const p = await participantIn(cohortId);
    const online = (await ctx.http.get(`/v1/cohorts/${cohortId}`).set(admin)).body.phases[0];
    const res = await ctx.http
      .post(`/v1/enrollments/${p.enrollmentId}/jp-adjustments`)
      .set(admin)
      .send({ jp: 2.5, reason: 'Gangguan server 27 Oktober', phaseId: online.id });
    expect(res.status).toBe(201);
    expect(await ledgerJp(p.enrollmentId)).toBe(2.5);
    const detail = await ctx.http.get(`/v1/me/enrollments/${p.enrollmentId}`).set(bearer(p.token));
    expect(detail.body.progress.onlineJp).toBe(2.5);
    expect(
      (await ctx.http.post(`/v1/enrollments/${p.enrollmentId}/jp-adjustments`).set(admin).send({ jp: 0, reason: 'x' }))
        .status,
    ).toBe(400);
    const { rows } = await ctx.deps.pool.query("select count(*)::int as n from audit_log where action = 'jp.adjusted'");
    expect(rows[0].n).toBe(1);
  });
});

describe('progress views', () => {
  test('the cohort view shows JP, completion, last activity and pace, as JSON or CSV', async () => {
    const cohortId = await cohortWithPhases('PACE');
    const [fast, slow, idle] = [
      await participantIn(cohortId),
      await participantIn(cohortId),
      await participantIn(cohortId),
    ];
    // 25 Oct is two days into a seventeen-day phase: about 5.3 JP expected by now.
    const t0 = clock.now().getTime() - 7 * 3600_000;
    const study = (minutes: number) =>
      modules.flatMap((m, mi) =>
        m.lessons
          .filter((l) => l.kind !== 'quiz')
          .map((l, li) => ({ l, mi, li }))
          .filter((_, i) => i === 0)
          .flatMap(({ l, mi }) =>
            Array.from({ length: minutes + 1 }, (_, i) =>
              heartbeat(l.id, t0 + mi * 40 * 60_000 + i * 60_000, i === 0 ? 0 : 60),
            ),
          ),
      );
    await send(fast, study(30));
    await send(slow, study(1));
    const report = await ctx.http.get(`/v1/cohorts/${cohortId}/progress`).set(admin);
    expect(report.status).toBe(200);
    const byId = new Map(report.body.items.map((r: { enrollmentId: string }) => [r.enrollmentId, r]));
    expect(byId.get(fast.enrollmentId)).toMatchObject({ pace: 'on_track', requiredJp: 45 });
    expect((byId.get(fast.enrollmentId) as { onlineJp: number }).onlineJp).toBeGreaterThan(5);
    expect(byId.get(slow.enrollmentId)).toMatchObject({ pace: 'behind' });
    // Never active, with more than a tenth of the phase gone.
    expect(byId.get(idle.enrollmentId)).toMatchObject({ pace: 'inactive', onlineJp: 0, lastActivityAt: null });

    const behind = await ctx.http.get(`/v1/cohorts/${cohortId}/progress?pace=behind`).set(admin);
    expect(behind.body.items.map((r: { enrollmentId: string }) => r.enrollmentId)).toEqual([slow.enrollmentId]);

    const csv = await ctx.http.get(`/v1/cohorts/${cohortId}/progress?format=csv`).set(admin);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'NIP,Nama,Kategori,Unit Kerja,Status,JP Daring,JP Wajib,Materi Selesai,Materi Wajib,Aktivitas Terakhir,Kecepatan',
    );
    expect(lines).toHaveLength(4);

    clock.set('2024-11-05T03:00:00Z');
    try {
      const later = await ctx.http.get(`/v1/cohorts/${cohortId}/progress`).set(admin);
      // Ten days without activity: the slow participant is now inactive too.
      const slowRow = later.body.items.find((r: { enrollmentId: string }) => r.enrollmentId === slow.enrollmentId);
      expect(slowRow.pace).toBe('inactive');
    } finally {
      clock.set('2024-10-25T03:00:00Z');
    }
  });

  test('the participant\u2019s enrollment shows JP earned against required per phase and module, and each lesson\u2019s state', async () => {
    const p = await participantIn(await cohortWithPhases('MINE'));
    const reading = lesson(0, 'reading');
    const t0 = clock.now().getTime() - 3600_000;
    await send(
      p,
      Array.from({ length: 46 }, (_, i) => heartbeat(reading.id, t0 + i * 60_000, i === 0 ? 0 : 60)),
    );
    const detail = await ctx.http.get(`/v1/me/enrollments/${p.enrollmentId}`).set(bearer(p.token));
    expect(detail.status).toBe(200);
    const { progress } = detail.body;
    expect(progress.onlineJp).toBe(1);
    expect(progress.phases[0]).toMatchObject({ requiredJp: 45, earnedJp: 1 });
    expect(progress.modules.find((m: { moduleId: string }) => m.moduleId === modules[0]!.id)).toMatchObject({
      earnedJp: 1,
    });
    expect(progress.lessons.find((l: { lessonId: string }) => l.lessonId === reading.id)).toMatchObject({
      state: 'in_progress',
      creditedSeconds: 2700,
    });
    expect(progress.lessons.filter((l: { state: string }) => l.state === 'not_started').length).toBe(
      progress.lessons.length - 1,
    );
  });
});
