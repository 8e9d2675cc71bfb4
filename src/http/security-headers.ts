import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/** The headers Helmet's default policy sets: the same for every response. */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        // Without `upgrade-insecure-requests`: a server reached over plain HTTP at any address but
        // localhost (a trial on a LAN, say) would otherwise have the browser fetch /docs's and the
        // app's scripts over HTTPS, which it does not serve. TLS in production is the proxy's job.
        upgradeInsecureRequests: null,
        // Lesson videos may live on the agency's media server or a CDN.
        mediaSrc: ["'self'", 'https:'],
      },
    },
  })({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Helmet's security headers on every response (a route may still change or remove one). They are
 * worked out once at start: building Helmet's middleware for each request, as @fastify/helmet does,
 * parses the content security policy again every time, a twentieth of a heartbeat's work.
 */
async function securityHeadersPlugin(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

export default fp(securityHeadersPlugin, { name: 'security-headers' });
