import { z } from 'zod';
import { paginationQuery } from '../../http/pagination.js';
import { personSearchQuery } from '../identity/search.js';

const isoDate = z.iso.date();

export const progressEvent = z.strictObject({
  clientEventId: z
    .string()
    .min(1)
    .max(100)
    .describe('Unique per enrollment, made by the client: resending it changes nothing'),
  type: z.enum(['heartbeat', 'lesson_completed']),
  lessonId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  activeSeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(0)
    .describe('Heartbeat: active seconds since the previous heartbeat'),
});

export const progressBatch = z.strictObject({
  enrollmentId: z.uuid(),
  events: z.array(progressEvent).min(1).max(500),
});

export const eventResult = z.discriminatedUnion('status', [
  z.object({
    clientEventId: z.string(),
    status: z.literal('accepted'),
    creditedSeconds: z.number().int(),
    lessonCompleted: z.boolean(),
  }),
  z.object({ clientEventId: z.string(), status: z.literal('duplicate') }),
  z.object({
    clientEventId: z.string(),
    status: z.literal('rejected'),
    code: z.enum([
      'NOT_ENROLLED',
      'LESSON_NOT_IN_COURSE',
      'IMPLAUSIBLE',
      'PHASE_NOT_OPEN',
      'PHASE_CLOSED',
      'BEFORE_ENROLLMENT',
      'TOO_OLD',
      'MANUAL_COMPLETION_NOT_ALLOWED',
    ]),
    message: z.string(),
  }),
]);

export const batchResult = z.object({
  results: z.array(eventResult).describe('One per event, in the order sent'),
  creditedSeconds: z.number().int().describe('Seconds credited by this batch'),
});

export const quizAttemptBody = z.strictObject({
  enrollmentId: z.uuid(),
  answers: z
    .array(z.strictObject({ questionId: z.uuid(), selected: z.array(z.string().min(1).max(8)).max(12) }))
    .max(500),
});

export const quizAttemptResult = z.object({
  attemptNo: z.number().int(),
  score: z.number(),
  passed: z.boolean(),
  passScore: z.number(),
  bestScore: z.number(),
  attemptsLeft: z.number().int(),
  lessonCompleted: z.boolean(),
  questions: z.array(
    z.object({ questionId: z.uuid(), correct: z.boolean(), correctAnswers: z.array(z.string()).optional() }),
  ),
});

export const enrollmentProgress = z.object({
  enrollmentId: z.uuid(),
  onlineJp: z.number(),
  phases: z.array(z.object({ phaseId: z.uuid(), requiredJp: z.number(), earnedJp: z.number() })),
  modules: z.array(z.object({ moduleId: z.uuid(), jp: z.number(), earnedJp: z.number() })),
  lessons: z.array(
    z.object({
      lessonId: z.uuid(),
      state: z.enum(['not_started', 'in_progress', 'completed']),
      creditedSeconds: z.number().int(),
      typicalSeconds: z.number().int(),
      completedAt: z.date().nullable(),
      bestScore: z.number().nullable(),
      attempts: z.number().int(),
    }),
  ),
});

export const paces = ['on_track', 'behind', 'inactive', 'not_started', 'finished', 'withdrawn'] as const;

export const cohortProgressQuery = z.strictObject({
  limit: paginationQuery.limit.describe('Page size for JSON (default 50); a CSV holds every match'),
  cursor: paginationQuery.cursor,
  ...personSearchQuery,
  pace: z.enum(paces).optional(),
  status: z.enum(['active', 'remedial', 'passed', 'failed', 'withdrawn']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const cohortProgress = z.object({
  cohortId: z.uuid(),
  asOf: z.date(),
  items: z.array(
    z.object({
      enrollmentId: z.uuid(),
      status: z.string(),
      participant: z.object({
        id: z.uuid(),
        nip: z.string().nullable(),
        name: z.string(),
        category: z.string().nullable(),
        unit: z.string().nullable(),
      }),
      onlineJp: z.number(),
      requiredJp: z.number(),
      completedLessons: z.number().int(),
      requiredLessons: z.number().int(),
      lastActivityAt: z.date().nullable(),
      pace: z.enum(paces),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const annualJp = z.object({
  userId: z.uuid(),
  year: z.number().int(),
  scope: z
    .enum(['all', 'own'])
    .describe(
      'all: every organizer (the person, their home organization, platform admins); own: this organization\u2019s programs only',
    ),
  nipKind: z.enum(['pns', 'pppk']).nullable(),
  timeZone: z
    .string()
    .describe(
      'The home organization\u2019s zone; entries count in the year of their local date, where the learning happened',
    ),
  targetJp: z.number().describe('The home organization\u2019s yearly target for a PNS or a PPPK'),
  totalJp: z.number(),
  remainingJp: z.number(),
  programs: z.array(
    z.object({
      enrollmentId: z.uuid(),
      organizer: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      cohort: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      course: z.object({ code: z.string(), title: z.string() }),
      jp: z.number(),
    }),
  ),
  external: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      organizer: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      jp: z.number(),
    }),
  ),
  adjustmentsJp: z.number(),
});

export const externalTrainingBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  organizer: z.string().trim().min(1).max(300),
  startDate: isoDate,
  endDate: isoDate,
  jp: z.number().positive().max(1000),
  certificateNumber: z.string().trim().min(1).max(100).optional(),
});

export const externalTraining = externalTrainingBody.extend({ id: z.number().int(), userId: z.uuid() });

export const adjustmentBody = z.strictObject({
  jp: z
    .number()
    .min(-1000)
    .max(1000)
    .refine((v) => v !== 0, 'validation.adjustmentZero'),
  reason: z.string().trim().min(1).max(1000),
  phaseId: z.uuid().optional(),
  date: isoDate
    .optional()
    .describe(
      'The local day the JP were earned, within the program\u2019s dates (default: today); the year follows it',
    ),
});

export const adjustment = z.object({
  id: z.number().int(),
  enrollmentId: z.uuid(),
  jp: z.number(),
  reason: z.string(),
  phaseId: z.uuid().nullable(),
  date: z.string().describe('The local day the JP count for'),
  createdAt: z.date(),
});
