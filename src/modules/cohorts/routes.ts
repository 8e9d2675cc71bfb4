import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { acceptedView, jobAccepted } from '../jobs/service.js';
import { AppError, malformedMultipart, ValidationError } from '../../http/errors.js';
import { detectFormat } from './roster.js';
import type { CohortsService } from './service.js';
import * as s from './schemas.js';
import { msg } from '../../i18n/index.js';
import { languageOf } from '../../http/language.js';

const bearer = [{ bearer: [] }];
const noContent = { 204: z.null() };

export const cohortRoutes: FastifyPluginAsyncZod<{ cohorts: CohortsService }> = async (app, { cohorts }) => {
  const admins = app.auth('platform_admin', 'org_admin');
  const staff = app.auth('platform_admin', 'org_admin', 'instructor');
  const tags = ['cohorts'];

  app.post(
    '/cohorts',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Create a cohort (angkatan) pinned to a published course version',
        security: bearer,
        body: s.cohortCreate,
        response: { 201: s.cohort },
      },
    },
    async (request, reply) => reply.status(201).send(await cohorts.createCohort(actorOf(request), request.body)),
  );

  app.get(
    '/cohorts',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'List cohorts, by status, course and dates',
        security: bearer,
        querystring: s.cohortListQuery,
        response: { 200: s.cohortList },
      },
    },
    async (request) => cohorts.listCohorts(actorOf(request), request.query),
  );

  app.get(
    '/cohorts/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'A cohort with its phases',
        security: bearer,
        params: s.idParams,
        response: { 200: s.cohort },
      },
    },
    async (request) => cohorts.getCohort(actorOf(request), request.params.id),
  );

  app.patch(
    '/cohorts/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Rename, change capacity or time zone, or cancel',
        security: bearer,
        params: s.idParams,
        body: s.cohortUpdate,
        response: { 200: s.cohort },
      },
    },
    async (request) => cohorts.updateCohort(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/cohorts/:id/phases',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Set the ordered phases',
        description:
          'Local dates (inclusive) in the cohort\u2019s time zone; the answer gives the UTC instants each phase opens and closes. Every problem is reported at once (`PHASES_INVALID`). Include `id` to keep an existing phase; a closed phase cannot change, an open one may only move its end.',
        security: bearer,
        params: s.idParams,
        body: s.phasesBody,
        response: { 200: s.cohort },
      },
    },
    async (request) => cohorts.setPhases(actorOf(request), request.params.id, request.body.phases),
  );

  // ---- enrollment ----

  app.post(
    '/cohorts/:id/enrollments',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Enroll one participant: an existing account, or a new one by NIP',
        security: bearer,
        params: s.idParams,
        body: s.enrollmentCreate,
        response: { 201: s.enrollment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cohorts.addEnrollment(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/cohorts/:id/enrollments',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'The cohort\u2019s enrollments',
        security: bearer,
        params: s.idParams,
        querystring: s.enrollmentListQuery,
        response: { 200: s.enrollmentList },
      },
    },
    async (request) => cohorts.listEnrollments(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/cohorts/:id/enrollments/import',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Enroll participants from a CSV or XLSX file',
        description:
          'multipart/form-data with one file field. Columns NIP, nama, email, jabatan, unit kerja, kategori, pangkat/golongan, tempat lahir, tanggal lahir (Indonesian or English names, any order). Idempotent by NIP. `?dryRun=true` reports without writing. Large files answer 202 with a job to poll at `GET /v1/jobs/{id}`.',
        security: bearer,
        consumes: ['multipart/form-data'],
        params: s.idParams,
        querystring: s.importQuery,
        response: { 200: s.importSummary, 202: jobAccepted },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data').with(
          undefined,
          'UNSUPPORTED_MEDIA_TYPE.multipart',
        );
      }
      const file = await request.file().catch(malformedMultipart);
      if (!file)
        throw new ValidationError(
          'No file in the request',
          [{ path: 'body.file', message: msg('field.required') }],
          'FILE_REQUIRED',
        );
      const format = detectFormat(file.filename, file.mimetype);
      if (!format)
        throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', `${file.filename || 'The file'} is neither CSV nor XLSX`).with(
          { file: file.filename || 'file' },
        );
      const data = await file.toBuffer().catch(malformedMultipart);
      const result = await cohorts.importRoster(
        actorOf(request),
        request.params.id,
        { data, format },
        request.query.dryRun,
        await languageOf(request),
      );
      if (result.kind === 'summary') return result.summary;
      return reply.status(202).send(acceptedView(result.job));
    },
  );

  app.get(
    '/cohorts/:id/activation-codes',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'New one-time activation codes for participants without a password, as CSV',
        description: 'Codes are stored hashed, so each download issues fresh codes and voids the earlier ones.',
        security: bearer,
        params: s.idParams,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const csv = await cohorts.activationCodesCsv(actorOf(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kode-aktivasi.csv"')
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.get(
    '/enrollments/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'One enrollment',
        security: bearer,
        params: s.idParams,
        response: { 200: s.enrollment },
      },
    },
    async (request) => cohorts.getEnrollment(actorOf(request), request.params.id),
  );

  app.post(
    '/enrollments/:id/withdraw',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Withdraw a participant',
        security: bearer,
        params: s.idParams,
        body: s.withdrawBody,
        response: { 200: s.enrollment },
      },
    },
    async (request) => cohorts.withdraw(actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/enrollments/:id/move',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Move to another cohort of the same course version, keeping progress',
        security: bearer,
        params: s.idParams,
        body: s.moveBody,
        response: { 200: s.enrollment },
      },
    },
    async (request) => cohorts.move(actorOf(request), request.params.id, request.body.cohortId, request.body.reason),
  );

  app.put(
    '/enrollments/:id/extensions/:phaseId',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Extend an online phase for this participant',
        security: bearer,
        params: s.enrollmentPhaseParams,
        body: s.extensionBody,
        response: { 200: s.enrollment },
      },
    },
    async (request) =>
      cohorts.setExtension(
        actorOf(request),
        request.params.id,
        request.params.phaseId,
        request.body.untilDate,
        request.body.reason,
      ),
  );

  app.delete(
    '/enrollments/:id/extensions/:phaseId',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Remove an extension',
        security: bearer,
        params: s.enrollmentPhaseParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await cohorts.removeExtension(actorOf(request), request.params.id, request.params.phaseId);
      return reply.status(204).send(null);
    },
  );

  // ---- participants ----

  app.get(
    '/me/enrollments',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['me'],
        summary: 'My enrollments with phases, dates and the current phase',
        security: bearer,
        response: { 200: z.array(s.myEnrollment) },
      },
    },
    async (request) => cohorts.myEnrollments(actorOf(request)),
  );

  app.get(
    '/me/enrollments/:id',
    {
      onRequest: app.auth(),
      schema: {
        tags: ['me'],
        summary: 'One of my enrollments with the course outline',
        security: bearer,
        params: s.idParams,
        response: { 200: s.myEnrollmentDetail },
      },
    },
    async (request) => cohorts.myEnrollment(actorOf(request), request.params.id),
  );
};
