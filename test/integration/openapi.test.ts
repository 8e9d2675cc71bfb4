import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from '../../clients/typescript/index.js';
import { OPERATION_IDS } from '../../src/http/operation-ids.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { seedOrg } from '../support/fixtures.js';

/**
 * The API contract: the served OpenAPI document is the committed one (so every change shows in a
 * diff), a standard linter finds nothing in it, and the typed client generated from it is current
 * and works. `npm run openapi:write` rewrites both after a deliberate change.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const documentPath = path.join(root, 'docs/openapi.json');
const schemaPath = path.join(root, 'clients/typescript/schema.d.ts');
const UPDATE = process.env.UPDATE_OPENAPI === '1';

let ctx: TestContext;
let served: { paths: Record<string, Record<string, Record<string, unknown>>> };

const operations = () =>
  Object.entries(served.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })),
  );

async function clientSource(document: unknown): Promise<string> {
  return astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}

beforeAll(async () => {
  ctx = await createTestContext();
  served = (await ctx.http.get('/openapi.json').expect(200)).body;
  if (UPDATE) {
    await writeFile(documentPath, `${JSON.stringify(served, null, 2)}\n`);
    await writeFile(schemaPath, await clientSource(served));
  }
});
afterAll(() => ctx.close());

describe('the contract', () => {
  test('the served document is the committed docs/openapi.json (run npm run openapi:write after a change)', async () => {
    const committed = JSON.parse(await readFile(documentPath, 'utf8'));
    expect(served).toEqual(committed);
  });

  test('every operation has its own stable operationId, a security requirement and its problem answers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(90);
    const ids = ops.map(({ op }) => op.operationId);
    expect(
      ids.filter((id) => typeof id !== 'string'),
      'operations without an operationId',
    ).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    // No name is kept for a route that is gone.
    expect(new Set(Object.values(OPERATION_IDS))).toEqual(new Set(ids));
    for (const { key, op } of ops) {
      expect(Array.isArray(op.security), key).toBe(true);
      const responses = Object.keys(op.responses as Record<string, unknown>);
      expect(
        responses.some((code) => code.startsWith('4')),
        key,
      ).toBe(true);
    }
    expect(served.paths['/v1/auth/login']!.post!.security).toEqual([]);
    expect(served.paths['/v1/auth/login']!.post!.responses).toHaveProperty('429');
  });

  test('Redocly CLI with its recommended rules finds no error and no warning', async () => {
    const { stdout } = await run(
      path.join(root, 'node_modules/.bin/redocly'),
      ['lint', 'docs/openapi.json', '--format=json'],
      {
        cwd: root,
        timeout: 60_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number; ignored: number };
    };
    // Those written down in .redocly.lint-ignore.yaml, with their reason.
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 3 });
  });

  test('the typed client is generated from the committed document, and current', async () => {
    const committed = JSON.parse(await readFile(documentPath, 'utf8'));
    expect(await readFile(schemaPath, 'utf8')).toBe(await clientSource(committed));
  });

  test('the generated client logs in, reads, and gets typed problems back', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KLIEN');
    const session: { token?: string } = {};
    const api = createApiClient(`http://127.0.0.1:${port}`, { accessToken: () => session.token });

    const login = await api.POST('/v1/auth/login', {
      body: { login: org.participant.nip, password: org.participant.password },
    });
    expect(login.response.status).toBe(200);
    session.token = login.data!.accessToken;
    const me = await api.GET('/v1/me');
    expect(me.data).toMatchObject({ nip: org.participant.nip, role: 'participant' });

    const missing = await api.GET('/v1/me/enrollments/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('NOT_FOUND');
  });

  test('published lessons carry an ETag and Cache-Control, and an unchanged one answers 304', async () => {
    const org = await seedOrg(ctx, await ctx.platformAdminToken(), 'CACHE');
    const admin = { Authorization: `Bearer ${org.admin.token}` };
    const shipped = JSON.parse(await readFile(path.join(root, 'curricula/orientasi-pppk.json'), 'utf8'));
    const { courseId } = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body;
    const lessonId = (await ctx.http.get(`/v1/courses/${courseId}`).set(admin)).body.version.modules[0].lessons[0].id;

    const first = await ctx.http.get(`/v1/lessons/${lessonId}`).set(admin).expect(200);
    expect(first.headers['cache-control']).toBe('private, max-age=3600, must-revalidate');
    expect(first.headers.etag).toMatch(/^"/);
    const again = await ctx.http.get(`/v1/lessons/${lessonId}`).set(admin).set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    // A list of tags, and a weak one, match as RFC 9110 says; another tag does not.
    const listed = await ctx.http
      .get(`/v1/lessons/${lessonId}`)
      .set(admin)
      .set('If-None-Match', `"stale", W/${first.headers.etag!}`);
    expect(listed.status).toBe(304);
    await ctx.http.get(`/v1/lessons/${lessonId}`).set(admin).set('If-None-Match', '"stale"').expect(200);

    // A draft may still change: kept only with revalidation. (Writes carry no tag, and are never answered 304.)
    const write = await ctx.http
      .post(`/v1/courses/${courseId}/versions`)
      .set(admin)
      .set('If-None-Match', '*')
      .expect(201);
    expect(write.headers.etag).toBeUndefined();
    const draft = await ctx.http.get(`/v1/courses/${courseId}?version=2`).set(admin).expect(200);
    const draftLesson = draft.body.version.modules[0].lessons[0].id;
    const fresh = await ctx.http.get(`/v1/lessons/${draftLesson}`).set(admin).expect(200);
    expect(fresh.headers['cache-control']).toBe('private, no-cache');
  });
});
