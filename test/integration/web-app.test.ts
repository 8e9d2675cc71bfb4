import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';

// A built app as Vite lays it out: the page, hashed assets (with .gz copies), the manifest and the worker.
const root = mkdtempSync(join(tmpdir(), 'asn-web-app-'));
const INDEX = '<!doctype html><html lang="id"><title>Diklat ASN</title><div id="app"></div></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), INDEX);
writeFileSync(join(root, 'assets', 'index-AbC123.js'), SCRIPT);
writeFileSync(join(root, 'assets', 'index-AbC123.js.gz'), gzipSync(SCRIPT));
writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Diklat ASN"}');
writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');

let ctx: TestContext;
let bare: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { WEB_APP_DIR: root } });
  bare = await createTestContext({ env: { WEB_APP_DIR: join(root, 'not-built') } });
});
afterAll(async () => {
  await ctx.close();
  await bare.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the participant app at /', () => {
  test('the page is revalidated on every load, under the strict content security policy', async () => {
    const res = await ctx.http.get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  test('hashed assets are cached for a year, and sent gzipped to a browser that takes it', async () => {
    const res = await ctx.http.get('/assets/index-AbC123.js').set('accept-encoding', 'gzip').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toBe(SCRIPT);
    const plain = await ctx.http.get('/assets/index-AbC123.js').set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  test('the manifest and the service worker are revalidated, so a release is picked up at once', async () => {
    for (const path of ['/manifest.webmanifest', '/sw.js']) {
      const res = await ctx.http.get(path).expect(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  test("the app's own paths answer the page (history routing), with their query", async () => {
    for (const path of [
      '/programs/abc',
      '/activate?login=199001012024011001&code=K7QM-2XHP',
      '/reset-password?token=t',
    ]) {
      const res = await ctx.http.get(path).expect(200);
      expect(res.text, path).toBe(INDEX);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  test('the API stays under /v1, and an unknown /v1 path is a 404 problem, not the page', async () => {
    await ctx.http.get('/health/live').expect(200);
    const unknown = await ctx.http.get('/v1/no-such-thing').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.code).toBe('ROUTE_NOT_FOUND');
    const me = await ctx.http.get('/v1/me').expect(401);
    expect(me.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const path of ['/docs/no-such-page', '/.well-known/nothing', '/metrics/x', '/health/nope']) {
      const res = await ctx.http.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toBe(INDEX);
    }
  });

  test('answers given before routing stay theirs: an over-long API parameter is still 414', async () => {
    const res = await ctx.http.get(`/v1/users/${'a'.repeat(500)}`).expect(414);
    expect(res.body.code).toBe('URI_TOO_LONG');
  });

  test('a missing file is a 404, never the page served as a script', async () => {
    const res = await ctx.http.get('/assets/index-gone.js').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  test('other methods outside the API are 404 problems', async () => {
    const res = await ctx.http.post('/programs/abc').send({}).expect(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  test('a server whose app is not built says so at /, and the API works', async () => {
    const res = await bare.http.get('/').expect(503);
    expect(res.text).toContain('npm run build');
    await bare.http.get('/health/live').expect(200);
    await bare.http.get('/v1/no-such-thing').expect(404);
  });
});
