import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { localMidnight } from '../../src/modules/cohorts/calendar.js';
import { createServices } from '../../src/services.js';
import { wib } from '../support/classroom.js';
import { createTestContext, queueKinds, type TestContext } from '../support/context.js';
import { localDay } from '../support/dates.js';
import { bearer, scheduleCohort, seedOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const DAY_MS = 86_400_000;

interface World {
  ctx: TestContext;
  clock: ReturnType<typeof manualClock>;
  admin: { Authorization: string };
  courseId: string;
  services: ReturnType<typeof createServices>;
}

async function world(queue: 'redis' | 'postgres' = 'postgres'): Promise<World> {
  // Real today, held still: the tests move it by hand.
  const clock = manualClock(new Date());
  // Webhook receivers on this machine are allowed here; nothing listens on the port used.
  const ctx = await createTestContext({ queue, clock, env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' } });
  const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
  const admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped).expect(201)).body
    .courseId as string;
  return { ctx, clock, admin, courseId, services: createServices(ctx.deps, () => '') };
}

async function draftCohort(w: World, code: string, phases: unknown[]) {
  const created = await w.ctx.http
    .post('/v1/cohorts')
    .set(w.admin)
    .send({ courseId: w.courseId, code, name: code })
    .expect(201);
  const res = await w.ctx.http.put(`/v1/cohorts/${created.body.id}/phases`).set(w.admin).send({ phases }).expect(200);
  return res.body as {
    id: string;
    status: string;
    phases: Array<{ id: string; closesAt: string; remedialDays: number; state: string }>;
  };
}

async function enroll(w: World, cohortId: string, count: number, seed: number) {
  const ids: string[] = [];
  for (const p of makePeople(count, seed)) {
    const res = await w.ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments`)
      .set(w.admin)
      .send({ nip: p.nip, name: p.nama })
      .expect(201);
    ids.push(res.body.id as string);
  }
  return ids;
}

const grant = (w: World, enrollmentId: string, phaseId: string, jp: number) =>
  w.ctx.http
    .post(`/v1/enrollments/${enrollmentId}/jp-adjustments`)
    .set(w.admin)
    .send({ jp, reason: 'Kredit belajar', phaseId })
    .expect(201);

const sql = async <T extends Record<string, unknown>>(w: World, text: string, params: unknown[] = []) =>
  (await w.ctx.deps.pool.query<T>(text, params)).rows;

const transitionsOf = (w: World, phaseId: string) =>
  sql<{ kind: string; round: number; trigger: string }>(
    w,
    'select kind, round, trigger from phase_transitions where phase_id = $1 order by applied_at, kind',
    [phaseId],
  );

const eventsOf = (w: World, cohortId: string) =>
  sql<{ type: string; payload: Record<string, unknown> }>(
    w,
    "select type, payload from outbox where payload->>'cohortId' = $1 order by id",
    [cohortId],
  );

describe('a draft cohort, and a program recorded after it ran', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(() => w.ctx.close());

  test('a draft with 2024 dates is untouched by the clock, then recorded as a past program through to certificates', async () => {
    const cohort = await draftCohort(w, 'PPPK-2024', [
      { kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 45 },
      { kind: 'classroom', name: 'Klasikal', startDate: '2024-11-11', endDate: '2024-12-18', requiredJp: 8 },
    ]);
    expect(cohort.status).toBe('draft');
    // A new online phase gets the remedial window of the setting (LAN: days 16-30).
    expect(cohort.phases.map((p) => p.remedialDays)).toEqual([15, 0]);
    const enrolled = await enroll(w, cohort.id, 3, 7100);

    // Saving the phases and enrolling changed nothing; the reconciler leaves a draft alone.
    expect(await w.services.schedule.reconcile()).toEqual({ applied: 0, scheduled: 0 });
    const [online, classroom] = cohort.phases;
    expect((await sql(w, 'select state from phases where cohort_id = $1', [cohort.id])).map((r) => r.state)).toEqual([
      'pending',
      'pending',
    ]);
    expect(await transitionsOf(w, online!.id)).toEqual([]);
    expect(await sql(w, 'select 1 from phase_outcomes where phase_id = $1', [online!.id])).toEqual([]);
    expect(await eventsOf(w, cohort.id)).toEqual([]);
    // A manual transition is refused too: nothing moves a draft's phases.
    const manual = await w.ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${online!.id}/transitions`)
      .set(w.admin)
      .send({ action: 'open', reason: 'coba' });
    expect(manual.status).toBe(409);
    expect(manual.body.code).toBe('COHORT_NOT_SCHEDULED');

    // Scheduling a program whose dates have passed asks what to do with them.
    const ask = await w.ctx.http.post(`/v1/cohorts/${cohort.id}/schedule`).set(w.admin).send({});
    expect(ask.status).toBe(409);
    expect(ask.headers['content-type']).toContain('application/problem+json');
    expect(ask.body.code).toBe('SCHEDULE_CHOICE_REQUIRED');
    expect(ask.body.detail).toContain('past-program');

    const past = await scheduleCohort(w.ctx, w.admin, cohort.id, 'past-program');
    expect(past).toMatchObject({ status: 'completed', pastProgram: true });
    expect(past.phases.map((p) => p.state)).toEqual(['closed', 'closed']);
    expect(await transitionsOf(w, online!.id)).toEqual([]);
    expect(await eventsOf(w, cohort.id)).toEqual([]);
    expect(await w.services.schedule.reconcile()).toEqual({ applied: 0, scheduled: 0 });
    const again = await w.ctx.http.post(`/v1/cohorts/${cohort.id}/schedule`).set(w.admin).send({ missed: 'apply' });
    expect(again.body.code).toBe('COHORT_NOT_DRAFT');

    // A late name on the attendance list can still be enrolled into a past program.
    enrolled.push(...(await enroll(w, cohort.id, 1, 7200)));
    const nips = (
      await sql<{ nip: string }>(
        w,
        'select u.nip from enrollments e join users u on u.id = e.user_id where e.cohort_id = $1 order by e.enrolled_at, u.nip',
        [cohort.id],
      )
    ).map((r) => r.nip);

    // The classroom day, its attendance and the MOOC's JP, recorded with the program's real dates.
    const session = await w.ctx.http
      .post(`/v1/phases/${classroom!.id}/sessions`)
      .set(w.admin)
      .send({
        title: 'Nilai BerAKHLAK',
        startsAt: wib('2024-11-11T08:00:00'),
        endsAt: wib('2024-11-11T15:00:00'),
        jp: 8,
      })
      .expect(201);
    const attendance = await w.ctx.http
      .put(`/v1/sessions/${session.body.id}/attendance`)
      .set(w.admin)
      .send({ records: nips.map((nip) => ({ nip, status: 'present' })) })
      .expect(200);
    expect(attendance.body.tally).toMatchObject({ present: 4, unrecorded: 0 });
    for (const id of enrolled.slice(0, 3)) await grant(w, id, online!.id, 45);

    await w.ctx.http
      .put(`/v1/cohorts/${cohort.id}/assessment-scheme`)
      .set(w.admin)
      .send({
        components: [
          { code: 'sikap', name: 'Sikap Perilaku', weight: 40, source: 'manual' },
          { code: 'aktualisasi', name: 'Produk Aktualisasi', weight: 60, source: 'manual' },
        ],
      })
      .expect(200);
    for (const component of ['sikap', 'aktualisasi'])
      await w.ctx.http
        .put(`/v1/cohorts/${cohort.id}/scores/${component}`)
        .set(w.admin)
        .send({ scores: nips.map((nip) => ({ nip, score: 90 })) })
        .expect(200);
    const run = await w.ctx.http.post(`/v1/cohorts/${cohort.id}/results`).set(w.admin).expect(201);
    expect(run.body).toMatchObject({ final: true, summary: { total: 4, passed: 3, failed: 1 } });
    expect(run.body.summary.byReason).toEqual({ ONLINE_JP_SHORT: 1 });

    const job = await w.ctx.http.post(`/v1/cohorts/${cohort.id}/certificates`).set(w.admin).expect(202);
    await w.services.certificates.runIssueJob(job.body.jobId);
    const certificates = await w.ctx.http.get(`/v1/cohorts/${cohort.id}/certificates`).set(w.admin).expect(200);
    expect(certificates.body.items).toHaveLength(3);
  });

  test('a completed cohort that ran under the clock refuses new participants; a program still running cannot be past', async () => {
    const cohort = await draftCohort(w, 'SELESAI', [
      {
        kind: 'online',
        name: 'MOOC',
        startDate: localDay(-20),
        endDate: localDay(-10),
        requiredJp: 45,
        remedialDays: 0,
      },
    ]);
    await enroll(w, cohort.id, 2, 7300);
    const applied = await scheduleCohort(w.ctx, w.admin, cohort.id, 'apply');
    expect(applied).toMatchObject({ status: 'completed', pastProgram: false });
    expect((await transitionsOf(w, cohort.phases[0]!.id)).map((t) => [t.kind, t.trigger])).toEqual([
      ['open', 'catch-up'],
      ['close', 'catch-up'],
      ['remedial_end', 'catch-up'],
    ]);
    const late = await w.ctx.http
      .post(`/v1/cohorts/${cohort.id}/enrollments`)
      .set(w.admin)
      .send({ nip: makePeople(1, 7400)[0]!.nip, name: 'Terlambat' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('COHORT_CLOSED');

    const running = await draftCohort(w, 'BERJALAN', [
      { kind: 'online', name: 'MOOC', startDate: localDay(-3), endDate: localDay(3), requiredJp: 45 },
    ]);
    const notPast = await w.ctx.http
      .post(`/v1/cohorts/${running.id}/schedule`)
      .set(w.admin)
      .send({ missed: 'past-program' });
    expect(notPast.status).toBe(409);
    expect(notPast.body.code).toBe('COHORT_NOT_PAST');

    // Ahead of its dates a cohort schedules without a question, and can go back to draft.
    const ahead = await draftCohort(w, 'NANTI', [
      { kind: 'online', name: 'MOOC', startDate: localDay(10), endDate: localDay(20), requiredJp: 45 },
    ]);
    expect((await w.ctx.http.post(`/v1/cohorts/${ahead.id}/schedule`).set(w.admin).expect(200)).body.status).toBe(
      'scheduled',
    );
    expect((await w.ctx.http.post(`/v1/cohorts/${ahead.id}/unschedule`).set(w.admin).expect(200)).body.status).toBe(
      'draft',
    );
  });
});

describe.each(queueKinds())('changing course and ending remedial windows on the %s backend', (queue) => {
  let w: World;
  beforeAll(async () => {
    w = await world(queue);
  });
  afterAll(() => w.ctx.close());

  test('a closed phase reopens with a reason and closes again exactly once, its outcomes recomputed', async () => {
    w.clock.set(new Date());
    const cohort = await draftCohort(w, `REOPEN-${queue}`, [
      { kind: 'online', name: 'MOOC', startDate: localDay(-5), endDate: localDay(5), requiredJp: 45 },
    ]);
    const phase = cohort.phases[0]!;
    const [met, short] = await enroll(w, cohort.id, 2, 8100);
    await scheduleCohort(w.ctx, w.admin, cohort.id);
    await grant(w, met!, phase.id, 45);
    const transition = (body: Record<string, unknown>) =>
      w.ctx.http.post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`).set(w.admin).send(body);

    const notClosed = await transition({ action: 'reopen', reason: 'Perpanjangan', endDate: localDay(8) });
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.code).toBe('PHASE_NOT_CLOSED');
    await transition({ action: 'close', reason: 'Ditutup lebih awal' }).expect(200);
    expect((await w.ctx.http.get(`/v1/enrollments/${short}`).set(w.admin)).body.status).toBe('remedial');

    const noDate = await transition({ action: 'reopen', reason: 'Dibuka lagi' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.code).toBe('REOPEN_DATE_INVALID');
    const pastDate = await transition({ action: 'reopen', reason: 'Dibuka lagi', endDate: localDay(-1) });
    expect(pastDate.body.code).toBe('REOPEN_DATE_INVALID');

    // Two admins reopen at once: one of them does it.
    const both = await Promise.all([
      transition({ action: 'reopen', reason: 'Server LMS sempat mati', endDate: localDay(8) }),
      transition({ action: 'reopen', reason: 'Server LMS sempat mati', endDate: localDay(8) }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const reopened = both.find((r) => r.status === 200)!;
    expect(both.find((r) => r.status === 409)!.body.code).toBe('PHASE_NOT_CLOSED');
    expect(reopened.body.at(-1)).toMatchObject({
      kind: 'reopen',
      round: 2,
      trigger: 'manual',
      reason: 'Server LMS sempat mati',
      scheduleVersion: 2,
    });
    const view = (await w.ctx.http.get(`/v1/cohorts/${cohort.id}`).set(w.admin)).body;
    expect(view.status).toBe('running');
    expect(view.phases[0]).toMatchObject({ state: 'open', round: 2, endDate: localDay(8), scheduleVersion: 2 });
    const audit = await sql(w, "select data from audit_log where action = 'phase.reopened' and data->>'phaseId' = $1", [
      phase.id,
    ]);
    expect(audit).toHaveLength(1);

    // The participant who fell short catches up while it is open again.
    await grant(w, short!, phase.id, 45);

    // At its new end the queued job, a duplicate of it, a stale job of the first round and the
    // reconciler all race: the second closing happens once.
    const newClose = localMidnight(localDay(9), 'Asia/Jakarta');
    w.clock.set(new Date(newClose.getTime() + 1000));
    const job = await w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-close-v2-r2`);
    expect(job?.data).toMatchObject({ kind: 'close', scheduleVersion: 2, round: 2 });
    const stale = { ...job!.data, scheduleVersion: 1, round: 1 };
    const outcomes = await Promise.all([
      w.services.schedule.runScheduled(job!.data),
      w.services.schedule.runScheduled(job!.data),
      w.services.schedule.runScheduled(stale),
      w.services.schedule.reconcile(),
    ]);
    const reconciled = outcomes[3] as { applied: number };
    expect(outcomes.slice(0, 3).filter((o) => o === 'applied').length + reconciled.applied).toBe(1);
    expect(outcomes[2]).toBe('stale');
    expect((await transitionsOf(w, phase.id)).map((t) => [t.kind, t.round])).toEqual([
      ['open', 1],
      ['close', 1],
      ['reopen', 2],
      ['close', 2],
    ]);
    const rows = await sql<{ met: boolean; final: string; remedial_until: Date | null }>(
      w,
      'select met, final, remedial_until from phase_outcomes where phase_id = $1',
      [phase.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.met && r.final === 'met' && r.remedial_until === null)).toBe(true);
    expect((await w.ctx.http.get(`/v1/enrollments/${short}`).set(w.admin)).body.status).toBe('active');
    expect((await eventsOf(w, cohort.id)).map((e) => e.type)).toEqual([
      'phase.opened',
      'enrollment.remedial',
      'phase.closed',
      'phase.reopened',
      'phase.closed',
    ]);
    expect((await w.ctx.http.get(`/v1/cohorts/${cohort.id}`).set(w.admin)).body.status).toBe('completed');
  });

  test('the end of the remedial window makes each outcome final exactly once, with an event for each', async () => {
    w.clock.set(new Date());
    // No remedialDays given: the setting's 15 days.
    const cohort = await draftCohort(w, `REMEDIAL-${queue}`, [
      { kind: 'online', name: 'MOOC', startDate: localDay(-10), endDate: localDay(-1), requiredJp: 45 },
    ]);
    const phase = cohort.phases[0]!;
    expect(phase.remedialDays).toBe(15);
    const hook = await w.ctx.http
      .post('/v1/webhooks')
      .set(w.admin)
      .send({
        url: 'http://127.0.0.1:7199/lms',
        eventTypes: ['enrollment.remedial_met', 'enrollment.remedial_short'],
      })
      .expect(201);
    const [onTime, inRemedial, never] = await enroll(w, cohort.id, 3, 9100);
    await grant(w, onTime!, phase.id, 45);
    await grant(w, inRemedial!, phase.id, 20);
    // Scheduled after its end: the missed opening and closing are applied now; the window runs on.
    await scheduleCohort(w.ctx, w.admin, cohort.id);
    const closesAt = new Date(phase.closesAt);
    const windowEnd = new Date(closesAt.getTime() + 15 * DAY_MS);
    const before = await sql<{ enrollment_id: string; met: boolean; final: string | null; remedial_until: Date }>(
      w,
      'select enrollment_id, met, final, remedial_until from phase_outcomes where phase_id = $1',
      [phase.id],
    );
    const byId = (rows: typeof before, id: string) => rows.find((r) => r.enrollment_id === id)!;
    expect(byId(before, onTime!)).toMatchObject({ met: true, final: 'met' });
    expect(byId(before, inRemedial!)).toMatchObject({ met: false, final: null });
    expect(byId(before, inRemedial!).remedial_until.getTime()).toBe(windowEnd.getTime());

    // Inside the window the participant makes up the JP (credited to the phase).
    await grant(w, inRemedial!, phase.id, 25);
    w.clock.set(new Date(windowEnd.getTime() - 1000));
    await w.services.schedule.reconcile();
    expect((await transitionsOf(w, phase.id)).map((t) => t.kind)).toEqual(['open', 'close']);

    const job = await w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-remedial_end-v1`);
    expect(job?.data).toMatchObject({ kind: 'remedial_end', scheduledAt: windowEnd.toISOString() });
    w.clock.set(new Date(windowEnd.getTime() + 500));
    const raced = await Promise.all([
      w.services.schedule.runScheduled(job!.data),
      w.services.schedule.runScheduled(job!.data),
      w.services.schedule.reconcile(),
    ]);
    expect(raced.filter((o) => o === 'applied').length + (raced[2] as { applied: number }).applied).toBe(1);
    expect(await w.services.schedule.runScheduled(job!.data)).toBe('already');

    const ends = (await transitionsOf(w, phase.id)).filter((t) => t.kind === 'remedial_end');
    expect(ends).toHaveLength(1);
    const after = await sql<{ enrollment_id: string; met: boolean; final: string; final_jp: string }>(
      w,
      'select enrollment_id, met, final, final_jp from phase_outcomes where phase_id = $1',
      [phase.id],
    );
    expect(byId(after as never, onTime!)).toMatchObject({ met: true, final: 'met' });
    expect(byId(after as never, inRemedial!)).toMatchObject({ met: false, final: 'met_in_remedial' });
    expect(Number((after.find((r) => r.enrollment_id === inRemedial) as { final_jp: string }).final_jp)).toBe(45);
    expect(byId(after as never, never!)).toMatchObject({ met: false, final: 'short' });

    const events = await eventsOf(w, cohort.id);
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'enrollment.remedial_met')).toHaveLength(1);
    expect(types.filter((t) => t === 'enrollment.remedial_short')).toHaveLength(1);
    expect(types.filter((t) => t === 'phase.remedial_ended')).toHaveLength(1);
    expect(events.find((e) => e.type === 'enrollment.remedial_met')!.payload.enrollmentId).toBe(inRemedial);
    expect(events.find((e) => e.type === 'enrollment.remedial_short')!.payload.enrollmentId).toBe(never);
    // And so to webhooks: one delivery of each, to the endpoint that asked for them.
    await w.services.webhooks.dispatch();
    await w.services.webhooks.dispatch();
    const deliveries = (await w.ctx.http.get(`/v1/webhooks/${hook.body.id}/deliveries`).set(w.admin).expect(200)).body;
    expect(deliveries.map((d: { eventType: string }) => d.eventType).sort()).toEqual([
      'enrollment.remedial_met',
      'enrollment.remedial_short',
    ]);
    const status = async (id: string) => (await w.ctx.http.get(`/v1/enrollments/${id}`).set(w.admin)).body.status;
    expect([await status(onTime!), await status(inRemedial!), await status(never!)]).toEqual([
      'active',
      'active',
      'remedial',
    ]);
  });
});
