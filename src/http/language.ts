import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { isLang, negotiate, type Lang } from '../i18n/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The language a person chose for themselves (`users.locale`), or null when they chose none. */
    savedLanguageOf?: (userId: string) => Promise<Lang | null>;
  }
}

const chosen = new WeakMap<FastifyRequest, Promise<Lang>>();

/**
 * The language to answer a request in: the signed-in person's saved choice (`PATCH /v1/me`
 * `locale`), else the best match of `Accept-Language` (q-values weighed), else Indonesian.
 * Looked up once per request; `stored: false` skips the saved choice (the database is down).
 */
export function languageOf(request: FastifyRequest, options: { stored?: boolean } = {}): Promise<Lang> {
  const known = chosen.get(request);
  if (known) return known;
  const fromHeader = negotiate(request.headers['accept-language']);
  const userId = (request.user as { userId?: string } | null | undefined)?.userId;
  const lookup = request.server.savedLanguageOf;
  if (!userId || !lookup || options.stored === false) return Promise.resolve(fromHeader);
  const answer = lookup(userId)
    .then((saved) => saved ?? fromHeader)
    .catch(() => fromHeader);
  chosen.set(request, answer);
  return answer;
}

async function languagePlugin(app: FastifyInstance, options: { pool: pg.Pool }): Promise<void> {
  app.decorate('savedLanguageOf', async (userId: string) => {
    const { rows } = await options.pool.query<{ locale: string | null }>('select locale from users where id = $1', [
      userId,
    ]);
    const locale = rows[0]?.locale;
    return isLang(locale) ? locale : null;
  });
}

export default fp(languagePlugin, { name: 'language' });
