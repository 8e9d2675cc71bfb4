import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { ScheduleService } from './service.js';

const transition = z.object({
  id: z.uuid(),
  phaseId: z.uuid(),
  phaseName: z.string(),
  kind: z.enum(['open', 'close']),
  trigger: z.enum(['schedule', 'catch-up', 'manual']),
  scheduleVersion: z.number().int(),
  scheduledAt: z.date().nullable(),
  appliedAt: z.date(),
  lagSeconds: z.number().int().nullable().describe('appliedAt − scheduledAt'),
  actorId: z.uuid().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

const bearer = [{ bearer: [] }];

export const scheduleRoutes: FastifyPluginAsyncZod<{ schedule: ScheduleService }> = async (app, { schedule }) => {
  app.post(
    '/cohorts/:id/phases/:phaseId/transitions',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['cohorts'],
        summary: 'Open or close a phase now, with a reason',
        description:
          'Closing an online phase freezes its progress and flags everyone short of the required JP as remedial. Answers with the timeline.',
        security: bearer,
        params: z.strictObject({ id: z.uuid(), phaseId: z.uuid() }),
        body: z.strictObject({ action: z.enum(['open', 'close']), reason: z.string().trim().min(1).max(1000) }),
        response: { 200: z.array(transition) },
      },
    },
    async (request) =>
      schedule.manual(
        actorOf(request),
        request.params.id,
        request.params.phaseId,
        request.body.action,
        request.body.reason,
      ),
  );

  app.get(
    '/cohorts/:id/timeline',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor'),
      schema: {
        tags: ['cohorts'],
        summary: 'Every phase transition: trigger, actor, scheduled and actual time',
        security: bearer,
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: z.array(transition) },
      },
    },
    async (request) => schedule.timeline(actorOf(request), request.params.id),
  );
};
