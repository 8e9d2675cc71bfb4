import { and, count, eq, inArray, sql, sum } from 'drizzle-orm';
import { csvDocument } from '../../csv.js';
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
import { Coalescer, type Pending } from './coalescer.js';
import {
  creditBatch,
  openForLearning,
  type CreditResult,
  type CreditRules,
  type IncomingEvent,
  type LessonInfo,
  type OnlinePhase,
} from './credit.js';
import { gradeAttempt } from './grading.js';
import { createPersonJp } from './person-jp.js';
import { paceOf, type Pace } from './pace.js';
import * as repo from './repo.js';
import { msg } from '../../i18n/index.js';
import { encodeCursor, page } from '../../http/pagination.js';
import type { PersonSearch } from '../identity/search.js';

interface ProgressRow {
  enrollmentId: string;
  status: string;
  participant: { id: string; nip: string | null; name: string; category: string | null; unit: string | null };
  onlineJp: number;
  requiredJp: number;
  completedLessons: number;
  requiredLessons: number;
  lastActivityAt: Date | null;
  pace: Pace;
}

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

type Catalog = Awaited<ReturnType<CurriculumService['catalog']>>;

// Batches computed from a clock another batch has just moved are computed again this often, then locked.
const OPTIMISTIC_ATTEMPTS = 2;
// Requests credited together in one round trip, and such rounds under way at once per process.
const CREDIT_BATCH_MAX = 200;
const CREDIT_BATCHES_IN_FLIGHT = 2;
const CATALOG_CACHE_SIZE = 200;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function createProgressService({
  db,
  pool,
  clock,
  curriculum,
  cohorts,
  directory,
  settings,
}: ProgressServiceDeps) {
  // Published versions never change, so their catalogs are kept; oldest dropped first.
  const catalogs = new Map<string, Promise<Catalog>>();
  function catalogOf(versionId: string): Promise<Catalog> {
    let entry = catalogs.get(versionId);
    if (!entry) {
      entry = curriculum.catalog(versionId);
      entry.catch(() => catalogs.delete(versionId));
      catalogs.set(versionId, entry);
      if (catalogs.size > CATALOG_CACHE_SIZE) catalogs.delete(catalogs.keys().next().value!);
    }
    return entry;
  }

  function onlinePhases(state: repo.EnrollmentCreditState): OnlinePhase[] {
    return state.phases.map((p) => ({
      id: p.id,
      state: p.state,
      openedAt: p.openedAt,
      closedAt: p.closedAt,
      extendedUntil: p.extendedUntil,
      remedialUntil: p.remedialUntil,
      requiredJp: p.requiredJp,
    }));
  }

  async function stateOr404(userId: string, enrollmentId: string) {
    const state = await repo.loadCreditState(pool, userId, enrollmentId);
    if (!state) throw new NotFoundError('Enrollment');
    return state;
  }

  function lessonStatesOf(state: repo.EnrollmentCreditState) {
    return new Map(
      state.lessons.map((l) => [
        l.lessonId,
        { creditedSeconds: l.creditedSeconds, completedAt: l.completedAt, completedBy: l.completedBy },
      ]),
    );
  }

  interface CreditRequest {
    enrollmentId: string;
    userId: string;
    events: IncomingEvent[];
    attempt: number;
  }
  interface CreditAnswer {
    results: CreditResult['outcomes'];
    creditedSeconds: number;
  }
  type Item = Pending<CreditRequest, CreditAnswer>;

  /**
   * Credits one enrollment's requests against its state, in order, as one write: the state each
   * request sees includes the ones before it.
   */
  async function creditEnrollment(state: repo.EnrollmentCreditState, requests: CreditRequest[], now: Date) {
    const catalog = await catalogOf(state.courseVersionId);
    const known = new Set(state.known);
    const lessonStates = lessonStatesOf(state);
    const combined: CreditResult = {
      outcomes: [],
      stored: [],
      lessonStates: new Map(),
      ledger: [],
      creditedUntil: state.creditedUntil,
      lastActivityAt: state.lastActivityAt,
      creditedSeconds: 0,
      phaseJp: state.phaseJp,
      daySeconds: state.daySeconds,
    };
    const answers = requests.map((request) => {
      const result = creditBatch({
        events: request.events,
        known,
        enrollmentActive: state.status === 'active' || state.status === 'remedial',
        creditedUntil: combined.creditedUntil,
        lastActivityAt: combined.lastActivityAt,
        lessonStates,
        lessons: catalog.lessons as Map<string, LessonInfo>,
        moduleJp: catalog.moduleJp,
        phases: onlinePhases(state),
        minutesPerJp: state.minutesPerJp,
        now,
        rules: settings.credit,
        notBefore: state.notBefore,
        timeZone: state.timeZone,
        phaseJp: combined.phaseJp,
        daySeconds: combined.daySeconds,
      });
      for (const e of request.events) known.add(e.clientEventId);
      for (const [id, lesson] of result.lessonStates) {
        lessonStates.set(id, lesson);
        combined.lessonStates.set(id, lesson);
      }
      combined.stored.push(...result.stored);
      combined.ledger.push(...result.ledger);
      combined.creditedUntil = result.creditedUntil;
      combined.lastActivityAt = result.lastActivityAt;
      combined.phaseJp = result.phaseJp;
      combined.daySeconds = result.daySeconds;
      combined.creditedSeconds += result.creditedSeconds;
      return { results: result.outcomes, creditedSeconds: result.creditedSeconds };
    });
    return { combined, answers };
  }

  /** One round for a batch of requests from many participants: one read, one guarded write. */
  async function creditMany(batch: Item[]): Promise<void> {
    const groups = new Map<string, Item[]>();
    for (const item of batch) {
      const key = `${item.input.enrollmentId}|${item.input.userId}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const states = await repo.loadCreditStates(
      pool,
      [...groups.values()].map((items) => ({
        enrollmentId: items[0]!.input.enrollmentId,
        userId: items[0]!.input.userId,
        clientIds: items.flatMap((i) => i.input.events.map((e) => e.clientEventId)),
      })),
    );
    const now = clock.now();
    const writes: Array<repo.CreditWrite & { items: Item[]; answers: CreditAnswer[] }> = [];
    for (const items of groups.values()) {
      const state = states.get(items[0]!.input.enrollmentId);
      if (!state || state.userId !== items[0]!.input.userId) {
        for (const item of items) item.reject(new NotFoundError('Enrollment'));
        continue;
      }
      const { combined, answers } = await creditEnrollment(
        state,
        items.map((i) => i.input),
        now,
      );
      if (combined.stored.length === 0) items.forEach((item, k) => item.resolve(answers[k]!));
      else
        writes.push({
          enrollmentId: state.enrollmentId,
          userId: state.userId,
          expectedVersion: state.version,
          result: combined,
          items,
          answers,
        });
    }
    const applied = writes.length > 0 ? await repo.writeCreditedBatches(pool, writes, now) : new Set<string>();
    for (const w of writes) {
      if (applied.has(w.enrollmentId)) {
        w.items.forEach((item, k) => item.resolve(w.answers[k]!));
        continue;
      }
      // Another batch moved this clock meanwhile: compute again, and under persistent contention
      // wait for the clock's row lock instead.
      for (const item of w.items) {
        const again =
          item.input.attempt < OPTIMISTIC_ATTEMPTS
            ? credit.submit({ ...item.input, attempt: item.input.attempt + 1 })
            : creditLocked(item.input);
        again.then(item.resolve, item.reject);
      }
    }
  }

  function creditLocked(request: CreditRequest): Promise<CreditAnswer> {
    return repo.inTransaction(pool, async (tx) => {
      await repo.lockCreditClock(tx, request.enrollmentId, clock.now());
      const state = await repo.loadCreditState(
        tx,
        request.userId,
        request.enrollmentId,
        request.events.map((e) => e.clientEventId),
      );
      if (!state) throw new NotFoundError('Enrollment');
      const now = clock.now();
      const { combined, answers } = await creditEnrollment(state, [request], now);
      if (combined.stored.length > 0) {
        const applied = await repo.writeCreditedBatches(
          tx,
          [
            {
              enrollmentId: state.enrollmentId,
              userId: state.userId,
              expectedVersion: state.version,
              result: combined,
            },
          ],
          now,
        );
        if (!applied.has(state.enrollmentId)) throw new Error('credit clock moved while locked');
      }
      return answers[0]!;
    });
  }

  const credit = new Coalescer<CreditRequest, CreditAnswer>(creditMany, {
    maxBatch: CREDIT_BATCH_MAX,
    maxInFlight: CREDIT_BATCHES_IN_FLIGHT,
  });

  type RosterRow = Awaited<ReturnType<CohortsService['rosterPage']>>['enrollments'][number];
  type RosterPhase = Awaited<ReturnType<CohortsService['rosterPage']>>['phases'][number];

  /** Online JP, required lessons done, last activity and pace of some enrollments of one cohort. */
  async function progressRows(courseVersionId: string, phases: RosterPhase[], enrollments: RosterRow[], now: Date) {
    const catalog = await catalogOf(courseVersionId);
    const required = [...catalog.lessons.values()].filter((l) => l.required).map((l) => l.id);
    const ids = enrollments.map((e) => e.enrollment.id);
    const online = phases.filter((p) => p.kind === 'online');
    const onlineIds = online.map((p) => p.id);
    const [credit, completed, activity] = await Promise.all([
      ids.length && onlineIds.length
        ? db
            .select({ id: jpLedger.enrollmentId, jp: sum(jpLedger.jp).mapWith(Number) })
            .from(jpLedger)
            .where(and(inArray(jpLedger.enrollmentId, ids), inArray(jpLedger.phaseId, onlineIds)))
            .groupBy(jpLedger.enrollmentId)
        : [],
      ids.length && required.length
        ? db
            .select({ id: lessonProgress.enrollmentId, n: count() })
            .from(lessonProgress)
            .where(
              and(
                inArray(lessonProgress.enrollmentId, ids),
                inArray(lessonProgress.lessonId, required),
                sql`${lessonProgress.completedAt} is not null`,
              ),
            )
            .groupBy(lessonProgress.enrollmentId)
        : [],
      repo.lastActivity(db, ids),
    ]);
    const jpBy = new Map(credit.map((c) => [c.id!, c.jp]));
    const doneBy = new Map(completed.map((c) => [c.id, c.n]));
    const requiredJp = online.reduce((a, p) => a + p.requiredJp, 0);
    return enrollments.map(({ enrollment, user }): ProgressRow => {
      const earned = round2(jpBy.get(enrollment.id) ?? 0);
      const lastActivityAt = activity.get(enrollment.id) ?? null;
      return {
        enrollmentId: enrollment.id,
        status: enrollment.status,
        participant: { id: user.id, nip: user.nip, name: user.name, category: user.category, unit: user.unit },
        onlineJp: earned,
        requiredJp,
        completedLessons: doneBy.get(enrollment.id) ?? 0,
        requiredLessons: required.length,
        lastActivityAt,
        pace: paceOf({
          earnedJp: earned,
          requiredJp,
          phases: online,
          lastActivityAt,
          now,
          inactiveDays: settings.paceInactiveDays,
          withdrawn: enrollment.status === 'withdrawn',
        }),
      };
    });
  }

  return {
    ...createPersonJp({ db, clock, cohorts, directory }),
    /**
     * A batch of a participant's events. Each is accepted (with the seconds it earned), a duplicate
     * of one already received, or rejected with a code; rejected events are stored too. The answer
     * comes after everything is committed.
     */
    recordEvents(actor: Actor, enrollmentId: string, events: IncomingEvent[]) {
      return credit.submit({ enrollmentId, userId: actor.userId!, events, attempt: 1 });
    },

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
        round2(ledger.filter(filter).reduce((a, r) => a + r.jp, 0));
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

    /**
     * Who is on track, who is behind, who is inactive, against the time elapsed in the online phase.
     * Found by NIP, name, unit and status in the database; pace is worked out here, so with a pace
     * filter the roster is read in batches until the page is full. Without a limit, every match.
     */
    async cohortProgress(
      actor: Actor,
      cohortId: string,
      filter: PersonSearch & {
        pace?: Pace | undefined;
        status?: string | undefined;
        limit?: number | undefined;
        cursor?: string | undefined;
      },
    ) {
      const wanted = filter.limit ?? Number.POSITIVE_INFINITY;
      const batch = Math.max(Number.isFinite(wanted) ? wanted + 1 : 1000, 200);
      const now = clock.now();
      const rows: Array<ProgressRow & { createdAt: Date; id: string }> = [];
      let cursor = filter.cursor;
      let cohortIdFound = cohortId;
      for (;;) {
        const { cohort, phases, enrollments } = await cohorts.rosterPage(actor, cohortId, {
          ...filter,
          limit: batch,
          cursor,
        });
        cohortIdFound = cohort.id;
        const taken = enrollments.slice(0, batch);
        const evaluated = await progressRows(cohort.courseVersionId, phases, taken, now);
        for (const [i, row] of evaluated.entries()) {
          if (filter.pace && row.pace !== filter.pace) continue;
          rows.push({ ...row, createdAt: taken[i]!.enrollment.createdAt, id: taken[i]!.enrollment.id });
        }
        const last = taken[taken.length - 1];
        if (enrollments.length <= batch || rows.length > wanted || !last) break;
        cursor = encodeCursor({ createdAt: last.enrollment.createdAt, id: last.enrollment.id });
      }
      const { items, nextCursor } = Number.isFinite(wanted) ? page(rows, wanted) : { items: rows, nextCursor: null };
      return {
        cohortId: cohortIdFound,
        asOf: now,
        items: items.map(({ createdAt: _c, id: _i, ...row }) => row),
        nextCursor,
      };
    },

    cohortProgressCsv(report: {
      items: Array<{
        participant: { nip: string | null; name: string; category: string | null; unit: string | null };
        status: string;
        onlineJp: number;
        requiredJp: number;
        completedLessons: number;
        requiredLessons: number;
        lastActivityAt: Date | null;
        pace: string;
      }>;
    }) {
      return csvDocument(
        [
          'NIP',
          'Nama',
          'Kategori',
          'Unit Kerja',
          'Status',
          'JP Daring',
          'JP Wajib',
          'Materi Selesai',
          'Materi Wajib',
          'Aktivitas Terakhir',
          'Kecepatan',
        ],
        report.items.map((r) => [
          r.participant.nip ?? '',
          r.participant.name,
          r.participant.category ?? '',
          r.participant.unit ?? '',
          r.status,
          r.onlineJp,
          r.requiredJp,
          r.completedLessons,
          r.requiredLessons,
          r.lastActivityAt?.toISOString() ?? '',
          r.pace,
        ]),
      );
    },

    /**
     * Warns about participants behind pace (or inactive) in online phases that close within the
     * next days: an outbox event each, once per participant per phase, for webhooks to carry.
     */
    async warnBehindPace(daysBeforeClose: number): Promise<number> {
      const now = clock.now();
      const horizon = new Date(now.getTime() + daysBeforeClose * 86_400_000);
      const closing = await db.execute<{ cohort_id: string; phase_id: string; org_id: string }>(sql`
        select p.cohort_id, p.id as phase_id, c.org_id from phases p join cohorts c on c.id = p.cohort_id
         where p.kind = 'online' and p.state <> 'closed'
           and p.opens_at <= ${now.toISOString()}::timestamptz
           and p.closes_at > ${now.toISOString()}::timestamptz and p.closes_at <= ${horizon.toISOString()}::timestamptz`);
      let warned = 0;
      for (const phase of closing.rows) {
        const actor: Actor = {
          userId: null,
          role: 'system',
          scope: { kind: 'org', orgId: phase.org_id },
          requestId: null,
        };
        const report = await this.cohortProgress(actor, phase.cohort_id, {});
        const late = report.items.filter((r) => r.pace === 'behind' || r.pace === 'inactive');
        if (late.length === 0) continue;
        const rows = await db.execute<{ n: number }>(sql`
          with fresh as (
            insert into pace_warnings (enrollment_id, phase_id, warned_at)
            select x.enrollment_id, ${phase.phase_id}::uuid, ${now.toISOString()}::timestamptz
              from jsonb_to_recordset(${JSON.stringify(late.map((r) => ({ enrollment_id: r.enrollmentId })))}::jsonb) as x(enrollment_id uuid)
            on conflict do nothing
            returning enrollment_id
          ),
          events as (
            insert into outbox (org_id, type, payload, created_at)
            select ${phase.org_id}::uuid, 'enrollment.behind_pace',
                   jsonb_build_object('enrollmentId', f.enrollment_id, 'cohortId', ${phase.cohort_id}::uuid, 'phaseId', ${phase.phase_id}::uuid,
                                      'pace', x.pace, 'onlineJp', x.online_jp, 'requiredJp', x.required_jp),
                   ${now.toISOString()}::timestamptz
              from fresh f
              join jsonb_to_recordset(${JSON.stringify(late.map((r) => ({ enrollment_id: r.enrollmentId, pace: r.pace, online_jp: r.onlineJp, required_jp: r.requiredJp })))}::jsonb)
                   as x(enrollment_id uuid, pace text, online_jp numeric, required_jp numeric) on x.enrollment_id = f.enrollment_id
            returning 1
          )
          select count(*)::int as n from events`);
        warned += rows.rows[0]?.n ?? 0;
      }
      return warned;
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
