import { z } from 'zod';
import { nipField } from '../identity/schemas.js';

export const attendanceStatuses = ['present', 'late', 'excused', 'absent'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .describe('ISO 8601 with offset, e.g. 2024-11-12T08:00:00+07:00');
const jp = z.number().positive().max(100).multipleOf(0.25);

export const sessionInput = z.strictObject({
  title: text(300),
  startsAt: instant,
  endsAt: instant,
  jp,
  venue: text(500).nullable().optional().describe("Default: the phase's venue"),
  instructorIds: z.array(z.uuid()).max(20).default([]).describe('Users with the instructor role'),
});
export type SessionInput = z.infer<typeof sessionInput>;

export const sessionPatch = z.strictObject({
  title: text(300).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  jp: jp.optional(),
  venue: text(500).nullable().optional(),
  instructorIds: z.array(z.uuid()).max(20).optional().describe('Replaces the list'),
});
export type SessionPatch = z.infer<typeof sessionPatch>;

export const attendanceInput = z.strictObject({
  records: z
    .array(
      z
        .strictObject({
          enrollmentId: z.uuid().optional(),
          nip: nipField.optional(),
          status: z.enum(attendanceStatuses),
          note: text(1000).optional(),
        })
        .refine((r) => (r.enrollmentId === undefined) !== (r.nip === undefined), {
          message: 'validation.enrollmentOrNip',
        }),
    )
    .min(1)
    .max(5000),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

// ---- outputs ----

export const sessionView = z.object({
  id: z.uuid(),
  phaseId: z.uuid(),
  cohortId: z.uuid(),
  title: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  localDate: z.string().describe("The session's date in the cohort's time zone"),
  timeZone: z.string(),
  jp: z.number(),
  venue: z.string().nullable(),
  instructors: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const rosterView = z.object({
  session: sessionView,
  records: z.array(
    z.object({
      enrollmentId: z.uuid(),
      nip: z.string().nullable(),
      name: z.string(),
      status: z.enum(attendanceStatuses).nullable(),
      note: z.string().nullable(),
      recordedAt: z.date().nullable(),
      recordedBy: z.uuid().nullable(),
    }),
  ),
});

export const attendanceResult = z.object({
  sessionId: z.uuid(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  tally: z.object({
    present: z.number().int(),
    late: z.number().int(),
    excused: z.number().int(),
    absent: z.number().int(),
    unrecorded: z.number().int(),
  }),
});

export const absenceRuleView = z.object({
  maxJp: z.number(),
  maxDays: z.number().int(),
  countExcused: z.boolean(),
});

export const enrollmentAttendance = z.object({
  sessionsRecorded: z.number().int(),
  attendedJp: z.number(),
  absentJp: z.number(),
  absentDays: z.number().int(),
  limit: absenceRuleView.describe('Failing starts above these'),
  remainingJp: z.number(),
  remainingDays: z.number().int(),
  overLimit: z.boolean(),
  sessions: z.array(
    z.object({
      sessionId: z.uuid(),
      title: z.string(),
      startsAt: z.date(),
      jp: z.number(),
      status: z.enum(attendanceStatuses),
      note: z.string().nullable(),
    }),
  ),
});
