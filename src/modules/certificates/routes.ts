import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { pageSchema, paginationQuery } from '../../http/pagination.js';
import { acceptedView, jobAccepted } from '../jobs/service.js';
import type { CertificatesService } from './service.js';
import { languageOf, VERIFY_PAGE_CSP, verifyPage } from './verify-page.js';

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });

const revokeCategories = ['data_correction', 'result_changed', 'issued_in_error', 'misconduct', 'other'] as const;

export const signatorySchema = z.object({
  position: z.string().trim().min(1).max(300).describe('Jabatan'),
  name: z.string().trim().min(1).max(200),
  nip: z
    .string()
    .regex(/^\d{18}$/)
    .nullable(),
  rank: z.string().trim().max(100).nullable().describe('Pangkat/golongan'),
});

const verification = z.object({
  status: z.enum(['valid', 'revoked', 'replaced']),
  number: z.string(),
  name: z.string(),
  nip: z.string().nullable().describe('Masked: only the last four digits'),
  program: z.string(),
  organizer: z.string(),
  cohort: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  totalJp: z.number().nullable(),
  predikat: z.string(),
  date: z.string(),
  signatories: z.array(z.object({ position: z.string(), name: z.string() })),
  signed: z.boolean(),
  revokedAt: z.date().nullable(),
  revokeCategory: z.string().nullable(),
  replacedBy: z.object({ code: z.string(), verifyUrl: z.string() }).nullable(),
});

/** HTML for browsers (the QR code); JSON for anything asking for it, and by default. */
function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

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
    totalJp: z.number().optional(),
    place: z.string().nullable().optional(),
    signatories: z.array(signatorySchema).optional(),
    transcript: z
      .object({
        subjects: z.array(z.object({ agenda: z.string(), title: z.string(), jp: z.number() })),
        onlineJp: z.number(),
        classroomJp: z.number(),
        fieldJp: z.number(),
        attendance: z.object({ present: z.number(), late: z.number(), excused: z.number(), absent: z.number() }),
      })
      .optional(),
  }),
  issuedAt: z.date(),
  revokedAt: z.date().nullable(),
  revokeReason: z.string().nullable(),
  revokeCategory: z.enum(revokeCategories).nullable(),
  replacedById: z.uuid().nullable().describe('Set when this revoked certificate was reissued'),
  signed: z.boolean().describe('Whether the PDF carries an electronic signature'),
  pdfUrl: z.string(),
  badgeUrl: z.string().describe('The Open Badges 3.0 credential (VC-JWT)'),
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
        summary: 'Verify a certificate (no login): the page its QR code opens',
        description:
          'A browser (`Accept: text/html`) gets a printable page in Indonesian, or English with `?lang=en` or an English `Accept-Language`; anything else gets JSON. `valid`, `revoked` (with the date and the reason category) or `replaced` (with the new certificate). The NIP is masked; no other personal data.',
        params: z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]{8,32}$/) }),
        querystring: z.strictObject({ lang: z.enum(['id', 'en']).optional() }),
        produces: ['application/json', 'text/html'],
        response: { 200: verification },
      },
    },
    async (request, reply) => {
      const found = await certificates.verify(request.params.code);
      if (!wantsHtml(request.headers.accept)) return found;
      const lang = languageOf(request.query.lang, request.headers['accept-language']);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', VERIFY_PAGE_CSP)
        .header('content-language', lang)
        .header('vary', 'Accept, Accept-Language')
        .send(verifyPage(found, lang) as never);
    },
  );

  app.get(
    '/certificates/:id/badge',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor', 'participant'),
      schema: {
        tags: ['certificates'],
        summary: 'The certificate as an Open Badges 3.0 OpenBadgeCredential (VC-JWT, application/vc+jwt)',
        description:
          "Verifiable Credentials 2.0, signed with the organization's Ed25519 key (EdDSA; keys at `/.well-known/jwks.json`); revocation through the organization's Bitstring Status List (`credentialStatus`).",
        security: bearer,
        params: idParams,
        produces: ['application/vc+jwt'],
      },
    },
    async (request, reply) => {
      const { jwt, number } = await certificates.badge(actorOf(request), request.params.id);
      return reply
        .type('application/vc+jwt')
        .header('content-disposition', `attachment; filename="badge-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.jwt"`)
        .send(jwt);
    },
  );

  app.get(
    '/organizations/:id/issuer',
    {
      schema: {
        tags: ['certificates'],
        summary: "The issuer profile of an organization's Open Badges credentials (no login)",
        params: idParams,
        response: { 200: z.object({ id: z.string(), type: z.array(z.string()), name: z.string(), url: z.string() }) },
      },
    },
    async (request) => certificates.issuerProfile(request.params.id),
  );

  app.get(
    '/organizations/:id/status-list',
    {
      schema: {
        tags: ['certificates'],
        summary: "The organization's Bitstring Status List credential (revocation; VC-JWT; no login)",
        params: idParams,
        produces: ['application/vc+jwt'],
      },
    },
    async (request, reply) =>
      reply
        .type('application/vc+jwt')
        .header('cache-control', 'public, max-age=60')
        .send(await certificates.statusList(request.params.id)),
  );

  app.post(
    '/certificates/:id/revoke',
    {
      onRequest: admins,
      schema: {
        tags: ['certificates'],
        summary: 'Revoke a certificate, with a reason',
        description:
          'Verification then answers `revoked` with the date and the category (the free-text reason stays internal). 409 `CERTIFICATE_REVOKED` when it already is.',
        security: bearer,
        params: idParams,
        body: z.strictObject({
          reason: z.string().trim().min(1).max(1000),
          category: z.enum(revokeCategories).default('other'),
        }),
        response: { 200: certificate },
      },
    },
    async (request) =>
      certificates.revoke(actorOf(request), request.params.id, request.body.reason, request.body.category),
  );

  app.post(
    '/certificates/:id/reissue',
    {
      onRequest: admins,
      schema: {
        tags: ['certificates'],
        summary: 'Reissue a revoked certificate for the same enrollment',
        description:
          "Made from today's person data and the newest final result: a new verification code and the cohort's next sequence number through `CERTIFICATE_NUMBER_TEMPLATE`. The old certificate stays revoked and its verification page links to the new one. 409 `CERTIFICATE_NOT_REVOKED`, `CERTIFICATE_ALREADY_REISSUED`, `CERTIFICATE_VALID_EXISTS`, `ENROLLMENT_NOT_PASSED`.",
        security: bearer,
        params: idParams,
        response: { 201: certificate },
      },
    },
    async (request, reply) => reply.status(201).send(await certificates.reissue(actorOf(request), request.params.id)),
  );
};

/** The issuers' public keys at the well-known address verifiers look for. */
export const badgeKeysRoute: FastifyPluginAsyncZod<{ certificates: CertificatesService }> = async (
  app,
  { certificates },
) => {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['certificates'],
        summary: "Every organization's Ed25519 public key for its Open Badges credentials (JWKS)",
        response: { 200: z.object({ keys: z.array(z.record(z.string(), z.string())) }) },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(await certificates.jwks()),
  );
};
