import { z } from 'zod';

/**
 * Every queue and the payload of each job name it carries. The worker refuses to start when a
 * job name here has no handler, and producers can only enqueue what is listed.
 */
export const queueDefinitions = {
  system: {
    'self-check': z.object({ requestedAt: z.string() }),
  },
  imports: {
    'enrollment-import': z.object({ jobId: z.uuid() }),
  },
  clock: {
    transition: z.object({
      phaseId: z.uuid(),
      kind: z.enum(['open', 'close', 'remedial_end']),
      round: z.number().int().optional(),
      scheduleVersion: z.number().int(),
      scheduledAt: z.string(),
      /** Planned after its instant had passed (by the reconciler): a catch-up, however small the lag. */
      catchUp: z.boolean().optional(),
    }),
    reconcile: z.object({}),
    'behind-pace': z.object({}),
  },
  certificates: {
    issue: z.object({ jobId: z.uuid() }),
  },
  webhooks: {
    dispatch: z.object({}),
    deliver: z.object({ deliveryId: z.uuid() }),
  },
  mail: {
    dispatch: z.object({}),
    send: z.object({ mailId: z.uuid() }),
    'pace-reminders': z.object({}),
  },
} as const;

export type QueueName = keyof typeof queueDefinitions;
export type JobName<Q extends QueueName> = keyof (typeof queueDefinitions)[Q] & string;
export type JobData<Q extends QueueName, J extends JobName<Q>> = z.infer<(typeof queueDefinitions)[Q][J]>;

/**
 * Every job is idempotent, so a failure is retried with backoff. Finished jobs are kept a while
 * for Bull Board and debugging, then trimmed, so the queue store does not grow without end.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 86_400, count: 10_000 },
  removeOnFail: { age: 30 * 86_400 },
} as const;

/** The job scheduler that runs the phase clock's reconciler every minute; the worker plans it. */
export const RECONCILE_SCHEDULER = 'reconcile-every-minute';
