import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createServices } from '../../src/services.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, scheduleCohort, seedOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// Inside both MOOCs: 25 October 2024, 10:00 WIB.
const clock = manualClock('2024-10-25T03:00:00Z');
let ctx: TestContext;

interface Participant {
  token: string;
  userId: string;
  enrollmentId: string;
  lessonId: string;
}

let seed = 9000;
async function participantsOf(code: string, count: number): Promise<Participant[]> {
  const org = await seedOrg(ctx, await ctx.platformAdminToken(), code);
  const admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  const modules = (await ctx.http.get(`/v1/courses/${courseId}`).set(admin)).body.version.modules;
  const lessonId = modules[0].lessons.find((l: { kind: string }) => l.kind === 'reading').id as string;
  const cohort = await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code, name: code });
  await ctx.http
    .put(`/v1/cohorts/${cohort.body.id}/phases`)
    .set(admin)
    .send({
      phases: [{ kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 45 }],
    })
    .expect(200);
  // Scheduled today, inside its dates: the missed opening is applied at once.
  await scheduleCohort(ctx, admin, cohort.body.id, 'apply');
  // Enrolled and activated the day before: nothing they report can predate that.
  const now = clock.now();
  clock.set(new Date(now.getTime() - 86_400_000));
  const out: Participant[] = [];
  for (const person of makePeople(count, (seed += 100))) {
    const enrolled = await ctx.http
      .post(`/v1/cohorts/${cohort.body.id}/enrollments`)
      .set(admin)
      .send({ nip: person.nip, name: person.nama })
      .expect(201);
    const userId = enrolled.body.participant.id as string;
    await ctx.http.patch(`/v1/users/${userId}`).set(admin).send({ password: 'peserta-rahasia-77' }).expect(200);
    const login = await ctx.http.post('/v1/auth/login').send({ login: person.nip, password: 'peserta-rahasia-77' });
    out.push({ token: login.body.accessToken, userId, enrollmentId: enrolled.body.id, lessonId });
  }
  clock.set(now);
  return out;
}

const heartbeat = (p: Participant, clientEventId: string = randomUUID()) => ({
  clientEventId,
  type: 'heartbeat',
  lessonId: p.lessonId,
  occurredAt: new Date(clock.now().getTime() - 1000).toISOString(),
  activeSeconds: 30,
});

let people: Participant[];

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  people = [...(await participantsOf('KOTA-SATU', 20)), ...(await participantsOf('KAB-DUA', 20))];
});
afterAll(() => ctx.close());

describe('one request cannot fail another', () => {
  test('a NUL in one of 40 concurrent heartbeat requests is that request\u2019s 400; the 39 others are answered 200', async () => {
    const poisoned = 17;
    const responses = await Promise.all(
      people.map((p, i) =>
        ctx.http
          .post('/v1/me/progress')
          .set(bearer(p.token))
          .send({
            enrollmentId: p.enrollmentId,
            events: [heartbeat(p, i === poisoned ? `evt-\u0000-${i}` : undefined)],
          }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(39);
    expect(responses[poisoned]!.status).toBe(400);
    expect(responses[poisoned]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(responses[poisoned]!.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.events[0].clientEventId' }],
    });
  });

  test('a request that breaks its credit round gets its own error; the others in the round are retried alone and credited', async () => {
    const { progress } = createServices(ctx.deps, () => '');
    const poisoned = 21;
    // Submitted together, so the requests after the first two share one round.
    const results = await Promise.allSettled(
      people.map((p, i) =>
        progress.recordEvents(
          { userId: p.userId, role: 'participant', scope: { orgIds: [] } as never, requestId: null },
          p.enrollmentId,
          // PostgreSQL refuses this text: the statement of the whole round fails.
          [{ ...heartbeat(p, i === poisoned ? `evt-\u0000-${i}` : undefined), occurredAt: clock.now() }] as never,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(39);
    expect(results[poisoned]!.status).toBe('rejected');
    for (const r of results) {
      if (r.status === 'fulfilled') expect(r.value.results[0]).toMatchObject({ status: 'accepted' });
    }
  });
});
