import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { conflictOnUnique } from '../../db/errors.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { outbox, storedFiles, submissions, type Cohort, type Lesson } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../http/errors.js';
import { encodeCursor } from '../../http/pagination.js';
import { recordAudit } from '../audit/record.js';
import { completeLesson } from '../progress/completion.js';
import { ACCEPTED_KINDS, meter, recognizeFile } from './file-kind.js';
import * as repo from './repo.js';
import type { ReviewInput } from './schemas.js';
import type { FileStores } from './storage/index.js';
import { msg } from '../../i18n/index.js';

export interface SubmissionsServiceDeps {
  db: Db;
  clock: Clock;
  files: FileStores;
  settings: { submissionMaxBytes: number };
}

export interface IncomingFile {
  /** The name the client gave: kept for the download, never used to decide the type. */
  filename: string;
  stream: AsyncIterable<Buffer>;
}

type Detail = repo.SubmissionDetail;
type Place = { cohort: Cohort; lesson: Lesson & { submission: NonNullable<Lesson['submission']> } };

const STAFF = new Set(['platform_admin', 'org_admin', 'instructor']);

export function view(d: Detail) {
  const s = d.submission;
  return {
    id: s.id,
    cohortId: s.cohortId,
    enrollmentId: s.enrollmentId,
    lessonId: s.lessonId,
    version: s.version,
    participant: d.participant,
    kind: (s.fileId ? 'file' : 'text') as 'file' | 'text',
    text: s.text,
    file: d.file
      ? {
          name: d.file.fileName,
          mediaType: d.file.mediaType,
          size: d.file.size,
          sha256: d.file.sha256,
          url: `/v1/submissions/${s.id}/file`,
        }
      : null,
    status: s.status,
    submittedAt: s.submittedAt,
    reviewedAt: s.reviewedAt,
    reviewedBy: s.reviewedBy,
    reviewComment: s.reviewComment,
  };
}

/** A file name safe to keep and to send back in a header: no paths, no control characters. */
function cleanName(name: string, kind: keyof typeof ACCEPTED_KINDS): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c >= ' ' && c !== '\u007f' && c !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return clean || `berkas.${kind}`;
}

/**
 * Work handed in for assignment lessons: a file (recognized by content, streamed to storage) or a
 * text; reviewed by the cohort's instructors and org admins, who accept it or return it with a
 * comment. The lesson completes on acceptance, or on submission, as the lesson says.
 */
export function createSubmissionsService({ db, clock, files, settings }: SubmissionsServiceDeps) {
  async function audit(tx: DbExecutor, actor: Actor, orgId: string, action: string, id: string, data: object) {
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      action,
      entityType: 'submission',
      entityId: id,
      data: data as Record<string, unknown>,
      requestId: actor.requestId,
      at: clock.now(),
    });
  }

  /** Everything that must hold before any byte is stored: whose enrollment, which lesson, when. */
  async function placeFor(actor: Actor, enrollmentId: string, lessonId: string, kind: 'file' | 'text') {
    const found = await repo.ownEnrollment(db, actor.userId!, enrollmentId);
    if (!found) throw new NotFoundError('Enrollment');
    const { enrollment, cohort } = found;
    const lesson = await repo.lessonOfVersion(db, lessonId, cohort.courseVersionId);
    if (!lesson) throw new NotFoundError('Lesson');
    if (lesson.kind !== 'assignment' || !lesson.submission)
      throw new ConflictError('This lesson takes no submissions', 'SUBMISSIONS_NOT_TAKEN');
    const { accepts } = lesson.submission;
    if (accepts !== 'file_or_text' && accepts !== kind)
      throw new AppError(
        422,
        'SUBMISSION_KIND_REFUSED',
        accepts === 'file' ? 'This assignment takes a file, not a text' : 'This assignment takes a text, not a file',
      ).with({ accepts: msg(accepts === 'file' ? 'SUBMISSION_KIND_REFUSED.file' : 'SUBMISSION_KIND_REFUSED.text') });
    if (enrollment.status !== 'active' && enrollment.status !== 'remedial')
      throw new ConflictError('The enrollment is not active', 'NOT_ENROLLED');
    const window = await repo.submissionWindow(db, enrollment.id, cohort.id, clock.now());
    if (window === 'not_yet')
      throw new ConflictError('No phase of the cohort is open now', 'PHASE_NOT_OPEN').with(
        undefined,
        'PHASE_NOT_OPEN.noneOpen',
      );
    if (window === 'closed')
      throw new ConflictError(
        'The cohort\u2019s phases are closed, and no remedial window is open',
        'PHASE_CLOSED',
      ).with(undefined, 'PHASE_CLOSED.noRemedial');
    assertMayHandIn(await repo.latestSubmission(db, enrollment.id, lesson.id));
    return { cohort, lesson: lesson as Place['lesson'] };
  }

  function assertMayHandIn(latest: Awaited<ReturnType<typeof repo.latestSubmission>>) {
    if (latest?.status === 'submitted')
      throw new ConflictError('The last hand-in waits for review', 'SUBMISSION_UNDER_REVIEW');
    if (latest?.status === 'accepted')
      throw new ConflictError('The work was accepted; nothing more to hand in', 'SUBMISSION_ACCEPTED');
  }

  /** The new version, its completion, audit and event: one transaction. */
  async function record(
    tx: DbExecutor,
    actor: Actor,
    enrollmentId: string,
    place: Place,
    content: { fileId: string; text?: undefined } | { text: string; fileId?: undefined },
  ) {
    const { cohort, lesson } = place;
    await repo.lockEnrollment(tx, enrollmentId);
    const latest = await repo.latestSubmission(tx, enrollmentId, lesson.id);
    assertMayHandIn(latest);
    const now = clock.now();
    const [saved] = await tx
      .insert(submissions)
      .values({
        orgId: cohort.orgId,
        cohortId: cohort.id,
        enrollmentId,
        lessonId: lesson.id,
        version: (latest?.version ?? 0) + 1,
        fileId: content.fileId ?? null,
        text: content.text ?? null,
        submittedAt: now,
        submittedBy: actor.userId!,
      })
      .returning();
    const completion =
      lesson.submission.completesOn === 'submission'
        ? await completeLesson(tx, { enrollmentId, lessonId: lesson.id, at: now, by: 'submission' })
        : undefined;
    const event = {
      submissionId: saved!.id,
      cohortId: cohort.id,
      cohortCode: cohort.code,
      enrollmentId,
      lessonId: lesson.id,
      version: saved!.version,
      kind: content.fileId ? 'file' : 'text',
    };
    await tx.insert(outbox).values({ orgId: cohort.orgId, type: 'submission.created', payload: event, createdAt: now });
    await audit(tx, actor, cohort.orgId, 'submission.created', saved!.id, event);
    return { id: saved!.id, lessonCompleted: !!completion };
  }

  const conflictFrom = conflictOnUnique({
    submissions_version_key: () =>
      new ConflictError('Another hand-in arrived at the same moment', 'SUBMISSION_UNDER_REVIEW').with(
        undefined,
        'SUBMISSION_UNDER_REVIEW.simultaneous',
      ),
  });

  /** Who may read a submission: its participant, and the staff of its cohort; 404 for anyone else. */
  async function readable(actor: Actor, id: string) {
    const found = await repo.findSubmission(db, id);
    if (!found) throw new NotFoundError('Submission');
    if (found.ownerId === actor.userId) return found;
    await assertStaffOf(actor, found.submission.orgId, found.submission.cohortId);
    return found;
  }

  /** Org admins and platform admins of the cohort's organization; instructors who teach one of its sessions. */
  async function assertStaffOf(actor: Actor, orgId: string, cohortId: string) {
    if (!STAFF.has(actor.role) || (actor.scope.kind === 'org' && actor.scope.orgId !== orgId))
      throw new NotFoundError('Submission');
    if (actor.role === 'instructor' && !(await repo.teaches(db, actor.userId!, cohortId)))
      throw new ForbiddenError('You teach no session of this cohort', 'NOT_COHORT_INSTRUCTOR');
  }

  async function detailOf(id: string) {
    return view((await repo.findSubmission(db, id))!);
  }

  return {
    async submitText(actor: Actor, enrollmentId: string, lessonId: string, text: string) {
      const place = await placeFor(actor, enrollmentId, lessonId, 'text');
      const done = await db.transaction((tx) => record(tx, actor, enrollmentId, place, { text })).catch(conflictFrom);
      return { ...(await detailOf(done.id)), lessonCompleted: done.lessonCompleted };
    },

    /**
     * Streams the file to storage (refused past SUBMISSION_MAX_BYTES as it arrives), recognizes its
     * kind from the stored bytes, and records it; a refused file leaves nothing behind.
     */
    async submitFile(actor: Actor, enrollmentId: string, lessonId: string, file: IncomingFile) {
      const place = await placeFor(actor, enrollmentId, lessonId, 'file');
      const storage = files.current;
      const metered = meter(file.stream, settings.submissionMaxBytes);
      const { key } = await storage.write(metered.chunks);
      try {
        const { size, sha256, head } = metered.summary();
        const kind = await recognizeFile(head, size, (start, end) => storage.readRange(key, start, end));
        const done = await db
          .transaction(async (tx) => {
            const [stored] = await tx
              .insert(storedFiles)
              .values({
                orgId: place.cohort.orgId,
                backend: storage.backend,
                key,
                size,
                sha256,
                mediaType: ACCEPTED_KINDS[kind],
                fileName: cleanName(file.filename, kind),
                createdAt: clock.now(),
              })
              .returning({ id: storedFiles.id });
            return record(tx, actor, enrollmentId, place, { fileId: stored!.id });
          })
          .catch(conflictFrom);
        return { ...(await detailOf(done.id)), lessonCompleted: done.lessonCompleted };
      } catch (error) {
        await storage.remove(key);
        throw error;
      }
    },

    /** Every version handed in for one lesson of an enrollment, oldest first. */
    async listForLesson(actor: Actor, enrollmentId: string, lessonId: string) {
      const found = await repo.enrollmentWithCohort(db, enrollmentId);
      if (!found) throw new NotFoundError('Enrollment');
      if (found.enrollment.userId !== actor.userId) {
        if (!STAFF.has(actor.role) || (actor.scope.kind === 'org' && actor.scope.orgId !== found.cohort.orgId))
          throw new NotFoundError('Enrollment');
        await assertStaffOf(actor, found.cohort.orgId, found.cohort.id);
      }
      return (await repo.submissionsOf(db, enrollmentId, lessonId)).map(view);
    },

    async get(actor: Actor, id: string) {
      return view(await readable(actor, id));
    },

    /** The file, streamed from wherever it was stored. */
    async download(
      actor: Actor,
      id: string,
    ): Promise<{ stream: Readable; name: string; mediaType: string; size: number }> {
      const found = await readable(actor, id);
      if (!found.file) throw new NotFoundError('File of this submission');
      const { file } = found;
      return {
        stream: files.of(file.backend).read(file.key),
        name: file.fileName,
        mediaType: file.mediaType,
        size: file.size,
      };
    },

    /** The review queue of a cohort, for its staff: oldest first, by status and lesson. */
    async listForCohort(
      actor: Actor,
      cohortId: string,
      query: {
        status?: 'submitted' | 'accepted' | 'returned' | undefined;
        lessonId?: string | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ) {
      const found = await repo.cohortInScope(db, cohortId, actor.scope);
      if (!found) throw new NotFoundError('Cohort');
      await assertStaffOf(actor, found.orgId, found.id);
      const rows = await repo.cohortSubmissions(db, found.id, query, query.limit, query.cursor);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map(view),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ createdAt: last.submission.submittedAt, id: last.submission.id })
            : null,
      };
    },

    /** Accept, or return with a comment; the decision is final for this version. */
    async review(actor: Actor, id: string, input: ReviewInput) {
      const done = await db.transaction(async (tx) => {
        const found = await repo.findSubmission(tx, id, true);
        if (!found) throw new NotFoundError('Submission');
        const s = found.submission;
        await assertStaffOf(actor, s.orgId, s.cohortId);
        if (s.status !== 'submitted')
          throw new ConflictError(`This hand-in was already ${s.status}`, 'SUBMISSION_ALREADY_REVIEWED').with({
            status: s.status,
          });
        if (found.enrollmentStatus === 'withdrawn')
          throw new ConflictError('This enrollment was withdrawn', 'ENROLLMENT_WITHDRAWN');
        const now = clock.now();
        const status = input.decision === 'accept' ? 'accepted' : 'returned';
        await tx
          .update(submissions)
          .set({ status, reviewedAt: now, reviewedBy: actor.userId, reviewComment: input.comment ?? null })
          .where(eq(submissions.id, s.id));
        const setting = (await repo.lessonById(tx, s.lessonId))!.submission;
        const completed =
          status === 'accepted' && setting?.completesOn === 'acceptance'
            ? !!(await completeLesson(tx, {
                enrollmentId: s.enrollmentId,
                lessonId: s.lessonId,
                at: now,
                by: 'review',
              }))
            : await repo.lessonCompleted(tx, s.enrollmentId, s.lessonId);
        const event = {
          submissionId: s.id,
          cohortId: s.cohortId,
          enrollmentId: s.enrollmentId,
          lessonId: s.lessonId,
          version: s.version,
          decision: input.decision,
          comment: input.comment ?? null,
        };
        await tx.insert(outbox).values({ orgId: s.orgId, type: 'submission.reviewed', payload: event, createdAt: now });
        await audit(tx, actor, s.orgId, 'submission.reviewed', s.id, event);
        return completed;
      });
      return { ...(await detailOf(id)), lessonCompleted: done };
    },
  };
}

export type SubmissionsService = ReturnType<typeof createSubmissionsService>;
