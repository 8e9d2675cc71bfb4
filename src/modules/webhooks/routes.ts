import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { WebhooksService } from './service.js';

export const EVENT_TYPES = [
  'phase.opened',
  'phase.closed',
  'phase.reopened',
  'phase.remedial_ended',
  'enrollment.remedial',
  'enrollment.remedial_met',
  'enrollment.remedial_short',
  'enrollment.behind_pace',
  'submission.created',
  'submission.reviewed',
] as const;

const endpoint = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.date(),
});

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });

export const webhookRoutes: FastifyPluginAsyncZod<{ webhooks: WebhooksService }> = async (app, { webhooks }) => {
  const admins = app.auth('platform_admin', 'org_admin');
  const tags = ['webhooks'];

  app.post(
    '/webhooks',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Register an endpoint for events',
        description:
          'Each delivery is a POST of `{id, type, createdAt, data}` with headers `x-webhook-event`, `x-webhook-id`, `x-webhook-timestamp` and `x-webhook-signature: sha256=HMAC-SHA256(secret, timestamp + "." + body)`. Non-2xx answers (redirects included: they are not followed) are retried with exponential backoff. The URL must be a public address, or lie in a network the operator allowed: 422 `WEBHOOK_TARGET_NOT_ALLOWED`. The secret is shown only in this answer.',
        security: bearer,
        body: z.strictObject({
          orgId: z.uuid().optional(),
          url: z.url({ protocol: /^https?$/ }).max(2000),
          eventTypes: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).default([]).describe('Empty: every event'),
        }),
        response: { 201: endpoint.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await webhooks.create(actorOf(request), request.body)),
  );

  app.get(
    '/webhooks',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'The organization\u2019s endpoints',
        security: bearer,
        response: { 200: z.array(endpoint) },
      },
    },
    async (request) => webhooks.list(actorOf(request)),
  );

  app.delete(
    '/webhooks/:id',
    {
      onRequest: admins,
      schema: { tags, summary: 'Remove an endpoint', security: bearer, params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await webhooks.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'The latest deliveries to an endpoint, with attempts and outcome',
        security: bearer,
        params: idParams,
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              eventId: z.number().int(),
              eventType: z.string(),
              status: z.enum(['pending', 'delivered', 'failed']),
              attempts: z.number().int(),
              lastStatusCode: z.number().int().nullable(),
              lastError: z
                .string()
                .nullable()
                .describe('Coarse outcome of the last failed attempt: HTTP_ERROR, UNREACHABLE or TARGET_NOT_ALLOWED'),
              deliveredAt: z.date().nullable(),
              createdAt: z.date(),
            }),
          ),
        },
      },
    },
    async (request) => webhooks.deliveries(actorOf(request), request.params.id),
  );
};
