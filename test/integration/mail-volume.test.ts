import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemActor } from '../../src/http/actor.js';
import { createServices } from '../../src/services.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg } from '../support/fixtures.js';
import { makePeople, rosterCsv } from '../support/roster-files.js';

/**
 * A BKPSDM enrolls a whole intake at once: every new participant with an email gets an invitation,
 * however many there are. 6,000 invitations are more rows than one statement's parameters can hold.
 */

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ env: { IMPORT_SYNC_MAX_ROWS: '10000' } });
});

afterAll(() => ctx?.close());

test('an import of 6,000 participants with emails writes 6,000 invitations, each with its own code', async () => {
  const platform = await ctx.platformAdminToken();
  const org = await seedOrg(ctx, platform, 'KAB-BESAR');
  const shipped = JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'));
  const { courseId } = (
    await ctx.http.post('/v1/courses/import?publish=true').set(bearer(org.admin.token)).send(shipped).expect(201)
  ).body as { courseId: string };
  const cohort = (
    await ctx.http
      .post('/v1/cohorts')
      .set(bearer(org.admin.token))
      .send({ courseId, code: 'PPPK-2026-I', name: 'Orientasi PPPK 2026 Angkatan I' })
      .expect(201)
  ).body as { id: string };

  const services = createServices(ctx.deps, () => '');
  const actor = { ...systemActor, scope: { kind: 'org' as const, orgId: org.id } };
  const result = await services.cohorts.importRoster(
    actor,
    cohort.id,
    { data: rosterCsv(makePeople(6000, 41, 'pppk')), format: 'csv' },
    false,
  );
  expect(result.kind === 'summary' && result.summary.counts.created).toBe(6000);

  const { rows } = await ctx.deps.pool.query<{ mails: number; codes: number; people: number }>(
    `select (select count(*)::int from mails where kind = 'invitation' and org_id = $1) as mails,
            (select count(distinct user_id)::int from mails where kind = 'invitation' and org_id = $1) as people,
            (select count(*)::int from invitation_codes c join memberships m on m.user_id = c.user_id and m.org_id = $1) as codes`,
    [org.id],
  );
  expect(rows[0]).toEqual({ mails: 6000, people: 6000, codes: 6000 });
}, 120_000);
