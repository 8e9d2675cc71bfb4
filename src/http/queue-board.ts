import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './errors.js';
import { negotiate } from '../i18n/index.js';

const BASE = '/admin/queues';
const COOKIE = 'queue_board_token';

function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  const match = header
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) : undefined;
}

/**
 * Bull Board at /admin/queues, for platform administrators only. A browser cannot send a bearer
 * header, so the first visit may carry the access token as `?token=`; it is then kept in an
 * HttpOnly cookie for this path, for as long as the token lives.
 */
export async function queueBoard(app: FastifyInstance, queues: Queue[]): Promise<void> {
  const adapter = new FastifyAdapter();
  adapter.setBasePath(BASE);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });

  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const query = (request.query as { token?: string } | undefined)?.token;
      const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, '');
      const token = query ?? bearer ?? cookieToken(request);
      // Answered here rather than thrown: the board's plugin has an error handler of its own.
      if (!token)
        return sendProblem(
          reply,
          problem({ status: 401, code: 'UNAUTHENTICATED' }, negotiate(request.headers['accept-language'])),
        );
      let claims: { role?: string; exp?: number };
      try {
        claims = app.jwt.verify(token);
      } catch {
        return sendProblem(
          reply,
          problem({ status: 401, code: 'TOKEN_INVALID' }, negotiate(request.headers['accept-language'])),
        );
      }
      if (claims.role !== 'platform_admin')
        return sendProblem(
          reply,
          problem({ status: 403, code: 'FORBIDDEN' }, negotiate(request.headers['accept-language'])),
        );
      if (query) {
        const maxAge = Math.max(0, (claims.exp ?? 0) - Math.floor(Date.now() / 1000));
        void reply.header(
          'set-cookie',
          `${COOKIE}=${encodeURIComponent(query)}; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`,
        );
      }
    });
    // The board is a single-page app with its own scripts and styles.
    scope.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('content-security-policy');
    });
    await scope.register(adapter.registerPlugin(), { prefix: BASE });
  });
}
