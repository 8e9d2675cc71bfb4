import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Paths that belong to the server: an unknown one is a 404 problem, never the app's page. */
const SERVER_PATHS = /^\/(v1|docs|health|metrics|admin|\.well-known|openapi\.json)(\/|$|\?)/;
/** A path naming a file (`/assets/x.js`, `/favicon.ico`): when it is missing, a 404, not HTML. */
const FILE_PATH = /\/[^/?]+\.[a-z0-9]{1,8}(\?|$)/i;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The participant app (app/, built by `npm run build`) at `/`. Vite names every file under
 * `assets/` by its content hash, so those are cached for a year; the page, the manifest and the
 * service worker are revalidated on every load, so a new release is picked up at once. Any other
 * GET outside the API answers the page itself, so the app's own paths (`/programs/…`) survive a
 * reload or a shared link.
 */
async function webAppPlugin(app: FastifyInstance, opts: { root: string }): Promise<void> {
  const index = join(opts.root, 'index.html');
  if (!existsSync(index)) {
    app.log.warn({ root: opts.root }, 'participant app not built: run `npm run build` to serve it at /');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(503)
        .header('cache-control', REVALIDATE)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="id"><meta charset="utf-8"><title>ASN Learning</title>' +
            '<h1>Aplikasi peserta belum dibangun</h1><p>The participant app is not built: run <code>npm run build</code>, ' +
            'then restart. The API is at <a href="/v1">/v1</a> and its reference at <a href="/docs">/docs</a>.</p></html>',
        ),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root: opts.root,
    prefix: '/',
    // Files are listed once at start (a build never changes under a running server).
    wildcard: false,
    // Vite's build writes .br and .gz beside each asset; the smallest one the browser accepts goes out.
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : REVALIDATE);
    },
  });

  // Not a route of its own: an API path that failed before routing (a parameter too long: 414)
  // keeps its answer, and only what no route matched at all can become the page.
  app.notFoundPage = (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url;
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (SERVER_PATHS.test(url) || FILE_PATH.test(url)) return undefined;
    return reply.header('cache-control', REVALIDATE).sendFile('index.html');
  };
}

export const webApp = fp(webAppPlugin, { name: 'web-app', dependencies: ['errors'] });
