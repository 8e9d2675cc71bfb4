import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import { cohorts, phases, type Cohort, type Phase } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ValidationError, type FieldError } from '../../http/errors.js';
import { msg } from '../../i18n/index.js';
import type { cohortAuditor } from '../audit/record.js';
import { phaseWindow } from './calendar.js';
import { phaseProblems, type PhaseInput } from './phase-rules.js';
import * as repo from './repo.js';

export interface PhasePlanDeps<View> {
  db: Db;
  clock: Clock;
  settings: { remedialDaysDefault: number };
  audit: ReturnType<typeof cohortAuditor>;
  /** The cohort the caller may see (404 otherwise), optionally locked. */
  cohortOr404: (tx: DbExecutor, actor: Actor, id: string, lock?: boolean) => Promise<Cohort>;
  cohortViews: (tx: DbExecutor, list: Cohort[]) => Promise<View[]>;
  /** After phases or their time zone changed (and committed): the phase clock plans the transitions. */
  phasesChanged: (cohortId: string) => Promise<void>;
}

/** A cohort's dated phases, set as a whole: checked against the rules and the sessions already planned in them. */
export function createPhasePlan<View extends { id: string }>({
  db,
  clock,
  settings,
  audit,
  cohortOr404,
  cohortViews,
  phasesChanged,
}: PhasePlanDeps<View>) {
  /** Sessions must stay inside their phase: a phase with sessions can neither go nor move past them. */
  async function sessionProblems(tx: DbExecutor, input: PhaseInput[], current: Phase[], cohort: Cohort) {
    const spans = await repo.sessionSpans(
      tx,
      current.map((p) => p.id),
    );
    const problems: FieldError[] = [];
    for (const span of spans) {
      const index = input.findIndex((p) => p.id === span.phaseId);
      if (index < 0) {
        const name = current.find((p) => p.id === span.phaseId)?.name;
        problems.push({
          path: 'body.phases',
          message: msg('field.phaseHasSessions', { phase: name ?? '', sessions: span.sessions }),
        });
        continue;
      }
      const window = phaseWindow(input[index]!.startDate, input[index]!.endDate, cohort.timeZone);
      if (span.firstStart! < window.opensAt || span.lastEnd! > window.closesAt)
        problems.push({
          path: `body.phases[${index}]`,
          message: msg('field.sessionsOutsideDates', {
            sessions: span.sessions,
            from: span.firstStart!.toISOString(),
            to: span.lastEnd!.toISOString(),
          }),
        });
    }
    return problems;
  }

  return {
    /**
     * Replaces the cohort's phases. Every problem is reported at once; a closed phase stays as it
     * was, an open one may only move its end. Any change of dates bumps that phase's schedule
     * version, so transitions scheduled for the old dates do nothing.
     */
    async setPhases(
      actor: Actor,
      id: string,
      given: Array<Omit<PhaseInput, 'remedialDays'> & { remedialDays?: number }>,
    ) {
      const view = await db.transaction(async (tx) => {
        const cohort = await cohortOr404(tx, actor, id, true);
        const current = await repo.phasesOf(tx, [cohort.id]);
        const input: PhaseInput[] = given.map((p) => ({
          ...p,
          remedialDays:
            p.remedialDays ??
            current.find((c) => c.id === p.id)?.remedialDays ??
            (p.kind === 'online' ? settings.remedialDaysDefault : 0),
        }));
        const problems = [...phaseProblems(input, current), ...(await sessionProblems(tx, input, current, cohort))];
        if (problems.length > 0)
          throw new ValidationError(
            `The phases are not valid: ${problems.length} problem(s)`,
            problems,
            'PHASES_INVALID',
          ).with({ count: problems.length });

        const now = clock.now();
        const byId = new Map(current.map((p) => [p.id, p]));
        const kept = new Set(input.map((p) => p.id).filter(Boolean));
        const removed = current.filter((p) => !kept.has(p.id)).map((p) => p.id);
        if (removed.length > 0) await tx.delete(phases).where(inArray(phases.id, removed));

        for (const [position, p] of input.entries()) {
          const window = phaseWindow(p.startDate, p.endDate, cohort.timeZone);
          const values = {
            position,
            kind: p.kind,
            name: p.name,
            startDate: p.startDate,
            endDate: p.endDate,
            ...window,
            requiredJp: p.requiredJp,
            venue: p.venue ?? null,
            remedialDays: p.remedialDays,
            updatedAt: now,
          };
          const existing = p.id ? byId.get(p.id) : undefined;
          if (existing) {
            const moved = existing.startDate !== p.startDate || existing.endDate !== p.endDate;
            await tx
              .update(phases)
              .set({ ...values, scheduleVersion: existing.scheduleVersion + (moved ? 1 : 0) })
              .where(eq(phases.id, existing.id));
          } else {
            await tx.insert(phases).values({ ...values, cohortId: cohort.id, createdAt: now });
          }
        }
        const [updated] = await tx
          .update(cohorts)
          .set({ startsOn: input[0]?.startDate ?? null, endsOn: input.at(-1)?.endDate ?? null, updatedAt: now })
          .where(eq(cohorts.id, cohort.id))
          .returning();
        await audit(tx, actor, cohort, 'cohort.phases_set', {
          phases: input.map((p) => ({ kind: p.kind, startDate: p.startDate, endDate: p.endDate })),
        });
        return (await cohortViews(tx, [updated!]))[0]!;
      });
      // Committed first: should the queue be unreachable now, the reconciler plans these later.
      await phasesChanged(view.id).catch(() => undefined);
      return view;
    },
  };
}
