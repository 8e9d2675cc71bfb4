import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import auth from './http/auth.js';
import errors, { clientErrorHandler, frameworkErrors } from './http/errors.js';
import language from './http/language.js';
import { localizableValidatorCompiler } from './http/validation.js';
import health from './http/health.js';
import observability from './http/observability.js';
import openapi from './http/openapi.js';
import securityHeaders from './http/security-headers.js';
import etag from './http/etag.js';
import textInput from './http/text-input.js';
import { queueBoard } from './http/queue-board.js';
import { webApp } from './http/web-app.js';
import multipart from '@fastify/multipart';
import { cohortLifecycleRoutes } from './modules/cohorts/lifecycle-routes.js';
import { cohortRoutes } from './modules/cohorts/routes.js';
import { curriculumRoutes } from './modules/curriculum/routes.js';
import { jobRoutes } from './modules/jobs/routes.js';
import { progressRoutes } from './modules/progress/routes.js';
import { assessmentRoutes } from './modules/assessment/routes.js';
import { classroomRoutes } from './modules/classroom/routes.js';
import { badgeKeysRoute, certificateRoutes } from './modules/certificates/routes.js';
import { certificateSettingsRoutes } from './modules/certificates/settings-routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { annualJpRoutes } from './modules/reports/annual-jp-routes.js';
import { scheduleRoutes } from './modules/schedule/routes.js';
import { submissionRoutes } from './modules/submissions/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { identityRoutes } from './modules/identity/routes.js';
import { loginThrottleRoutes } from './modules/login-throttle/routes.js';
import { passwordResetRoutes } from './modules/identity/password-reset-routes.js';
import { mailRoutes } from './modules/mail/routes.js';
import { registerOperationalMetrics } from './queue/metrics.js';
import { phaseClockRunning } from './queue/clock-check.js';
import { queueRoundTrip } from './queue/self-check.js';
import { sharedOrLocalStore } from './http/rate-limit-store.js';
import { createServices } from './services.js';
import { version } from './version.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The HTTP application. It never listens: server.ts and the tests decide where it runs. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    // The observability plugin writes one line per request instead, with user and organization.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    // A hop count trusts the nearest N addresses (the socket's, then X-Forwarded-For from the
    // right); Fastify itself ignores a bare number, so it is given as a function.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    requestIdHeader: 'x-request-id',
    // A caller's request id is kept when it is sane, so one id follows a request across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(localizableValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(language, { pool: deps.pool });
  await app.register(errors);
  await app.register(observability, { metricsToken: config.metricsToken, production: config.env === 'production' });
  await app.register(textInput);
  await app.register(securityHeaders);
  // Without configured origins no browser origin is allowed, and no hook needs to run.
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins, credentials: false });
  // Only routes that opt in are limited (login, refresh); the store is shared through Redis when there is one.
  await app.register(rateLimit, {
    global: false,
    ...(deps.counterRedis ? { store: sharedOrLocalStore(deps.counterRedis, 'asn-rate-limit:', deps.logger) } : {}),
  });
  // Files arrive only where a route asks for one (participant imports); one file per request.
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 } });
  await app.register(openapi, { version });
  await app.register(etag);
  await app.register(auth, {
    secret: deps.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    pool: deps.pool,
  });
  await app.register(health, {
    pool: deps.pool,
    checkQueue: () => queueRoundTrip(deps.systemQueue),
    checkClock: () => phaseClockRunning(deps.producers.clock, deps.pool, config.clockOverdueSeconds),
    clock: deps.clock,
  });

  const services = createServices(deps, (p) => app.signAccessToken(p));
  registerOperationalMetrics(app.metrics, deps.producers, deps.pool);
  await queueBoard(app as unknown as FastifyInstance, Object.values(deps.producers));

  await app.register(badgeKeysRoute, { certificates: services.certificates });
  await app.register(
    async (v1) => {
      await v1.register(identityRoutes, {
        auth: services.auth,
        directory: services.directory,
        loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      });
      await v1.register(passwordResetRoutes, {
        reset: services.passwordReset,
        loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      });
      await v1.register(mailRoutes, { mail: services.mail });
      await v1.register(loginThrottleRoutes, {
        throttle: services.throttle,
        directory: services.directory,
        db: deps.db,
        clock: deps.clock,
      });
      await v1.register(curriculumRoutes, { curriculum: services.curriculum });
      await v1.register(cohortRoutes, { cohorts: services.cohorts });
      await v1.register(cohortLifecycleRoutes, { lifecycle: services.lifecycle });
      await v1.register(jobRoutes, { jobs: services.jobs });
      await v1.register(progressRoutes, { progress: services.progress });
      await v1.register(scheduleRoutes, { schedule: services.schedule });
      await v1.register(classroomRoutes, { classroom: services.classroom });
      await v1.register(assessmentRoutes, { assessment: services.assessment });
      await v1.register(certificateRoutes, { certificates: services.certificates });
      await v1.register(certificateSettingsRoutes, { settings: services.certificateSettings });
      await v1.register(reportRoutes, { reports: services.reports });
      await v1.register(annualJpRoutes, { annualJp: services.annualJp });
      await v1.register(webhookRoutes, { webhooks: services.webhooks });
      await v1.register(submissionRoutes, {
        submissions: services.submissions,
        maxBytes: config.submissionMaxBytes,
      });
    },
    { prefix: '/v1' },
  );
  // The participant app at /, after the API so that its catch-all route never shadows one.
  await app.register(webApp, { root: config.webAppDir });

  return app as unknown as FastifyInstance;
}
