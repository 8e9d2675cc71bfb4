import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { ProgressService } from './service.js';
import { trainingHistory } from '../identity/schemas.js';
import * as s from './schemas.js';
import { languageOf } from '../../http/language.js';
import { render } from '../../i18n/index.js';

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });

export const progressRoutes: FastifyPluginAsyncZod<{ progress: ProgressService }> = async (app, { progress }) => {
  // A person's own learning, whatever their role: an admin can be a participant elsewhere.
  const participant = app.auth();
  const admins = app.auth('platform_admin', 'org_admin');
  const staff = app.auth('platform_admin', 'org_admin', 'instructor');

  app.post(
    '/me/progress',
    {
      onRequest: participant,
      schema: {
        tags: ['me'],
        summary: 'Report a batch of learning events (1–500), e.g. queued offline',
        description:
          'The server decides the credit: a heartbeat earns at most the wall-clock time since the previous event, at most a maximum per heartbeat, and at most what the lesson\u2019s typical time still allows; nothing counts outside an open online phase. Each event is `accepted`, a `duplicate` of one already received, or `rejected` with a code (and stored). A 200 means everything is committed.',
        security: bearer,
        body: s.progressBatch,
        response: { 200: s.batchResult },
      },
    },
    async (request) => {
      const answer = await progress.recordEvents(actorOf(request), request.body.enrollmentId, request.body.events);
      // Why an event earned nothing, in the reader's language: looked up only when there is something to say.
      const lang = answer.results.some((r) => r.status === 'rejected') ? await languageOf(request) : 'id';
      return {
        ...answer,
        results: answer.results.map((r) => (r.status === 'rejected' ? { ...r, message: render(lang, r.message) } : r)),
      };
    },
  );

  app.post(
    '/lessons/:id/quiz-attempts',
    {
      onRequest: participant,
      schema: {
        tags: ['me'],
        summary: 'Submit a quiz attempt: graded on the server, within the attempt limit',
        security: bearer,
        params: idParams,
        body: s.quizAttemptBody,
        response: { 201: s.quizAttemptResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await progress.submitQuizAttempt(
            actorOf(request),
            request.params.id,
            request.body.enrollmentId,
            request.body.answers,
          ),
        ),
  );

  app.get(
    '/me/jp',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['me'],
        summary: 'My JP in a year, across programs and external trainings',
        security: bearer,
        querystring: s.yearQuery,
        response: { 200: s.annualJp },
      },
    },
    async (request) => progress.annualJp(actorOf(request), request.user.userId, request.query.year),
  );

  app.get(
    '/users/:id/jp',
    {
      onRequest: staff,
      schema: {
        tags: ['jp'],
        summary: 'A person\u2019s JP in a year, against the yearly target',
        security: bearer,
        params: idParams,
        querystring: s.yearQuery,
        response: { 200: s.annualJp },
      },
    },
    async (request) => progress.annualJp(actorOf(request), request.params.id, request.query.year),
  );

  app.get(
    '/users/:id/training-history',
    {
      onRequest: staff,
      schema: {
        tags: ['jp'],
        summary: 'A person\u2019s programs with organizer, dates, JP, result and certificate number',
        description:
          'The home organization (and platform admins) see every organizer\u2019s programs; any other organization sees its own.',
        security: bearer,
        params: idParams,
        response: { 200: trainingHistory },
      },
    },
    async (request) => progress.trainingHistory(actorOf(request), request.params.id),
  );

  app.post(
    '/users/:id/external-trainings',
    {
      onRequest: admins,
      schema: {
        tags: ['jp'],
        summary: 'Record a training done elsewhere, with its JP',
        security: bearer,
        params: idParams,
        body: s.externalTrainingBody,
        response: { 201: s.externalTraining },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await progress.addExternalTraining(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/enrollments/:id/jp-adjustments',
    {
      onRequest: admins,
      schema: {
        tags: ['jp'],
        summary: 'Correct an enrollment\u2019s JP, with a reason',
        security: bearer,
        params: idParams,
        body: s.adjustmentBody,
        response: { 201: s.adjustment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await progress.addAdjustment(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/cohorts/:id/progress',
    {
      onRequest: staff,
      schema: {
        tags: ['cohorts'],
        summary: 'Who is on track, who is behind: JP, completion, last activity and pace per participant',
        description:
          'Find participants with `?nip=` (prefix), `?name=` (part), `?unit=`, `?q=` (either), `?status=` and `?pace=`; pages with `limit` and `cursor` → `nextCursor`. `?format=csv` for a spreadsheet of every match.',
        security: bearer,
        params: idParams,
        querystring: s.cohortProgressQuery,
        response: { 200: z.union([s.cohortProgress, z.string()]) },
      },
    },
    async (request, reply) => {
      const csv = request.query.format === 'csv';
      const report = await progress.cohortProgress(
        actorOf(request),
        request.params.id,
        csv ? { ...request.query, limit: undefined, cursor: undefined } : request.query,
      );
      if (csv) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="progres.csv"')
          .send(progress.cohortProgressCsv(report));
      }
      return report;
    },
  );
};
