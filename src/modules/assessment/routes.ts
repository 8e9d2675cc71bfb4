import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { AssessmentService } from './service.js';
import * as s from './schemas.js';

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });
const componentParams = z.strictObject({ id: z.uuid(), component: z.string().max(32) });

export const assessmentRoutes: FastifyPluginAsyncZod<{ assessment: AssessmentService }> = async (
  app,
  { assessment },
) => {
  const admins = app.auth('platform_admin', 'org_admin');
  const staff = app.auth('platform_admin', 'org_admin', 'instructor');

  app.get(
    '/cohorts/:id/assessment-scheme',
    {
      onRequest: staff,
      schema: {
        tags: ['assessment'],
        summary: "The cohort's assessment scheme",
        security: bearer,
        params: idParams,
        response: { 200: s.schemeView },
      },
    },
    async (request) => assessment.getScheme(actorOf(request), request.params.id),
  );

  app.put(
    '/cohorts/:id/assessment-scheme',
    {
      onRequest: admins,
      schema: {
        tags: ['assessment'],
        summary: 'Set the weighted components, pass mark, predikat bands and absence rule',
        description:
          'Weights must sum to 100; one band must start at 0 and one at the pass mark (no predikat for both a pass and a fail). Without `bands`, the five predikat follow the pass mark. 422 `SCHEME_INVALID` lists every problem. Each change bumps `version`; results already computed keep the scheme they used.',
        security: bearer,
        params: idParams,
        body: s.schemeInput,
        response: { 200: s.schemeView },
      },
    },
    async (request) => assessment.putScheme(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/enrollments/:id/scores/:component',
    {
      onRequest: staff,
      schema: {
        tags: ['assessment'],
        summary: 'Score one participant on a manual component (0–100)',
        description: 'Org admins, and instructors who teach a session of the cohort. Scorer and time are recorded.',
        security: bearer,
        params: componentParams,
        body: s.scoreInput,
        response: { 200: s.scoreView },
      },
    },
    async (request) => assessment.setScore(actorOf(request), request.params.id, request.params.component, request.body),
  );

  app.put(
    '/cohorts/:id/scores/:component',
    {
      onRequest: staff,
      schema: {
        tags: ['assessment'],
        summary: 'Score many participants on a manual component, by NIP',
        description: 'All lines or none: 422 `SCORES_INVALID` lists the wrong ones.',
        security: bearer,
        params: componentParams,
        body: s.bulkScores,
        response: { 200: z.object({ component: z.string(), recorded: z.number().int() }) },
      },
    },
    async (request) =>
      assessment.setScores(actorOf(request), request.params.id, request.params.component, request.body),
  );

  app.get(
    '/enrollments/:id/scores',
    {
      onRequest: staff,
      schema: {
        tags: ['assessment'],
        summary: "An enrollment's manual scores",
        security: bearer,
        params: idParams,
        response: { 200: z.array(s.scoreView) },
      },
    },
    async (request) => assessment.scoresOf(actorOf(request), request.params.id),
  );

  app.post(
    '/cohorts/:id/results',
    {
      onRequest: admins,
      schema: {
        tags: ['assessment'],
        summary: 'Compute every participant\u2019s final score, predikat and passed/failed',
        description: `A new version each time, with a copy of the scheme used. Once every phase has closed the run is \`final\`: each enrollment's status becomes passed or failed, and certificates follow it; before, it is a preview that changes no status. Fail reasons: ${s.failReasons.map((r) => `\`${r}\``).join(', ')}.`,
        security: bearer,
        params: idParams,
        response: { 201: s.runView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assessment.computeResults(actorOf(request), request.params.id)),
  );

  app.get(
    '/cohorts/:id/results',
    {
      onRequest: staff,
      schema: {
        tags: ['assessment'],
        summary: 'The newest result run (or `?version=N`): whether final, the scheme used, the summary',
        description: 'One row per participant: `GET /v1/cohorts/{id}/report`.',
        security: bearer,
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: s.runView },
      },
    },
    async (request) => assessment.run(actorOf(request), request.params.id, request.query.version),
  );

  app.get(
    '/enrollments/:id/result',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor', 'participant'),
      schema: {
        tags: ['assessment'],
        summary: "An enrollment's result in the newest run (participants: the newest final run)",
        security: bearer,
        params: idParams,
        response: { 200: s.resultView },
      },
    },
    async (request) => assessment.resultOf(actorOf(request), request.params.id),
  );
};
