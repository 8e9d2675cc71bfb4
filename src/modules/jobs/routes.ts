import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { jobView, type JobsService } from './service.js';

const job = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

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
        response: { 200: job },
      },
    },
    async (request) => jobView(await jobs.get(actorOf(request), request.params.id)),
  );
};
