import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServices } from '../../src/services.js';
import { checkTarget, systemResolveHost } from '../../src/modules/webhooks/target.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';

// What names resolve to in this test; a test changes an entry to play a DNS server that rebinds.
const names = new Map<string, string[]>();
const resolveHost = async (host: string) => {
  const found = names.get(host);
  if (!found) throw new Error(`ENOTFOUND ${host}`);
  return found;
};

interface Hit {
  headers: IncomingHttpHeaders;
  method: string | undefined;
}

async function receiver(host: string, answer: (hits: Hit[]) => [number, Record<string, string>?]) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push({ headers: req.headers, method: req.method });
      const [status, headers] = answer(hits);
      res.writeHead(status, headers).end('ECONNREFUSED internal-db.corp:5432 secret detail');
    });
  });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  return { server, hits, port: (server.address() as AddressInfo).port };
}

let ctx: TestContext;
let org: SeededOrg;
let admin: { Authorization: string };
let forbidden: Awaited<ReturnType<typeof receiver>>;
let allowed: Awaited<ReturnType<typeof receiver>>;
const servers: Server[] = [];

beforeAll(async () => {
  // 127.0.0.1 stands for every forbidden network; 127.0.0.2 for an on-premise receiver the
  // operator put on the allow-list.
  forbidden = await receiver('127.0.0.1', () => [200]);
  allowed = await receiver('127.0.0.2', (hits) =>
    hits.length === 1 ? [302, { location: `http://127.0.0.1:${forbidden.port}/stolen` }] : [200],
  );
  servers.push(forbidden.server, allowed.server);
  // One attempt per delivery: each test reads the outcome of that attempt as final.
  ctx = await createTestContext({
    env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.2/32', WEBHOOK_MAX_ATTEMPTS: '1' },
    resolveHost,
  });
  org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KAB-SSRF');
  admin = bearer(org.admin.token);
});
afterAll(async () => {
  await ctx.close();
  for (const s of servers) await new Promise((r) => s.close(r));
});

async function register(url: string) {
  return ctx.http.post('/v1/webhooks').set(admin).send({ url, eventTypes: [] });
}

/** One event for the organization, handed out and delivered once as a final attempt. */
async function deliverOneEvent(endpointId: string) {
  await ctx.deps.pool.query(
    `insert into outbox (org_id, type, payload, created_at) values ($1, 'phase.opened', '{"cohortId":"x"}', now())`,
    [org.id],
  );
  const services = createServices(ctx.deps, () => '');
  await services.webhooks.dispatch();
  const { rows } = await ctx.deps.pool.query<{ id: string }>(
    'select id from webhook_deliveries where endpoint_id = $1 and attempts = 0',
    [endpointId],
  );
  for (const { id } of rows) {
    await services.webhooks.deliver(id).catch(() => undefined);
  }
  const log = await ctx.http.get(`/v1/webhooks/${endpointId}/deliveries`).set(admin).expect(200);
  return log.body[0] as { status: string; lastStatusCode: number | null; lastError: string | null };
}

describe('webhook targets', () => {
  test('registration refuses loopback, private, link-local, metadata, multicast and unspecified targets in every spelling', async () => {
    names.set('metadata.kantor.test', ['169.254.169.254']);
    names.set('mixed.kantor.test', ['93.184.215.14', '10.0.0.7']);
    names.set('v6.kantor.test', ['fd00:ec2::254']);
    const refused = [
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:5432/',
      'http://10.1.2.3/',
      'http://172.16.0.5/',
      'http://192.168.1.1:8080/',
      'http://100.64.0.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[fe80::1]/',
      'http://[fd00:ec2::254]/',
      'http://[::]/',
      'http://0.0.0.0:6379/',
      'http://0/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0x7f.0.0.1/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://metadata.kantor.test/',
      'http://mixed.kantor.test/',
      'http://v6.kantor.test/',
    ];
    for (const url of refused) {
      const res = await register(url);
      expect({ url, status: res.status, code: res.body.code }).toEqual({
        url,
        status: 422,
        code: 'WEBHOOK_TARGET_NOT_ALLOWED',
      });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await ctx.http.get('/v1/webhooks').set(admin)).body).toEqual([]);
  });

  test('names that this machine resolves to loopback are refused', async () => {
    expect(await checkTarget('http://localhost:6379/', [], systemResolveHost)).toMatchObject({ ok: false });
  });

  test('a public name, and an allowed on-premise network, are accepted', async () => {
    names.set('hooks.example.test', ['93.184.215.14']);
    expect((await register('https://hooks.example.test/events')).status).toBe(201);
    expect((await register(`http://127.0.0.2:${allowed.port}/hooks`)).status).toBe(201);
  });

  test('a name rebound to a forbidden address after registration is refused at delivery, without connecting', async () => {
    names.set('rebind.example.test', ['93.184.215.14']);
    const created = await register(`http://rebind.example.test:${forbidden.port}/hooks`);
    expect(created.status).toBe(201);
    names.set('rebind.example.test', ['127.0.0.1']);
    const before = forbidden.hits.length;
    const attempt = await deliverOneEvent(created.body.id);
    expect(attempt).toMatchObject({ status: 'failed', lastStatusCode: null, lastError: 'TARGET_NOT_ALLOWED' });
    expect(forbidden.hits.length).toBe(before);
  });

  test('the connection goes to the checked address, and redirects are not followed', async () => {
    names.set('hooks.kantor.test', ['127.0.0.2']);
    const created = await register(`http://hooks.kantor.test:${allowed.port}/hooks`);
    expect(created.status).toBe(201);
    const attempt = await deliverOneEvent(created.body.id);
    expect(allowed.hits).toHaveLength(1);
    expect(allowed.hits[0]).toMatchObject({ method: 'POST', headers: { host: `hooks.kantor.test:${allowed.port}` } });
    // The receiver answered 302 towards a forbidden address: that is a failed attempt, nothing more.
    expect(forbidden.hits).toHaveLength(0);
    expect(attempt).toMatchObject({ status: 'failed', lastStatusCode: 302, lastError: 'HTTP_ERROR' });
  });

  test('the delivery log keeps a coarse outcome, never the receiver\u2019s or the network\u2019s error text', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.2', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const created = await register(`http://127.0.0.2:${port}/hooks`);
    const attempt = await deliverOneEvent(created.body.id);
    expect(attempt).toMatchObject({ status: 'failed', lastStatusCode: null, lastError: 'UNREACHABLE' });
    const all = await ctx.deps.pool.query<{ last_error: string | null }>('select last_error from webhook_deliveries');
    for (const row of all.rows) expect(row.last_error ?? '').not.toMatch(/ECONN|secret|internal-db|127\.0\.0/);
  });
});
