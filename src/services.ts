import type { Deps } from './deps.js';
import type { Principal } from './http/auth.js';
import { createAssessmentService } from './modules/assessment/service.js';
import { readFileSync } from 'node:fs';
import { samplePdf } from './modules/certificates/document.js';
import { sharedPdfPool } from './modules/certificates/render-pool.js';
import { secretBox } from './modules/certificates/secrets.js';
import { createCertificatesService } from './modules/certificates/service.js';
import { createCertificateSettings } from './modules/certificates/settings.js';
import { createClassroomService } from './modules/classroom/service.js';
import { createReportsService } from './modules/reports/service.js';
import { createAnnualJpReport } from './modules/reports/annual-jp.js';
import { createCohortLifecycle } from './modules/cohorts/lifecycle.js';
import { createCohortsService, type CohortsService } from './modules/cohorts/service.js';
import { createCurriculumService } from './modules/curriculum/service.js';
import { createAuthService } from './modules/identity/auth-service.js';
import { createDirectoryService } from './modules/identity/directory-service.js';
import { createLoginThrottle } from './modules/login-throttle/service.js';
import { createJobsService } from './modules/jobs/service.js';
import { createProgressService, type ProgressService } from './modules/progress/service.js';
import { createScheduleService, type ScheduleService } from './modules/schedule/service.js';
import { createFileStores } from './modules/submissions/storage/index.js';
import { createSubmissionsService } from './modules/submissions/service.js';
import { createWebhooksService } from './modules/webhooks/service.js';
import { createMailService, mailSettingsOf, type MailServiceDeps } from './modules/mail/service.js';
import { createPasswordReset } from './modules/identity/password-reset.js';

/** Every module's service, wired once; used by the HTTP app, the worker and the CLI alike. */
export function createServices(
  deps: Deps,
  signAccessToken: (p: Principal) => string,
  mailTransport?: MailServiceDeps['transport'],
) {
  const { db, clock, config } = deps;
  const directory = createDirectoryService({
    db,
    clock,
    defaultTimeZone: config.defaultTimeZone,
    invitationTtlDays: config.activationCodeTtlDays,
  });
  const jobs = createJobsService({ db, clock });
  // Curriculum asks cohorts whether a participant may read a lesson, cohorts ask progress for a
  // participant's JP, and the other way round: these closures are called only after all exist.
  const curriculum = createCurriculumService({
    db,
    clock,
    organizationSettings: (orgId) => directory.organizationSettings(orgId),
    participantMayRead: (userId, versionId) => cohorts.participantMayRead(userId, versionId),
  });
  const cohorts: CohortsService = createCohortsService({
    db,
    clock,
    curriculum,
    directory,
    jobs,
    enqueue: deps.enqueue,
    settings: config,
    progressOf: (userId, enrollmentId) => progress.enrollmentProgress(userId, enrollmentId),
    attendanceOf: (enrollmentId) => classroom.attendanceOf(enrollmentId),
    phasesChanged: (cohortId) => schedule.scheduleCohort(cohortId),
  });
  const progress: ProgressService = createProgressService({
    db,
    pool: deps.pool,
    clock,
    curriculum,
    cohorts,
    directory,
    settings: config,
  });
  const schedule: ScheduleService = createScheduleService({
    db,
    clock,
    enqueue: deps.enqueue,
    cohortsService: cohorts,
  });
  const assessment = createAssessmentService({ db, clock, cohorts, settings: config });
  const classroom = createClassroomService({
    db,
    clock,
    cohorts,
    directory,
    settings: config,
    absenceRuleOf: (cohortId) => assessment.absenceRuleOf(cohortId),
  });
  const secrets = secretBox(config.certificateSecretsKey ?? deps.jwtSecret);
  const gateway = config.signingGateway && {
    url: config.signingGateway.url,
    timeoutMs: config.signingGateway.timeoutMs,
    ca: config.signingGateway.caFile ? readFileSync(config.signingGateway.caFile, 'utf8') : undefined,
  };
  const pool = sharedPdfPool(config.certificateRenderThreads);
  const certificates = createCertificatesService({
    db,
    clock,
    cohorts,
    jobs,
    enqueue: deps.enqueue,
    settings: config,
    secrets,
    gateway,
    pool,
  });
  const certificateSettings = createCertificateSettings({
    db,
    clock,
    cohorts,
    secrets,
    gateway,
    samplePdf: () => samplePdf(),
  });
  const throttle = createLoginThrottle({
    db,
    clock,
    settings: {
      freeFailures: config.loginMaxFailures,
      maxDelayMinutes: config.loginLockMinutes,
      sourceFailuresPerMinute: config.loginRateLimitPerMinute,
    },
  });
  const webhooks = createWebhooksService({
    db,
    clock,
    enqueue: deps.enqueue,
    settings: config.webhooks,
    resolveHost: deps.resolveHost,
  });
  const mail = createMailService({
    db,
    clock,
    settings: mailSettingsOf(config),
    enqueue: deps.enqueue,
    ...(mailTransport ? { transport: mailTransport } : {}),
    cohortProgress: (actor, cohortId) => progress.cohortProgress(actor, cohortId, {}),
  });
  return {
    directory,
    classroom,
    mail,
    passwordReset: createPasswordReset({ db, clock, throttle, settings: config.passwordReset }),
    assessment,
    certificates,
    certificateSettings,
    reports: createReportsService({
      db,
      clock,
      cohorts,
      absenceRuleOf: (cohortId) => assessment.absenceRuleOf(cohortId),
    }),
    annualJp: createAnnualJpReport({ pool: deps.pool, clock, directory }),
    progress,
    schedule,
    webhooks,
    jobs,
    curriculum,
    submissions: createSubmissionsService({
      db,
      clock,
      files: createFileStores(deps.pool, config.fileStorage),
      settings: config,
    }),
    cohorts,
    throttle,
    lifecycle: createCohortLifecycle({
      db,
      clock,
      cohorts,
      // Scheduling applies what was missed, then queues every transition still to come.
      catchUp: async (cohortId) => {
        await schedule.reconcile(cohortId);
        await schedule.scheduleCohort(cohortId);
      },
    }),
    auth: createAuthService({ db, clock, settings: config, signAccessToken, throttle }),
  };
}

export type Services = ReturnType<typeof createServices>;
