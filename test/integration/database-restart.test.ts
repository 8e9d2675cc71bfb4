import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createDb, createPool } from '../../src/db/index.js';
import { ensurePlatformAdmin } from '../../src/modules/identity/bootstrap.js';
import type { TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import {
  startAppProcess,
  startOwnPostgres,
  untilWaitingOnLock,
  type AppProcess,
  type OwnPostgres,
} from '../support/own-services.js';
import { makePeople, rosterCsv } from '../support/roster-files.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as object;

/** A connection of the test's own that a restart may cut without failing the test. */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

// The API and the worker in one process on a PostgreSQL of the test's own, restarted mid-work.
describe('a PostgreSQL restart while requests and jobs hold connections', () => {
  let database: OwnPostgres;
  let app: AppProcess;
  let http: ReturnType<typeof supertest>;
  let org: SeededOrg;
  let courseId: string;

  beforeAll(async () => {
    database = await startOwnPostgres(5441);
    app = await startAppProcess({ DATABASE_URL: database.url, PORT: '7170', ROLE: 'all', IMPORT_SYNC_MAX_ROWS: '1' });
    http = supertest(app.url);
    const pool = createPool(database.url, 1, pino({ level: 'silent' }));
    await ensurePlatformAdmin(createDb(pool), systemClock, {
      email: 'root@example.org',
      password: 'root-password-1',
      name: 'Root',
    });
    await pool.end();
    const platform = (
      await http.post('/v1/auth/login').send({ login: 'root@example.org', password: 'root-password-1' })
    ).body.accessToken as string;
    org = await seedOrg({ http } as TestContext, platform, 'KOTA-JAMBI');
    courseId = (
      await http.post('/v1/courses/import?publish=true').set(bearer(org.admin.token)).send(shipped).expect(201)
    ).body.courseId as string;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /** Holds a lock the work needs, waits until the work is stuck on it, then restarts PostgreSQL. */
  async function restartWhileWaiting(lockedTable: string, work: () => Promise<unknown>): Promise<void> {
    const holder = await connect(database.url);
    const observer = await connect(database.url);
    await holder.query(`begin; lock table ${lockedTable} in access exclusive mode`);
    void work();
    await untilWaitingOnLock(observer);
    await database.stop();
    await database.start();
    await Promise.all([holder.end().catch(() => {}), observer.end().catch(() => {})]);
  }

  test('a request in the middle of its transaction answers 503, and the process serves again once PostgreSQL is back', async () => {
    const admin = bearer(org.admin.token);
    let answer: supertest.Response | undefined;
    // Creating a cohort is one transaction; it stops at its audit line while the restart happens.
    await restartWhileWaiting('audit_log', async () => {
      answer = await http.post('/v1/cohorts').set(admin).send({ courseId, code: 'RESTART-1', name: 'Restart' });
    });
    await until(() => answer, 20_000);
    expect(answer!.status).toBe(503);
    expect(answer!.headers['content-type']).toContain('application/problem+json');
    expect(answer!.headers['retry-after']).toBeDefined();
    expect(answer!.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(app.exitCode()).toBeUndefined();

    // Nothing of the interrupted transaction was kept; the same request now succeeds.
    const again = await until(async () => {
      const res = await http.post('/v1/cohorts').set(admin).send({ courseId, code: 'RESTART-1', name: 'Restart' });
      return res.status === 201 ? res : undefined;
    }, 30_000);
    expect(again.body.code).toBe('RESTART-1');
    expect((await http.get('/health/ready')).status).toBe(200);
    expect(app.exitCode()).toBeUndefined();
  }, 90_000);

  test('an import job cut by the restart is retried and finishes; the process never stops', async () => {
    const admin = bearer(org.admin.token);
    const cohort = (
      await http.post('/v1/cohorts').set(admin).send({ courseId, code: 'RESTART-2', name: 'Import' }).expect(201)
    ).body as { id: string };
    let jobId: string | undefined;
    // The job stops at its audit line, after the roster is written, while the restart happens.
    await restartWhileWaiting('audit_log', async () => {
      const res = await http
        .post(`/v1/cohorts/${cohort.id}/enrollments/import`)
        .set(admin)
        .attach('file', rosterCsv(makePeople(3, 77)), 'peserta.csv');
      jobId = res.body.jobId as string;
    });
    expect(app.exitCode()).toBeUndefined();
    const job = await until(async () => {
      const res = await http.get(`/v1/jobs/${jobId}`).set(admin);
      return res.status === 200 && res.body.status === 'done' ? res.body : undefined;
    }, 120_000);
    expect(job.result).toMatchObject({ counts: expect.objectContaining({}) });
    const enrolled = await http.get(`/v1/cohorts/${cohort.id}/enrollments`).set(admin);
    expect(enrolled.body.items).toHaveLength(3);
    expect(app.exitCode()).toBeUndefined();
  }, 180_000);
});
