import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languageOf } from '../../http/language.js';
import { MAIL_LANGS } from '../mail/templates.js';
import type { PasswordReset } from './password-reset.js';
import { password } from './schemas.js';

export interface PasswordResetRoutesOptions {
  reset: PasswordReset;
  loginRateLimitPerMinute: number;
}

export const passwordResetRoutes: FastifyPluginAsyncZod<PasswordResetRoutesOptions> = async (
  app,
  { reset, loginRateLimitPerMinute },
) => {
  app.post(
    '/auth/password-reset',
    {
      config: { throttled: true },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by mail',
        description:
          'Always 202, after the same minimum time, whether the login is known or not: the answer reveals no account. A known, not disabled account with an email gets a mail with a single-use link `PUBLIC_URL/reset-password?token=…` that expires after `PASSWORD_RESET_TTL_MINUTES`; a newer request replaces the older link. Requests are counted like failed logins (`RATE_LIMITED`, `LOGIN_THROTTLED`).',
        querystring: z.strictObject({
          lang: z
            .enum(MAIL_LANGS)
            .optional()
            .describe("Language of the mail when the person chose none: else Accept-Language's, else Indonesian"),
        }),
        body: z.strictObject({
          login: z.string().trim().min(1).max(254).describe('NIP (18 digits) or email'),
        }),
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? (await languageOf(request));
      await reset.request(request.body.login, { requestId: request.id, ip: request.ip }, lang);
      // No body at all: nothing in the answer differs between accounts.
      return reply.status(202).send(undefined as never);
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token',
        description:
          'The token from the mailed link works once and until it expires; a used, replaced, expired or unknown token answers `PASSWORD_RESET_INVALID`. Success ends every session of the person (refresh and access tokens) and lifts their login delays; a pending account becomes active.',
        body: z.strictObject({
          token: z.string().trim().min(1).max(200),
          password,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reset.confirm(request.body.token, request.body.password, { requestId: request.id, ip: request.ip });
      return reply.status(204).send(null);
    },
  );
};
