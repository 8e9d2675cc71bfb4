import { and, asc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import { cohorts, outbox, phases, phaseTransitions, type Cohort, type Phase } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors.js';
import { cohortAuditor } from '../audit/record.js';
import { isRealDate, localDateOf, phaseWindow } from '../cohorts/calendar.js';
import type { CohortsService } from '../cohorts/service.js';
import { queuePhaseNotices } from '../mail/outbox.js';
import { finalizeOutcomes, recordOutcomes, remedialEndOf } from './remedial.js';
import { msg, translate, type MessageKey, type Params } from '../../i18n/index.js';

/** What the clock does to a phase: open it, close it, and (online phases) end its remedial window. */
export type TransitionKind = 'open' | 'close' | 'remedial_end';
type Trigger = 'schedule' | 'catch-up' | 'manual';
type Outcome = 'applied' | 'stale' | 'already' | 'not-open' | 'gone' | 'inactive' | 'not-due';

/** The clock acts only on cohorts that have been scheduled, and never on a past program. */
export const clockActsOn = (cohort: Pick<Cohort, 'status' | 'pastProgram'>) =>
  !cohort.pastProgram &&
  (cohort.status === 'scheduled' || cohort.status === 'running' || cohort.status === 'completed');

export interface ScheduleServiceDeps {
  db: Db;
  clock: Clock;
  enqueue: Enqueue;
  cohortsService: CohortsService;
}

// A delayed job that runs more than this after its instant was held up (no worker ran, or the
// clock queue was busy): the transition is recorded as a catch-up with its lag.
const ON_TIME_MS = 5_000;

const earliest = (known: Date | null, at: Date) => (known && known < at ? known : at);
const latest = (known: Date | null, at: Date) => (known && known > at ? known : at);

// The reconciler plans jobs only for transitions due within this window, so a run costs what is about
// to happen, not one queue write per unclosed phase. Ten times its interval: every transition has
// its job long before its instant, even with a few runs missed.
export const PLAN_AHEAD_MS = 10 * 60_000;

const jobId = (phase: Pick<Phase, 'id' | 'scheduleVersion' | 'round'>, kind: TransitionKind) =>
  `phase-${phase.id}-${kind}-v${phase.scheduleVersion}` + (phase.round > 1 ? `-r${phase.round}` : '');

const ACTIVE_COHORT = sql`exists (select 1 from cohorts c where c.id = ${phases.cohortId} and not c.past_program
                           and c.status in ('scheduled', 'running', 'completed'))`;

/**
 * The phase clock. Each phase opens once and closes once, at the instants of its local dates in the
 * cohort's time zone. A delayed job per transition fires at the instant (its id carries the schedule
 * version, so jobs for old dates do nothing); a reconciler applies whatever is due but not done. A
 * transition is one transaction under the phase's row lock, recorded under a unique key: a
 * duplicate job, a retry, a second worker or the reconciler cannot apply it twice.
 */
export function createScheduleService({ db, clock, enqueue, cohortsService }: ScheduleServiceDeps) {
  const audit = cohortAuditor(clock);

  async function effects(
    tx: DbExecutor,
    phase: Phase,
    kind: TransitionKind,
    now: Date,
    cohort: Cohort,
  ): Promise<Record<string, unknown>> {
    const event = (type: string, payload: Record<string, unknown>) =>
      tx.insert(outbox).values({ orgId: cohort.orgId, type, payload, createdAt: now });
    const payload = {
      cohortId: cohort.id,
      cohortCode: cohort.code,
      phaseId: phase.id,
      phaseKind: phase.kind,
      phaseName: phase.name,
    };
    if (kind === 'open') {
      await tx
        .update(cohorts)
        .set({ status: 'running', updatedAt: now })
        .where(and(eq(cohorts.id, cohort.id), eq(cohorts.status, 'scheduled')));
      await event('phase.opened', { ...payload, opensAt: phase.opensAt.toISOString() });
      return {};
    }
    if (kind === 'remedial_end') {
      const details = await finalizeOutcomes(tx, phase, cohort, now);
      await tx.update(phases).set({ outcomesFinalAt: now }).where(eq(phases.id, phase.id));
      await event('phase.remedial_ended', {
        ...payload,
        remedialEndedAt: remedialEndOf(phase).toISOString(),
        ...details,
      });
      return details;
    }
    const details: Record<string, unknown> =
      phase.kind === 'online' ? await recordOutcomes(tx, phase, cohort, now) : {};
    const open = await tx
      .select({ id: phases.id })
      .from(phases)
      .where(and(eq(phases.cohortId, cohort.id), sql`${phases.state} <> 'closed'`));
    if (open.length === 0)
      await tx.update(cohorts).set({ status: 'completed', updatedAt: now }).where(eq(cohorts.id, cohort.id));
    await event('phase.closed', { ...payload, closesAt: phase.closesAt.toISOString(), ...details });
    return details;
  }

  /** Applies one transition, exactly once. */
  async function apply(
    phaseId: string,
    kind: TransitionKind,
    ctx: {
      trigger: Trigger;
      scheduledAt: Date | null;
      expectedVersion?: number;
      actorId?: string | null;
      reason?: string | null;
      closeFromPending?: boolean;
      expectedRound?: number;
    },
  ): Promise<Outcome> {
    return db.transaction(async (tx) => {
      const [phase] = await tx.select().from(phases).where(eq(phases.id, phaseId)).for('update');
      if (!phase) return 'gone';
      const [cohort] = await tx.select().from(cohorts).where(eq(cohorts.id, phase.cohortId));
      if (!clockActsOn(cohort!)) return 'inactive';
      if (ctx.expectedVersion !== undefined && phase.scheduleVersion !== ctx.expectedVersion) return 'stale';
      if (ctx.expectedRound !== undefined && phase.round !== ctx.expectedRound) return 'stale';
      if (kind === 'open' && phase.state !== 'pending') return 'already';
      if (kind === 'close' && phase.state === 'closed') return 'already';
      if (kind === 'close' && phase.state === 'pending' && !ctx.closeFromPending) return 'not-open';
      const now = clock.now();
      if (kind === 'remedial_end') {
        if (phase.kind !== 'online' || phase.outcomesFinalAt) return 'already';
        if (phase.state !== 'closed') return 'not-open';
        if (remedialEndOf(phase) > now) return 'not-due';
      }
      const steps: TransitionKind[] = kind === 'close' && phase.state === 'pending' ? ['open', 'close'] : [kind];
      // A window of no days (or one that ended while no worker ran) ends with the closing.
      if (kind === 'close' && phase.kind === 'online' && remedialEndOf(phase) <= now) steps.push('remedial_end');
      for (const step of steps) {
        const scheduledAt =
          ctx.trigger === 'manual'
            ? null
            : step === 'open'
              ? phase.opensAt
              : step === 'close'
                ? phase.closesAt
                : remedialEndOf(phase);
        const inserted = await tx
          .insert(phaseTransitions)
          .values({
            phaseId,
            cohortId: phase.cohortId,
            kind: step,
            trigger: ctx.trigger,
            scheduleVersion: phase.scheduleVersion,
            round: phase.round,
            scheduledAt,
            appliedAt: now,
            actorId: ctx.actorId ?? null,
            reason: ctx.reason ?? null,
          })
          .onConflictDoNothing()
          .returning({ id: phaseTransitions.id });
        if (inserted.length === 0) return 'already';
        const [updated] =
          step === 'remedial_end'
            ? [phase]
            : await tx
                .update(phases)
                .set(
                  step === 'open'
                    ? { state: 'open', openedAt: earliest(phase.openedAt, scheduledAt ?? now), updatedAt: now }
                    : { state: 'closed', closedAt: latest(phase.closedAt, scheduledAt ?? now), updatedAt: now },
                )
                .where(eq(phases.id, phaseId))
                .returning();
        const details = await effects(tx, updated!, step, now, cohort!);
        // A phase opened and closed in one catch-up gets only its closing notice.
        if (step === 'close' || (step === 'open' && !steps.includes('close')))
          await queuePhaseNotices(tx, cohort!, updated!, step === 'open' ? 'phase_opened' : 'phase_closed', now);
        if (Object.keys(details).length > 0) {
          await tx.update(phaseTransitions).set({ details }).where(eq(phaseTransitions.id, inserted[0]!.id));
        }
      }
      return 'applied';
    });
  }

  const notScheduled = () =>
    new ConflictError('The cohort is not scheduled: the phase clock does not act on it', 'COHORT_NOT_SCHEDULED');

  // Committed first: should the queue be unreachable now, the reconciler plans these later.
  async function scheduleQuietly(cohortId: string) {
    const list = await db.select().from(phases).where(eq(phases.cohortId, cohortId));
    for (const phase of list) await schedulePhase(phase).catch(() => undefined);
  }

  /** Queues the phase's transitions still to come, those up to `horizon` only when one is given. */
  async function schedulePhase(phase: Phase, horizon?: Date): Promise<void> {
    const now = clock.now().getTime();
    const plan: Array<[TransitionKind, Date]> = [];
    if (phase.state === 'pending') plan.push(['open', phase.opensAt]);
    if (phase.state !== 'closed') plan.push(['close', phase.closesAt]);
    if (phase.kind === 'online' && !phase.outcomesFinalAt) plan.push(['remedial_end', remedialEndOf(phase)]);
    for (const [kind, at] of plan) {
      if (horizon && at > horizon) continue;
      const late = at.getTime() <= now;
      await enqueue(
        'clock',
        'transition',
        {
          phaseId: phase.id,
          kind,
          scheduleVersion: phase.scheduleVersion,
          round: phase.round,
          scheduledAt: at.toISOString(),
          ...(late ? { catchUp: true } : {}),
        },
        { jobId: jobId(phase, kind), delay: Math.max(0, at.getTime() - now) },
      );
    }
  }

  return {
    /** Puts a delayed job on the queue for every transition still to come of a cohort's phases. */
    async scheduleCohort(cohortId: string): Promise<void> {
      const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
      if (!cohort || !clockActsOn(cohort)) return;
      const list = await db.select().from(phases).where(eq(phases.cohortId, cohortId));
      for (const phase of list) await schedulePhase(phase);
    },

    /** The worker's side of a scheduled transition. A job for other dates than the phase's now does nothing. */
    async runScheduled(job: {
      phaseId: string;
      kind: TransitionKind;
      scheduleVersion: number;
      round?: number | undefined;
      scheduledAt: string;
      catchUp?: boolean | undefined;
    }): Promise<Outcome> {
      const late = job.catchUp === true || clock.now().getTime() - Date.parse(job.scheduledAt) > ON_TIME_MS;
      return apply(job.phaseId, job.kind, {
        trigger: late ? 'catch-up' : 'schedule',
        scheduledAt: new Date(job.scheduledAt),
        expectedVersion: job.scheduleVersion,
        expectedRound: job.round ?? 1,
        closeFromPending: true,
      });
    },

    /**
     * Applies every transition that is due but not done (the worker was down, the queue lost its
     * jobs, dates were edited into the past), oldest first, and puts back any job the queue lacks
     * for the transitions of the next `PLAN_AHEAD_MS`. Its cost follows what is due or about to
     * be, not the number of unclosed phases.
     */
    async reconcile(cohortId?: string): Promise<{ applied: number; scheduled: number }> {
      const now = clock.now().toISOString();
      const ofCohort = cohortId ? sql`${phases.cohortId} = ${cohortId}::uuid and` : sql``;
      const due = await db
        .select()
        .from(phases)
        .where(
          sql`${ofCohort} ${ACTIVE_COHORT} and (
                (${phases.state} = 'pending' and ${phases.opensAt} <= ${now}::timestamptz)
                or (${phases.state} <> 'closed' and ${phases.closesAt} <= ${now}::timestamptz)
                or (${phases.kind} = 'online' and ${phases.outcomesFinalAt} is null
                    and ${phases.closesAt} + make_interval(days => ${phases.remedialDays}) <= ${now}::timestamptz))`,
        )
        .orderBy(asc(phases.opensAt));
      let applied = 0;
      for (const phase of due) {
        const closing = phase.closesAt <= clock.now();
        if (phase.state !== 'closed') {
          const outcome = await apply(phase.id, closing ? 'close' : 'open', {
            trigger: 'catch-up',
            scheduledAt: closing ? phase.closesAt : phase.opensAt,
            closeFromPending: true,
          });
          if (outcome === 'applied') applied += 1;
        }
        // A window that ended while no worker ran ends right after its phase closes.
        if (phase.kind === 'online' && remedialEndOf(phase) <= clock.now()) {
          const ended = await apply(phase.id, 'remedial_end', {
            trigger: 'catch-up',
            scheduledAt: remedialEndOf(phase),
          });
          if (ended === 'applied') applied += 1;
        }
      }
      // Then every transition of the coming window gets its job again, should the queue lack it.
      const horizon = new Date(clock.now().getTime() + PLAN_AHEAD_MS);
      const upcoming = await db
        .select()
        .from(phases)
        .where(
          sql`${ofCohort} ${ACTIVE_COHORT} and (
                (${phases.state} = 'pending' and ${phases.opensAt} <= ${horizon.toISOString()}::timestamptz)
                or (${phases.state} <> 'closed' and ${phases.closesAt} <= ${horizon.toISOString()}::timestamptz)
                or (${phases.kind} = 'online' and ${phases.outcomesFinalAt} is null
                    and ${phases.closesAt} + make_interval(days => ${phases.remedialDays}) <= ${horizon.toISOString()}::timestamptz))`,
        );
      for (const phase of upcoming) await schedulePhase(phase, horizon);
      return { applied, scheduled: upcoming.length };
    },

    /** An admin opens or closes a phase now, with a reason. */
    async manual(actor: Actor, cohortId: string, phaseId: string, action: TransitionKind, reason: string) {
      const cohort = await cohortsService.getCohort(actor, cohortId);
      if (!cohort.phases.some((p) => p.id === phaseId)) throw new NotFoundError('Phase');
      const outcome = await apply(phaseId, action, {
        trigger: 'manual',
        scheduledAt: null,
        actorId: actor.userId,
        reason,
      });
      if (outcome === 'inactive') throw notScheduled();
      if (outcome === 'already')
        throw new ConflictError(
          `The phase is already ${action === 'open' ? 'open' : 'closed'}`,
          action === 'open' ? 'PHASE_ALREADY_OPEN' : 'PHASE_ALREADY_CLOSED',
        );
      if (outcome === 'not-open')
        throw new ConflictError('Open the phase before closing it', 'PHASE_NOT_OPEN').with(
          undefined,
          'PHASE_NOT_OPEN.closeFirst',
        );
      await scheduleQuietly(cohortId);
      return this.timeline(actor, cohortId);
    },

    /**
     * Opens a closed phase again until the end of `endDate`, with a reason: a new round, whose
     * closing recomputes every outcome and whose remedial window ends once more, each exactly once.
     */
    async reopen(actor: Actor, cohortId: string, phaseId: string, endDate: string | undefined, reason: string) {
      const cohort = await cohortsService.getCohort(actor, cohortId);
      if (!cohort.phases.some((p) => p.id === phaseId)) throw new NotFoundError('Phase');
      const invalid = (key: MessageKey, params?: Params) => {
        const message = translate('en', key, params);
        return new ValidationError(
          message,
          [{ path: 'body.endDate', message: msg(key, params) }],
          'REOPEN_DATE_INVALID',
        ).with(params, key);
      };
      if (!endDate || !isRealDate(endDate)) throw invalid('REOPEN_DATE_INVALID.missing');
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(cohorts).where(eq(cohorts.id, cohort.id)).for('update');
        if (!clockActsOn(row!)) throw notScheduled();
        const [phase] = await tx.select().from(phases).where(eq(phases.id, phaseId)).for('update');
        if (phase!.state !== 'closed')
          throw new ConflictError('Only a closed phase can be reopened', 'PHASE_NOT_CLOSED');
        const now = clock.now();
        const today = localDateOf(now, row!.timeZone);
        if (endDate < today) throw invalid('REOPEN_DATE_INVALID.beforeToday', { today });
        if (endDate < phase!.endDate) throw invalid('REOPEN_DATE_INVALID.earlier', { endDate: phase!.endDate });
        const [next] = await tx
          .select()
          .from(phases)
          .where(and(eq(phases.cohortId, cohort.id), sql`${phases.position} > ${phase!.position}`))
          .orderBy(asc(phases.position))
          .limit(1);
        if (next && endDate >= next.startDate)
          throw invalid('REOPEN_DATE_INVALID.overlap', { phase: next.name, startDate: next.startDate });
        const round = phase!.round + 1;
        await tx.insert(phaseTransitions).values({
          phaseId,
          cohortId: cohort.id,
          kind: 'reopen',
          trigger: 'manual',
          scheduleVersion: phase!.scheduleVersion + 1,
          round,
          scheduledAt: null,
          appliedAt: now,
          actorId: actor.userId,
          reason,
          details: { previousEndDate: phase!.endDate, endDate },
        });
        const [reopened] = await tx
          .update(phases)
          .set({
            state: 'open',
            endDate,
            closesAt: phaseWindow(phase!.startDate, endDate, row!.timeZone).closesAt,
            scheduleVersion: phase!.scheduleVersion + 1,
            round,
            outcomesFinalAt: null,
            updatedAt: now,
          })
          .where(eq(phases.id, phaseId))
          .returning();
        await tx
          .update(cohorts)
          .set({
            status: 'running',
            endsOn: next ? row!.endsOn : endDate,
            updatedAt: now,
          })
          .where(eq(cohorts.id, cohort.id));
        await tx.insert(outbox).values({
          orgId: row!.orgId,
          type: 'phase.reopened',
          payload: {
            cohortId: cohort.id,
            cohortCode: row!.code,
            phaseId,
            phaseKind: phase!.kind,
            phaseName: phase!.name,
            round,
            closesAt: reopened!.closesAt.toISOString(),
            reason,
          },
          createdAt: now,
        });
        await audit(tx, actor, row!, 'phase.reopened', {
          phaseId,
          round,
          previousEndDate: phase!.endDate,
          endDate,
          reason,
        });
      });
      await scheduleQuietly(cohortId);
      return this.timeline(actor, cohortId);
    },

    /** Every transition of a cohort: what triggered it, who, when it was due and when it happened. */
    async timeline(actor: Actor, cohortId: string) {
      const cohort = await cohortsService.getCohort(actor, cohortId);
      const rows = await db
        .select()
        .from(phaseTransitions)
        .where(eq(phaseTransitions.cohortId, cohort.id))
        .orderBy(asc(phaseTransitions.appliedAt), asc(phaseTransitions.kind));
      const names = new Map(cohort.phases.map((p) => [p.id, p.name]));
      return rows.map((t) => ({
        id: t.id,
        phaseId: t.phaseId,
        phaseName: names.get(t.phaseId) ?? '',
        kind: t.kind,
        trigger: t.trigger,
        scheduleVersion: t.scheduleVersion,
        scheduledAt: t.scheduledAt,
        appliedAt: t.appliedAt,
        round: t.round,
        lagSeconds: t.scheduledAt ? Math.round((t.appliedAt.getTime() - t.scheduledAt.getTime()) / 1000) : null,
        actorId: t.actorId,
        reason: t.reason,
        details: t.details,
      }));
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
