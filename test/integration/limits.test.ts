import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../../src/services.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { blendedCohort } from '../support/classroom.js';
import { zipBomb } from '../support/zip-bomb.js';

let ctx: TestContext;
let platform: string;
let org: SeededOrg;
let receiver: Server;

beforeAll(async () => {
  receiver = createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  ctx = await createTestContext({ env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1' } });
  platform = await ctx.platformAdminToken();
  org = await seedOrg(ctx, platform, 'KAB-BATAS');
});
afterAll(async () => {
  await ctx.close();
  await new Promise((r) => receiver.close(r));
});

function bigPackage(modules: number, lessons: number) {
  return {
    format: 'course-package/1',
    code: `BESAR-${modules}x${lessons}`,
    title: 'Paket besar',
    modules: Array.from({ length: modules }, (_, m) => ({
      code: `M${m}`,
      agenda: 'Agenda',
      title: `Modul ${m}`,
      jp: 1,
      lessons: Array.from({ length: lessons }, (_, l) => ({
        code: `M${m}-L${l}`,
        kind: 'reading',
        title: `Materi ${l}`,
        durationMinutes: 1,
      })),
    })),
  };
}

describe('limits that a valid request can reach', () => {
  test('a course package of 12 modules of 500 lessons, valid by schema, is imported whole', async () => {
    const res = await ctx.http.post('/v1/courses/import').set(bearer(org.admin.token)).send(bigPackage(12, 500));
    expect(res.status).toBe(201);
    const course = await ctx.http.get(`/v1/courses/${res.body.courseId}`).set(bearer(org.admin.token)).expect(200);
    const count = (course.body.version.modules as Array<{ lessons: unknown[] }>).reduce(
      (n, m) => n + m.lessons.length,
      0,
    );
    expect(count).toBe(6000);
  }, 120_000);

  test('an extension until 9999-12-31 is a 400 naming the field', async () => {
    const shipped = JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'));
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(bearer(org.admin.token)).send(shipped))
      .body.courseId;
    const cohort = await blendedCohort(ctx, bearer(org.admin.token), courseId, 'EXT-1', 1, 9100);
    const res = await ctx.http
      .put(`/v1/enrollments/${cohort.people[0]!.enrollmentId}/extensions/${cohort.online}`)
      .set(bearer(org.admin.token))
      .send({ untilDate: '9999-12-31', reason: 'Sakit' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.untilDate' }] });
  });

  test('an XLSX that unpacks to 300 MB, and a CSV of a million rows, are 413s', async () => {
    const shipped = JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'));
    const admin = bearer(org.admin.token);
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
    const cohortId = (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'BOM', name: 'Bom' })).body
      .id;
    const bomb = await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments/import`)
      .set(admin)
      .attach('file', await zipBomb(300 * 1024 * 1024), 'peserta.xlsx');
    expect(bomb.status).toBe(413);
    expect(bomb.body.code).toBe('ROSTER_TOO_LARGE');
    const rows = await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments/import`)
      .set(admin)
      .attach('file', Buffer.from(`NIP,Nama\n${'1,a\n'.repeat(1_000_000)}`), 'peserta.csv');
    expect(rows.status).toBe(413);
    expect(rows.body.code).toBe('ROSTER_TOO_LARGE');
    expect((await ctx.http.get('/health/live')).status).toBe(200);
  }, 120_000);

  test('deleting an organization that still has courses or webhook endpoints is a 409, and nothing of it is removed', async () => {
    const withCourse = (
      await ctx.http.post('/v1/organizations').set(bearer(platform)).send({ code: 'KAB-K', name: 'K' })
    ).body.id as string;
    await ctx.http
      .post(`/v1/courses/import?orgId=${withCourse}`)
      .set(bearer(platform))
      .send(bigPackage(1, 2))
      .expect(201);
    const course = await ctx.http.delete(`/v1/organizations/${withCourse}`).set(bearer(platform));
    expect(course.status).toBe(409);
    expect(course.body.code).toBe('ORGANIZATION_NOT_EMPTY');

    const withHook = (await ctx.http.post('/v1/organizations').set(bearer(platform)).send({ code: 'KAB-W', name: 'W' }))
      .body.id as string;
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const endpoint = await ctx.http
      .post('/v1/webhooks')
      .set(bearer(platform))
      .send({ orgId: withHook, url })
      .expect(201);
    await ctx.deps.pool.query(
      `insert into outbox (org_id, type, payload, created_at) values ($1, 'phase.opened', '{}', now())`,
      [withHook],
    );
    expect(await createServices(ctx.deps, () => '').webhooks.dispatch()).toBe(1);
    // Endpoints and their delivery log are kept: the organization is refused until they are removed.
    const hook = await ctx.http.delete(`/v1/organizations/${withHook}`).set(bearer(platform));
    expect(hook.status).toBe(409);
    expect(hook.body.code).toBe('ORGANIZATION_NOT_EMPTY');
    const kept = await ctx.deps.pool.query(
      'select count(*)::int as n from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where e.org_id = $1',
      [withHook],
    );
    expect(kept.rows[0].n).toBe(1);

    await ctx.http.delete(`/v1/webhooks/${endpoint.body.id}`).set(bearer(platform)).expect(204);
    expect((await ctx.http.delete(`/v1/organizations/${withHook}`).set(bearer(platform))).status).toBe(204);
  });
});
