import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { pageSchema, paginationQuery } from '../../http/pagination.js';
import { acceptedView, jobAccepted } from '../jobs/service.js';
import type { CertificatesService } from './service.js';

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });

const certificate = z.object({
  id: z.uuid(),
  number: z.string(),
  code: z.string().describe('Public verification code'),
  enrollmentId: z.uuid(),
  cohortId: z.uuid(),
  fields: z.object({
    name: z.string(),
    nip: z.string().nullable(),
    birthPlace: z.string().nullable(),
    birthDate: z.string().nullable(),
    rank: z.string().nullable(),
    position: z.string().nullable(),
    instansi: z.string(),
    program: z.string(),
    cohortCode: z.string(),
    cohortName: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    venue: z.string().nullable(),
    predikat: z.string(),
    finalScore: z.number(),
    issuedOn: z.string().describe("Local date of issue in the cohort's time zone"),
  }),
  issuedAt: z.date(),
  revokedAt: z.date().nullable(),
  revokeReason: z.string().nullable(),
  pdfUrl: z.string(),
  verifyUrl: z.string(),
});

export const certificateRoutes: FastifyPluginAsyncZod<{ certificates: CertificatesService }> = async (
  app,
  { certificates },
) => {
  const admins = app.auth('platform_admin', 'org_admin');

  app.post(
    '/cohorts/:id/certificates',
    {
      onRequest: admins,
      schema: {
        tags: ['certificates'],
        summary: 'Issue a certificate to every participant who passed (background job)',
        description:
          'Uses the newest result run, which must be final (409 `RESULTS_NOT_COMPUTED`, `RESULTS_NOT_FINAL`). One certificate per enrollment, never two; calling again issues only the missing ones, and while a job is running the same job is answered. Poll `GET /v1/jobs/{id}`.',
        security: bearer,
        params: idParams,
        response: { 202: jobAccepted },
      },
    },
    async (request, reply) =>
      reply.status(202).send(acceptedView((await certificates.issue(actorOf(request), request.params.id)).job)),
  );

  app.get(
    '/cohorts/:id/certificates',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor'),
      schema: {
        tags: ['certificates'],
        summary: "A cohort's certificates, in the order they were issued",
        security: bearer,
        params: idParams,
        querystring: z.strictObject(paginationQuery),
        response: { 200: pageSchema(certificate) },
      },
    },
    async (request) => certificates.listOfCohort(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/me/certificates',
    {
      onRequest: app.auth('participant'),
      schema: {
        tags: ['me'],
        summary: 'My certificates',
        security: bearer,
        response: { 200: z.array(certificate) },
      },
    },
    async (request) => certificates.mine(actorOf(request)),
  );

  app.get(
    '/certificates/:id.pdf',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor', 'participant'),
      schema: {
        tags: ['certificates'],
        summary: 'The certificate as PDF, with a QR code of its verification URL',
        security: bearer,
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, number } = await certificates.pdf(actorOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="sertifikat-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/certificates/verify/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['certificates'],
        summary: 'Verify a certificate (no login)',
        description: 'Answers `valid` or `revoked` with name, program, cohort, predikat and date only.',
        params: z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]{8,32}$/) }),
        response: {
          200: z.object({
            status: z.enum(['valid', 'revoked']),
            name: z.string(),
            program: z.string(),
            cohort: z.string(),
            predikat: z.string(),
            date: z.string(),
          }),
        },
      },
    },
    async (request) => certificates.verify(request.params.code),
  );

  app.post(
    '/certificates/:id/revoke',
    {
      onRequest: admins,
      schema: {
        tags: ['certificates'],
        summary: 'Revoke a certificate, with a reason',
        description: 'Verification then answers `revoked`. 409 `CERTIFICATE_REVOKED` when it already is.',
        security: bearer,
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(1000) }),
        response: { 200: certificate },
      },
    },
    async (request) => certificates.revoke(actorOf(request), request.params.id, request.body.reason),
  );
};
