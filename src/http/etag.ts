import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Whether an If-None-Match header names the tag: weak comparison, lists and `*` (RFC 9110 §13.1.2). */
function noneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === tag);
}

/**
 * An ETag on every successful GET and HEAD answer, and 304 with no body when the client's
 * If-None-Match names it: mobile and offline clients re-check lessons, outlines and their own views
 * without downloading them again. Writes get none: hashing each heartbeat's answer bought nothing,
 * and a write is never answered 304.
 */
async function etagPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    let tag = reply.getHeader('etag') as string | undefined;
    if (!tag) {
      tag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
      void reply.header('etag', tag);
    }
    if (!noneMatch(request.headers['if-none-match'], tag.replace(/^W\//, ''))) return payload;
    void reply.code(304);
    return '';
  });
}

export default fp(etagPlugin, { name: 'etag' });
