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
  /** A PNS's JP target for a calendar year (PP 17/2020: 20). */
  annualJpTarget: number;
  /** A PPPK's JP target for a year (PP 49/2018 caps development at 24 JP per contract year). */
  annualJpTargetPppk: number;
  /** Whether participants without a NIP (non-ASN staff) may be enrolled by email. */
  allowNonAsnParticipants: boolean;
  /** The sender of the organization's mails; the server's MAIL_FROM when absent. */
  mailFrom?: { name: string; address: string } | null;
  /** Whether participants behind pace get a daily reminder mail (default: yes). */
  paceReminders?: boolean;
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
/** The two structures of an 18-digit NIP: PNS (career) and PPPK (contract, "NI PPPK"). */
export const nipKind = pgEnum('nip_kind', ['pns', 'pppk']);
export const membershipRole = pgEnum('membership_role', ['org_admin', 'instructor', 'participant']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The person's employing agency (instansi) when it is an organization on this server: it sees
    // the person's training history across organizers. Null for platform admins and for people
    // whose instansi is not here.
    homeOrgId: uuid('home_org_id').references(() => organizations.id, { onDelete: 'restrict' }),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    status: userStatus('status').notNull().default('active'),
    nip: varchar('nip', { length: 18 }),
    nipKind: nipKind('nip_kind'),
    email: text('email'),
    name: text('name').notNull(),
    birthPlace: text('birth_place'),
    birthDate: date('birth_date', { mode: 'string' }),
    rank: text('rank'),
    position: text('position'),
    unit: text('unit'),
    category: text('category'),
    // The language the person reads the API's texts in ('id' or 'en'); null: as their client asks.
    locale: text('locale'),
    passwordHash: text('password_hash'),
    lastLoginAt: instant('last_login_at'),
    // When the person first set a password: nothing they did can have happened before it.
    activatedAt: instant('activated_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_nip_key').on(t.nip),
    uniqueIndex('users_email_key').on(t.email),
    check('users_login_key_present', sql`${t.nip} is not null or ${t.email} is not null`),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_nip_kind_with_nip', sql`(${t.nip} is null) = (${t.nipKind} is null)`),
    check('users_locale_known', sql`${t.locale} in ('id', 'en')`),
    index('users_home_org_created_idx').on(t.homeOrgId, t.createdAt, t.id),
    // Finding people: part of a name (ILIKE '%…%', needs the pg_trgm extension) and a NIP prefix (LIKE '…%').
    index('users_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('users_nip_prefix_idx').on(t.nip.op('varchar_pattern_ops')),
  ],
);

/**
 * What a person is in one organization. One person (one NIP, or one email without a NIP) can learn
 * from many organizers and teach for others; an organization sees a person only through these rows
 * and through being their home organization.
 */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    role: membershipRole('role').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId, t.role] }), index('memberships_org_role_idx').on(t.orgId, t.role)],
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
    // The organization the login acts in (its memberships give the role); kept through rotation.
    orgId: uuid('org_id'),
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
export type Membership = typeof memberships.$inferSelect;
export type MembershipRole = (typeof membershipRole.enumValues)[number];
export type NipKind = (typeof nipKind.enumValues)[number];
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

/**
 * How an assignment lesson takes work: a file, a text, or either; and whether handing it in or its
 * acceptance by a reviewer completes the lesson. Part of the lesson's content, so a published
 * version never changes it.
 */
export interface SubmissionSettings {
  accepts: 'file' | 'text' | 'file_or_text';
  completesOn: 'acceptance' | 'submission';
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
    // Set on assignment lessons that take submissions; null: the lesson completes by time or by hand.
    submission: jsonb('submission').$type<SubmissionSettings>(),
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

// draft: everything editable, the clock does nothing; scheduled: the clock is armed.
export const cohortStatus = pgEnum('cohort_status', ['draft', 'scheduled', 'running', 'completed', 'cancelled']);
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
    status: cohortStatus('status').notNull().default('draft'),
    // Recorded after the fact: no transition fires; results and certificates carry the real dates.
    pastProgram: boolean('past_program').notNull().default(false),
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
    // How many times the phase has been opened: a reopened phase opens, closes and ends its
    // remedial window once more, each once.
    round: integer('round').notNull().default(1),
    // When the remedial window of this round ended and the outcomes became final (online phases).
    outcomesFinalAt: instant('outcomes_final_at'),
    // When the phase took effect as opened (its first opening) and as closed (its latest closing):
    // the scheduled instant for a transition of the clock, on time or caught up; the moment it was
    // made for one made by hand. Set with the transition, so crediting reads them off the row.
    openedAt: instant('opened_at'),
    closedAt: instant('closed_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('phases_cohort_idx').on(t.cohortId, t.position),
    index('phases_due_idx').on(t.state, t.opensAt, t.closesAt),
  ],
);

export interface EnrollmentProfile {
  rank?: string | null;
  position?: string | null;
  unit?: string | null;
  category?: string | null;
  instansi?: string | null;
}

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
    // The participant as the organizer knew them at the time of training (for the certificate and
    // the recap), whatever their profile says later or elsewhere.
    profile: jsonb('profile').$type<EnrollmentProfile>().notNull().default({}),
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
  // JP credited from lessons per online phase ({phaseId: jp}): each phase is capped by its own JP.
  phaseJp: jsonb('phase_jp').$type<Record<string, number>>().notNull().default({}),
  // Seconds credited per local day of the cohort ({'2024-10-23': 5400}), for the daily cap; days
  // older than the backlog window are dropped, since nothing can be credited to them any more.
  daySeconds: jsonb('day_seconds').$type<Record<string, number>>().notNull().default({}),
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
 * `localDate` falls in that year.
 */
export const jpLedger = pgTable(
  'jp_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'restrict' }),
    // The organization that recorded an entry outside any enrollment (an external training); an
    // enrollment's entries belong to its cohort's organization.
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'restrict' }),
    phaseId: uuid('phase_id'),
    moduleId: uuid('module_id'),
    lessonId: uuid('lesson_id'),
    // For classroom credit: the session attended (its JP enter once, net of corrections).
    sessionId: uuid('session_id'),
    source: jpSource('source').notNull(),
    jp: numeric('jp', { precision: 10, scale: 4, mode: 'number' }).notNull(),
    seconds: integer('seconds').notNull().default(0),
    occurredAt: instant('occurred_at').notNull(),
    // The local date the learning happened (in the cohort's zone; for an external training, the day
    // it ended): the year a person's JP count in follows it.
    localDate: date('local_date', { mode: 'string' }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('jp_ledger_user_date_idx').on(t.userId, t.localDate),
    index('jp_ledger_enrollment_idx').on(t.enrollmentId, t.phaseId, t.moduleId),
    index('jp_ledger_session_idx')
      .on(t.sessionId, t.enrollmentId)
      .where(sql`${t.sessionId} is not null`),
  ],
);

// ---- the phase clock ----

export const transitionKind = pgEnum('transition_kind', ['open', 'close', 'reopen', 'remedial_end']);
export const transitionTrigger = pgEnum('transition_trigger', ['schedule', 'catch-up', 'manual']);

/**
 * Every phase opens once and closes once in each round (a reopening starts the next): the unique
 * key makes a second application impossible.
 */
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
    round: integer('round').notNull().default(1),
    // When the dates said it should happen (null for a manual transition) and when it did.
    scheduledAt: instant('scheduled_at'),
    appliedAt: instant('applied_at').notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('phase_transitions_once_key').on(t.phaseId, t.kind, t.round),
    index('phase_transitions_cohort_idx').on(t.cohortId, t.appliedAt),
  ],
);

export const phaseFinalOutcome = pgEnum('phase_final_outcome', ['met', 'met_in_remedial', 'short']);

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
    // Final once the remedial window has ended (at closing, for those who met the JP then).
    final: phaseFinalOutcome('final'),
    finalJp: numeric('final_jp', { precision: 10, scale: 4, mode: 'number' }),
    finalAt: instant('final_at'),
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
    // Restrict: an organization with endpoints (and their delivery log) is not deleted behind its back.
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
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

// ---- classroom: sessions and attendance ----

export const attendanceStatus = pgEnum('attendance_status', ['present', 'late', 'excused', 'absent']);

/** A dated session of a classroom or field phase, inside the phase's local dates. */
export const classSessions = pgTable(
  'class_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'restrict' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    jp: numeric('jp', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    venue: text('venue'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('class_sessions_phase_idx').on(t.phaseId, t.startsAt),
    index('class_sessions_cohort_idx').on(t.cohortId, t.startsAt),
    check('class_sessions_time_order', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const sessionInstructors = pgTable(
  'session_instructors',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('session_instructors_user_idx').on(t.userId)],
);

export const attendance = pgTable(
  'attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => classSessions.id, { onDelete: 'restrict' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    status: attendanceStatus('status').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.enrollmentId] }),
    index('attendance_enrollment_idx').on(t.enrollmentId),
  ],
);

export type ClassSession = typeof classSessions.$inferSelect;
export type AttendanceStatus = (typeof attendanceStatus.enumValues)[number];

// ---- assessment: scheme, scores, results ----

export interface AssessmentComponent {
  code: string;
  name: string;
  weight: number;
  source: 'quiz' | 'manual';
}
export interface PredikatBand {
  label: string;
  /** Lowest final score (inclusive) that earns this label. */
  minScore: number;
}
export interface AbsenceRule {
  /** Failing starts above these: more than maxJp absent JP, or more than maxDays absent days. */
  maxJp: number;
  maxDays: number;
  countExcused: boolean;
}

/** One per cohort; each change bumps `version`, and every result run keeps a copy of what it used. */
export const assessmentSchemes = pgTable('assessment_schemes', {
  cohortId: uuid('cohort_id')
    .primaryKey()
    .references(() => cohorts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  components: jsonb('components').$type<AssessmentComponent[]>().notNull(),
  passMark: numeric('pass_mark', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  bands: jsonb('bands').$type<PredikatBand[]>().notNull(),
  absence: jsonb('absence').$type<AbsenceRule>().notNull(),
  requireOnlineJp: boolean('require_online_jp').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: instant('updated_at').notNull(),
});

export const scores = pgTable(
  'scores',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    component: varchar('component', { length: 32 }).notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    note: text('note'),
    scoredBy: uuid('scored_by'),
    scoredAt: instant('scored_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.component] }),
    check('scores_range', sql`${t.score} >= 0 and ${t.score} <= 100`),
  ],
);

export interface SchemeSnapshot {
  version: number;
  components: AssessmentComponent[];
  passMark: number;
  bands: PredikatBand[];
  absence: AbsenceRule;
  requireOnlineJp: boolean;
}

/** Each computation of a cohort's results is a new version; the newest is the cohort's result. */
export const resultRuns = pgTable(
  'result_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // Final once every phase of the cohort has closed: only a final run sets each enrollment's
    // status and backs certificates; an earlier one is a preview that locks nobody out.
    final: boolean('final').notNull(),
    scheme: jsonb('scheme').$type<SchemeSnapshot>().notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    computedBy: uuid('computed_by'),
    computedAt: instant('computed_at').notNull(),
  },
  (t) => [uniqueIndex('result_runs_version_key').on(t.cohortId, t.version)],
);

export const results = pgTable(
  'results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => resultRuns.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    components: jsonb('components').$type<Record<string, number | null>>().notNull(),
    finalScore: numeric('final_score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    predikat: text('predikat').notNull(),
    passed: boolean('passed').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    onlineJp: numeric('online_jp', { precision: 10, scale: 4, mode: 'number' }).notNull(),
    classroomJp: numeric('classroom_jp', { precision: 10, scale: 4, mode: 'number' }).notNull(),
    absentJp: numeric('absent_jp', { precision: 10, scale: 4, mode: 'number' }).notNull(),
    absentDays: integer('absent_days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.enrollmentId] }), index('results_enrollment_idx').on(t.enrollmentId)],
);

// ---- certificates ----

/** What the certificate says, frozen when it is issued. */
export interface CertificateFields {
  name: string;
  nip: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  rank: string | null;
  position: string | null;
  instansi: string;
  program: string;
  cohortCode: string;
  cohortName: string;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  predikat: string;
  finalScore: number;
  issuedOn: string;
  /** Added with the official layout; certificates issued before it lack them. */
  totalJp?: number;
  place?: string | null;
  signatories?: CertificateSignatory[];
  transcript?: CertificateTranscript;
}

/** An official who signs: position (jabatan), name, NIP, rank (pangkat/golongan). */
export interface CertificateSignatory {
  position: string;
  name: string;
  nip: string | null;
  rank: string | null;
}

/** The back of the certificate: the pinned course version's subjects and the participant's JP. */
export interface CertificateTranscript {
  subjects: Array<{ agenda: string; title: string; jp: number }>;
  onlineJp: number;
  classroomJp: number;
  fieldJp: number;
  attendance: { present: number; late: number; excused: number; absent: number };
}

export const certificateRevokeCategory = pgEnum('certificate_revoke_category', [
  'data_correction',
  'result_changed',
  'issued_in_error',
  'misconduct',
  'other',
]);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'restrict' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    resultRunId: uuid('result_run_id')
      .notNull()
      .references(() => resultRuns.id, { onDelete: 'restrict' }),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    // Public, unguessable: the QR code on the PDF points at its verification URL.
    code: varchar('code', { length: 32 }).notNull(),
    fields: jsonb('fields').$type<CertificateFields>().notNull(),
    pdf: bytea('pdf').notNull(),
    issuedAt: instant('issued_at').notNull(),
    issuedBy: uuid('issued_by'),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
    // What the verification page may say about a revocation; the free-text reason stays internal.
    revokeCategory: certificateRevokeCategory('revoke_category'),
    // Set on a revoked certificate that was reissued: the one that replaces it.
    replacedById: uuid('replaced_by_id'),
    // How the PDF was signed at issue: null (not signed), 'pkcs12' or 'gateway'.
    signature: text('signature'),
    // Its bit in the issuer's Bitstring Status List (revocation of the Open Badges credential).
    statusIndex: integer('status_index').generatedAlwaysAsIdentity(),
  },
  (t) => [
    // One valid certificate per enrollment; revoked ones stay, each replaced by at most one.
    uniqueIndex('certificates_enrollment_valid_key')
      .on(t.enrollmentId)
      .where(sql`${t.revokedAt} is null`),
    index('certificates_enrollment_idx').on(t.enrollmentId),
    uniqueIndex('certificates_code_key').on(t.code),
    uniqueIndex('certificates_cohort_seq_key').on(t.cohortId, t.seq),
    uniqueIndex('certificates_org_number_key').on(t.orgId, t.number),
    index('certificates_user_idx').on(t.userId, t.issuedAt),
  ],
);

export type Certificate = typeof certificates.$inferSelect;

// ---- files and submissions ----

/**
 * Every stored file: what it is (type recognized from its content), where its bytes are (the
 * storage backend and key it was written with) and whose it is. The bytes themselves live in
 * `stored_file_chunks` (PostgreSQL backend) or under FILE_STORAGE_DIR (filesystem backend).
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    backend: text('backend').$type<'postgres' | 'filesystem'>().notNull(),
    key: text('key').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    mediaType: text('media_type').notNull(),
    fileName: text('file_name').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('stored_files_key').on(t.backend, t.key)],
);

/** The PostgreSQL backend's bytes: a file in ordered chunks, written and read one chunk at a time. */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileKey: uuid('file_key').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileKey, t.seq] })],
);

export const submissionStatus = pgEnum('submission_status', ['submitted', 'accepted', 'returned']);

/**
 * Work handed in for an assignment lesson: a file or a text. Each hand-in is a new version; a
 * returned one stays as it was, with the reviewer's comment.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'restrict' }),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'restrict' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    text: text('text'),
    status: submissionStatus('status').notNull().default('submitted'),
    submittedAt: instant('submitted_at').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    reviewedAt: instant('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewComment: text('review_comment'),
  },
  (t) => [
    uniqueIndex('submissions_version_key').on(t.enrollmentId, t.lessonId, t.version),
    index('submissions_cohort_idx').on(t.cohortId, t.submittedAt, t.id),
    check('submissions_file_or_text', sql`(${t.fileId} is null) <> (${t.text} is null)`),
  ],
);

export type StoredFile = typeof storedFiles.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];

/** An organization's logo for its certificates: PNG, JPEG or SVG, checked by content. */
export const certificateLogos = pgTable('certificate_logos', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  data: bytea('data').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

/**
 * Who signs certificates and where they are issued: set for an organization (cohortId null) and,
 * where a cohort differs, for the cohort.
 */
export const certificateSignatories = pgTable(
  'certificate_signatories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    cohortId: uuid('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
    place: text('place'),
    signatories: jsonb('signatories').$type<CertificateSignatory[]>().notNull(),
    updatedAt: instant('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('certificate_signatories_org_key')
      .on(t.orgId)
      .where(sql`${t.cohortId} is null`),
    uniqueIndex('certificate_signatories_cohort_key')
      .on(t.cohortId)
      .where(sql`${t.cohortId} is not null`),
  ],
);

export const signingKind = pgEnum('signing_kind', ['pkcs12', 'gateway']);

/**
 * An organization's electronic signature (TTE): a PKCS#12 file and its passphrase, or a signer
 * at the remote signing gateway. Secrets are stored encrypted (AES-256-GCM) and never answered.
 */
export const certificateSigning = pgTable('certificate_signing', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  kind: signingKind('kind').notNull(),
  // pkcs12: the encrypted file; gateway: null.
  pkcs12: bytea('pkcs12'),
  // gateway: the signer's id at the gateway (e.g. NIK); pkcs12: the certificate's subject, for display.
  signerId: text('signer_id'),
  passphrase: bytea('passphrase').notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

/**
 * An organization's Ed25519 key for its Open Badges credentials: the public half is published as
 * a JWK under /.well-known/jwks.json, the private half stored encrypted (PKCS#8).
 */
export const badgeKeys = pgTable('badge_keys', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  kid: text('kid').notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
  privateKey: bytea('private_key').notNull(),
  createdAt: instant('created_at').notNull(),
});

// ---- login throttling ----

// Failed logins and activations, per (normalized login text, source address) and per source
// address alone. Keyed by the text typed, not by an account, so an unknown login is counted and
// delayed exactly like a known one.
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    // The normalized login text of a (login, source) row, so an admin's unlock finds every source;
    // null for a source's own row.
    loginKey: text('login_key'),
    failures: integer('failures').notNull(),
    windowStartedAt: instant('window_started_at').notNull(),
    lastFailureAt: instant('last_failure_at').notNull(),
    blockedUntil: instant('blocked_until'),
  },
  (t) => [index('login_throttle_login_key_idx').on(t.loginKey)],
);

// ---- access revocations ----

// Users whose access tokens issued before `revokedAt` no longer work: disabled, demoted, or given a
// new password. Access tokens are not stored, so this is how a change reaches them before they expire.
export const accessRevocations = pgTable('access_revocations', {
  userId: uuid('user_id').primaryKey(),
  revokedAt: instant('revoked_at').notNull(),
});

// ---- mail ----

// Every mail the system sends, written in the transaction of what causes it and sent by the
// worker. The body is rendered from kind, lang and params when sent or read; `secret` (an activation
// code or reset token) is kept only until an SMTP server has accepted the mail.
export const mails = pgTable(
  'mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The organization whose admins may read it and whose sender it uses; null: platform only.
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    lang: text('lang').notNull().default('id'),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    secret: text('secret'),
    // At most one mail per key (a reminder per participant per local day).
    dedupeKey: text('dedupe_key'),
    // pending → sending → sent; failed (refused for good, or out of attempts); uncertain (the
    // worker stopped while the SMTP server may have accepted it: never sent again on its own).
    status: text('status').notNull().default('pending'),
    // Where it went: `smtp`, or `local` when no SMTP server is configured (the outbox is the inbox).
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    claimedAt: instant('claimed_at'),
    sentAt: instant('sent_at'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mails_dedupe_key').on(t.dedupeKey),
    index('mails_due_idx').on(t.status, t.nextAttemptAt),
    index('mails_org_created_idx').on(t.orgId, t.createdAt, t.id),
    check('mails_status_check', sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'uncertain')`),
  ],
);

// Password reset tokens, stored hashed; single use, expiring.
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_key').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId),
  ],
);

// Activation codes mailed in invitations, apart from the printed ones (activation_codes): a CSV
// printed later does not void a link already mailed, and each mailed link works until it expires.
export const invitationCodes = pgTable(
  'invitation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('invitation_codes_user_idx').on(t.userId)],
);
