import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { blendedCohort, wib, type BlendedCohort } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, createMember, seedOrg, type Member, type SeededOrg } from '../support/fixtures.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// Before the classroom phase opens (11 November 2024).
const clock = manualClock('2024-11-01T03:00:00Z');
let ctx: TestContext;
let org: SeededOrg;
let taught: BlendedCohort;
let other: BlendedCohort;
let teacher: Member;
let sessionId: string;

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KAB-PENGAJAR');
  const admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  taught = await blendedCohort(ctx, admin, courseId, 'DIAJAR', 2, 5100);
  other = await blendedCohort(ctx, admin, courseId, 'LAIN', 2, 5200);
  teacher = org.instructor;
  const session = await ctx.http
    .post(`/v1/phases/${taught.classroom}/sessions`)
    .set(admin)
    .send({
      title: 'Sesi 1',
      startsAt: wib('2024-11-11T08:00:00'),
      endsAt: wib('2024-11-11T15:00:00'),
      jp: 5,
      instructorIds: [teacher.id],
    })
    .expect(201);
  sessionId = session.body.id;
});
afterAll(() => ctx.close());

describe('instructors read what they teach', () => {
  test('cohorts, progress, reports and results of cohorts they do not teach do not exist for them', async () => {
    const as = bearer(teacher.token);
    const list = await ctx.http.get('/v1/cohorts').set(as).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([taught.id]);
    for (const path of ['', '/progress', '/report', '/results', '/enrollments', '/timeline']) {
      const seen = await ctx.http.get(`/v1/cohorts/${taught.id}${path}`).set(as);
      // (No results are computed yet: that 404 is about the results, not the cohort.)
      expect({ path, detail: seen.body.detail }).not.toEqual({ path, detail: 'Angkatan tidak ditemukan' });
      const hidden = await ctx.http.get(`/v1/cohorts/${other.id}${path}`).set(as);
      expect({ path, status: hidden.status, detail: hidden.body.detail }).toEqual({
        path,
        status: 404,
        detail: 'Angkatan tidak ditemukan',
      });
    }
    const enrollment = await ctx.http.get(`/v1/enrollments/${other.people[0]!.enrollmentId}`).set(as);
    expect(enrollment.status).toBe(404);
    expect((await ctx.http.get(`/v1/enrollments/${taught.people[0]!.enrollmentId}`).set(as)).status).toBe(200);
  });

  test('personal data: only their own participants, never the whole organization', async () => {
    const as = bearer(teacher.token);
    const users = await ctx.http.get('/v1/users?limit=100').set(as).expect(200);
    const ids = new Set(users.body.items.map((u: { id: string }) => u.id));
    expect(ids).toEqual(new Set([teacher.id, ...taught.people.map((p) => p.userId)]));
    expect((await ctx.http.get(`/v1/users/${other.people[0]!.userId}`).set(as)).status).toBe(404);
    expect((await ctx.http.get(`/v1/users/${org.admin.id}`).set(as)).status).toBe(404);
    expect((await ctx.http.get(`/v1/users/${taught.people[0]!.userId}`).set(as)).status).toBe(200);
    // Admins still read the whole organization.
    const all = await ctx.http.get('/v1/users?limit=100').set(bearer(org.admin.token)).expect(200);
    expect(all.body.items.length).toBeGreaterThan(ids.size);
  });

  test('a session\u2019s attendance tells someone who does not teach it nothing, not even that the phase is pending', async () => {
    const stranger: Member = await createMember(ctx, org.admin.token, org.id, 'instructor');
    // Teaching nothing in the cohort: the session does not exist for them.
    expect((await ctx.http.get(`/v1/sessions/${sessionId}/attendance`).set(bearer(stranger.token))).status).toBe(404);
    // Teaching another session of the cohort: refused for who they are, before anything about the phase.
    await ctx.http
      .post(`/v1/phases/${taught.classroom}/sessions`)
      .set(bearer(org.admin.token))
      .send({
        title: 'Sesi 2',
        startsAt: wib('2024-11-12T08:00:00'),
        endsAt: wib('2024-11-12T15:00:00'),
        jp: 5,
        instructorIds: [stranger.id],
      })
      .expect(201);
    const res = await ctx.http.get(`/v1/sessions/${sessionId}/attendance`).set(bearer(stranger.token));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_SESSION_INSTRUCTOR');
    const own = await ctx.http.get(`/v1/sessions/${sessionId}/attendance`).set(bearer(teacher.token));
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('PHASE_NOT_OPEN');
  });
});
