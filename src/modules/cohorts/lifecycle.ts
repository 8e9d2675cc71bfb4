import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { cohorts, phases, type Cohort } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError } from '../../http/errors.js';
import { cohortAuditor } from '../audit/record.js';
import * as repo from './repo.js';
import type { CohortsService } from './service.js';
import { msg } from '../../i18n/index.js';

/**
 * A cohort's life: `draft` (everything editable, the clock does nothing) → `scheduled` (the clock
 * is armed) → `running` (a phase has opened) → `completed` (every phase has closed); or, for a
 * program that has already ended, `completed` at once as a past program, on which no transition
 * ever fires.
 */
export type MissedTransitions = 'apply' | 'past-program';

/** Nobody joins a program that is over, except one being recorded after the fact. */
export function assertEnrollable(cohort: Pick<Cohort, 'status' | 'pastProgram'>): void {
  if (cohort.status === 'cancelled')
    throw new ConflictError('The cohort is cancelled', 'COHORT_CLOSED').with(undefined, 'COHORT_CLOSED.cancelled');
  if (cohort.status === 'completed' && !cohort.pastProgram)
    throw new ConflictError('The cohort has completed: nobody can enroll any more', 'COHORT_CLOSED').with({
      status: msg('cohortStatus.completed'),
    });
}

export interface CohortLifecycleDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  /** The phase clock: applies what is due for a cohort, and plans the rest. */
  catchUp: (cohortId: string) => Promise<unknown>;
}

export function createCohortLifecycle({ db, clock, cohorts: cohortsService, catchUp }: CohortLifecycleDeps) {
  const audit = cohortAuditor(clock);

  return {
    /**
     * Arms the clock of a draft cohort. When some of its dates have passed, the caller chooses:
     * `apply` runs the missed transitions now (as catch-ups, in order), `past-program` records a
     * program that has ended: completed, its phases closed, no transition and no effect fired.
     */
    async schedule(actor: Actor, cohortId: string, missed: MissedTransitions | undefined) {
      const decision = await db.transaction(async (tx) => {
        const cohort = await cohortsService.cohortInScope(tx, actor, cohortId, true);
        if (cohort.status !== 'draft')
          throw new ConflictError(`The cohort is ${cohort.status}, not a draft`, 'COHORT_NOT_DRAFT').with({
            status: msg(`cohortStatus.${cohort.status}`),
          });
        const list = await repo.phasesOf(tx, [cohort.id]);
        if (list.length === 0) throw new ConflictError('The cohort has no phases to schedule', 'COHORT_HAS_NO_PHASES');
        const now = clock.now();
        const due = list.filter((p) => p.opensAt <= now);
        if (due.length > 0 && !missed) {
          const ended = list.every((p) => p.closesAt <= now);
          throw new ConflictError(
            `${due.length} of its ${list.length} phase(s) should already have opened${ended ? ', and the program has ended' : ''}: send "missed": "apply" to run those transitions now${ended ? ', or "past-program" to record it as it ran' : ''}`,
            'SCHEDULE_CHOICE_REQUIRED',
          ).with({ due: due.length, total: list.length }, ended ? 'SCHEDULE_CHOICE_REQUIRED.ended' : undefined);
        }
        if (missed === 'past-program') {
          const running = list.filter((p) => p.closesAt > now);
          if (running.length > 0)
            throw new ConflictError(
              `"${running[0]!.name}" ends ${running[0]!.endDate}: only a program that has ended can be recorded as past`,
              'COHORT_NOT_PAST',
            ).with({ phase: running[0]!.name, endDate: running[0]!.endDate });
          await tx.update(phases).set({ state: 'closed', updatedAt: now }).where(eq(phases.cohortId, cohort.id));
          await tx
            .update(cohorts)
            .set({ status: 'completed', pastProgram: true, updatedAt: now })
            .where(eq(cohorts.id, cohort.id));
          await audit(tx, actor, cohort, 'cohort.recorded_as_past', {
            startsOn: cohort.startsOn,
            endsOn: cohort.endsOn,
          });
          return 'past' as const;
        }
        await tx.update(cohorts).set({ status: 'scheduled', updatedAt: now }).where(eq(cohorts.id, cohort.id));
        await audit(tx, actor, cohort, 'cohort.scheduled', { missed: due.length > 0 ? missed : null });
        return 'scheduled' as const;
      });
      if (decision === 'scheduled') await catchUp(cohortId);
      return cohortsService.getCohort(actor, cohortId);
    },

    /** Back to a draft, while no phase has opened: the clock forgets it (queued jobs do nothing). */
    async unschedule(actor: Actor, cohortId: string) {
      await db.transaction(async (tx) => {
        const cohort = await cohortsService.cohortInScope(tx, actor, cohortId, true);
        if (cohort.status !== 'scheduled')
          throw new ConflictError(
            `The cohort is ${cohort.status}: only a scheduled cohort whose phases have not opened goes back to draft`,
            'COHORT_NOT_SCHEDULED',
          ).with({ status: msg(`cohortStatus.${cohort.status}`) }, 'COHORT_NOT_SCHEDULED.toDraft');
        const list = await repo.phasesOf(tx, [cohort.id]);
        if (list.some((p) => p.state !== 'pending'))
          throw new ConflictError('A phase has opened: the cohort cannot go back to draft', 'PHASE_STARTED');
        await tx.update(cohorts).set({ status: 'draft', updatedAt: clock.now() }).where(eq(cohorts.id, cohort.id));
        await audit(tx, actor, cohort, 'cohort.unscheduled', {});
      });
      return cohortsService.getCohort(actor, cohortId);
    },
  };
}

export type CohortLifecycle = ReturnType<typeof createCohortLifecycle>;
