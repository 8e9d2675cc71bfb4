import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../../src/services.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, scheduleCohort, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';
import { localDay } from '../support/dates.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

interface Received {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let ctx: TestContext;
let org: SeededOrg;
let admin: { Authorization: string };
let courseId: string;
let receiver: Server;
let url: string;
const received: Received[] = [];
const failOnce = new Set<string>();

const day = (offset: number) => localDay(offset);

async function cohortWithOnlinePhase(code: string, from: number, to: number) {
  const cohort = (await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code, name: code })).body;
  const res = await ctx.http
    .put(`/v1/cohorts/${cohort.id}/phases`)
    .set(admin)
    .send({ phases: [{ kind: 'online', name: 'MOOC', startDate: day(from), endDate: day(to), requiredJp: 45 }] });
  for (const p of makePeople(2, code.length * 97)) {
    await ctx.http
      .post(`/v1/cohorts/${cohort.id}/enrollments`)
      .set(admin)
      .send({ nip: p.nip, name: p.nama })
      .expect(201);
  }
  await scheduleCohort(ctx, admin, cohort.id);
  return res.body as { id: string; phases: Array<{ id: string }> };
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      // The first attempt of a phase.closed delivery fails: the sender must try again.
      const event = String(req.headers['x-webhook-event']);
      const deliveryId = String(req.headers['x-webhook-id']);
      const status = event === 'phase.closed' && !failOnce.has(deliveryId) ? 500 : 200;
      if (status === 500) failOnce.add(deliveryId);
      received.push({ status, headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  ctx = await createTestContext({
    env: {
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_DISPATCH_INTERVAL_MS: '200',
      // The receiver runs on this machine: an on-premise receiver the operator allows.
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1',
    },
  });
  org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
  admin = bearer(org.admin.token);
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
});
afterAll(async () => {
  await ctx.close();
  await new Promise((r) => receiver.close(r));
});

describe('events out', () => {
  let worker: RunningWorker;
  afterAll(() => worker?.close());

  test('each event reaches the endpoint once, correctly signed, after a retry when it answered 500', async () => {
    const created = await ctx.http
      .post('/v1/webhooks')
      .set(admin)
      .send({ url, eventTypes: ['phase.opened', 'phase.closed'] });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret.length).toBeGreaterThan(30);
    expect((await ctx.http.get('/v1/webhooks').set(admin)).body[0]).not.toHaveProperty('secret');

    const cohort = await cohortWithOnlinePhase('HOOKS', 1, 10);
    const phase = cohort.phases[0]!;
    worker = await startWorker(ctx.deps);
    await ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`)
      .set(admin)
      .send({ action: 'open', reason: 'Dibuka lebih awal' })
      .expect(200);
    await ctx.http
      .post(`/v1/cohorts/${cohort.id}/phases/${phase.id}/transitions`)
      .set(admin)
      .send({ action: 'close', reason: 'Selesai' })
      .expect(200);

    const delivered = await until(() => {
      const ok = received.filter((r) => r.status === 200);
      return ok.length >= 2 ? ok : undefined;
    });
    await new Promise((r) => setTimeout(r, 500));
    const ok = received.filter((r) => r.status === 200);
    expect(ok.map((r) => r.headers['x-webhook-event']).sort()).toEqual(['phase.closed', 'phase.opened']);
    // Filtered: the two remedial events of this cohort went to no one.
    expect(received.every((r) => r.headers['x-webhook-event'] !== 'enrollment.remedial')).toBe(true);
    for (const r of delivered) {
      const expected = `sha256=${createHmac('sha256', secret).update(`${r.headers['x-webhook-timestamp']}.${r.body}`).digest('hex')}`;
      expect(r.headers['x-webhook-signature']).toBe(expected);
      expect(JSON.parse(r.body)).toMatchObject({
        type: r.headers['x-webhook-event'],
        data: { cohortId: cohort.id, phaseId: phase.id },
      });
    }
    const closedAttempts = received.filter((r) => r.headers['x-webhook-event'] === 'phase.closed').map((r) => r.status);
    expect(closedAttempts).toEqual([500, 200]);

    const log = (await ctx.http.get(`/v1/webhooks/${created.body.id}/deliveries`).set(admin)).body;
    expect(
      log
        .map((d: { eventType: string; status: string; attempts: number }) => [d.eventType, d.status, d.attempts])
        .sort(),
    ).toEqual([
      ['phase.closed', 'delivered', 2],
      ['phase.opened', 'delivered', 1],
    ]);
    // Running the dispatcher again hands nothing out twice.
    expect(await createServices(ctx.deps, () => '').webhooks.dispatch()).toBe(0);
  });

  test('another organization cannot see or remove an endpoint', async () => {
    const other = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-LAIN');
    const mine = (await ctx.http.get('/v1/webhooks').set(admin)).body[0];
    expect((await ctx.http.get('/v1/webhooks').set(bearer(other.admin.token))).body).toEqual([]);
    expect((await ctx.http.delete(`/v1/webhooks/${mine.id}`).set(bearer(other.admin.token))).status).toBe(404);
    expect((await ctx.http.get(`/v1/webhooks/${mine.id}/deliveries`).set(bearer(other.admin.token))).status).toBe(404);
  });
});

describe('behind pace', () => {
  test('participants behind pace shortly before the close are warned once per phase', async () => {
    const services = createServices(ctx.deps, () => '');
    const soon = await cohortWithOnlinePhase('PACE-SOON', -10, 1);
    await cohortWithOnlinePhase('PACE-LATER', -10, 20);
    await services.schedule.reconcile();
    expect(await services.progress.warnBehindPace(3)).toBe(2);
    expect(await services.progress.warnBehindPace(3)).toBe(0);
    const { rows } = await ctx.deps.pool.query<{ cohort: string }>(
      "select payload->>'cohortId' as cohort from outbox where type = 'enrollment.behind_pace'",
    );
    expect(rows.map((r) => r.cohort)).toEqual([soon.id, soon.id]);
  });
});
