import type { Queue } from 'bullmq';
import type pg from 'pg';
import { RECONCILE_SCHEDULER } from './jobs.js';

/**
 * Readiness of the phase clock, answerable by any API replica from shared state: the reconciler's
 * schedule is in the queue store (a worker planned it, and the store has not lost it since), and no
 * transition is overdue by more than `overdueSeconds` (a worker is actually running it).
 */
export async function phaseClockRunning(clockQueue: Queue, pool: pg.Pool, overdueSeconds: number): Promise<void> {
  if (!(await clockQueue.getJobScheduler(RECONCILE_SCHEDULER))) {
    throw new Error('the phase clock is not scheduled: no worker has started, or the queue store lost its schedules');
  }
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from phases
      where (state = 'pending' and opens_at < now() - make_interval(secs => $1))
         or (state <> 'closed' and closes_at < now() - make_interval(secs => $1))`,
    [overdueSeconds],
  );
  const overdue = rows[0]?.n ?? 0;
  if (overdue > 0) throw new Error(`${overdue} phase transition(s) overdue by more than ${overdueSeconds} s`);
}
