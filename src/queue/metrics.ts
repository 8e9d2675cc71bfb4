import type { Queue } from 'bullmq';
import type pg from 'pg';
import { Gauge, type Registry } from 'prom-client';

/**
 * Queue depth, failed jobs and the phase clock's lag, read when /metrics is scraped: from the queue
 * store, and from PostgreSQL for what every worker has done, so any API replica answers the same.
 */
export function registerOperationalMetrics(registry: Registry, queues: Record<string, Queue>, pool: pg.Pool): void {
  new Gauge({
    name: 'queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      for (const [name, queue] of Object.entries(queues)) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n ?? 0);
      }
    },
  });
  new Gauge({
    name: 'phase_transition_lag_seconds',
    help: 'Largest delay between a phase transition being due and being applied, over the last 24 hours, by trigger',
    labelNames: ['trigger'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ trigger: string; lag: number }>(
        `select trigger, max(extract(epoch from applied_at - scheduled_at))::float8 as lag
           from phase_transitions where scheduled_at is not null and applied_at > now() - interval '1 day' group by trigger`,
      );
      this.reset();
      for (const r of rows) this.set({ trigger: r.trigger }, r.lag);
    },
  });
  new Gauge({
    name: 'phase_transitions_overdue',
    help: 'Phase transitions due more than a minute ago and not applied (the worker or its queue is down)',
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ n: number }>(
        `select count(*)::int as n from phases
          where (state = 'pending' and opens_at < now() - interval '1 minute')
             or (state <> 'closed' and closes_at < now() - interval '1 minute')`,
      );
      this.set(rows[0]?.n ?? 0);
    },
  });
}
