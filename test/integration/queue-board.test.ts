import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg } from '../support/fixtures.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

test('Bull Board is for platform administrators only, and a first visit with ?token= keeps a cookie', async () => {
  const platform = await ctx.platformAdminToken();
  const org = await seedOrg(ctx, platform, 'KOTA-JAMBI');
  const anonymous = await ctx.http.get('/admin/queues');
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  expect((await ctx.http.get('/admin/queues').set(bearer(org.admin.token))).status).toBe(403);

  const first = await ctx.http.get(`/admin/queues?token=${platform}`);
  expect(first.status).toBe(200);
  expect(first.text).toContain('<html');
  const cookie = String(first.headers['set-cookie']).split(';')[0]!;
  // The token in the URL does not reach the request log.
  expect(JSON.stringify(ctx.logs)).not.toContain(platform);
  expect(ctx.logs.some((l) => String(l.url).includes('token=[redacted]'))).toBe(true);
  expect(cookie).toMatch(/^queue_board_token=/);

  const api = await ctx.http.get('/admin/queues/api/queues').set('cookie', cookie);
  expect(api.status).toBe(200);
  expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
    'certificates',
    'clock',
    'imports',
    'mail',
    'system',
    'webhooks',
  ]);
});

test('/metrics reports queue depth, failed jobs and the phase clock', async () => {
  await ctx.deps.producers.imports.add(
    'enrollment-import',
    { jobId: '00000000-0000-4000-8000-000000000000' },
    { delay: 60_000 },
  );
  const res = await ctx.http.get('/metrics');
  expect(res.text).toMatch(/queue_jobs\{queue="imports",state="delayed"\} 1/);
  expect(res.text).toMatch(/queue_jobs\{queue="webhooks",state="failed"\} 0/);
  expect(res.text).toContain('phase_transitions_overdue 0');
  expect(res.text).toContain('# TYPE phase_transition_lag_seconds gauge');
});
