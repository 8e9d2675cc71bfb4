import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { ReportsService } from './service.js';
import { languageOf } from '../../http/language.js';

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
          'Per participant: NIP, name, position and rank (the enrollment\u2019s profile), category, unit, online, classroom and field JP, attendance, each score, final score, predikat (newest result run), status, fail reasons and certificate number. Summary: counts by status, category and predikat. `format=json` (default), `csv` or `xlsx`; streamed, for any cohort size. The XLSX sheet Peserta opens with the program\u2019s heading (organizer, program, cohort, dates, JP, generated at in the cohort\u2019s zone) above a frozen header row; a missing score is a blank cell. Labels, statuses and reasons are in Indonesian, or in English for `Accept-Language: en` or a user whose saved locale is en.',
        security: [{ bearer: [] }],
        params: z.strictObject({ id: z.uuid() }),
        querystring: z.strictObject({ format: z.enum(['json', 'csv', 'xlsx']).default('json') }),
        produces: Object.values(CONTENT_TYPES),
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const { filename, stream } = await reports.open(
        actorOf(request),
        request.params.id,
        format,
        await languageOf(request),
      );
      reply.type(CONTENT_TYPES[format]);
      if (format !== 'json') reply.header('content-disposition', `attachment; filename="${filename}"`);
      return reply.send(stream);
    },
  );
};
