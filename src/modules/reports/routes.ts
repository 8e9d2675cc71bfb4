import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { ReportsService } from './service.js';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const reportRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  app.get(
    '/cohorts/:id/report',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor'),
      schema: {
        tags: ['reports'],
        summary: "The cohort's recap: one row per participant and a summary",
        description:
          'Per participant: NIP, name, category, unit, online, classroom and field JP, attendance, each score, final score, predikat (newest result run), status and certificate number. Summary: counts by status, category and predikat. `format=json` (default), `csv` or `xlsx` (sheets Peserta and Ringkasan); streamed, for any cohort size.',
        security: [{ bearer: [] }],
        params: z.strictObject({ id: z.uuid() }),
        querystring: z.strictObject({ format: z.enum(['json', 'csv', 'xlsx']).default('json') }),
        produces: Object.values(CONTENT_TYPES),
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const { filename, stream } = await reports.open(actorOf(request), request.params.id, format);
      reply.type(CONTENT_TYPES[format]);
      if (format !== 'json') reply.header('content-disposition', `attachment; filename="${filename}"`);
      return reply.send(stream);
    },
  );
};
