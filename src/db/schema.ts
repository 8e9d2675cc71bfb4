import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Millisecond precision so that (created_at, id) cursors round-trip through JavaScript Dates.
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export interface OrganizationSettings {
  minutesPerJp: number;
  annualJpTarget: number;
}

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 32 }).notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const userRole = pgEnum('user_role', ['platform_admin', 'org_admin', 'instructor', 'participant']);
// pending: imported, no password yet (activation); disabled: cannot log in or refresh.
export const userStatus = pgEnum('user_status', ['active', 'pending', 'disabled']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'restrict' }),
    role: userRole('role').notNull(),
    status: userStatus('status').notNull().default('active'),
    nip: varchar('nip', { length: 18 }),
    email: text('email'),
    name: text('name').notNull(),
    birthPlace: text('birth_place'),
    birthDate: date('birth_date', { mode: 'string' }),
    rank: text('rank'),
    position: text('position'),
    unit: text('unit'),
    category: text('category'),
    passwordHash: text('password_hash'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: instant('locked_until'),
    lastLoginAt: instant('last_login_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_nip_key').on(t.nip),
    uniqueIndex('users_email_key').on(t.email),
    index('users_org_created_idx').on(t.orgId, t.createdAt, t.id),
    check('users_login_key_present', sql`${t.nip} is not null or ${t.email} is not null`),
    check('users_org_required', sql`${t.role} = 'platform_admin' or ${t.orgId} is not null`),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Every token minted by rotation from one login shares a family; reuse revokes the family.
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    revokedAt: instant('revoked_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('audit_log_org_at_idx').on(t.orgId, t.at), index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type UserStatus = (typeof userStatus.enumValues)[number];

// ---- curriculum ----

export const courseVersionStatus = pgEnum('course_version_status', ['draft', 'published']);
export const lessonKind = pgEnum('lesson_kind', ['video', 'reading', 'quiz', 'assignment']);
export const questionKind = pgEnum('question_kind', ['single', 'multiple']);

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    code: varchar('code', { length: 64 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('courses_org_code_key').on(t.orgId, t.code),
    index('courses_org_created_idx').on(t.orgId, t.createdAt, t.id),
  ],
);

/** A published version never changes: cohorts pin one, so credit rules never shift under them. */
export const courseVersions = pgTable(
  'course_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    label: text('label'),
    status: courseVersionStatus('status').notNull().default('draft'),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('course_versions_number_key').on(t.courseId, t.number),
    // At most one draft per course: edits never fork.
    uniqueIndex('course_versions_one_draft_key')
      .on(t.courseId)
      .where(sql`${t.status} = 'draft'`),
  ],
);

export const courseModules = pgTable(
  'course_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => courseVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: varchar('code', { length: 64 }).notNull(),
    agenda: text('agenda').notNull(),
    title: text('title').notNull(),
    jp: numeric('jp', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    // Set when the JP value is a decision of the curriculum, not derived from the lessons' time.
    jpFixed: boolean('jp_fixed').notNull().default(false),
  },
  (t) => [
    uniqueIndex('course_modules_code_key').on(t.versionId, t.code),
    index('course_modules_version_idx').on(t.versionId, t.position),
  ],
);

export interface QuizSettings {
  passScore: number;
  attemptLimit: number;
  revealAnswers: 'never' | 'after_attempt' | 'after_pass';
}

export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => courseModules.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => courseVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: varchar('code', { length: 64 }).notNull(),
    kind: lessonKind('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    mediaUrl: text('media_url'),
    durationMinutes: integer('duration_minutes').notNull(),
    required: boolean('required').notNull().default(true),
    manualCompletion: boolean('manual_completion').notNull().default(false),
    quiz: jsonb('quiz').$type<QuizSettings>(),
  },
  (t) => [
    uniqueIndex('lessons_code_key').on(t.versionId, t.code),
    index('lessons_module_idx').on(t.moduleId, t.position),
  ],
);

export interface QuestionOption {
  key: string;
  text: string;
}

export const quizQuestions = pgTable(
  'quiz_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: questionKind('kind').notNull(),
    prompt: text('prompt').notNull(),
    options: jsonb('options').$type<QuestionOption[]>().notNull(),
    correct: jsonb('correct').$type<string[]>().notNull(),
    points: numeric('points', { precision: 6, scale: 2, mode: 'number' }).notNull().default(1),
  },
  (t) => [index('quiz_questions_lesson_idx').on(t.lessonId, t.position)],
);

export type Course = typeof courses.$inferSelect;
export type CourseVersion = typeof courseVersions.$inferSelect;
export type CourseModule = typeof courseModules.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type QuizQuestion = typeof quizQuestions.$inferSelect;

// ---- cohorts (angkatan), phases, enrollments ----

export const cohortStatus = pgEnum('cohort_status', ['planned', 'running', 'completed', 'cancelled']);
export const phaseKind = pgEnum('phase_kind', ['online', 'classroom', 'field']);
export const phaseState = pgEnum('phase_state', ['pending', 'open', 'closed']);
export const enrollmentStatus = pgEnum('enrollment_status', ['active', 'remedial', 'passed', 'failed', 'withdrawn']);

export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'restrict' }),
    // Pinned: a running cohort never sees its curriculum change.
    courseVersionId: uuid('course_version_id')
      .notNull()
      .references(() => courseVersions.id, { onDelete: 'restrict' }),
    code: varchar('code', { length: 64 }).notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    capacity: integer('capacity'),
    status: cohortStatus('status').notNull().default('planned'),
    // First and last local date over all phases, kept with the phases for date filters.
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cohorts_org_code_key').on(t.orgId, t.code),
    index('cohorts_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('cohorts_org_dates_idx').on(t.orgId, t.startsOn, t.endsOn),
  ],
);

export const phases = pgTable(
  'phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: phaseKind('kind').notNull(),
    name: text('name').notNull(),
    // Local calendar dates in the cohort's time zone, both inclusive.
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    // 00:00 local of startDate, and 00:00 local of the day after endDate.
    opensAt: instant('opens_at').notNull(),
    closesAt: instant('closes_at').notNull(),
    requiredJp: numeric('required_jp', { precision: 6, scale: 2, mode: 'number' }).notNull().default(0),
    venue: text('venue'),
    remedialDays: integer('remedial_days').notNull().default(0),
    state: phaseState('state').notNull().default('pending'),
    // Bumped by every change of dates; scheduled transitions carry it, and stale ones do nothing.
    scheduleVersion: integer('schedule_version').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('phases_cohort_idx').on(t.cohortId, t.position),
    index('phases_due_idx').on(t.state, t.opensAt, t.closesAt),
  ],
);

export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: enrollmentStatus('status').notNull().default('active'),
    enrolledAt: instant('enrolled_at').notNull().defaultNow(),
    withdrawnAt: instant('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrollments_cohort_user_key').on(t.cohortId, t.userId),
    index('enrollments_user_idx').on(t.userId),
    index('enrollments_cohort_created_idx').on(t.cohortId, t.createdAt, t.id),
  ],
);

/** A participant's own later end of one phase: credit still counts until `closesAt`. */
export const phaseExtensions = pgTable(
  'phase_extensions',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    untilDate: date('until_date', { mode: 'string' }).notNull(),
    closesAt: instant('closes_at').notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.phaseId] })],
);

export const activationCodes = pgTable(
  'activation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activation_codes_user_key').on(t.userId)],
);

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'done', 'failed']);

/** Long work (large imports) with its progress, pollable through GET /v1/jobs/{id}. */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: jobStatus('status').notNull().default('queued'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    // The uploaded file: it lives in PostgreSQL, not in the queue, so losing Redis loses nothing.
    input: bytea('input'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('background_jobs_org_idx').on(t.orgId, t.createdAt)],
);

export type Cohort = typeof cohorts.$inferSelect;
export type Phase = typeof phases.$inferSelect;
export type Enrollment = typeof enrollments.$inferSelect;
export type BackgroundJob = typeof backgroundJobs.$inferSelect;

// ---- progress and credit ----

export const progressEventType = pgEnum('progress_event_type', ['heartbeat', 'lesson_completed']);
export const progressEventStatus = pgEnum('progress_event_status', ['accepted', 'rejected']);

/** Append-only: every event a client sent, accepted or rejected with the reason. */
export const progressEvents = pgTable(
  'progress_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'restrict' }),
    clientEventId: varchar('client_event_id', { length: 100 }).notNull(),
    type: progressEventType('type').notNull(),
    lessonId: uuid('lesson_id').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    claimedSeconds: integer('claimed_seconds').notNull().default(0),
    creditedSeconds: integer('credited_seconds').notNull().default(0),
    status: progressEventStatus('status').notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('progress_events_client_key').on(t.enrollmentId, t.clientEventId)],
);

/**
 * Per enrollment: the credit clock. `creditedUntil` is the instant through which time has been
 * credited, so no second of wall-clock time is credited twice; `version` guards each batch.
 */
export const enrollmentProgress = pgTable('enrollment_progress', {
  enrollmentId: uuid('enrollment_id')
    .primaryKey()
    .references(() => enrollments.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  creditedUntil: instant('credited_until'),
  lastActivityAt: instant('last_activity_at'),
  creditedSeconds: integer('credited_seconds').notNull().default(0),
  updatedAt: instant('updated_at').notNull(),
});

export const lessonProgress = pgTable(
  'lesson_progress',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull(),
    creditedSeconds: integer('credited_seconds').notNull().default(0),
    completedAt: instant('completed_at'),
    completedBy: text('completed_by'),
    bestScore: numeric('best_score', { precision: 5, scale: 2, mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    lastEventAt: instant('last_event_at'),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.lessonId] })],
);

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull(),
    attemptNo: integer('attempt_no').notNull(),
    answers: jsonb('answers').$type<Array<{ questionId: string; selected: string[] }>>().notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    passed: boolean('passed').notNull(),
    submittedAt: instant('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('quiz_attempts_no_key').on(t.enrollmentId, t.lessonId, t.attemptNo)],
);

export const jpSource = pgEnum('jp_source', ['lesson', 'session', 'adjustment', 'external']);

/**
 * Append-only JP credits and adjustments. A person's JP in a year is the sum of their rows whose
 * `occurredAt` falls in that year in their organization's time zone.
 */
export const jpLedger = pgTable(
  'jp_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'restrict' }),
    phaseId: uuid('phase_id'),
    moduleId: uuid('module_id'),
    lessonId: uuid('lesson_id'),
    source: jpSource('source').notNull(),
    jp: numeric('jp', { precision: 10, scale: 4, mode: 'number' }).notNull(),
    seconds: integer('seconds').notNull().default(0),
    occurredAt: instant('occurred_at').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('jp_ledger_user_time_idx').on(t.userId, t.occurredAt),
    index('jp_ledger_enrollment_idx').on(t.enrollmentId, t.phaseId, t.moduleId),
  ],
);

// ---- the phase clock ----

export const transitionKind = pgEnum('transition_kind', ['open', 'close']);
export const transitionTrigger = pgEnum('transition_trigger', ['schedule', 'catch-up', 'manual']);

/** Every phase opens once and closes once: the unique key makes a second application impossible. */
export const phaseTransitions = pgTable(
  'phase_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    kind: transitionKind('kind').notNull(),
    trigger: transitionTrigger('trigger').notNull(),
    scheduleVersion: integer('schedule_version').notNull(),
    // When the dates said it should happen (null for a manual transition) and when it did.
    scheduledAt: instant('scheduled_at'),
    appliedAt: instant('applied_at').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('phase_transitions_once_key').on(t.phaseId, t.kind),
    index('phase_transitions_cohort_idx').on(t.cohortId, t.appliedAt),
  ],
);

/** What each enrollment had when an online phase closed: frozen, for remedial decisions and reports. */
export const phaseOutcomes = pgTable(
  'phase_outcomes',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    earnedJp: numeric('earned_jp', { precision: 10, scale: 4, mode: 'number' }).notNull(),
    requiredJp: numeric('required_jp', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    met: boolean('met').notNull(),
    remedialUntil: instant('remedial_until'),
    closedAt: instant('closed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.phaseId] })],
);

/** Events for the outside world (webhooks), written in the same transaction as the change they report. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: instant('created_at').notNull(),
    // When the event was handed to the organization's webhook endpoints (one delivery each).
    deliveredAt: instant('delivered_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.deliveredAt, t.id)],
);

// ---- webhooks ----

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    // Kept to sign every delivery (HMAC-SHA256); shown once, when the endpoint is created.
    secret: text('secret').notNull(),
    eventTypes: jsonb('event_types').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.orgId)],
);

export const deliveryStatus = pgEnum('delivery_status', ['pending', 'delivered', 'failed']);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    status: deliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_once_key').on(t.endpointId, t.outboxId),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
);

/** Behind-pace warnings already sent: once per participant per phase. */
export const paceWarnings = pgTable(
  'pace_warnings',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    warnedAt: instant('warned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.phaseId] })],
);
