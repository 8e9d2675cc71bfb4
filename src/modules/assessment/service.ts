import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import {
  assessmentSchemes,
  classSessions,
  enrollments,
  outbox,
  phases,
  resultRuns,
  results,
  scores,
  sessionInstructors,
  users,
  type AbsenceRule,
  type Cohort,
  type SchemeSnapshot,
} from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, type FieldError } from '../../http/errors.js';
import { ownDataScope } from '../../http/tenancy.js';
import { cohortAuditor } from '../audit/record.js';
import { absenceSummaries } from '../classroom/attendance.js';
import type { CohortsService } from '../cohorts/service.js';
import { bandsForPassMark, evaluate, schemeProblems } from './scoring.js';
import type { BulkScores, SchemeInput, ScoreInput } from './schemas.js';
import { msg } from '../../i18n/index.js';

export interface AssessmentServiceDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  settings: { assessmentDefaults: { absenceMaxJp: number; absenceMaxDays: number; passMark: number } };
}

type Scheme = typeof assessmentSchemes.$inferSelect;

const snapshot = (s: Scheme): SchemeSnapshot => ({
  version: s.version,
  components: s.components,
  passMark: s.passMark,
  bands: s.bands,
  absence: s.absence,
  requireOnlineJp: s.requireOnlineJp,
});

/**
 * Weighted evaluation: a cohort's scheme (components and weights, pass mark, predikat bands,
 * absence rule), the scores instructors give, and result runs that apply the scheme to everyone.
 * Each run is a new version with a copy of the scheme it used, so a result can always be explained.
 */
export function createAssessmentService({ db, clock, cohorts, settings }: AssessmentServiceDeps) {
  const defaults = settings.assessmentDefaults;
  const defaultAbsence: AbsenceRule = {
    maxJp: defaults.absenceMaxJp,
    maxDays: defaults.absenceMaxDays,
    countExcused: true,
  };

  const audit = cohortAuditor(clock);

  async function schemeOf(tx: DbExecutor, cohortId: string): Promise<Scheme | undefined> {
    const [scheme] = await tx.select().from(assessmentSchemes).where(eq(assessmentSchemes.cohortId, cohortId));
    return scheme;
  }

  async function schemeOr409(tx: DbExecutor, cohortId: string): Promise<Scheme> {
    const scheme = await schemeOf(tx, cohortId);
    if (!scheme)
      throw new ConflictError(
        'This cohort has no assessment scheme yet: PUT /v1/cohorts/{id}/assessment-scheme first',
        'ASSESSMENT_SCHEME_NOT_SET',
      );
    return scheme;
  }

  /** Instructors may score only in cohorts where they teach a session; admins anywhere in scope. */
  async function assertMayScore(tx: DbExecutor, actor: Actor, cohortId: string) {
    if (actor.role !== 'instructor') return;
    const [teaches] = await tx
      .select({ one: sql`1` })
      .from(sessionInstructors)
      .innerJoin(classSessions, eq(classSessions.id, sessionInstructors.sessionId))
      .where(and(eq(classSessions.cohortId, cohortId), eq(sessionInstructors.userId, actor.userId!)))
      .limit(1);
    if (!teaches) throw new ForbiddenError('You teach no session of this cohort', 'NOT_COHORT_INSTRUCTOR');
  }

  function manualComponent(scheme: Scheme, code: string) {
    const component = scheme.components.find((c) => c.code === code);
    if (!component) throw new NotFoundError('Component', 'COMPONENT_NOT_FOUND').with({ component: code });
    if (component.source !== 'manual')
      throw new AppError(
        422,
        'COMPONENT_NOT_MANUAL',
        `"${code}" is computed from the online post-tests; it cannot be scored by hand`,
      ).with({ component: code });
    return component;
  }

  async function writeScores(
    tx: DbExecutor,
    actor: Actor,
    cohort: Cohort,
    component: string,
    rows: Array<{ enrollmentId: string; score: number; note?: string }>,
  ) {
    const now = clock.now();
    await tx
      .insert(scores)
      .values(
        rows.map((r) => ({
          enrollmentId: r.enrollmentId,
          component,
          score: r.score,
          note: r.note ?? null,
          scoredBy: actor.userId,
          scoredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [scores.enrollmentId, scores.component],
        set: {
          score: sql`excluded.score`,
          note: sql`excluded.note`,
          scoredBy: sql`excluded.scored_by`,
          scoredAt: sql`excluded.scored_at`,
        },
      });
    await audit(tx, actor, cohort, 'scores.recorded', {
      component,
      scores: rows.map((r) => ({ enrollmentId: r.enrollmentId, score: r.score })),
    });
  }

  /** What each enrollment brings to the evaluation: scores, online JP against each online phase, absence. */
  async function inputsOf(tx: DbExecutor, cohort: Cohort, scheme: Scheme) {
    const members = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.cohortId, cohort.id), ne(enrollments.status, 'withdrawn')));
    const ids = members.map((m) => m.id);
    const online = (await tx.select().from(phases).where(eq(phases.cohortId, cohort.id))).filter(
      (p) => p.kind === 'online',
    );
    // One statement at a time: a transaction is one connection.
    const quiz = await tx.execute<{ enrollment_id: string; average: string | null }>(sql`
      select e.id as enrollment_id, avg(coalesce(lp.best_score, 0)) as average
        from enrollments e
        join lessons l on l.version_id = ${cohort.courseVersionId}::uuid and l.kind = 'quiz'
        left join lesson_progress lp on lp.enrollment_id = e.id and lp.lesson_id = l.id
       where e.cohort_id = ${cohort.id}::uuid
       group by e.id`);
    const manual = await tx
      .select({ enrollmentId: scores.enrollmentId, component: scores.component, score: scores.score })
      .from(scores)
      .innerJoin(enrollments, eq(enrollments.id, scores.enrollmentId))
      .where(eq(enrollments.cohortId, cohort.id));
    const jp = await tx.execute<{ enrollment_id: string; phase_id: string | null; source: string; jp: string }>(sql`
      select j.enrollment_id, j.phase_id, j.source, sum(j.jp) as jp
        from jp_ledger j join enrollments e on e.id = j.enrollment_id
       where e.cohort_id = ${cohort.id}::uuid
       group by j.enrollment_id, j.phase_id, j.source`);
    const absence = await absenceSummaries(tx, cohort, scheme.absence);
    const quizAverage = new Map(quiz.rows.map((r) => [r.enrollment_id, r.average === null ? null : Number(r.average)]));
    const manualScore = new Map(manual.map((m) => [`${m.enrollmentId}/${m.component}`, m.score]));
    const ledger = new Map<string, typeof jp.rows>();
    for (const r of jp.rows) ledger.set(r.enrollment_id, [...(ledger.get(r.enrollment_id) ?? []), r]);
    const onlineIds = new Set(online.map((p) => p.id));
    return ids.map((id) => {
      const mine = ledger.get(id) ?? [];
      const earned = (phaseId: string) =>
        mine.filter((r) => r.phase_id === phaseId).reduce((sum, r) => sum + Number(r.jp), 0);
      const scored: Record<string, number | null> = {};
      for (const c of scheme.components) {
        const value = c.source === 'quiz' ? quizAverage.get(id) : manualScore.get(`${id}/${c.code}`);
        scored[c.code] = value === undefined || value === null ? null : Math.round(value * 100) / 100;
      }
      return {
        enrollmentId: id,
        scores: scored,
        onlineJp: mine.filter((r) => r.phase_id && onlineIds.has(r.phase_id)).reduce((s, r) => s + Number(r.jp), 0),
        onlineJpShort: online.some((p) => earned(p.id) + 1e-9 < p.requiredJp),
        classroomJp: mine.filter((r) => r.source === 'session').reduce((s, r) => s + Number(r.jp), 0),
        absence: absence.get(id) ?? { absentJp: 0, absentDays: 0 },
      };
    });
  }

  function schemeView(s: Scheme) {
    return { cohortId: s.cohortId, ...snapshot(s), updatedAt: s.updatedAt, updatedBy: s.updatedBy };
  }

  function runView(run: typeof resultRuns.$inferSelect) {
    return {
      id: run.id,
      cohortId: run.cohortId,
      version: run.version,
      final: run.final,
      scheme: run.scheme,
      summary: run.summary,
      computedAt: run.computedAt,
      computedBy: run.computedBy,
    };
  }

  return {
    /** The absence rule in force for a cohort: its scheme's, or the configured default. */
    async absenceRuleOf(cohortId: string): Promise<AbsenceRule> {
      return (await schemeOf(db, cohortId))?.absence ?? defaultAbsence;
    },

    async getScheme(actor: Actor, cohortId: string) {
      const cohort = await cohorts.cohortInScope(db, actor, cohortId);
      return schemeView(await schemeOr409(db, cohort.id));
    },

    async putScheme(actor: Actor, cohortId: string, input: SchemeInput) {
      const passMark = input.passMark ?? defaults.passMark;
      // Without bands of its own, a scheme's predikat follow its pass mark; given bands must agree with it.
      const bands = input.bands ?? bandsForPassMark(passMark);
      const problems: FieldError[] = schemeProblems({ components: input.components, bands, passMark });
      if (problems.length > 0)
        throw new AppError(
          422,
          'SCHEME_INVALID',
          `The assessment scheme is not valid: ${problems.length} problem(s)`,
          problems,
        ).with({ count: problems.length });
      return db.transaction(async (tx) => {
        const cohort = await cohorts.cohortInScope(tx, actor, cohortId, true);
        const current = await schemeOf(tx, cohort.id);
        const values = {
          components: input.components,
          passMark,
          bands: [...bands].sort((a, b) => b.minScore - a.minScore),
          absence: { ...defaultAbsence, ...input.absence },
          requireOnlineJp: input.requireOnlineJp,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        };
        const [saved] = await tx
          .insert(assessmentSchemes)
          .values({ cohortId: cohort.id, version: (current?.version ?? 0) + 1, ...values })
          .onConflictDoUpdate({
            target: assessmentSchemes.cohortId,
            set: { ...values, version: sql`${assessmentSchemes.version} + 1` },
          })
          .returning();
        await audit(tx, actor, cohort, 'assessment_scheme.set', { version: saved!.version, ...values });
        return schemeView(saved!);
      });
    },

    async setScore(actor: Actor, enrollmentId: string, component: string, input: ScoreInput) {
      const { enrollment, cohort } = await cohorts.enrollmentInScope(actor, enrollmentId);
      return db.transaction(async (tx) => {
        await assertMayScore(tx, actor, cohort.id);
        manualComponent(await schemeOr409(tx, cohort.id), component);
        if (enrollment.status === 'withdrawn')
          throw new ConflictError('This enrollment was withdrawn', 'ENROLLMENT_WITHDRAWN');
        await writeScores(tx, actor, cohort, component, [{ enrollmentId, ...input }]);
        const [saved] = await tx
          .select()
          .from(scores)
          .where(and(eq(scores.enrollmentId, enrollmentId), eq(scores.component, component)));
        return saved!;
      });
    },

    /** Scores for one component by NIP: all of them or, when any line is wrong, none. */
    async setScores(actor: Actor, cohortId: string, component: string, input: BulkScores) {
      return db.transaction(async (tx) => {
        const cohort = await cohorts.cohortInScope(tx, actor, cohortId);
        await assertMayScore(tx, actor, cohort.id);
        manualComponent(await schemeOr409(tx, cohort.id), component);
        const nips = input.scores.map((s) => s.nip);
        const found = await tx
          .select({ id: enrollments.id, status: enrollments.status, nip: users.nip })
          .from(enrollments)
          .innerJoin(users, eq(users.id, enrollments.userId))
          .where(and(eq(enrollments.cohortId, cohort.id), inArray(users.nip, nips)));
        const byNip = new Map(found.map((f) => [f.nip!, f]));
        const problems: FieldError[] = [];
        const seen = new Set<string>();
        input.scores.forEach((s, i) => {
          const e = byNip.get(s.nip);
          if (!e) problems.push({ path: `body.scores[${i}].nip`, message: msg('field.notEnrolled') });
          else if (e.status === 'withdrawn')
            problems.push({ path: `body.scores[${i}].nip`, message: msg('field.withdrawn') });
          if (seen.has(s.nip)) problems.push({ path: `body.scores[${i}].nip`, message: msg('field.listedTwice') });
          seen.add(s.nip);
        });
        if (problems.length > 0)
          throw new AppError(
            422,
            'SCORES_INVALID',
            `No score was recorded: ${problems.length} line(s) are not valid`,
            problems,
          ).with({ count: problems.length });
        await writeScores(
          tx,
          actor,
          cohort,
          component,
          input.scores.map((s) => ({ enrollmentId: byNip.get(s.nip)!.id, score: s.score, note: s.note })),
        );
        return { component, recorded: input.scores.length };
      });
    },

    async scoresOf(actor: Actor, enrollmentId: string) {
      await cohorts.enrollmentInScope(actor, enrollmentId);
      return db.select().from(scores).where(eq(scores.enrollmentId, enrollmentId));
    },

    /**
     * Applies the scheme to every enrollment not withdrawn, as a new version: results, a copy of the
     * scheme, and each enrollment's status set to passed or failed. Under the cohort's row lock, so
     * concurrent runs get consecutive versions.
     */
    async computeResults(actor: Actor, cohortId: string) {
      return db.transaction(async (tx) => {
        const cohort = await cohorts.cohortInScope(tx, actor, cohortId, true);
        const scheme = await schemeOr409(tx, cohort.id);
        const inputs = await inputsOf(tx, cohort, scheme);
        const states = await tx.select({ state: phases.state }).from(phases).where(eq(phases.cohortId, cohort.id));
        const final = states.length > 0 && states.every((p) => p.state === 'closed');
        const [last] = await tx
          .select({ version: resultRuns.version })
          .from(resultRuns)
          .where(eq(resultRuns.cohortId, cohort.id))
          .orderBy(desc(resultRuns.version))
          .limit(1);
        const now = clock.now();
        const verdicts = inputs.map((i) => ({ input: i, verdict: evaluate(scheme, i) }));
        const count = <K extends string>(keys: K[]) =>
          keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
        const summary = {
          total: verdicts.length,
          passed: verdicts.filter((v) => v.verdict.passed).length,
          failed: verdicts.filter((v) => !v.verdict.passed).length,
          byPredikat: count(verdicts.map((v) => v.verdict.predikat)),
          byReason: count(verdicts.flatMap((v) => v.verdict.reasons)),
        };
        const [run] = await tx
          .insert(resultRuns)
          .values({
            cohortId: cohort.id,
            version: (last?.version ?? 0) + 1,
            final,
            scheme: snapshot(scheme),
            summary,
            computedBy: actor.userId,
            computedAt: now,
          })
          .returning();
        for (let i = 0; i < verdicts.length; i += 1000) {
          await tx.insert(results).values(
            verdicts.slice(i, i + 1000).map(({ input, verdict }) => ({
              runId: run!.id,
              enrollmentId: input.enrollmentId,
              components: verdict.components,
              finalScore: verdict.finalScore,
              predikat: verdict.predikat,
              passed: verdict.passed,
              reasons: verdict.reasons,
              onlineJp: input.onlineJp,
              classroomJp: input.classroomJp,
              absentJp: input.absence.absentJp,
              absentDays: input.absence.absentDays,
            })),
          );
        }
        // While a phase is still to run, the run is a preview: a status of passed or failed would
        // stop participants' learning from counting.
        if (final)
          await tx.execute(sql`
          update enrollments e set status = case when r.passed then 'passed'::enrollment_status else 'failed'::enrollment_status end,
                 updated_at = ${now.toISOString()}::timestamptz
            from results r where r.run_id = ${run!.id}::uuid and r.enrollment_id = e.id and e.status <> 'withdrawn'`);
        await tx.insert(outbox).values({
          orgId: cohort.orgId,
          type: 'cohort.results_computed',
          payload: { cohortId: cohort.id, cohortCode: cohort.code, version: run!.version, final, ...summary },
          createdAt: now,
        });
        await audit(tx, actor, cohort, 'results.computed', { version: run!.version, final, ...summary });
        return runView(run!);
      });
    },

    /** The newest result run, or the given version of it. */
    async run(actor: Actor, cohortId: string, version?: number) {
      const cohort = await cohorts.cohortInScope(db, actor, cohortId);
      const [run] = await db
        .select()
        .from(resultRuns)
        .where(and(eq(resultRuns.cohortId, cohort.id), version ? eq(resultRuns.version, version) : undefined))
        .orderBy(desc(resultRuns.version))
        .limit(1);
      if (!run) throw new NotFoundError('Results');
      return runView(run);
    },

    /**
     * One enrollment's result in the newest run (404 when none). A participant sees only final
     * results: a preview computed while the cohort still runs is for the organizers.
     */
    async resultOf(actor: Actor, enrollmentId: string) {
      const { cohort, userId } = await cohorts.enrollmentInScope(
        { ...actor, scope: ownDataScope(actor) },
        enrollmentId,
      );
      const participant = actor.role === 'participant';
      if (participant && userId !== actor.userId) throw new NotFoundError('Enrollment');
      const [row] = await db
        .select({
          result: results,
          version: resultRuns.version,
          final: resultRuns.final,
          computedAt: resultRuns.computedAt,
        })
        .from(results)
        .innerJoin(resultRuns, eq(resultRuns.id, results.runId))
        .where(
          and(
            eq(results.enrollmentId, enrollmentId),
            eq(resultRuns.cohortId, cohort.id),
            participant ? eq(resultRuns.final, true) : undefined,
          ),
        )
        .orderBy(desc(resultRuns.version))
        .limit(1);
      if (!row) throw new NotFoundError('Result');
      const { runId: _run, ...rest } = row.result;
      return { ...rest, version: row.version, final: row.final, computedAt: row.computedAt };
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
