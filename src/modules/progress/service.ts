import { and, count, eq, sql, sum } from 'drizzle-orm';
import type pg from 'pg';
import type { Clock } from '../../clock.js';
import { conflictOnUnique } from '../../db/errors.js';
import type { Db } from '../../db/index.js';
import { jpLedger, lessonProgress, quizAttempts, type QuizSettings } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { localDateOf, localMidnight } from '../cohorts/calendar.js';
import { recordAudit } from '../audit/record.js';
import type { CohortsService } from '../cohorts/service.js';
import type { CurriculumService } from '../curriculum/service.js';
import type { DirectoryService } from '../identity/directory-service.js';
import { cachedCatalogs } from './catalogs.js';
import { createCohortProgress } from './cohort-progress.js';
import { openForLearning, type CreditRules } from './credit.js';
import { gradeAttempt } from './grading.js';
import { createHeartbeatCredit, onlinePhases } from './heartbeat-credit.js';
import { createPersonJp } from './person-jp.js';
import * as repo from './repo.js';
import { msg } from '../../i18n/index.js';
import { roundJp } from './jp.js';

export interface ProgressServiceDeps {
  db: Db;
  /** The heartbeat path's statements go straight to the pool, as named (prepared) statements. */
  pool: pg.Pool;
  clock: Clock;
  curriculum: CurriculumService;
  cohorts: CohortsService;
  directory: DirectoryService;
  settings: { credit: CreditRules; paceInactiveDays: number };
}

export function createProgressService({
  db,
  pool,
  clock,
  curriculum,
  cohorts,
  directory,
  settings,
}: ProgressServiceDeps) {
  const catalogOf = cachedCatalogs(curriculum);

  async function stateOr404(userId: string, enrollmentId: string) {
    const state = await repo.loadCreditState(pool, userId, enrollmentId);
    if (!state) throw new NotFoundError('Enrollment');
    return state;
  }

  return {
    ...createPersonJp({ db, clock, cohorts, directory }),
    ...createHeartbeatCredit({ pool, clock, catalogOf, rules: settings.credit }),
    ...createCohortProgress({ db, clock, cohorts, catalogOf, paceInactiveDays: settings.paceInactiveDays }),

    /** Grades a quiz attempt on the server; the best score counts, and passing completes the lesson. */
    async submitQuizAttempt(
      actor: Actor,
      lessonId: string,
      enrollmentId: string,
      answers: Array<{ questionId: string; selected: string[] }>,
    ) {
      const state = await stateOr404(actor.userId!, enrollmentId);
      if (state.status !== 'active' && state.status !== 'remedial')
        throw new ConflictError('The enrollment is not active', 'NOT_ENROLLED');
      const catalog = await catalogOf(state.courseVersionId);
      const quiz = catalog.quizzes.get(lessonId);
      if (!catalog.lessons.has(lessonId)) throw new NotFoundError('Lesson');
      if (!quiz) throw new ConflictError('The lesson is not a quiz', 'NOT_A_QUIZ');
      const now = clock.now();
      if (!openForLearning(onlinePhases(state), now)) {
        throw new ConflictError('No online phase is open for this enrollment', 'PHASE_CLOSED').with(
          undefined,
          'PHASE_CLOSED.noOnline',
        );
      }
      const grade = gradeAttempt(quiz.questions, answers);
      if ('errors' in grade)
        throw new ValidationError('The answers do not fit the quiz', grade.errors, 'INVALID_ANSWERS');
      const passed = grade.score >= quiz.settings.passScore;

      return db
        .transaction(async (tx) => {
          const [{ n } = { n: 0 }] = await tx
            .select({ n: count() })
            .from(quizAttempts)
            .where(and(eq(quizAttempts.enrollmentId, enrollmentId), eq(quizAttempts.lessonId, lessonId)));
          if (n >= quiz.settings.attemptLimit) {
            throw new ConflictError(
              `All ${quiz.settings.attemptLimit} attempts are used`,
              'ATTEMPT_LIMIT_REACHED',
            ).with({ limit: quiz.settings.attemptLimit });
          }
          // The unique attempt number refuses a simultaneous attempt that would pass the limit.
          await tx.insert(quizAttempts).values({
            enrollmentId,
            lessonId,
            attemptNo: n + 1,
            answers,
            score: grade.score,
            passed,
            submittedAt: now,
          });
          const [row] = await tx
            .insert(lessonProgress)
            .values({
              enrollmentId,
              lessonId,
              attempts: 1,
              bestScore: grade.score,
              completedAt: passed ? now : null,
              completedBy: passed ? 'quiz' : null,
              lastEventAt: now,
            })
            .onConflictDoUpdate({
              target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
              set: {
                attempts: sql`${lessonProgress.attempts} + 1`,
                bestScore: sql`greatest(${lessonProgress.bestScore}, excluded.best_score)`,
                completedAt: sql`coalesce(${lessonProgress.completedAt}, excluded.completed_at)`,
                completedBy: sql`coalesce(${lessonProgress.completedBy}, excluded.completed_by)`,
              },
            })
            .returning();
          const reveal = revealAnswers(quiz.settings, passed);
          return {
            attemptNo: n + 1,
            score: grade.score,
            passed,
            passScore: quiz.settings.passScore,
            bestScore: row!.bestScore ?? grade.score,
            attemptsLeft: quiz.settings.attemptLimit - (n + 1),
            lessonCompleted: !!row!.completedAt,
            questions: grade.questions.map((q) => ({
              questionId: q.questionId,
              correct: q.correct,
              ...(reveal ? { correctAnswers: quiz.questions.find((x) => x.id === q.questionId)!.correct } : {}),
            })),
          };
        })
        .catch(
          conflictOnUnique({
            quiz_attempts_no_key: () =>
              new ConflictError('Another attempt was submitted at the same moment', 'ATTEMPT_CONFLICT'),
          }),
        );
    },

    /** JP earned against required, per phase, module and lesson: the participant's progress page. */
    async enrollmentProgress(userId: string, enrollmentId: string) {
      const state = await stateOr404(userId, enrollmentId);
      const catalog = await catalogOf(state.courseVersionId);
      const ledger = await db
        .select({ phaseId: jpLedger.phaseId, moduleId: jpLedger.moduleId, jp: sum(jpLedger.jp).mapWith(Number) })
        .from(jpLedger)
        .where(eq(jpLedger.enrollmentId, enrollmentId))
        .groupBy(jpLedger.phaseId, jpLedger.moduleId);
      const attempts = await db
        .select({
          lessonId: lessonProgress.lessonId,
          bestScore: lessonProgress.bestScore,
          attempts: lessonProgress.attempts,
        })
        .from(lessonProgress)
        .where(eq(lessonProgress.enrollmentId, enrollmentId));
      const byLesson = new Map(state.lessons.map((l) => [l.lessonId, l]));
      const quizState = new Map(attempts.map((a) => [a.lessonId, a]));
      const jpOf = (filter: (r: (typeof ledger)[number]) => boolean) =>
        roundJp(ledger.filter(filter).reduce((a, r) => a + r.jp, 0));
      const onlineIds = new Set(state.phases.map((p) => p.id));
      return {
        enrollmentId,
        onlineJp: jpOf((r) => !!r.phaseId && onlineIds.has(r.phaseId)),
        phases: state.phases.map((p) => ({
          phaseId: p.id,
          requiredJp: p.requiredJp,
          earnedJp: jpOf((r) => r.phaseId === p.id),
        })),
        modules: catalog.modules.map((m) => ({ moduleId: m.id, jp: m.jp, earnedJp: jpOf((r) => r.moduleId === m.id) })),
        lessons: [...catalog.lessons.values()].map((l) => {
          const s = byLesson.get(l.id);
          const q = quizState.get(l.id);
          return {
            lessonId: l.id,
            state: (s?.completedAt
              ? 'completed'
              : (s?.creditedSeconds ?? 0) > 0 || (q?.attempts ?? 0) > 0
                ? 'in_progress'
                : 'not_started') as 'completed' | 'in_progress' | 'not_started',
            creditedSeconds: s?.creditedSeconds ?? 0,
            typicalSeconds: l.durationSeconds,
            completedAt: s?.completedAt ?? null,
            bestScore: q?.bestScore ?? null,
            attempts: q?.attempts ?? 0,
          };
        }),
      };
    },

    /** An admin's correction of an enrollment's JP, up or down, with its reason: a ledger entry of its own. */
    async addAdjustment(
      actor: Actor,
      enrollmentId: string,
      input: { jp: number; reason: string; phaseId?: string | undefined; date?: string | undefined },
    ) {
      const { enrollment, cohort, userId } = await cohorts.enrollmentInScope(actor, enrollmentId);
      if (
        input.date &&
        !(cohort.startsOn && cohort.endsOn && cohort.startsOn <= input.date && input.date <= cohort.endsOn)
      ) {
        const span = cohort.startsOn ? `${cohort.startsOn} – ${cohort.endsOn}` : 'none yet';
        throw new AppError(422, 'DATE_OUTSIDE_PROGRAM', `The date must lie within the program's dates (${span})`, [
          { path: 'body.date', message: msg('field.notWithinProgram', { span }) },
        ]).with({ span });
      }
      return db.transaction(async (tx) => {
        const now = clock.now();
        const [row] = await tx
          .insert(jpLedger)
          .values({
            userId,
            enrollmentId: enrollment.id,
            phaseId: input.phaseId ?? null,
            source: 'adjustment',
            jp: input.jp,
            // Dated on the day the learning happened (e.g. a program recorded after the fact), else today.
            occurredAt: input.date ? localMidnight(input.date, cohort.timeZone) : now,
            localDate: input.date ?? localDateOf(now, cohort.timeZone),
            details: { reason: input.reason },
            createdBy: actor.userId,
            createdAt: now,
          })
          .returning();
        await recordAudit(tx, {
          orgId: cohort.orgId,
          actorId: actor.userId,
          action: 'jp.adjusted',
          entityType: 'enrollment',
          entityId: enrollment.id,
          data: { ...input },
          requestId: actor.requestId,
          at: now,
        });
        return {
          id: row!.id,
          enrollmentId: enrollment.id,
          jp: row!.jp,
          reason: input.reason,
          phaseId: row!.phaseId,
          date: row!.localDate,
          createdAt: row!.createdAt,
        };
      });
    },
  };
}

function revealAnswers(settings: QuizSettings, passed: boolean): boolean {
  if (settings.revealAnswers === 'after_attempt') return true;
  if (settings.revealAnswers === 'after_pass') return passed;
  return false;
}

export type ProgressService = ReturnType<typeof createProgressService>;
