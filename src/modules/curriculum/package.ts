import { z } from 'zod';

/**
 * A course package: one JSON document holding a course version's whole tree. It is the import and
 * export format, and the shape the publishing rules check. Field-level limits live here; rules
 * about the tree as a whole (every module has lessons, JP agrees with time, …) are in rules.ts and
 * apply when publishing, so a draft may be saved unfinished.
 */

export const PACKAGE_FORMAT = 'course-package/1';

const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Letters, digits, dot, dash and underscore, up to 64 characters');
const text = (max: number) => z.string().trim().min(1).max(max);

export const questionOption = z.strictObject({ key: z.string().trim().min(1).max(8), text: text(2000) });

export const questionInput = z.strictObject({
  kind: z.enum(['single', 'multiple']),
  prompt: text(4000),
  options: z.array(questionOption).min(1).max(12),
  correct: z.array(z.string().min(1).max(8)).max(12),
  points: z.number().positive().max(1000).default(1),
});

export const quizSettings = z.strictObject({
  passScore: z.number().min(0).max(100).describe('Percent of the points needed to pass'),
  attemptLimit: z.number().int().min(1).max(100),
  revealAnswers: z.enum(['never', 'after_attempt', 'after_pass']).default('after_pass'),
});

export const lessonKinds = ['video', 'reading', 'quiz', 'assignment'] as const;

export const submissionSettings = z
  .strictObject({
    accepts: z
      .enum(['file', 'text', 'file_or_text'])
      .default('file_or_text')
      .describe('A file (PDF, image, DOCX/XLSX/PPTX), a text, or either'),
    completesOn: z
      .enum(['acceptance', 'submission'])
      .default('acceptance')
      .describe('acceptance: the lesson completes when a reviewer accepts the work; submission: when it is handed in'),
  })
  .describe('Assignment lessons only: the participant hands work in, and instructors review it');

export const lessonFields = {
  code,
  kind: z.enum(lessonKinds),
  title: text(300),
  body: z.string().max(200_000).optional().describe('Markdown'),
  mediaUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  durationMinutes: z.number().int().min(1).max(10_000).describe('Typical learning time'),
  required: z.boolean().default(true),
  manualCompletion: z.boolean().default(false).describe('The participant may mark it done by hand'),
  submission: submissionSettings.optional(),
};

export const packageLesson = z.strictObject({
  ...lessonFields,
  quiz: quizSettings.extend({ questions: z.array(questionInput).max(500) }).optional(),
});

export const moduleFields = {
  code,
  agenda: text(300),
  title: text(300),
  jp: z
    .number()
    .min(0)
    .max(1000)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'At most two decimals'),
  jpFixed: z.boolean().default(false).describe('JP set by the curriculum, not derived from the lessons\u2019 time'),
};

export const packageModule = z.strictObject({
  ...moduleFields,
  lessons: z.array(packageLesson).max(500),
});

export const coursePackage = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  code,
  title: text(300),
  description: z.string().max(10_000).default(''),
  versionLabel: z.string().trim().min(1).max(100).optional(),
  modules: z.array(packageModule).max(500),
});

export type CoursePackage = z.infer<typeof coursePackage>;
export type PackageModule = z.infer<typeof packageModule>;
export type PackageLesson = z.infer<typeof packageLesson>;
export type PackageQuestion = z.infer<typeof questionInput>;
