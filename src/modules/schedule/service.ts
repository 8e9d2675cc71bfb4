import { and, asc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db, DbExecutor } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import { cohorts, outbox, phases, phaseTransitions, type Phase } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import type { CohortsService } from '../cohorts/service.js';

export type TransitionKind = 'open' | 'close';
type Trigger = 'schedule' | 'catch-up' | 'manual';
type Outcome = 'applied' | 'stale' | 'already' | 'not-open' | 'gone';

export interface ScheduleServiceDeps {
  db: Db;
  clock: Clock;
  enqueue: Enqueue;
  cohortsService: CohortsService;
}

// A delayed job that runs more than this after its instant was held up (no worker ran, or the
// clock queue was busy): the transition is recorded as a catch-up with its lag.
const ON_TIME_MS = 5_000;

// The reconciler plans jobs only for transitions due within this window, so a run costs what is about
// to happen, not one queue write per unclosed phase. Ten times its interval: every transition has
// its job long before its instant, even with a few runs missed.
export const PLAN_AHEAD_MS = 10 * 60_000;

const jobId = (phase: Pick<Phase, 'id' | 'scheduleVersion'>, kind: TransitionKind) =>
  `phase-${phase.id}-${kind}-v${phase.scheduleVersion}`;

/**
 * The phase clock. Each phase opens once and closes once, at the instants of its local dates in the
 * cohort's time zone. A delayed job per transition fires at the instant (its id carries the schedule
 * version, so jobs for old dates do nothing); a reconciler applies whatever is due but not done. A
 * transition is one transaction under the phase's row lock, recorded under a unique key: a
 * duplicate job, a retry, a second worker or the reconciler cannot apply it twice.
 */
export function createScheduleService({ db, clock, enqueue, cohortsService }: ScheduleServiceDeps) {
  async function effects(
    tx: DbExecutor,
    phase: Phase,
    kind: TransitionKind,
    now: Date,
  ): Promise<Record<string, unknown>> {
    const [cohort] = await tx.select().from(cohorts).where(eq(cohorts.id, phase.cohortId));
    const event = (type: string, payload: Record<string, unknown>) =>
      tx.insert(outbox).values({ orgId: cohort!.orgId, type, payload, createdAt: now });
    const payload = {
      cohortId: cohort!.id,
      cohortCode: cohort!.code,
      phaseId: phase.id,
      phaseKind: phase.kind,
      phaseName: phase.name,
    };
    if (kind === 'open') {
      await tx
        .update(cohorts)
        .set({ status: 'running', updatedAt: now })
        .where(and(eq(cohorts.id, cohort!.id), eq(cohorts.status, 'planned')));
      await event('phase.opened', { ...payload, opensAt: phase.opensAt.toISOString() });
      return {};
    }
    let details: Record<string, unknown> = {};
    if (phase.kind === 'online') {
      // Set-based: one statement freezes every enrollment's online JP, whatever the cohort's size.
      const frozen = await tx.execute<{ enrollments: number; short: number }>(sql`
        with earned as (
          select e.id as enrollment_id, coalesce(sum(l.jp), 0) as jp
            from enrollments e
            left join jp_ledger l on l.enrollment_id = e.id and l.phase_id = ${phase.id}::uuid
           where e.cohort_id = ${phase.cohortId}::uuid and e.status in ('active', 'remedial')
           group by e.id
        ),
        outcome as (
          insert into phase_outcomes (enrollment_id, phase_id, earned_jp, required_jp, met, remedial_until, closed_at)
          select enrollment_id, ${phase.id}::uuid, jp, ${phase.requiredJp}::numeric, jp >= ${phase.requiredJp}::numeric,
                 case when jp < ${phase.requiredJp}::numeric then ${phase.closesAt.toISOString()}::timestamptz + make_interval(days => ${phase.remedialDays}::int) end,
                 ${now.toISOString()}::timestamptz
            from earned
          on conflict do nothing
          returning enrollment_id, met, earned_jp, remedial_until
        ),
        flagged as (
          update enrollments e set status = 'remedial', updated_at = ${now.toISOString()}::timestamptz
            from outcome o where o.enrollment_id = e.id and not o.met and e.status = 'active'
          returning e.id, e.user_id, o.earned_jp, o.remedial_until
        ),
        events as (
          insert into outbox (org_id, type, payload, created_at)
          select ${cohort!.orgId}::uuid, 'enrollment.remedial',
                 jsonb_build_object('enrollmentId', f.id, 'userId', f.user_id, 'cohortId', ${cohort!.id}::uuid, 'phaseId', ${phase.id}::uuid,
                                    'earnedJp', f.earned_jp, 'requiredJp', ${phase.requiredJp}::numeric, 'remedialUntil', f.remedial_until),
                 ${now.toISOString()}::timestamptz
            from flagged f
          returning 1
        )
        select (select count(*) from outcome)::int as enrollments, (select count(*) from flagged)::int as short`);
      details = { enrollments: frozen.rows[0]?.enrollments ?? 0, remedial: frozen.rows[0]?.short ?? 0 };
    }
    const open = await tx
      .select({ id: phases.id })
      .from(phases)
      .where(and(eq(phases.cohortId, cohort!.id), sql`${phases.state} <> 'closed'`));
    if (open.length === 0)
      await tx.update(cohorts).set({ status: 'completed', updatedAt: now }).where(eq(cohorts.id, cohort!.id));
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
    },
  ): Promise<Outcome> {
    return db.transaction(async (tx) => {
      const [phase] = await tx.select().from(phases).where(eq(phases.id, phaseId)).for('update');
      if (!phase) return 'gone';
      if (ctx.expectedVersion !== undefined && phase.scheduleVersion !== ctx.expectedVersion) return 'stale';
      if (kind === 'open' && phase.state !== 'pending') return 'already';
      if (kind === 'close' && phase.state === 'closed') return 'already';
      if (kind === 'close' && phase.state === 'pending' && !ctx.closeFromPending) return 'not-open';
      const now = clock.now();
      const steps: TransitionKind[] = kind === 'close' && phase.state === 'pending' ? ['open', 'close'] : [kind];
      for (const step of steps) {
        const inserted = await tx
          .insert(phaseTransitions)
          .values({
            phaseId,
            cohortId: phase.cohortId,
            kind: step,
            trigger: ctx.trigger,
            scheduleVersion: phase.scheduleVersion,
            scheduledAt: ctx.trigger === 'manual' ? null : step === 'open' ? phase.opensAt : phase.closesAt,
            appliedAt: now,
            actorId: ctx.actorId ?? null,
            reason: ctx.reason ?? null,
          })
          .onConflictDoNothing()
          .returning({ id: phaseTransitions.id });
        if (inserted.length === 0) return 'already';
        const [updated] = await tx
          .update(phases)
          .set({ state: step === 'open' ? 'open' : 'closed', updatedAt: now })
          .where(eq(phases.id, phaseId))
          .returning();
        const details = await effects(tx, updated!, step, now);
        if (Object.keys(details).length > 0) {
          await tx.update(phaseTransitions).set({ details }).where(eq(phaseTransitions.id, inserted[0]!.id));
        }
      }
      return 'applied';
    });
  }

  /** Queues the phase's transitions still to come, those up to `horizon` only when one is given. */
  async function schedulePhase(phase: Phase, horizon?: Date): Promise<void> {
    const now = clock.now().getTime();
    const plan: Array<[TransitionKind, Date]> = [];
    if (phase.state === 'pending') plan.push(['open', phase.opensAt]);
    if (phase.state !== 'closed') plan.push(['close', phase.closesAt]);
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
      const list = await db.select().from(phases).where(eq(phases.cohortId, cohortId));
      for (const phase of list) await schedulePhase(phase);
    },

    /** The worker's side of a scheduled transition. A job for other dates than the phase's now does nothing. */
    async runScheduled(job: {
      phaseId: string;
      kind: TransitionKind;
      scheduleVersion: number;
      scheduledAt: string;
      catchUp?: boolean | undefined;
    }): Promise<Outcome> {
      const late = job.catchUp === true || clock.now().getTime() - Date.parse(job.scheduledAt) > ON_TIME_MS;
      return apply(job.phaseId, job.kind, {
        trigger: late ? 'catch-up' : 'schedule',
        scheduledAt: new Date(job.scheduledAt),
        expectedVersion: job.scheduleVersion,
        closeFromPending: true,
      });
    },

    /**
     * Applies every transition that is due but not done (the worker was down, the queue lost its
     * jobs, dates were edited into the past), oldest first, and puts back any job the queue lacks
     * for the transitions of the next `PLAN_AHEAD_MS`. Its cost follows what is due or about to
     * be, not the number of unclosed phases.
     */
    async reconcile(): Promise<{ applied: number; scheduled: number }> {
      const now = clock.now();
      const due = await db
        .select()
        .from(phases)
        .where(
          sql`(${phases.state} = 'pending' and ${phases.opensAt} <= ${now.toISOString()}::timestamptz)
              or (${phases.state} <> 'closed' and ${phases.closesAt} <= ${now.toISOString()}::timestamptz)`,
        )
        .orderBy(asc(phases.opensAt));
      let applied = 0;
      for (const phase of due) {
        const closing = phase.closesAt <= now;
        const outcome = await apply(phase.id, closing ? 'close' : 'open', {
          trigger: 'catch-up',
          scheduledAt: closing ? phase.closesAt : phase.opensAt,
          closeFromPending: true,
        });
        if (outcome === 'applied') applied += 1;
      }
      // Then every transition of the coming window gets its job again, should the queue lack it.
      const horizon = new Date(clock.now().getTime() + PLAN_AHEAD_MS);
      const upcoming = await db
        .select()
        .from(phases)
        .where(
          sql`(${phases.state} = 'pending' and ${phases.opensAt} <= ${horizon.toISOString()}::timestamptz)
              or (${phases.state} <> 'closed' and ${phases.closesAt} <= ${horizon.toISOString()}::timestamptz)`,
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
      if (outcome === 'already')
        throw new ConflictError(
          `The phase is already ${action === 'open' ? 'open' : 'closed'}`,
          action === 'open' ? 'PHASE_ALREADY_OPEN' : 'PHASE_ALREADY_CLOSED',
        );
      if (outcome === 'not-open') throw new ConflictError('Open the phase before closing it', 'PHASE_NOT_OPEN');
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
        lagSeconds: t.scheduledAt ? Math.round((t.appliedAt.getTime() - t.scheduledAt.getTime()) / 1000) : null,
        actorId: t.actorId,
        reason: t.reason,
        details: t.details,
      }));
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
