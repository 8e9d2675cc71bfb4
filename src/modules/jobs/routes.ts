import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { jobSchema, jobView, type JobsService } from './service.js';

export const jobRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/jobs/:id',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['jobs'],
        summary: 'Progress and result of a background job (e.g. a large import)',
        security: [{ bearer: [] }],
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: jobSchema },
      },
    },
    async (request) => jobView(await jobs.get(actorOf(request), request.params.id)),
  );
};
