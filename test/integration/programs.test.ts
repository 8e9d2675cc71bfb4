import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createServices } from '../../src/services.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, scheduleCohort, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

/**
 * Programs as they really run: several online phases each earning its own JP (Latsar), a phase
 * opened by hand, the remedial window, offline claims bounded, and JP dated where they were earned.
 */

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const clock = manualClock('2025-02-03T01:00:00Z');
let ctx: TestContext;
let org: SeededOrg;
let admin: { Authorization: string };
let courseId: string;
let readings: Array<{ id: string; seconds: number }>;

interface Participant {
  token: { Authorization: string };
  enrollmentId: string;
  used: Map<string, number>;
}

const runPhaseClock = () => createServices(ctx.deps, () => '').schedule.reconcile();
async function clockAt(t: string) {
  clock.set(t);
  await runPhaseClock();
}

async function cohortWith(code: string, phases: unknown[]) {
  const cohort = await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code, name: code });
  const res = await ctx.http.put(`/v1/cohorts/${cohort.body.id}/phases`).set(admin).send({ phases });
  if (res.status !== 200) throw new Error(`phases: ${res.status} ${JSON.stringify(res.body)}`);
  // Armed now: whatever is due by the test's clock opens or closes, as the worker would.
  await scheduleCohort(ctx, admin, cohort.body.id);
  return { id: cohort.body.id as string, phases: res.body.phases as Array<{ id: string; kind: string }> };
}

let seed = 700;
async function participantIn(cohortId: string): Promise<Participant> {
  const person = makePeople(1, ++seed, 'pppk')[0]!;
  const enrolled = await ctx.http
    .post(`/v1/cohorts/${cohortId}/enrollments`)
    .set(admin)
    .send({ nip: person.nip, name: person.nama })
    .expect(201);
  await ctx.http
    .patch(`/v1/users/${enrolled.body.participant.id}`)
    .set(admin)
    .send({ password: 'kata-sandi' })
    .expect(200);
  const login = await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'kata-sandi' }).expect(200);
  return { token: bearer(login.body.accessToken), enrollmentId: enrolled.body.id, used: new Map() };
}

const heartbeat = (lessonId: string, at: number, seconds: number) => ({
  clientEventId: randomUUID(),
  type: 'heartbeat',
  lessonId,
  occurredAt: new Date(at).toISOString(),
  activeSeconds: seconds,
});

function send(p: Participant, events: unknown[]) {
  return ctx.http.post('/v1/me/progress').set(p.token).send({ enrollmentId: p.enrollmentId, events });
}

/** Studies readings for `minutes` up to now, in 5-minute heartbeats, lessons it has not finished first. */
async function study(p: Participant, minutes: number) {
  const events = [];
  const end = clock.now().getTime();
  let at = end - minutes * 60_000;
  events.push(heartbeat(readings[0]!.id, at, 0));
  for (let left = minutes * 60; left > 0;) {
    const lesson = readings.find((l) => (p.used.get(l.id) ?? 0) < l.seconds)!;
    const seconds = Math.min(300, left, lesson.seconds - (p.used.get(lesson.id) ?? 0));
    at += seconds * 1000;
    events.push(heartbeat(lesson.id, at, seconds));
    p.used.set(lesson.id, (p.used.get(lesson.id) ?? 0) + seconds);
    left -= seconds;
  }
  const res = await send(p, events);
  expect(res.status).toBe(200);
  return res.body as { creditedSeconds: number; results: Array<{ status: string; code?: string }> };
}

async function phaseJp(p: Participant) {
  const mine = await ctx.http.get(`/v1/me/enrollments/${p.enrollmentId}`).set(p.token).expect(200);
  return mine.body as {
    status: string;
    currentPhaseId: string | null;
    progress: { phases: Array<{ phaseId: string; earnedJp: number; requiredJp: number }> };
  };
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  org = await seedOrg(ctx, await ctx.platformAdminToken(), 'BPSDM-JAMBI');
  admin = bearer(org.admin.token);
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  const modules = (await ctx.http.get(`/v1/courses/${courseId}`).set(admin)).body.version.modules as Array<{
    lessons: Array<{ id: string; kind: string; durationMinutes: number }>;
  }>;
  readings = modules.flatMap((m) =>
    m.lessons.filter((l) => l.kind === 'reading').map((l) => ({ id: l.id, seconds: l.durationMinutes * 60 })),
  );
});
afterAll(() => ctx.close());

describe('several online phases', () => {
  test('Latsar: a participant meets each online phase in turn, each earning its own JP', async () => {
    const latsar = await cohortWith('LATSAR-2025-I', [
      { kind: 'online', name: 'Belajar Mandiri', startDate: '2025-02-03', endDate: '2025-02-11', requiredJp: 2 },
      {
        kind: 'online',
        name: 'Pembelajaran Jarak Jauh',
        startDate: '2025-02-12',
        endDate: '2025-03-04',
        requiredJp: 2,
      },
      { kind: 'field', name: 'Aktualisasi', startDate: '2025-03-05', endDate: '2025-03-25', requiredJp: 30 },
      { kind: 'online', name: 'Evaluasi Daring', startDate: '2025-03-26', endDate: '2025-03-26', requiredJp: 1 },
      { kind: 'classroom', name: 'Klasikal', startDate: '2025-03-27', endDate: '2025-03-29', requiredJp: 24 },
    ]);
    const [selfStudy, distance, field, lastDay] = latsar.phases;
    const p = await participantIn(latsar.id);

    await clockAt('2025-02-04T05:00:00Z');
    expect((await study(p, 2 * 45)).creditedSeconds).toBe(2 * 45 * 60);
    await clockAt('2025-02-13T05:00:00Z');
    // The first phase closed met; the second earns its own JP, not nothing.
    expect((await study(p, 2 * 45)).creditedSeconds).toBe(2 * 45 * 60);
    // A field day of the aktualisasi, with its JP: reported apart from the classroom's.
    await clockAt('2025-03-10T05:00:00Z');
    const session = await ctx.http
      .post(`/v1/phases/${field!.id}/sessions`)
      .set(admin)
      .send({
        title: 'Aktualisasi di unit kerja',
        startsAt: '2025-03-10T08:00:00+07:00',
        endsAt: '2025-03-10T10:15:00+07:00',
        jp: 3,
      })
      .expect(201);
    await ctx.http
      .put(`/v1/sessions/${session.body.id}/attendance`)
      .set(admin)
      .send({ records: [{ enrollmentId: p.enrollmentId, status: 'present' }] })
      .expect(200);
    await clockAt('2025-03-26T05:00:00Z');
    expect((await study(p, 45 + 30)).creditedSeconds).toBe(75 * 60);
    await clockAt('2025-03-27T05:00:00Z');

    const view = await phaseJp(p);
    const earned = new Map(view.progress.phases.map((ph) => [ph.phaseId, ph.earnedJp]));
    expect([earned.get(selfStudy!.id), earned.get(distance!.id), earned.get(lastDay!.id)]).toEqual([2, 2, 1]);
    const { rows } = await ctx.deps.pool.query(
      'select phase_id, met from phase_outcomes where enrollment_id = $1 order by closed_at',
      [p.enrollmentId],
    );
    expect(rows).toEqual([
      { phase_id: selfStudy!.id, met: true },
      { phase_id: distance!.id, met: true },
      { phase_id: lastDay!.id, met: true },
    ]);
    expect(view.status).toBe('active');
    const report = await ctx.http.get(`/v1/cohorts/${latsar.id}/report`).set(admin).expect(200);
    expect(report.body.rows[0]).toMatchObject({ onlineJp: 5, fieldJp: 3, classroomJp: 0 });
  });
});

describe('state and dates agree', () => {
  test('a phase opened by hand before its date credits a heartbeat at once, and is the current phase', async () => {
    await clockAt('2025-04-20T02:00:00Z');
    const cohort = await cohortWith('DIBUKA-MANUAL', [
      { kind: 'online', name: 'MOOC', startDate: '2025-05-01', endDate: '2025-05-15', requiredJp: 45 },
    ]);
    const p = await participantIn(cohort.id);
    const before = await study(p, 5);
    expect(before.results.at(-1)).toMatchObject({ status: 'rejected', code: 'PHASE_NOT_OPEN' });
    expect((await phaseJp(p)).currentPhaseId).toBeNull();

    clock.set('2025-04-20T02:10:00Z');
    await ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${cohort.phases[0]!.id}/transitions`)
      .set(admin)
      .send({ action: 'open', reason: 'Dibuka lebih awal atas permintaan peserta' })
      .expect(200);
    clock.set('2025-04-20T02:16:00Z');
    expect((await study(p, 5)).creditedSeconds).toBe(300);
    expect((await phaseJp(p)).currentPhaseId).toBe(cohort.phases[0]!.id);
  });
});

describe('the remedial window', () => {
  test('a participant short at the close keeps learning until the window ends, and only they', async () => {
    await clockAt('2025-06-02T02:00:00Z');
    const cohort = await cohortWith('REMEDIAL', [
      { kind: 'online', name: 'MOOC', startDate: '2025-06-02', endDate: '2025-06-16', requiredJp: 2, remedialDays: 15 },
    ]);
    const [short, met] = [await participantIn(cohort.id), await participantIn(cohort.id)];
    await clockAt('2025-06-03T05:00:00Z');
    await study(short, 45);
    await study(met, 90);

    // Closed on 17 June 00:00 WIB; the window runs 15 days, to 2 July 00:00 WIB.
    await clockAt('2025-06-20T05:00:00Z');
    expect((await phaseJp(short)).status).toBe('remedial');
    expect((await study(short, 45)).creditedSeconds).toBe(45 * 60);
    const view = await phaseJp(short);
    expect(view.progress.phases[0]).toMatchObject({ earnedJp: 2, requiredJp: 2 });
    // Whoever met the JP at the close has no window: their progress is frozen.
    expect((await study(met, 10)).results.at(-1)).toMatchObject({ status: 'rejected', code: 'PHASE_CLOSED' });

    await clockAt('2025-07-01T16:59:00Z');
    expect((await study(short, 1)).results.at(-1)).toMatchObject({ status: 'accepted' });
    await clockAt('2025-07-01T17:00:30Z');
    expect((await study(short, 0.25)).results.at(-1)).toMatchObject({ status: 'rejected', code: 'PHASE_CLOSED' });
  });
});

describe('offline time stays honest', () => {
  test('327 heartbeats dated back to the phase’s opening, from someone enrolled a minute ago, earn at most a minute', async () => {
    await clockAt('2025-08-04T01:00:00Z');
    const cohort = await cohortWith('BACKDATED', [
      { kind: 'online', name: 'MOOC', startDate: '2025-08-04', endDate: '2025-08-20', requiredJp: 45 },
    ]);
    clock.set('2025-08-05T03:59:00Z');
    const p = await participantIn(cohort.id);
    clock.set('2025-08-05T04:00:00Z');
    const opened = Date.parse('2025-08-03T17:00:00Z');
    const step = (clock.now().getTime() - opened) / 327;
    const events = Array.from({ length: 327 }, (_, i) =>
      heartbeat(readings[i % readings.length]!.id, opened + (i + 1) * step, 300),
    );
    const res = await send(p, events);
    expect(res.status).toBe(200);
    expect(res.body.creditedSeconds).toBeGreaterThan(0);
    expect(res.body.creditedSeconds).toBeLessThanOrEqual(60 + 5);
    const refused = res.body.results.filter((r: { code?: string }) => r.code === 'BEFORE_ENROLLMENT');
    expect(refused.length).toBeGreaterThan(320);
    const { rows } = await ctx.deps.pool.query<{ n: number }>(
      "select count(*)::int as n from progress_events where enrollment_id = $1 and reason = 'BEFORE_ENROLLMENT'",
      [p.enrollmentId],
    );
    expect(rows[0]!.n).toBe(refused.length);
  });

  test('a day earns at most the daily cap, however much time a client claims', async () => {
    await clockAt('2025-09-01T01:00:00Z');
    const cohort = await cohortWith('SEHARIAN', [
      { kind: 'online', name: 'MOOC', startDate: '2025-09-01', endDate: '2025-09-20', requiredJp: 45 },
    ]);
    const p = await participantIn(cohort.id);
    // 14 hours of steady heartbeats on one WIB day (07:00–21:00): the cap is 12 JP = 9 hours.
    clock.set('2025-09-01T14:00:00Z');
    const res = await study(p, 14 * 60);
    expect(res.creditedSeconds).toBe(12 * 45 * 60);
  });
});

describe('dates of JP', () => {
  test('an adjustment dated inside the program lands in the year it names; one outside is refused', async () => {
    await clockAt('2026-01-05T03:00:00Z');
    const cohort = await cohortWith('AKHIR-TAHUN', [
      { kind: 'online', name: 'MOOC', startDate: '2025-12-15', endDate: '2026-01-10', requiredJp: 45 },
    ]);
    const p = await participantIn(cohort.id);
    const adjust = (date: string) =>
      ctx.http
        .post(`/v1/enrollments/${p.enrollmentId}/jp-adjustments`)
        .set(admin)
        .send({ jp: 3, reason: 'Daftar hadir webinar', date });
    const dated = await adjust('2025-12-29');
    expect(dated.status).toBe(201);
    expect(dated.body.date).toBe('2025-12-29');
    const outside = await adjust('2025-11-30');
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('DATE_OUTSIDE_PROGRAM');

    const y2025 = await ctx.http.get('/v1/me/jp?year=2025').set(p.token).expect(200);
    const y2026 = await ctx.http.get('/v1/me/jp?year=2026').set(p.token).expect(200);
    expect([y2025.body.totalJp, y2026.body.totalJp]).toEqual([3, 0]);
  });
});
