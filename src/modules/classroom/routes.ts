import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import type { ClassroomService } from './service.js';
import * as s from './schemas.js';

const bearer = [{ bearer: [] }];
const idParams = z.strictObject({ id: z.uuid() });

export const classroomRoutes: FastifyPluginAsyncZod<{ classroom: ClassroomService }> = async (app, { classroom }) => {
  const admins = app.auth('platform_admin', 'org_admin');
  const staff = app.auth('platform_admin', 'org_admin', 'instructor');

  app.get(
    '/phases/:id/sessions',
    {
      onRequest: app.auth('platform_admin', 'org_admin', 'instructor', 'participant'),
      schema: {
        tags: ['classroom'],
        summary: "A classroom or field phase's sessions",
        description: 'Participants of the cohort see them once the phase has opened (before: 409 `PHASE_NOT_OPEN`).',
        security: bearer,
        params: idParams,
        response: { 200: z.array(s.sessionView) },
      },
    },
    async (request) => classroom.listSessions(actorOf(request), request.params.id),
  );

  app.post(
    '/phases/:id/sessions',
    {
      onRequest: admins,
      schema: {
        tags: ['classroom'],
        summary: 'Add a session to a classroom or field phase',
        description:
          "The session must lie within the phase's local dates in the cohort's time zone, and its JP must fit its duration. 422 `SESSION_INVALID` lists every problem.",
        security: bearer,
        params: idParams,
        body: s.sessionInput,
        response: { 201: s.sessionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await classroom.createSession(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/sessions/:id',
    {
      onRequest: staff,
      schema: {
        tags: ['classroom'],
        summary: 'One session',
        security: bearer,
        params: idParams,
        response: { 200: s.sessionView },
      },
    },
    async (request) => classroom.getSession(actorOf(request), request.params.id),
  );

  app.patch(
    '/sessions/:id',
    {
      onRequest: admins,
      schema: {
        tags: ['classroom'],
        summary: 'Change a session (not once its phase has closed)',
        description: 'A change of JP or date moves the ledger credit of everyone who attended.',
        security: bearer,
        params: idParams,
        body: s.sessionPatch,
        response: { 200: s.sessionView },
      },
    },
    async (request) => classroom.updateSession(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/sessions/:id',
    {
      onRequest: admins,
      schema: {
        tags: ['classroom'],
        summary: 'Delete a session without attendance',
        security: bearer,
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await classroom.deleteSession(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/sessions/:id/attendance',
    {
      onRequest: staff,
      schema: {
        tags: ['classroom'],
        summary: "The session's attendance roster",
        description:
          'Every enrollment of the cohort, with what has been recorded (null: not yet). Instructors: only sessions they teach.',
        security: bearer,
        params: idParams,
        response: { 200: s.rosterView },
      },
    },
    async (request) => classroom.roster(actorOf(request), request.params.id),
  );

  app.put(
    '/sessions/:id/attendance',
    {
      onRequest: staff,
      schema: {
        tags: ['classroom'],
        summary: 'Record attendance in bulk, by NIP or enrollment',
        description:
          'For the session\u2019s instructors and org admins, from the session\u2019s start while the phase is open and for `ATTENDANCE_GRACE_DAYS` after it closes. `present` and `late` credit the session\u2019s JP to the ledger; changing a mark later corrects the credit. All lines or none: 422 `ATTENDANCE_INVALID` lists the wrong ones.',
        security: bearer,
        params: idParams,
        body: s.attendanceInput,
        response: { 200: s.attendanceResult },
      },
    },
    async (request) => classroom.recordAttendance(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/enrollments/:id/attendance',
    {
      onRequest: staff,
      schema: {
        tags: ['classroom'],
        summary: "An enrollment's attendance and how close it is to the absence limit",
        security: bearer,
        params: idParams,
        response: { 200: s.enrollmentAttendance },
      },
    },
    async (request) => classroom.enrollmentAttendance(actorOf(request), request.params.id),
  );
};
