import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { ScheduleService } from './service.js';

const transition = z.object({
  id: z.uuid(),
  phaseId: z.uuid(),
  phaseName: z.string(),
  kind: z.enum(['open', 'close', 'reopen', 'remedial_end']),
  trigger: z.enum(['schedule', 'catch-up', 'manual']),
  scheduleVersion: z.number().int(),
  round: z.number().int().describe('1, then one more for each reopening'),
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
        summary: 'Open, close or reopen a phase now, with a reason',
        description:
          'Closing an online phase freezes its progress and flags everyone short of the required JP as remedial. Reopening a closed phase needs its new last day (`endDate`, today or later, before the next phase); closing it again recomputes the outcomes. Only for a scheduled (or running, or completed) cohort that is not a past program. Answers with the timeline.',
        security: bearer,
        params: z.strictObject({ id: z.uuid(), phaseId: z.uuid() }),
        body: z.strictObject({
          action: z.enum(['open', 'close', 'reopen']),
          reason: z.string().trim().min(1).max(1000),
          endDate: z.string().max(10).optional().describe('reopen: the new last day, YYYY-MM-DD'),
        }),
        response: { 200: z.array(transition) },
      },
    },
    async (request) => {
      const { action, reason, endDate } = request.body;
      const { id, phaseId } = request.params;
      return action === 'reopen'
        ? schedule.reopen(actorOf(request), id, phaseId, endDate, reason)
        : schedule.manual(actorOf(request), id, phaseId, action, reason);
    },
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
