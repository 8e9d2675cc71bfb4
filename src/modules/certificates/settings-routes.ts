import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { AppError, ValidationError } from '../../http/errors.js';
import { signatorySchema } from './routes.js';
import type { CertificateSettings } from './settings.js';
import { msg } from '../../i18n/index.js';

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });
const tags = ['certificates'];

const signatoriesBody = z.strictObject({
  place: z.string().trim().min(1).max(100).nullable().describe('Place of issue, e.g. "Jambi"'),
  signatories: z.array(signatorySchema).min(1).max(2),
});
const signatoriesView = z.object({
  scope: z.enum(['organization', 'cohort']),
  place: z.string().nullable(),
  signatories: z.array(signatorySchema),
  updatedAt: z.date(),
});
const signingView = z.object({
  configured: z.boolean(),
  kind: z.enum(['pkcs12', 'gateway']).nullable(),
  signerId: z.string().nullable(),
  updatedAt: z.date().nullable(),
});

/** A multipart request's one file and its text fields. */
async function upload(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data').with(
      undefined,
      'UNSUPPORTED_MEDIA_TYPE.multipart',
    );
  let data: Buffer | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') data = await part.toBuffer();
    else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!data || data.length === 0)
    throw new ValidationError(
      'No file in the request',
      [{ path: 'body.file', message: msg('field.required') }],
      'FILE_REQUIRED',
    );
  return { data, fields };
}

/**
 * An organization's certificate settings: logo, signatories (organization-wide or per cohort) and
 * electronic signature. Answers never carry a PKCS#12 file or a passphrase.
 */
export const certificateSettingsRoutes: FastifyPluginAsyncZod<{ settings: CertificateSettings }> = async (
  app,
  { settings },
) => {
  const admins = app.auth('platform_admin', 'org_admin');

  app.put(
    '/organizations/:id/certificate-logo',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: "The organization's logo on its certificates",
        description:
          'multipart/form-data with one file: PNG, JPEG or SVG (no scripts or external references), at most 512 KiB. The type is read from the content. 415 `LOGO_UNSUPPORTED`, 413 `LOGO_TOO_LARGE`.',
        security: bearer,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: z.object({ contentType: z.string(), bytes: z.number(), updatedAt: z.date() }) },
      },
    },
    async (request) => {
      const { data } = await upload(request);
      return settings.setLogo(actorOf(request), request.params.id, data);
    },
  );

  app.get(
    '/organizations/:id/certificate-logo',
    {
      onRequest: admins,
      schema: { tags, summary: 'The logo as stored', security: bearer, params: idParams },
    },
    async (request, reply) => {
      const logo = await settings.logo(actorOf(request), request.params.id);
      return reply.type(logo.contentType).send(logo.data);
    },
  );

  app.put(
    '/organizations/:id/certificate-signatories',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: "The organization's signatories and place of issue",
        description: 'One or two officials (position, name, NIP, rank). A cohort may set its own.',
        security: bearer,
        params: idParams,
        body: signatoriesBody,
        response: { 200: signatoriesView },
      },
    },
    async (request) => settings.setSignatories(actorOf(request), { orgId: request.params.id }, request.body),
  );

  app.put(
    '/cohorts/:id/certificate-signatories',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: "A cohort's own signatories and place of issue (instead of the organization's)",
        security: bearer,
        params: idParams,
        body: signatoriesBody,
        response: { 200: signatoriesView },
      },
    },
    async (request) => settings.setSignatories(actorOf(request), { cohortId: request.params.id }, request.body),
  );

  app.get(
    '/organizations/:id/certificate-signing',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Whether and how certificates are signed (never the secrets)',
        security: bearer,
        params: idParams,
        response: { 200: signingView },
      },
    },
    async (request) => settings.signing(actorOf(request), request.params.id),
  );

  app.put(
    '/organizations/:id/certificate-signing/pkcs12',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Sign certificates with a PKCS#12 file',
        description:
          'multipart/form-data: `file` (the .p12/.pfx) and `passphrase`. Tried on a sample PDF first (422 `PKCS12_INVALID`); stored encrypted; never answered or logged.',
        security: bearer,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: signingView },
      },
    },
    async (request) => {
      const { data, fields } = await upload(request);
      if (!fields.passphrase)
        throw new ValidationError(
          'The passphrase is missing',
          [{ path: 'body.passphrase', message: msg('field.required') }],
          'PASSPHRASE_REQUIRED',
        );
      return settings.configurePkcs12(actorOf(request), request.params.id, data, fields.passphrase);
    },
  );

  app.put(
    '/organizations/:id/certificate-signing/gateway',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Sign certificates through the remote signing gateway',
        description:
          "The signer's id at the gateway (e.g. NIK) and passphrase; the gateway itself is `SIGNING_GATEWAY_URL` (409 `SIGNING_GATEWAY_NOT_CONFIGURED`). The passphrase is stored encrypted and never answered.",
        security: bearer,
        params: idParams,
        body: z.strictObject({ signerId: z.string().trim().min(1).max(64), passphrase: z.string().min(1).max(200) }),
        response: { 200: signingView },
      },
    },
    async (request) =>
      settings.configureGateway(actorOf(request), request.params.id, request.body.signerId, request.body.passphrase),
  );

  app.delete(
    '/organizations/:id/certificate-signing',
    {
      onRequest: admins,
      schema: { tags, summary: 'Stop signing certificates', security: bearer, params: idParams },
    },
    async (request, reply) => {
      await settings.removeSigning(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
