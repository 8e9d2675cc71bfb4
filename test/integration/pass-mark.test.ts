import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { blendedCohort, type BlendedCohort, type Person } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg } from '../support/fixtures.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const clock = manualClock('2024-11-12T02:00:00Z');
let ctx: TestContext;
let admin: { Authorization: string };
let cohort: BlendedCohort;
let atPass: Person, below: Person;

const components = [{ code: 'nilai', name: 'Nilai Akhir', weight: 100, source: 'manual' }];

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  const platform = await ctx.platformAdminToken();
  const org = await seedOrg(ctx, platform, 'KAB-PASS');
  admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  cohort = await blendedCohort(ctx, admin, courseId, 'PASS-70', 2, 4100);
  [atPass, below] = cohort.people as [Person, Person];
});
afterAll(async () => {
  await ctx.close();
});

describe('a pass mark of 70', () => {
  test('the default predikat under it are refused, with the band that holds both a pass and a fail', async () => {
    const res = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/assessment-scheme`)
      .set(admin)
      .send({
        components,
        passMark: 70,
        bands: [
          { label: 'Sangat Memuaskan', minScore: 90.01 },
          { label: 'Memuaskan', minScore: 80.01 },
          { label: 'Cukup Memuaskan', minScore: 70.01 },
          { label: 'Kurang Memuaskan', minScore: 60.01 },
          { label: 'Tidak Memuaskan', minScore: 0 },
        ],
      });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'SCHEME_INVALID',
      errors: [{ path: 'body.bands[3].minScore', message: expect.stringContaining('melewati batas lulus 70.00') }],
    });
    const none = await ctx.http.get(`/v1/cohorts/${cohort.id}/assessment-scheme`).set(admin);
    expect(none.body.code).toBe('ASSESSMENT_SCHEME_NOT_SET');
  });

  test('without bands the predikat follow it: 70.00 passes Cukup Memuaskan, 69.99 fails Kurang Memuaskan', async () => {
    const set = await ctx.http
      .put(`/v1/cohorts/${cohort.id}/assessment-scheme`)
      .set(admin)
      .send({ components, passMark: 70, requireOnlineJp: false })
      .expect(200);
    expect(set.body.bands).toEqual([
      { label: 'Sangat Memuaskan', minScore: 90.01 },
      { label: 'Memuaskan', minScore: 80.01 },
      { label: 'Cukup Memuaskan', minScore: 70 },
      { label: 'Kurang Memuaskan', minScore: 60.01 },
      { label: 'Tidak Memuaskan', minScore: 0 },
    ]);
    await ctx.http
      .put(`/v1/cohorts/${cohort.id}/scores/nilai`)
      .set(admin)
      .send({
        scores: [
          { nip: atPass.nip, score: 70 },
          { nip: below.nip, score: 69.99 },
        ],
      })
      .expect(200);
    await ctx.http.post(`/v1/cohorts/${cohort.id}/results`).set(admin).expect(201);
    const result = async (p: Person) =>
      (await ctx.http.get(`/v1/enrollments/${p.enrollmentId}/result`).set(admin).expect(200)).body;
    expect(await result(atPass)).toMatchObject({
      finalScore: 70,
      predikat: 'Cukup Memuaskan',
      passed: true,
      reasons: [],
    });
    expect(await result(below)).toMatchObject({
      finalScore: 69.99,
      predikat: 'Kurang Memuaskan',
      passed: false,
      reasons: ['SCORE_BELOW_PASS_MARK'],
    });
  });
});
