import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { CohortLifecycle } from './lifecycle.js';
import * as s from './schemas.js';

const bearer = [{ bearer: [] }];

export const cohortLifecycleRoutes: FastifyPluginAsyncZod<{ lifecycle: CohortLifecycle }> = async (
  app,
  { lifecycle },
) => {
  const admins = app.auth('platform_admin', 'org_admin');

  app.post(
    '/cohorts/:id/schedule',
    {
      onRequest: admins,
      schema: {
        tags: ['cohorts'],
        summary: 'Arm the phase clock of a draft cohort, or record a program that has ended',
        description:
          'A draft cohort is editable and the clock ignores it. Scheduling arms the clock. When some dates have already passed the answer is 409 `SCHEDULE_CHOICE_REQUIRED` unless `missed` says what to do: `apply` runs the missed transitions now (opening, closing, remedial windows, each once), `past-program` records a program that has ended as it ran: completed, phases closed, no transition fired; attendance, scores, JP and certificates are then recorded with its real dates.',
        security: bearer,
        params: s.idParams,
        body: z.strictObject({ missed: z.enum(['apply', 'past-program']).optional() }).nullish(),
        response: { 200: s.cohort },
      },
    },
    async (request) => lifecycle.schedule(actorOf(request), request.params.id, request.body?.missed),
  );

  app.post(
    '/cohorts/:id/unschedule',
    {
      onRequest: admins,
      schema: {
        tags: ['cohorts'],
        summary: 'Back to draft, while no phase has opened',
        security: bearer,
        params: s.idParams,
        response: { 200: s.cohort },
      },
    },
    async (request) => lifecycle.unschedule(actorOf(request), request.params.id),
  );
};
