import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, seedOrg, type Member, type SeededOrg } from '../support/fixtures.js';
import { blendedCohort, participantToken as participantToken_, wib, type Person } from '../support/classroom.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// During the Jambi MOOC, before the classroom phase: 1 November 2024, 10:00 WIB.
const clock = manualClock('2024-11-01T03:00:00Z');
let ctx: TestContext;
let jambi: SeededOrg;
let admin: { Authorization: string };
let otherInstructor: Member;
let courseId: string;

let seed = 900;
const cohort = (code: string) => blendedCohort(ctx, admin, courseId, code, 4, ++seed);

async function transition(cohortId: string, phaseId: string, action: 'open' | 'close') {
  await ctx.http
    .post(`/v1/cohorts/${cohortId}/phases/${phaseId}/transitions`)
    .set(admin)
    .send({ action, reason: 'test' })
    .expect(200);
}

async function session(phaseId: string, day: string, jp: number, instructorIds = [jambi.instructor.id]) {
  const res = await ctx.http
    .post(`/v1/phases/${phaseId}/sessions`)
    .set(admin)
    .send({
      title: `Sesi ${day}`,
      startsAt: wib(`${day}T08:00:00`),
      endsAt: wib(`${day}T15:00:00`),
      jp,
      instructorIds,
    });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; localDate: string; venue: string };
}

async function sessionLedger(enrollmentId: string): Promise<number> {
  const { rows } = await ctx.deps.pool.query<{ jp: string | null }>(
    "select sum(jp) as jp from jp_ledger where enrollment_id = $1 and source = 'session'",
    [enrollmentId],
  );
  return Number(rows[0]!.jp ?? 0);
}

const participantToken = (p: Person) => participantToken_(ctx, admin, p);

beforeAll(async () => {
  ctx = await createTestContext({ clock, env: { ATTENDANCE_GRACE_DAYS: '3' } });
  const platform = await ctx.platformAdminToken();
  jambi = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  admin = bearer(jambi.admin.token);
  otherInstructor = await createMember(ctx, platform, jambi.id, 'instructor');
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
});
afterAll(() => ctx.close());

describe('sessions', () => {
  test('lie within the phase dates in the cohort zone; every problem is reported', async () => {
    const c = await cohort('SESI');
    const ok = await session(c.classroom, '2024-11-11', 7);
    expect(ok.localDate).toBe('2024-11-11');
    expect(ok.venue).toBe('Aula BPSDM');

    // 16 Nov 06:00 WIB is after the phase (it closes at 16 Nov 00:00 WIB); 9 JP do not fit 2 hours;
    // the participant is not an instructor.
    const bad = await ctx.http
      .post(`/v1/phases/${c.classroom}/sessions`)
      .set(admin)
      .send({
        title: 'Terlambat',
        startsAt: wib('2024-11-15T23:00:00'),
        endsAt: wib('2024-11-16T01:00:00'),
        jp: 9,
        instructorIds: [jambi.participant.id],
      });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('SESSION_INVALID');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.startsAt',
      'body.jp',
      'body.instructorIds[0]',
    ]);

    const online = await ctx.http
      .post(`/v1/phases/${c.online}/sessions`)
      .set(admin)
      .send({ title: 'Daring', startsAt: wib('2024-10-24T08:00:00'), endsAt: wib('2024-10-24T10:00:00'), jp: 2 });
    expect(online.status).toBe(422);
    expect(online.body.errors[0].path).toBe('params.id');

    // The phase cannot now shrink away from its session, nor be removed.
    const moved = await ctx.http
      .put(`/v1/cohorts/${c.id}/phases`)
      .set(admin)
      .send({
        phases: [
          {
            id: c.online,
            kind: 'online',
            name: 'MOOC',
            startDate: '2024-10-23',
            endDate: '2024-11-08',
            requiredJp: 45,
          },
          { id: c.classroom, kind: 'classroom', name: 'Klasikal', startDate: '2024-11-12', endDate: '2024-11-15' },
        ],
      });
    expect(moved.status).toBe(400);
    expect(moved.body.errors.at(-1).path).toBe('body.phases[1]');
    const removed = await ctx.http
      .put(`/v1/cohorts/${c.id}/phases`)
      .set(admin)
      .send({
        phases: [
          {
            id: c.online,
            kind: 'online',
            name: 'MOOC',
            startDate: '2024-10-23',
            endDate: '2024-11-08',
            requiredJp: 45,
          },
        ],
      });
    expect(removed.status).toBe(400);
    expect(removed.body.errors.at(-1).message).toContain('tidak dapat dihapus');
  });

  test('participants see sessions only once the classroom phase has opened', async () => {
    const c = await cohort('LIHAT');
    await session(c.classroom, '2024-11-12', 7);
    const p = await participantToken(c.people[0]!);
    const before = await ctx.http.get(`/v1/phases/${c.classroom}/sessions`).set(p);
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('PHASE_NOT_OPEN');
    await transition(c.id, c.classroom, 'open');
    const after = await ctx.http.get(`/v1/phases/${c.classroom}/sessions`).set(p).expect(200);
    expect(after.body).toHaveLength(1);
    // Someone not in the cohort does not learn that it exists.
    const outsider = await participantToken((await cohort('LAIN')).people[0]!);
    expect((await ctx.http.get(`/v1/phases/${c.classroom}/sessions`).set(outsider)).status).toBe(404);
  });
});

describe('attendance', () => {
  test('only the session\u2019s instructors and org admins record it; attended JP enter the ledger once', async () => {
    const c = await cohort('HADIR');
    const s = await session(c.classroom, '2024-11-11', 7);
    const [a, b, d] = c.people;
    const mark = (who: { Authorization: string }, records: unknown[]) =>
      ctx.http.put(`/v1/sessions/${s.id}/attendance`).set(who).send({ records });

    const early = await mark(admin, [{ nip: a!.nip, status: 'present' }]);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PHASE_NOT_OPEN');

    await transition(c.id, c.classroom, 'open');
    clock.set(new Date(wib('2024-11-11T09:00:00')));

    // An instructor who teaches nothing in this cohort does not see it at all.
    const notTheirs = await mark(bearer(otherInstructor.token), [{ nip: a!.nip, status: 'present' }]);
    expect(notTheirs.status).toBe(404);
    expect((await ctx.http.get(`/v1/sessions/${s.id}/attendance`).set(bearer(otherInstructor.token))).status).toBe(404);

    const wrong = await mark(bearer(jambi.instructor.token), [
      { nip: a!.nip, status: 'present' },
      { nip: '199001012024011999', status: 'present' },
      { enrollmentId: a!.enrollmentId, status: 'late' },
    ]);
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ATTENDANCE_INVALID');
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.records[1].nip',
      'body.records[2].enrollmentId',
    ]);
    expect(await sessionLedger(a!.enrollmentId)).toBe(0);

    const ok = await mark(bearer(jambi.instructor.token), [
      { nip: a!.nip, status: 'present' },
      { enrollmentId: b!.enrollmentId, status: 'late', note: 'Datang 08:20' },
      { nip: d!.nip, status: 'absent' },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      created: 3,
      updated: 0,
      unchanged: 0,
      tally: { present: 1, late: 1, excused: 0, absent: 1, unrecorded: 1 },
    });
    expect(await sessionLedger(a!.enrollmentId)).toBe(7);
    expect(await sessionLedger(b!.enrollmentId)).toBe(7);
    expect(await sessionLedger(d!.enrollmentId)).toBe(0);

    // Sent again: nothing changes. Corrected: the credit follows, net, without rewriting the ledger.
    const again = await mark(admin, [{ nip: a!.nip, status: 'present' }]);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    await mark(admin, [
      { nip: a!.nip, status: 'absent' },
      { nip: d!.nip, status: 'present' },
    ]).expect(200);
    expect(await sessionLedger(a!.enrollmentId)).toBe(0);
    expect(await sessionLedger(d!.enrollmentId)).toBe(7);
    const entries = await ctx.deps.pool.query('select jp from jp_ledger where enrollment_id = $1 order by id', [
      a!.enrollmentId,
    ]);
    expect(entries.rows.map((r) => Number(r.jp))).toEqual([7, -7]);

    const roster = await ctx.http
      .get(`/v1/sessions/${s.id}/attendance`)
      .set(bearer(jambi.instructor.token))
      .expect(200);
    expect(roster.body.records).toHaveLength(4);
    expect(roster.body.records.find((r: { nip: string }) => r.nip === b!.nip)).toMatchObject({
      status: 'late',
      note: 'Datang 08:20',
    });

    // Session credits count toward the person's annual JP, in the year of the session.
    const p = await participantToken(a!);
    await mark(admin, [{ nip: a!.nip, status: 'present' }]).expect(200);
    const jp = await ctx.http.get('/v1/me/jp?year=2024').set(p).expect(200);
    expect(jp.body.totalJp).toBeCloseTo(7, 4);
  });

  test('concurrent corrections leave the ledger equal to the final mark', async () => {
    const c = await cohort('SERENTAK');
    const s = await session(c.classroom, '2024-11-12', 7);
    await transition(c.id, c.classroom, 'open');
    clock.set(new Date(wib('2024-11-12T16:00:00')));
    const who = c.people[0]!;
    const marks = ['present', 'absent', 'late', 'excused', 'present', 'absent', 'present', 'absent'];
    const answers = await Promise.all(
      marks.map((status) =>
        ctx.http
          .put(`/v1/sessions/${s.id}/attendance`)
          .set(admin)
          .send({ records: [{ nip: who.nip, status }] }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(marks.map(() => 200));
    const { rows } = await ctx.deps.pool.query('select status from attendance where session_id = $1', [s.id]);
    const final = rows[0].status as string;
    expect(await sessionLedger(who.enrollmentId)).toBe(['present', 'late'].includes(final) ? 7 : 0);
  });

  test('a session that has not started cannot be marked; the grace period ends attendance after the phase', async () => {
    const c = await cohort('TENGGAT');
    const s = await session(c.classroom, '2024-11-14', 7);
    await transition(c.id, c.classroom, 'open');
    clock.set(new Date(wib('2024-11-13T09:00:00')));
    const mark = () =>
      ctx.http
        .put(`/v1/sessions/${s.id}/attendance`)
        .set(admin)
        .send({ records: [{ nip: c.people[0]!.nip, status: 'present' }] });
    expect((await mark()).body.code).toBe('SESSION_NOT_STARTED');
    clock.set(new Date(wib('2024-11-16T09:00:00')));
    await transition(c.id, c.classroom, 'close');
    // Closed on 16 Nov 00:00 WIB; the grace period of 3 days runs to 19 Nov 00:00 WIB.
    clock.set(new Date(wib('2024-11-18T23:59:00')));
    expect((await mark()).status).toBe(200);
    clock.set(new Date(wib('2024-11-19T00:00:00')));
    const late = await mark();
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTENDANCE_CLOSED');
  });

  test('the enrollment shows how close it is to the absence limit (18 JP or 2 days)', async () => {
    const c = await cohort('ALPA');
    const days = ['2024-11-11', '2024-11-12', '2024-11-13'];
    const sessions = [];
    for (const day of days) sessions.push(await session(c.classroom, day, 7));
    await transition(c.id, c.classroom, 'open');
    clock.set(new Date(wib('2024-11-15T16:00:00')));
    const who = c.people[0]!;
    const statuses = ['absent', 'excused', 'present'];
    for (const [i, s] of sessions.entries())
      await ctx.http
        .put(`/v1/sessions/${s.id}/attendance`)
        .set(admin)
        .send({ records: [{ nip: who.nip, status: statuses[i] }] })
        .expect(200);
    const view = await ctx.http.get(`/v1/enrollments/${who.enrollmentId}/attendance`).set(admin).expect(200);
    expect(view.body).toMatchObject({
      sessionsRecorded: 3,
      attendedJp: 7,
      absentJp: 14,
      absentDays: 2,
      limit: { maxJp: 18, maxDays: 2, countExcused: true },
      remainingJp: 4,
      remainingDays: 0,
      overLimit: false,
    });
    const mine = await ctx.http
      .get(`/v1/me/enrollments/${who.enrollmentId}`)
      .set(await participantToken(who))
      .expect(200);
    expect(mine.body.attendance).toMatchObject({ absentJp: 14, absentDays: 2, overLimit: false });
    await ctx.http
      .put(`/v1/sessions/${sessions[2]!.id}/attendance`)
      .set(admin)
      .send({ records: [{ nip: who.nip, status: 'absent' }] })
      .expect(200);
    const over = await ctx.http.get(`/v1/enrollments/${who.enrollmentId}/attendance`).set(admin).expect(200);
    expect(over.body).toMatchObject({ absentJp: 21, absentDays: 3, overLimit: true, remainingJp: 0 });
  });
});
