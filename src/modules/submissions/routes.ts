import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { AppError, ValidationError } from '../../http/errors.js';
import * as s from './schemas.js';
import type { SubmissionsService } from './service.js';
import { msg } from '../../i18n/index.js';

const bearer = [{ bearer: [] }];
const tags = ['submissions'];

/** `filename*` (RFC 8187) carries any name; `filename` an ASCII stand-in for old clients. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The upload's bytes; a stream the parser cut at its limit fails instead of ending as if complete. */
async function* untruncated(stream: AsyncIterable<Buffer> & { truncated: boolean }) {
  for await (const chunk of stream) yield chunk;
  if (stream.truncated)
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'The file is larger than allowed').with(
      undefined,
      'PAYLOAD_TOO_LARGE.file',
    );
}

export const submissionRoutes: FastifyPluginAsyncZod<{ submissions: SubmissionsService; maxBytes: number }> = async (
  app,
  { submissions, maxBytes },
) => {
  const anyone = app.auth();
  const staff = app.auth('platform_admin', 'org_admin', 'instructor');

  app.post(
    '/enrollments/:id/lessons/:lessonId/submissions',
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: 'Hand in work for an assignment lesson: a file, or a text',
        description: `The participant of the enrollment only. A file goes as multipart/form-data with one file field (at most ${maxBytes} bytes: 413 \`PAYLOAD_TOO_LARGE\`); its kind is recognized from its content: PDF, PNG, JPEG, WebP, DOCX, XLSX or PPTX (otherwise 415 \`UNSUPPORTED_FILE_TYPE\`). A text goes as JSON \`{text}\`. Each hand-in is a new version; after one is returned the participant may hand in again. 409: \`SUBMISSIONS_NOT_TAKEN\`, \`NOT_ENROLLED\`, \`PHASE_NOT_OPEN\`, \`PHASE_CLOSED\`, \`SUBMISSION_UNDER_REVIEW\`, \`SUBMISSION_ACCEPTED\`.`,
        security: bearer,
        consumes: ['multipart/form-data', 'application/json'],
        params: s.enrollmentLessonParams,
        body: s.textSubmission,
        response: { 201: s.submitted },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, lessonId } = request.params;
      if (request.isMultipart()) {
        // One byte more than allowed reaches the service, which refuses the file as it streams in.
        const file = await request.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
        if (!file)
          throw new ValidationError(
            'No file in the request',
            [{ path: 'body.file', message: msg('field.required') }],
            'FILE_REQUIRED',
          );
        const saved = await submissions.submitFile(actor, id, lessonId, {
          filename: file.filename,
          stream: untruncated(file.file),
        });
        return reply.status(201).send(saved);
      }
      if (!request.body)
        throw new ValidationError('Send a file (multipart/form-data) or a text (JSON)', [
          { path: 'body.text', message: msg('field.required') },
        ]).with(undefined, 'VALIDATION_FAILED.fileOrText');
      return reply.status(201).send(await submissions.submitText(actor, id, lessonId, request.body.text));
    },
  );

  app.get(
    '/enrollments/:id/lessons/:lessonId/submissions',
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: 'Every version handed in for a lesson, oldest first',
        description: 'The participant of the enrollment, and the staff of its cohort.',
        security: bearer,
        params: s.enrollmentLessonParams,
        response: { 200: z.array(s.submissionView) },
      },
    },
    async (request) => submissions.listForLesson(actorOf(request), request.params.id, request.params.lessonId),
  );

  app.get(
    '/submissions/:id',
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: 'One hand-in, with its review',
        security: bearer,
        params: s.idParams,
        response: { 200: s.submissionView },
      },
    },
    async (request) => submissions.get(actorOf(request), request.params.id),
  );

  app.get(
    '/submissions/:id/file',
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: 'Download the file of a hand-in',
        description: 'The participant, and the staff of the cohort; 404 for anyone else.',
        security: bearer,
        params: s.idParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const file = await submissions.download(actorOf(request), request.params.id);
      return reply
        .type(file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', disposition(file.name))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );

  app.post(
    '/submissions/:id/review',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Accept a hand-in, or return it with a comment',
        description:
          'Org admins, and instructors who teach a session of the cohort. Accepting completes the lesson when it completes on acceptance. 409 `SUBMISSION_ALREADY_REVIEWED`.',
        security: bearer,
        params: s.idParams,
        body: s.reviewInput,
        response: { 200: s.reviewed },
      },
    },
    async (request) => submissions.review(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/cohorts/:id/submissions',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'The cohort\u2019s hand-ins, oldest first: `?status=submitted` is the review queue',
        security: bearer,
        params: s.idParams,
        querystring: s.cohortListQuery,
        response: { 200: s.submissionList },
      },
    },
    async (request) => submissions.listForCohort(actorOf(request), request.params.id, request.query),
  );
};
