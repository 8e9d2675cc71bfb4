import { z } from 'zod';
import { pageSchema, paginationQuery } from '../../http/pagination.js';
import {
  coursePackage,
  lessonFields,
  lessonKinds,
  moduleFields,
  questionInput,
  questionOption,
  quizSettings,
} from './package.js';

export const idParams = z.strictObject({ id: z.uuid() });

// ---- inputs ----

const text = (max: number) => z.string().trim().min(1).max(max);

export const courseCreate = z.strictObject({
  orgId: z.uuid().optional(),
  code: moduleFields.code,
  title: text(300),
  description: z.string().max(10_000).optional(),
});

export const courseUpdate = z.strictObject({
  title: text(300).optional(),
  description: z.string().max(10_000).optional(),
});

export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const moduleCreate = z.strictObject(moduleFields);
export const moduleUpdate = z.strictObject(moduleFields).partial();

export const lessonCreate = z.strictObject({ ...lessonFields, quiz: quizSettings.optional() });
export const lessonUpdate = z
  .strictObject({
    ...lessonFields,
    body: lessonFields.body.unwrap().nullable(),
    mediaUrl: lessonFields.mediaUrl.unwrap().nullable(),
    quiz: quizSettings.nullable(),
    submission: lessonFields.submission.unwrap().nullable(),
  })
  .partial();

export const questionCreate = questionInput;
export const questionUpdate = questionInput.partial();

export const reorderBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });

export const importQuery = z.strictObject({
  orgId: z.uuid().optional(),
  publish: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const lessonViewQuery = z.strictObject({
  as: z.enum(['admin', 'participant']).default('admin').describe('`participant`: exactly what a participant receives'),
});

export const courseListQuery = z.strictObject({ ...paginationQuery });

// ---- outputs ----

export const versionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  label: z.string().nullable(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.date().nullable(),
});

export const course = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  versions: z.array(versionSummary),
});

export const courseList = pageSchema(course);

export const lessonSummary = z.object({
  id: z.uuid(),
  position: z.number().int(),
  code: z.string(),
  kind: z.enum(lessonKinds),
  title: z.string(),
  durationMinutes: z.number().int(),
  required: z.boolean(),
  manualCompletion: z.boolean(),
  questionCount: z.number().int(),
});

export const moduleView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  code: z.string(),
  agenda: z.string(),
  title: z.string(),
  jp: z.number(),
  jpFixed: z.boolean(),
  lessons: z.array(lessonSummary),
});

export const courseDetail = course.extend({
  version: versionSummary.extend({
    totalJp: z.number(),
    modules: z.array(moduleView),
  }),
});

const questionBase = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(['single', 'multiple']),
  prompt: z.string(),
  options: z.array(questionOption),
  points: z.number(),
});
export const adminQuestion = questionBase.extend({ correct: z.array(z.string()) });

const lessonBase = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  versionId: z.uuid(),
  versionStatus: z.enum(['draft', 'published']),
  moduleId: z.uuid(),
  position: z.number().int(),
  code: z.string(),
  kind: z.enum(lessonKinds),
  title: z.string(),
  body: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  durationMinutes: z.number().int(),
  required: z.boolean(),
  manualCompletion: z.boolean(),
  submission: lessonFields.submission.unwrap().nullable(),
});

export const adminLesson = lessonBase.extend({
  quiz: quizSettings.extend({ questions: z.array(adminQuestion) }).nullable(),
});

/** What a participant receives: the correct answers are not part of the shape at all. */
export const participantLesson = lessonBase.extend({
  quiz: quizSettings.extend({ questions: z.array(questionBase.strict()) }).nullable(),
});

export const lessonView = z.union([adminLesson, participantLesson]);

export const importResult = z.object({
  outcome: z.enum(['created', 'new_version', 'updated', 'unchanged']),
  courseId: z.uuid(),
  version: versionSummary,
});

export { coursePackage };
