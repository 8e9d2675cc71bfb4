import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localDateOf } from '../../src/modules/cohorts/calendar.js';
import { createScheduleService } from '../../src/modules/schedule/service.js';
import { createServices } from '../../src/services.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, queueKinds, type QueueKind, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';
import { localDay } from '../support/dates.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

interface World {
  ctx: TestContext;
  org: SeededOrg;
  admin: { Authorization: string };
  courseId: string;
  services: ReturnType<typeof createServices>;
}

async function world(queue: QueueKind): Promise<World> {
  const ctx = await createTestContext({ queue });
  const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
  const admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  return { ctx, org, admin, courseId, services: createServices(ctx.deps, () => '') };
}

/** A scheduled cohort with one online phase from `from` days to five days after today, in the given zone. */
async function openCohort(w: World, code: string, timeZone = 'Asia/Jakarta', from = -5) {
  const add = (d: number) => localDay(d, timeZone);
  const cohort = (
    await w.ctx.http.post('/v1/cohorts').set(w.admin).send({ courseId: w.courseId, code, name: code, timeZone })
  ).body;
  const res = await w.ctx.http
    .put(`/v1/cohorts/${cohort.id}/phases`)
    .set(w.admin)
    .send({
      phases: [
        { kind: 'online', name: 'MOOC', startDate: add(from), endDate: add(5), requiredJp: 45, remedialDays: 15 },
      ],
    })
    .expect(200);
  // An opening in the past is a missed transition: the clock is armed with it applied now.
  const scheduled = await w.ctx.http
    .post(`/v1/cohorts/${cohort.id}/schedule`)
    .set(w.admin)
    .send({ missed: 'apply' })
    .expect(200);
  expect(res.body.status).toBe('draft');
  expect(scheduled.body.status).toBe(from > 0 ? 'scheduled' : 'running');
  return res.body as {
    id: string;
    phases: Array<{ id: string; opensAt: string; closesAt: string; scheduleVersion: number }>;
  };
}

/** Moves a phase's closing instant (dates are whole days; the tests need seconds) and plans it again. */
async function closeAt(w: World, cohortId: string, phaseId: string, at: Date) {
  await w.ctx.deps.pool.query(
    'update phases set closes_at = $2, schedule_version = schedule_version + 1 where id = $1',
    [phaseId, at],
  );
  await w.services.schedule.scheduleCohort(cohortId);
}

const stateOf = async (w: World, phaseId: string) =>
  (await w.ctx.deps.pool.query<{ state: string }>('select state from phases where id = $1', [phaseId])).rows[0]!.state;

const transitions = async (w: World, phaseId: string) =>
  (
    await w.ctx.deps.pool.query<{ kind: string; trigger: string }>(
      'select kind, trigger from phase_transitions where phase_id = $1 order by applied_at, kind',
      [phaseId],
    )
  ).rows;

describe.each(queueKinds())('the phase clock on the %s backend', (queue) => {
  let w: World;
  let worker: RunningWorker | undefined;
  beforeAll(async () => {
    w = await world(queue);
  });
  afterAll(async () => {
    await worker?.close();
    await w.ctx.close();
  });

  test('a phase closing two seconds from now is closed by the running worker shortly after, not before', async () => {
    const cohort = await openCohort(w, `TWO-SEC-${queue}`);
    const phase = cohort.phases[0]!;
    worker = await startWorker(w.ctx.deps);
    // The reconciler at start opens the phase whose opening is five days past.
    await until(async () => ((await stateOf(w, phase.id)) === 'open' ? true : undefined));
    const closing = new Date(Date.now() + 2000);
    await closeAt(w, cohort.id, phase.id, closing);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await stateOf(w, phase.id)).toBe('open');
    await until(async () => ((await stateOf(w, phase.id)) === 'closed' ? true : undefined), 10_000);
    const timeline = (await w.ctx.http.get(`/v1/cohorts/${cohort.id}/timeline`).set(w.admin)).body;
    const close = timeline.find((t: { kind: string }) => t.kind === 'close');
    expect(close).toMatchObject({ trigger: 'schedule', scheduledAt: closing.toISOString() });
    expect(Date.parse(close.appliedAt)).toBeGreaterThanOrEqual(closing.getTime());
    expect(close.lagSeconds).toBeLessThanOrEqual(3);
    await worker.close();
    worker = undefined;
  });

  test('with the worker stopped across the instant, the phase is closed at restart as a catch-up', async () => {
    const cohort = await openCohort(w, `DOWN-${queue}`);
    const phase = cohort.phases[0]!;
    await w.services.schedule.reconcile();
    expect(await stateOf(w, phase.id)).toBe('open');
    await closeAt(w, cohort.id, phase.id, new Date(Date.now() - 60_000));
    await w.ctx.deps.producers.clock.obliterate({ force: true });
    worker = await startWorker(w.ctx.deps);
    await until(async () => ((await stateOf(w, phase.id)) === 'closed' ? true : undefined));
    expect(await transitions(w, phase.id)).toEqual([
      { kind: 'open', trigger: 'catch-up' },
      { kind: 'close', trigger: 'catch-up' },
    ]);
    await worker.close();
    worker = undefined;
  });

  test('after the queue store lost everything, the reconciler puts back the jobs of the coming window', async () => {
    const cohort = await openCohort(w, `FLUSHED-${queue}`);
    const phase = cohort.phases[0]!;
    await w.services.schedule.reconcile();
    const soon = new Date(Date.now() + 5 * 60_000);
    await closeAt(w, cohort.id, phase.id, soon);
    const far = (await openCohort(w, `FAR-${queue}`)).phases[0]!;
    await w.ctx.deps.producers.clock.obliterate({ force: true });
    expect(await w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-close-v2`)).toBeUndefined();
    await w.services.schedule.reconcile();
    const job = await w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-close-v2`);
    expect(job?.data).toEqual({
      phaseId: phase.id,
      kind: 'close',
      scheduleVersion: 2,
      round: 1,
      scheduledAt: soon.toISOString(),
    });
    // Five days out: its job comes back when it enters the window, on a later run.
    expect(await w.ctx.deps.producers.clock.getJob(`phase-${far.id}-close-v${far.scheduleVersion}`)).toBeUndefined();
  });

  test('two workers running at once apply each transition once', async () => {
    const cohort = await openCohort(w, `TWO-WORKERS-${queue}`);
    const phase = cohort.phases[0]!;
    await closeAt(w, cohort.id, phase.id, new Date(Date.now() - 1000));
    const [a, b] = await Promise.all([startWorker(w.ctx.deps), startWorker(w.ctx.deps)]);
    await Promise.all([w.services.schedule.reconcile(), w.services.schedule.reconcile()]);
    await until(async () => ((await stateOf(w, phase.id)) === 'closed' ? true : undefined));
    await Promise.all([a.close(), b.close()]);
    expect((await transitions(w, phase.id)).map((t) => t.kind)).toEqual(['open', 'close']);
    const { rows } = await w.ctx.deps.pool.query(
      "select count(*)::int as n from outbox where type = 'phase.closed' and payload->>'phaseId' = $1",
      [phase.id],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('schedule versions, zones, effects and manual control', () => {
  let w: World;
  beforeAll(async () => {
    w = await world('postgres');
  });
  afterAll(() => w.ctx.close());

  test('dates edited twice: jobs for the older schedules do nothing, only the last one fires', async () => {
    const cohort = await openCohort(w, 'EDITED');
    const phase = cohort.phases[0]!;
    await w.services.schedule.reconcile();
    const put = (endDate: string) =>
      w.ctx.http
        .put(`/v1/cohorts/${cohort.id}/phases`)
        .set(w.admin)
        .send({
          phases: [
            {
              id: phase.id,
              kind: 'online',
              name: 'MOOC',
              startDate: localDateOf(new Date(phase.opensAt), 'Asia/Jakarta'),
              endDate,
              requiredJp: 45,
              remedialDays: 15,
            },
          ],
        });
    const end = (d: number) => localDay(d);
    const v2 = (await put(end(6))).body.phases[0];
    const v3 = (await put(end(7))).body.phases[0];
    expect([phase.scheduleVersion, v2.scheduleVersion, v3.scheduleVersion]).toEqual([1, 2, 3]);
    const queued = await Promise.all(
      [1, 2, 3].map((v) => w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-close-v${v}`)),
    );
    expect(queued.map((j) => j?.data.scheduledAt)).toEqual([phase.closesAt, v2.closesAt, v3.closesAt]);

    // The jobs of versions 1 and 2 come due first: they find a newer schedule and do nothing.
    expect(await w.services.schedule.runScheduled(queued[0]!.data)).toBe('stale');
    expect(await w.services.schedule.runScheduled(queued[1]!.data)).toBe('stale');
    expect(await stateOf(w, phase.id)).toBe('open');
    expect(await w.services.schedule.runScheduled(queued[2]!.data)).toBe('applied');
    expect(await w.services.schedule.runScheduled(queued[2]!.data)).toBe('already');
    expect((await transitions(w, phase.id)).map((t) => t.kind)).toEqual(['open', 'close']);
  });

  test('a transition applied after its instant says catch-up with its lag, however small the lag', async () => {
    const timelineClose = async (cohortId: string) =>
      (await w.ctx.http.get(`/v1/cohorts/${cohortId}/timeline`).set(w.admin)).body.find(
        (t: { kind: string }) => t.kind === 'close',
      );
    // The reconciler plans a transition whose instant passed twenty seconds ago.
    const planned = await openCohort(w, 'LATE-PLANNED');
    const phase = planned.phases[0]!;
    await w.services.schedule.reconcile();
    const instant = new Date(Date.now() - 20_000);
    await closeAt(w, planned.id, phase.id, instant);
    const job = await w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-close-v2`);
    expect(await w.services.schedule.runScheduled(job!.data)).toBe('applied');
    const close = await timelineClose(planned.id);
    expect(close).toMatchObject({ trigger: 'catch-up', scheduledAt: instant.toISOString() });
    expect(close.lagSeconds).toBeGreaterThanOrEqual(20);

    // A job planned ahead that could only run twenty seconds after its instant (no worker ran).
    const held = await openCohort(w, 'LATE-HELD');
    const heldPhase = held.phases[0]!;
    await w.services.schedule.reconcile();
    await w.ctx.deps.pool.query('update phases set closes_at = $2 where id = $1', [heldPhase.id, instant]);
    expect(
      await w.services.schedule.runScheduled({
        phaseId: heldPhase.id,
        kind: 'close',
        scheduleVersion: heldPhase.scheduleVersion,
        scheduledAt: instant.toISOString(),
      }),
    ).toBe('applied');
    expect(await timelineClose(held.id)).toMatchObject({ trigger: 'catch-up', lagSeconds: expect.any(Number) });
    expect((await timelineClose(held.id)).lagSeconds).toBeGreaterThanOrEqual(20);
  });

  test('a reconciler run writes to the queue for what is due or about to be, not for every unclosed phase', async () => {
    const cohort = await openCohort(w, 'MANY');
    await w.services.schedule.reconcile();
    // Three hundred more unclosed phases, weeks from their instants.
    await w.ctx.deps.pool.query(
      `insert into phases (cohort_id, position, kind, name, start_date, end_date, opens_at, closes_at)
       select $1, 100 + g, 'online', 'Later ' || g, current_date + 20, current_date + 40,
              now() + interval '20 days', now() + interval '41 days'
         from generate_series(1, 300) g`,
      [cohort.id],
    );
    const soon = new Date(Date.now() + 3 * 60_000);
    await w.ctx.deps.pool.query(
      `update phases set closes_at = $2, schedule_version = schedule_version + 1 where id = $1`,
      [cohort.phases[0]!.id, soon],
    );
    let writes = 0;
    const counted = createScheduleService({
      db: w.ctx.deps.db,
      clock: w.ctx.deps.clock,
      cohortsService: w.services.cohorts,
      enqueue: async (...args) => {
        writes += 1;
        await w.ctx.deps.enqueue(...args);
      },
    });
    expect(await counted.reconcile()).toMatchObject({ applied: 0 });
    // The MOOC's close three minutes from now, and nothing for the three hundred later phases.
    expect(writes).toBe(1);
  });

  test.each([
    ['Asia/Makassar', 'WITA', 8],
    ['Asia/Jayapura', 'WIT', 9],
  ])('a %s (%s) cohort closes at its own midnight', async (timeZone, label, offset) => {
    const cohort = await openCohort(w, `ZONE-${label}`, timeZone);
    const phase = cohort.phases[0]!;
    const job = await w.ctx.deps.producers.clock.getJob(`phase-${phase.id}-close-v1`);
    const at = new Date(job!.data.scheduledAt);
    expect(at.getUTCHours()).toBe((24 - offset) % 24);
    expect(at.getUTCMinutes()).toBe(0);
    expect(job!.delay).toBeGreaterThan(3 * 86_400_000);
  });

  test('closing the online phase freezes JP and flags those short of it remedial, in one set-based step', async () => {
    const cohort = await openCohort(w, 'EFFECTS', 'Asia/Jakarta', 1);
    const phase = cohort.phases[0]!;
    const people = makePeople(3, 4242);
    const enrolled = [];
    for (const p of people)
      enrolled.push(
        (await w.ctx.http.post(`/v1/cohorts/${cohort.id}/enrollments`).set(w.admin).send({ nip: p.nip, name: p.nama }))
          .body,
      );
    // One of them has done the whole MOOC: an adjustment stands in for 45 JP of credit.
    await w.ctx.http
      .post(`/v1/enrollments/${enrolled[0].id}/jp-adjustments`)
      .set(w.admin)
      .send({ jp: 45, reason: 'Selesai', phaseId: phase.id })
      .expect(201);

    const manualEarly = await w.ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`)
      .set(w.admin)
      .send({ action: 'close', reason: 'Coba' });
    expect(manualEarly.body.code).toBe('PHASE_NOT_OPEN');
    await w.ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`)
      .set(w.admin)
      .send({ action: 'open', reason: 'Pembukaan resmi' })
      .expect(200);
    const closed = await w.ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`)
      .set(w.admin)
      .send({ action: 'close', reason: 'MOOC selesai' });
    expect(closed.status).toBe(200);
    expect(closed.body.map((t: { kind: string; trigger: string }) => [t.kind, t.trigger])).toEqual([
      ['open', 'manual'],
      ['close', 'manual'],
    ]);
    expect(closed.body[1]).toMatchObject({
      actorId: w.org.admin.id,
      reason: 'MOOC selesai',
      scheduledAt: null,
      details: { enrollments: 3, remedial: 2 },
    });
    expect(
      (
        await w.ctx.http
          .post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`)
          .set(w.admin)
          .send({ action: 'close', reason: 'lagi' })
      ).body.code,
    ).toBe('PHASE_ALREADY_CLOSED');

    const statuses = await Promise.all(
      enrolled.map(async (e) => (await w.ctx.http.get(`/v1/enrollments/${e.id}`).set(w.admin)).body.status),
    );
    expect(statuses).toEqual(['active', 'remedial', 'remedial']);
    const { rows } = await w.ctx.deps.pool.query<{ met: boolean; remedial_until: Date | null }>(
      'select met, remedial_until from phase_outcomes where phase_id = $1 order by met desc',
      [phase.id],
    );
    expect(rows.map((r) => r.met)).toEqual([true, false, false]);
    expect(rows[1]!.remedial_until!.getTime()).toBe(Date.parse(phase.closesAt) + 15 * 86_400_000);
    const events = await w.ctx.deps.pool.query<{ type: string }>(
      "select type from outbox where payload->>'cohortId' = $1 order by id",
      [cohort.id],
    );
    expect(events.rows.map((r) => r.type)).toEqual([
      'phase.opened',
      'enrollment.remedial',
      'enrollment.remedial',
      'phase.closed',
    ]);
    // The last phase closed: the cohort is complete, and its online progress is frozen.
    expect((await w.ctx.http.get(`/v1/cohorts/${cohort.id}`).set(w.admin)).body.status).toBe('completed');
  });
});
