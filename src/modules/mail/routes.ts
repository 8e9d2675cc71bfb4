import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { pageSchema, paginationQuery } from '../../http/pagination.js';
import type { MailService } from './service.js';
import { MAIL_KINDS, MAIL_LANGS } from './templates.js';

const statuses = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;

const mailSummary = z.object({
  id: z.uuid(),
  orgId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  kind: z.enum(MAIL_KINDS),
  lang: z.enum(MAIL_LANGS),
  to: z.object({ address: z.string(), name: z.string().nullable() }),
  subject: z.string(),
  status: z
    .enum(statuses)
    .describe('`uncertain`: the sender stopped while the SMTP server may have taken it; it is not sent again'),
  transport: z.enum(['smtp', 'local']).nullable().describe('`local`: no SMTP server is configured; read it here'),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  messageId: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
});

const mailDetail = mailSummary.extend({
  from: z.object({ name: z.string(), address: z.string() }),
  text: z.string(),
  html: z.string(),
  secretShown: z
    .boolean()
    .describe('Whether the activation code or reset token is shown; otherwise it is masked as ••••••'),
});

export const mailRoutes: FastifyPluginAsyncZod<{ mail: MailService }> = async (app, { mail }) => {
  app.get(
    '/mails',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['mail'],
        summary: 'Mails of your organization, newest first',
        description:
          'Every mail the system sent or will send: invitations, password resets, pace reminders, phase notices, certificates. Without an SMTP server (`SMTP_URL` unset) this is the local outbox where they are delivered. Organization admins see their organization\u2019s mails; platform admins every mail.',
        security: [{ bearer: [] }],
        querystring: z.strictObject({
          ...paginationQuery,
          kind: z.enum(MAIL_KINDS).optional(),
          status: z.enum(statuses).optional(),
          userId: z.uuid().optional(),
        }),
        response: { 200: pageSchema(mailSummary) },
      },
    },
    async (request) => mail.list(actorOf(request), request.query),
  );

  app.get(
    '/mails/:id',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['mail'],
        summary: 'One mail with its text and HTML',
        description:
          'Activation codes and reset tokens are shown only for mails delivered to the local outbox (no SMTP server): there the outbox is the only way to hand them over, and the reader is an admin of the person\u2019s organization, who could set the password anyway. Mails sent by SMTP show them masked; the server forgets them once the SMTP server has taken the mail.',
        security: [{ bearer: [] }],
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: mailDetail },
      },
    },
    async (request) => mail.get(actorOf(request), request.params.id),
  );
};
