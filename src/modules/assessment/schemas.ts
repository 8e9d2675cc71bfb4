import { z } from 'zod';
import { nipField } from '../identity/schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const score = z.number().min(0).max(100).multipleOf(0.01);
export const failReasons = ['SCORE_BELOW_PASS_MARK', 'SCORE_MISSING', 'ABSENCE_OVER_LIMIT', 'ONLINE_JP_SHORT'] as const;

const component = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'validation.componentCode'),
  name: text(200),
  weight: z.number().positive().max(100).multipleOf(0.01),
  source: z
    .enum(['quiz', 'manual'])
    .describe('quiz: the average of the online post-tests; manual: scored by instructors'),
});
const band = z.strictObject({ label: text(100), minScore: score.describe('Lowest final score earning this label') });
const absence = z.strictObject({
  maxJp: z.number().min(0).max(1000).optional().describe('Failing starts above this many absent JP'),
  maxDays: z.number().int().min(0).max(365).optional().describe('…or above this many absent days'),
  countExcused: z.boolean().optional().describe('Whether excused absences count (default true)'),
});

export const schemeInput = z.strictObject({
  components: z.array(component).min(1).max(12).describe('Weights must sum to 100'),
  passMark: score.optional().describe('Default PASS_MARK (70.01)'),
  bands: z
    .array(band)
    .min(1)
    .max(10)
    .optional()
    .describe(
      'Default: the five predikat, the lowest passing one starting at the pass mark. Given bands must have one starting at the pass mark',
    ),
  absence: absence.optional().describe('Default ABSENCE_MAX_JP / ABSENCE_MAX_DAYS'),
  requireOnlineJp: z.boolean().default(true).describe('Fail those short of JP in any online phase'),
});
export type SchemeInput = z.infer<typeof schemeInput>;

export const scoreInput = z.strictObject({ score, note: text(1000).optional() });
export type ScoreInput = z.infer<typeof scoreInput>;

export const bulkScores = z.strictObject({
  scores: z
    .array(z.strictObject({ nip: nipField, score, note: text(1000).optional() }))
    .min(1)
    .max(5000),
});
export type BulkScores = z.infer<typeof bulkScores>;

// ---- outputs ----

const snapshotView = z.object({
  version: z.number().int(),
  components: z.array(component),
  passMark: z.number(),
  bands: z.array(band),
  absence: z.object({ maxJp: z.number(), maxDays: z.number().int(), countExcused: z.boolean() }),
  requireOnlineJp: z.boolean(),
});

export const schemeView = snapshotView.extend({
  cohortId: z.uuid(),
  updatedAt: z.date(),
  updatedBy: z.uuid().nullable(),
});

export const scoreView = z.object({
  enrollmentId: z.uuid(),
  component: z.string(),
  score: z.number(),
  note: z.string().nullable(),
  scoredBy: z.uuid().nullable(),
  scoredAt: z.date(),
});

export const runView = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  version: z.number().int(),
  final: z
    .boolean()
    .describe('Computed after every phase closed: sets passed/failed and backs certificates; otherwise a preview'),
  scheme: snapshotView,
  summary: z.record(z.string(), z.unknown()),
  computedAt: z.date(),
  computedBy: z.uuid().nullable(),
});

export const resultView = z.object({
  enrollmentId: z.uuid(),
  version: z.number().int(),
  final: z.boolean(),
  computedAt: z.date(),
  components: z.record(z.string(), z.number().nullable()),
  finalScore: z.number(),
  predikat: z.string(),
  passed: z.boolean(),
  reasons: z.array(z.string()),
  onlineJp: z.number(),
  classroomJp: z.number(),
  absentJp: z.number(),
  absentDays: z.number().int(),
});
