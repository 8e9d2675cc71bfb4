import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { CurriculumService } from './service.js';
import * as s from './schemas.js';

export interface CurriculumRoutesOptions {
  curriculum: CurriculumService;
}

// Private: what a participant may read depends on who asks; an hour, then revalidated by ETag.
const PUBLISHED_CONTENT = 'private, max-age=3600, must-revalidate';

const bearer = [{ bearer: [] }];
const noContent = { 204: z.null() };
// A course package with long readings is far larger than an ordinary request.
const PACKAGE_BODY_LIMIT = 20 * 1024 * 1024;

export const curriculumRoutes: FastifyPluginAsyncZod<CurriculumRoutesOptions> = async (app, { curriculum }) => {
  const admins = app.auth('platform_admin', 'org_admin');
  // Participants read courses through their enrollments (cohorts), not here.
  const staff = app.auth('platform_admin', 'org_admin', 'instructor');
  const tags = ['courses'];

  // ---- courses ----

  app.post(
    '/courses',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Create a course with an empty draft (version 1)',
        security: bearer,
        body: s.courseCreate,
        response: { 201: s.course },
      },
    },
    async (request, reply) => reply.status(201).send(await curriculum.createCourse(actorOf(request), request.body)),
  );

  app.get(
    '/courses',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'List courses',
        security: bearer,
        querystring: s.courseListQuery,
        response: { 200: s.courseList },
      },
    },
    async (request) => curriculum.listCourses(actorOf(request), request.query.limit, request.query.cursor),
  );

  app.get(
    '/courses/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'A course with the tree of one version',
        description:
          'Modules and lesson summaries of `?version=N`; without it the draft, else the latest published version. Lesson content: `GET /v1/lessons/{id}`.',
        security: bearer,
        params: s.idParams,
        querystring: s.versionQuery,
        response: { 200: s.courseDetail },
      },
    },
    async (request) => curriculum.getCourse(actorOf(request), request.params.id, request.query.version),
  );

  app.patch(
    '/courses/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Change title or description',
        security: bearer,
        params: s.idParams,
        body: s.courseUpdate,
        response: { 200: s.course },
      },
    },
    async (request) => curriculum.updateCourse(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/courses/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Delete a course that was never published',
        security: bearer,
        params: s.idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await curriculum.deleteCourse(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/courses/:id/versions',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Start a new draft, copied from the latest published version',
        security: bearer,
        params: s.idParams,
        response: { 201: s.versionSummary },
      },
    },
    async (request, reply) => reply.status(201).send(await curriculum.createDraft(actorOf(request), request.params.id)),
  );

  app.delete(
    '/courses/:id/draft',
    {
      onRequest: admins,
      schema: { tags, summary: 'Discard the draft', security: bearer, params: s.idParams, response: noContent },
    },
    async (request, reply) => {
      await curriculum.discardDraft(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/courses/:id/publish',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Publish the draft',
        description:
          'Checks the whole tree and answers 422 `COURSE_INVALID` listing every problem with its path. A published version never changes.',
        security: bearer,
        params: s.idParams,
        response: { 200: s.versionSummary },
      },
    },
    async (request) => curriculum.publish(actorOf(request), request.params.id),
  );

  app.get(
    '/courses/:id/export',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'The course package of a version (default: latest published)',
        security: bearer,
        params: s.idParams,
        querystring: s.versionQuery,
        response: { 200: s.coursePackage },
      },
    },
    async (request) => curriculum.exportCourse(actorOf(request), request.params.id, request.query.version),
  );

  app.post(
    '/courses/import',
    {
      onRequest: admins,
      bodyLimit: PACKAGE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a course package',
        description:
          'Matched to an existing course by code: identical content changes nothing (`unchanged`); otherwise the draft is replaced (`updated`) or a new draft version made (`new_version`). `?publish=true` publishes it. Errors name the JSON path.',
        security: bearer,
        querystring: s.importQuery,
        body: s.coursePackage,
        response: { 200: s.importResult, 201: s.importResult },
      },
    },
    async (request, reply) => {
      const result = await curriculum.importPackage(actorOf(request), request.body, request.query);
      return reply.status(result.outcome === 'unchanged' ? 200 : 201).send(result);
    },
  );

  // ---- editing the draft: modules ----

  app.post(
    '/courses/:id/draft/modules',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Add a module at the end of the draft',
        security: bearer,
        params: s.idParams,
        body: s.moduleCreate,
        response: { 201: s.moduleView },
      },
    },
    async (request, reply) => {
      const mod = await curriculum.addModule(actorOf(request), request.params.id, request.body);
      return reply.status(201).send(mod);
    },
  );

  app.put(
    '/courses/:id/draft/module-order',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Reorder the draft\u2019s modules',
        security: bearer,
        params: s.idParams,
        body: s.reorderBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      await curriculum.reorderModules(actorOf(request), request.params.id, request.body.ids);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/modules/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Change a draft module',
        security: bearer,
        params: s.idParams,
        body: s.moduleUpdate,
        response: { 200: s.moduleView.omit({ lessons: true }) },
      },
    },
    async (request) => curriculum.updateModule(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/modules/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Delete a draft module and its lessons',
        security: bearer,
        params: s.idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await curriculum.deleteModule(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- lessons ----

  app.post(
    '/modules/:id/lessons',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Add a lesson at the end of a draft module',
        security: bearer,
        params: s.idParams,
        body: s.lessonCreate,
        response: { 201: s.adminLesson },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await curriculum.addLesson(actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/modules/:id/lesson-order',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Reorder a draft module\u2019s lessons',
        security: bearer,
        params: s.idParams,
        body: s.reorderBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      await curriculum.reorderLessons(actorOf(request), request.params.id, request.body.ids);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/lessons/:id',
    {
      onRequest: app.auth(),
      schema: {
        tags,
        summary: 'One lesson with its content',
        description:
          'Participants read lessons of the courses they are enrolled in, never with the correct answers. Staff may preview exactly that with `?as=participant`.',
        security: bearer,
        params: s.idParams,
        querystring: s.lessonViewQuery,
        response: { 200: s.lessonView },
      },
    },
    async (request, reply) => {
      const lesson = await curriculum.getLesson(actorOf(request), request.params.id, request.query.as);
      // A published version never changes: clients may keep it, and revalidate with its ETag.
      reply.header('cache-control', lesson.versionStatus === 'published' ? PUBLISHED_CONTENT : 'private, no-cache');
      return lesson;
    },
  );

  app.patch(
    '/lessons/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Change a draft lesson',
        security: bearer,
        params: s.idParams,
        body: s.lessonUpdate,
        response: { 200: s.adminLesson },
      },
    },
    async (request) => curriculum.updateLesson(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/lessons/:id',
    {
      onRequest: admins,
      schema: { tags, summary: 'Delete a draft lesson', security: bearer, params: s.idParams, response: noContent },
    },
    async (request, reply) => {
      await curriculum.deleteLesson(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- quiz questions ----

  app.post(
    '/lessons/:id/questions',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Add a question to a draft quiz',
        security: bearer,
        params: s.idParams,
        body: s.questionCreate,
        response: { 201: s.adminLesson },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await curriculum.addQuestion(actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/lessons/:id/question-order',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Reorder a draft quiz\u2019s questions',
        security: bearer,
        params: s.idParams,
        body: s.reorderBody,
        response: { 200: s.adminLesson },
      },
    },
    async (request) => curriculum.reorderQuestions(actorOf(request), request.params.id, request.body.ids),
  );

  app.patch(
    '/questions/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Change a draft question',
        security: bearer,
        params: s.idParams,
        body: s.questionUpdate,
        response: { 200: s.adminLesson },
      },
    },
    async (request) => curriculum.updateQuestion(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/questions/:id',
    {
      onRequest: admins,
      schema: { tags, summary: 'Delete a draft question', security: bearer, params: s.idParams, response: noContent },
    },
    async (request, reply) => {
      await curriculum.deleteQuestion(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
