import { z } from 'zod';
import { nipField } from '../identity/schemas.js';
import { personSearchQuery } from '../identity/search.js';
import { isValidTimeZone } from '../../config.js';
import { pageSchema, paginationQuery } from '../../http/pagination.js';
import { enrollmentAttendance } from '../classroom/schemas.js';
import { enrollmentProgress } from '../progress/schemas.js';

export const idParams = z.strictObject({ id: z.uuid() });
export const enrollmentPhaseParams = z.strictObject({ id: z.uuid(), phaseId: z.uuid() });

const text = (max: number) => z.string().trim().min(1).max(max);
const timeZone = z.string().refine(isValidTimeZone, 'validation.timeZone');
// Calendar dates of programs: far enough either way for any real one, and every instant derived
// from them (the next local midnight) still fits a timestamp.
const isoDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'validation.dateRange');
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'validation.cohortCode');

export const cohortStatuses = ['draft', 'scheduled', 'running', 'completed', 'cancelled'] as const;
export const phaseKinds = ['online', 'classroom', 'field'] as const;
export const enrollmentStatuses = ['active', 'remedial', 'passed', 'failed', 'withdrawn'] as const;

// ---- inputs ----

export const cohortCreate = z.strictObject({
  orgId: z.uuid().optional(),
  courseId: z.uuid(),
  courseVersion: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Version number to pin; default: the latest published'),
  code,
  name: text(300),
  timeZone: timeZone.optional().describe("Default: the organization's"),
  capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
});

export const cohortUpdate = z.strictObject({
  name: text(300).optional(),
  capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  timeZone: timeZone.optional().describe('Only while no phase has opened; recomputes every instant'),
  status: z.enum(['cancelled']).optional(),
});

export const cohortListQuery = z.strictObject({
  ...paginationQuery,
  status: z.enum(cohortStatuses).optional(),
  courseId: z.uuid().optional(),
  from: isoDate.optional().describe('Cohorts whose dates reach this day or later'),
  to: isoDate.optional().describe('Cohorts whose dates begin on this day or earlier'),
});

// Dates and numbers are checked by the phase rules, so that every problem is reported at once.
export const phaseInput = z.strictObject({
  id: z.uuid().optional().describe('An existing phase; omit for a new one'),
  kind: z.enum(phaseKinds),
  name: text(200),
  startDate: z.string().max(10).describe('Local date YYYY-MM-DD, inclusive'),
  endDate: z.string().max(10).describe('Local date YYYY-MM-DD, inclusive'),
  requiredJp: z.number().default(0),
  venue: text(500).nullable().optional(),
  remedialDays: z
    .number()
    .int()
    .optional()
    .describe(
      'Online phases: days after closing for those who fell short. Default: unchanged for an existing phase, REMEDIAL_DAYS_DEFAULT (15) for a new online phase, 0 otherwise',
    ),
});

export const phasesBody = z.strictObject({ phases: z.array(phaseInput).max(20) });

const profile = {
  name: text(200),
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase())
    .optional(),
  position: text(200).optional(),
  unit: text(200).optional(),
  category: text(50).optional(),
  rank: text(100).optional(),
  birthPlace: text(100).optional(),
  birthDate: isoDate.optional(),
  instansi: text(200).optional().describe('The participant\u2019s employing agency (an organization code or name)'),
};

/** A participant's text fields with the JSON API's limits; an imported row must pass them too. */
export const participantProfile = z.object(profile);

export const enrollmentCreate = z.union([
  z.strictObject({ userId: z.uuid() }),
  z.strictObject({ nip: nipField, ...profile }),
  z
    .strictObject({ ...profile, email: profile.email.unwrap() })
    .describe('A participant without a NIP, known by email, where the organization allows it'),
]);

export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const enrollmentListQuery = z.strictObject({
  ...paginationQuery,
  ...personSearchQuery,
  status: z.enum(enrollmentStatuses).optional(),
});

export const withdrawBody = z.strictObject({ reason: text(1000) });
export const moveBody = z.strictObject({ cohortId: z.uuid(), reason: text(1000) });
export const extensionBody = z.strictObject({
  untilDate: isoDate.describe('Last local day the participant may still earn credit in this phase'),
  reason: text(1000),
});

// ---- outputs ----

export const phase = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(phaseKinds),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  opensAt: z.date(),
  closesAt: z.date(),
  requiredJp: z.number(),
  venue: z.string().nullable(),
  remedialDays: z.number().int(),
  state: z.enum(['pending', 'open', 'closed']),
  scheduleVersion: z.number().int(),
  round: z.number().int().describe('1, then one more for each reopening'),
});

export const cohort = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  capacity: z.number().int().nullable(),
  status: z.enum(cohortStatuses),
  pastProgram: z.boolean().describe('Recorded after the fact: the phase clock never acts on it'),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  courseVersion: z.object({ id: z.uuid(), number: z.number().int(), label: z.string().nullable() }),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  enrolled: z.number().int().describe('Enrollments that are not withdrawn'),
  phases: z.array(phase),
  currentPhaseId: z.uuid().nullable().describe('The phase whose dates include now'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const cohortList = pageSchema(cohort);

export const participantSummary = z.object({
  id: z.uuid(),
  nip: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string(),
  status: z.enum(['active', 'pending', 'disabled']),
  nipKind: z.enum(['pns', 'pppk']).nullable(),
  category: z.string().nullable(),
  unit: z.string().nullable(),
  position: z.string().nullable(),
  rank: z.string().nullable(),
  instansi: z.string().nullable(),
});

export const extension = z.object({ phaseId: z.uuid(), untilDate: z.string(), closesAt: z.date(), reason: z.string() });

export const enrollment = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  status: z.enum(enrollmentStatuses),
  enrolledAt: z.date(),
  withdrawnAt: z.date().nullable(),
  withdrawReason: z.string().nullable(),
  participant: participantSummary,
  extensions: z.array(extension),
});

export const enrollmentList = pageSchema(enrollment);

export const rosterFailure = z.object({ line: z.number().int(), nip: z.string().nullable(), reason: z.string() });

export const importSummary = z.object({
  dryRun: z.boolean(),
  counts: z.object({
    created: z.number().int().describe('New accounts, enrolled'),
    updated: z.number().int().describe('Existing accounts whose profile changed or who were newly enrolled'),
    unchanged: z.number().int(),
    failed: z.number().int(),
  }),
  failed: z.array(rosterFailure),
  ignoredColumns: z.array(z.string()),
  enrolled: z.number().int().describe('Enrollments of the cohort after the import (before, for a dry run)'),
});

// ---- participant views ----

export const myEnrollment = z.object({
  id: z.uuid(),
  status: z.enum(enrollmentStatuses),
  enrolledAt: z.date(),
  organizer: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).describe('The organization running it'),
  cohort: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    timeZone: z.string(),
    status: z.enum(cohortStatuses),
  }),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string(), versionNumber: z.number().int() }),
  phases: z.array(phase.extend({ closesAtForYou: z.date().describe('closesAt, or later with a personal extension') })),
  currentPhaseId: z.uuid().nullable(),
});

export const myEnrollmentDetail = myEnrollment.extend({
  progress: enrollmentProgress,
  attendance: enrollmentAttendance.describe('Classroom attendance and how close it is to the absence limit'),
  modules: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      agenda: z.string(),
      title: z.string(),
      jp: z.number(),
      lessons: z.array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          kind: z.enum(['video', 'reading', 'quiz', 'assignment']),
          title: z.string(),
          durationMinutes: z.number().int(),
          required: z.boolean(),
        }),
      ),
    }),
  ),
});

export type CohortCreate = z.infer<typeof cohortCreate>;
export type CohortUpdate = z.infer<typeof cohortUpdate>;
export type CohortListQuery = z.infer<typeof cohortListQuery>;
export type EnrollmentCreate = z.infer<typeof enrollmentCreate>;
