import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';

/**
 * Readiness probe for the queue store: a job is written, read back and removed. It is delayed by
 * an hour, so no worker picks it up meanwhile; this works on the API alone, without a worker.
 */
export async function queueRoundTrip(queue: Queue): Promise<void> {
  const id = `self-check-${randomUUID()}`;
  await queue.add('self-check', { requestedAt: new Date().toISOString() }, { jobId: id, delay: 3_600_000 });
  const job = await queue.getJob(id);
  if (!job || job.id !== id) throw new Error('the queue did not return the job it just stored');
  await job.remove();
}
