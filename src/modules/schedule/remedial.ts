import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import type { Cohort, Phase } from '../../db/schema.js';

const DAY_MS = 86_400_000;

/** When the remedial window of an online phase ends: its closing instant plus its remedial days. */
export function remedialEndOf(phase: Pick<Phase, 'closesAt' | 'remedialDays'>): Date {
  return new Date(phase.closesAt.getTime() + phase.remedialDays * DAY_MS);
}

/**
 * Closing an online phase: freezes each enrollment's JP of the phase into its outcome, flags those
 * short of the required JP remedial until the window ends, and clears the flag of anyone who now
 * meets every phase. A phase closed again after a reopening recomputes the outcomes of its new round.
 */
export async function recordOutcomes(tx: DbExecutor, phase: Phase, cohort: Cohort, now: Date) {
  const at = now.toISOString();
  const until = remedialEndOf(phase).toISOString();
  const frozen = await tx.execute<{ enrollments: number; short: number }>(sql`
    with earned as (
      select e.id as enrollment_id, coalesce(sum(l.jp), 0) as jp
        from enrollments e
        left join jp_ledger l on l.enrollment_id = e.id and l.phase_id = ${phase.id}::uuid
       where e.cohort_id = ${phase.cohortId}::uuid and e.status in ('active', 'remedial')
       group by e.id
    ),
    outcome as (
      insert into phase_outcomes as o (enrollment_id, phase_id, earned_jp, required_jp, met, remedial_until, closed_at,
                                       final, final_jp, final_at)
      select enrollment_id, ${phase.id}::uuid, jp, ${phase.requiredJp}::numeric, jp >= ${phase.requiredJp}::numeric,
             case when jp < ${phase.requiredJp}::numeric then ${until}::timestamptz end, ${at}::timestamptz,
             case when jp >= ${phase.requiredJp}::numeric then 'met'::phase_final_outcome end,
             case when jp >= ${phase.requiredJp}::numeric then jp end,
             case when jp >= ${phase.requiredJp}::numeric then ${at}::timestamptz end
        from earned
      on conflict (enrollment_id, phase_id) do update
         set earned_jp = excluded.earned_jp, required_jp = excluded.required_jp, met = excluded.met,
             remedial_until = excluded.remedial_until, closed_at = excluded.closed_at,
             final = excluded.final, final_jp = excluded.final_jp, final_at = excluded.final_at
      returning enrollment_id, met, earned_jp, remedial_until
    ),
    flagged as (
      update enrollments e set status = 'remedial', updated_at = ${at}::timestamptz
        from outcome o where o.enrollment_id = e.id and not o.met and e.status = 'active'
      returning e.id, e.user_id, o.earned_jp, o.remedial_until
    ),
    cleared as (
      update enrollments e set status = 'active', updated_at = ${at}::timestamptz
        from outcome o
       where o.enrollment_id = e.id and o.met and e.status = 'remedial'
         and not exists (select 1 from phase_outcomes p where p.enrollment_id = e.id and p.phase_id <> ${phase.id}::uuid
                            and (p.final is null or p.final = 'short'))
      returning e.id
    ),
    events as (
      insert into outbox (org_id, type, payload, created_at)
      select ${cohort.orgId}::uuid, 'enrollment.remedial',
             jsonb_build_object('enrollmentId', f.id, 'userId', f.user_id, 'cohortId', ${cohort.id}::uuid, 'phaseId', ${phase.id}::uuid,
                                'earnedJp', f.earned_jp, 'requiredJp', ${phase.requiredJp}::numeric, 'remedialUntil', f.remedial_until),
             ${at}::timestamptz
        from flagged f
      returning 1
    )
    select (select count(*) from outcome)::int as enrollments,
           (select count(*) from outcome where not met)::int as short`);
  return { enrollments: frozen.rows[0]?.enrollments ?? 0, remedial: frozen.rows[0]?.short ?? 0 };
}

/**
 * The end of the remedial window: every outcome of the phase still open becomes final, met in
 * remedial (the phase's JP reached with what was credited inside the window) or short, with one
 * event each. Whoever met every phase is no longer remedial.
 */
export async function finalizeOutcomes(tx: DbExecutor, phase: Phase, cohort: Cohort, now: Date) {
  const at = now.toISOString();
  const result = await tx.execute<{ met: number; short: number }>(sql`
    with earned as (
      select o.enrollment_id,
             (select coalesce(sum(l.jp), 0) from jp_ledger l
               where l.enrollment_id = o.enrollment_id and l.phase_id = o.phase_id) as jp
        from phase_outcomes o
       where o.phase_id = ${phase.id}::uuid and o.final is null
    ),
    settled as (
      update phase_outcomes o
         set final = case when e.jp >= o.required_jp then 'met_in_remedial'::phase_final_outcome else 'short'::phase_final_outcome end,
             final_jp = e.jp, final_at = ${at}::timestamptz
        from earned e
       where o.enrollment_id = e.enrollment_id and o.phase_id = ${phase.id}::uuid and o.final is null
      returning o.enrollment_id, o.final, o.final_jp, o.required_jp, o.earned_jp
    ),
    cleared as (
      update enrollments e set status = 'active', updated_at = ${at}::timestamptz
        from settled s
       where s.enrollment_id = e.id and s.final = 'met_in_remedial' and e.status = 'remedial'
         and not exists (select 1 from phase_outcomes p where p.enrollment_id = e.id and p.phase_id <> ${phase.id}::uuid
                            and (p.final is null or p.final = 'short'))
      returning e.id
    ),
    events as (
      insert into outbox (org_id, type, payload, created_at)
      select ${cohort.orgId}::uuid,
             case when s.final = 'met_in_remedial' then 'enrollment.remedial_met' else 'enrollment.remedial_short' end,
             jsonb_build_object('enrollmentId', s.enrollment_id, 'userId', en.user_id, 'cohortId', ${cohort.id}::uuid,
                                'phaseId', ${phase.id}::uuid, 'earnedJpAtClose', s.earned_jp, 'finalJp', s.final_jp,
                                'requiredJp', s.required_jp),
             ${at}::timestamptz
        from settled s join enrollments en on en.id = s.enrollment_id
      returning 1
    )
    select (select count(*) from settled where final = 'met_in_remedial')::int as met,
           (select count(*) from settled where final = 'short')::int as short`);
  return { metInRemedial: result.rows[0]?.met ?? 0, short: result.rows[0]?.short ?? 0 };
}
