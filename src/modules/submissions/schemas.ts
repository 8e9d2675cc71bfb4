import { z } from 'zod';
import { paginationQuery } from '../../http/pagination.js';

export const enrollmentLessonParams = z.strictObject({ id: z.uuid(), lessonId: z.uuid() });
export const idParams = z.strictObject({ id: z.uuid() });

export const TEXT_MAX_CHARS = 50_000;

/** A text hand-in (JSON); a file goes as multipart/form-data with one file field instead. */
export const textSubmission = z
  .strictObject({ text: z.string().trim().min(1).max(TEXT_MAX_CHARS) })
  .nullish()
  .describe('For a text hand-in. A file is sent as multipart/form-data with one file field instead.');

export const reviewInput = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('accept'),
    comment: z.string().trim().min(1).max(5000).optional(),
  }),
  z.strictObject({
    decision: z.literal('return'),
    comment: z.string().trim().min(1).max(5000).describe('What to change: the participant may hand in again'),
  }),
]);
export type ReviewInput = z.infer<typeof reviewInput>;

export const submissionStatuses = ['submitted', 'accepted', 'returned'] as const;

export const cohortListQuery = z.strictObject({
  status: z.enum(submissionStatuses).optional(),
  lessonId: z.uuid().optional(),
  ...paginationQuery,
});

export const submissionView = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  enrollmentId: z.uuid(),
  lessonId: z.uuid(),
  version: z.number().int().describe('1 for the first hand-in, then one more for each hand-in after a return'),
  participant: z.object({ id: z.uuid(), nip: z.string().nullable(), name: z.string() }),
  kind: z.enum(['file', 'text']),
  text: z.string().nullable(),
  file: z
    .object({
      name: z.string(),
      mediaType: z.string().describe('Recognized from the content'),
      size: z.number().int(),
      sha256: z.string(),
      url: z.string().describe('Download: GET, with the same authorization'),
    })
    .nullable(),
  status: z.enum(submissionStatuses),
  submittedAt: z.date(),
  reviewedAt: z.date().nullable(),
  reviewedBy: z.uuid().nullable(),
  reviewComment: z.string().nullable(),
});

export const submitted = submissionView.extend({
  lessonCompleted: z.boolean().describe('Whether the lesson is complete now (on submission, per its setting)'),
});
export const reviewed = submissionView.extend({
  lessonCompleted: z.boolean().describe('Whether the lesson is complete now (on acceptance, per its setting)'),
});

export const submissionList = z.object({ items: z.array(submissionView), nextCursor: z.string().nullable() });
