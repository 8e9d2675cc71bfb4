import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { AnnualJpReport } from './annual-jp.js';
import { languageOf } from '../../http/language.js';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const annualJpQuery = z.strictObject({
  orgId: z.uuid().optional().describe('For platform administrators: the home organization'),
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('Default: this year in the organization\u2019s time zone'),
  unit: z.string().trim().min(1).max(200).optional().describe('Only this unit (unit kerja), case-insensitive'),
  category: z.string().trim().min(1).max(50).optional().describe('Only this category, e.g. guru'),
  below: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only the staff below their target'),
  view: z.enum(['staff', 'units']).default('staff').describe('staff: one row per person; units: totals per unit'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

export const annualJpRoutes: FastifyPluginAsyncZod<{ annualJp: AnnualJpReport }> = async (app, { annualJp }) => {
  app.get(
    '/reports/annual-jp',
    {
      onRequest: app.auth('platform_admin', 'org_admin'),
      schema: {
        tags: ['reports'],
        summary: 'The 20 JP report: every staff member\u2019s JP of the year against their target, by unit',
        description:
          'For the home organization: each person whose home it is (disabled accounts aside), their JP of the year from every organizer and external training, their target (PNS `annualJpTarget`, PPPK `annualJpTargetPppk`), the shortfall, and totals per unit. Filter by `unit`, `category`, `below=true`; `year` defaults to this year in the organization\u2019s time zone. `format=json` (totals, units, then `staff`), `csv` (`view=staff` or `view=units`) or `xlsx` (sheets Pegawai and Rekap Unit; labels in the request\u2019s language). Streamed from a database cursor: any number of staff, constant memory.',
        security: [{ bearer: [] }],
        querystring: annualJpQuery,
        produces: Object.values(CONTENT_TYPES),
      },
    },
    async (request, reply) => {
      const { filename, stream } = await annualJp.open(actorOf(request), request.query, await languageOf(request));
      reply.type(CONTENT_TYPES[request.query.format]);
      if (request.query.format !== 'json') reply.header('content-disposition', `attachment; filename="${filename}"`);
      return reply.send(stream);
    },
  );
};
