import { api } from './api.js';
import { eventsByStatus, putEvents, type QueuedEvent } from './db.js';

/**
 * Learning events leave the device through here. Each is written to IndexedDB first, with its own
 * client id, and stays `pending` until the server has answered for it; a batch that fails (offline,
 * server away) is simply sent again later. Resending is safe: the server keeps one event per
 * client id and answers `duplicate` for the rest, so nothing is counted twice.
 */

export interface OutboxState {
  online: boolean;
  pending: number;
  pendingSeconds: number;
  /** Events the server stored but did not credit (outside an open online phase, say). */
  rejected: number;
  /** Pending seconds per lesson, for the lesson page. */
  pendingByLesson: Record<string, number>;
  /** Bumped after every batch the server answered, so views reload what it credited. */
  syncedAt: number;
}

let state: OutboxState = {
  online: navigator.onLine,
  pending: 0,
  pendingSeconds: 0,
  rejected: 0,
  pendingByLesson: {},
  syncedAt: 0,
};
const listeners = new Set<(s: OutboxState) => void>();

export function outboxState(): OutboxState {
  return state;
}

export function onOutboxChange(listener: (s: OutboxState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(patch: Partial<OutboxState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

async function count(): Promise<void> {
  const pending = await eventsByStatus('pending');
  const byLesson: Record<string, number> = {};
  let seconds = 0;
  for (const e of pending) {
    seconds += e.activeSeconds;
    byLesson[e.lessonId] = (byLesson[e.lessonId] ?? 0) + e.activeSeconds;
  }
  const rejected = (await eventsByStatus('rejected')).length;
  publish({ pending: pending.length, pendingSeconds: seconds, rejected, pendingByLesson: byLesson });
}

export async function enqueue(event: Omit<QueuedEvent, 'clientEventId' | 'status' | 'occurredAt'>): Promise<void> {
  await putEvents([
    { ...event, clientEventId: crypto.randomUUID(), occurredAt: new Date().toISOString(), status: 'pending' },
  ]);
  await count();
  void flush();
}

const BATCH = 200;
let flushing: Promise<void> | undefined;

/** Sends what is pending, in batches per enrollment; one flush at a time (in every tab, with Web Locks). */
export function flush(): Promise<void> {
  if (!navigator.onLine) return Promise.resolve();
  flushing ??= (async () => {
    try {
      const run = () => sendPending();
      if (navigator.locks) await navigator.locks.request('asn-outbox', run);
      else await run();
    } catch {
      // The network or the server is away: the events stay pending and go out on the next try.
    } finally {
      flushing = undefined;
      await count();
    }
  })();
  return flushing;
}

async function sendPending(): Promise<void> {
  const pending = await eventsByStatus('pending');
  const byEnrollment = new Map<string, QueuedEvent[]>();
  for (const e of pending) byEnrollment.set(e.enrollmentId, [...(byEnrollment.get(e.enrollmentId) ?? []), e]);
  for (const [enrollmentId, events] of byEnrollment) {
    events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      const { data, response } = await api.POST('/v1/me/progress', {
        body: {
          enrollmentId,
          events: batch.map((e) => ({
            clientEventId: e.clientEventId,
            type: e.type,
            lessonId: e.lessonId,
            occurredAt: e.occurredAt,
            activeSeconds: e.activeSeconds,
          })),
        },
      });
      if (!data) {
        // A 4xx for the whole batch (not enrolled any more, say) would never pass: it is set aside.
        if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 429) {
          await putEvents(batch.map((e) => ({ ...e, status: 'rejected', code: String(response.status) })));
        }
        return;
      }
      const sentAt = new Date().toISOString();
      const answered = new Map(data.results.map((r) => [r.clientEventId, r]));
      await putEvents(
        batch.map((e): QueuedEvent => {
          const r = answered.get(e.clientEventId);
          if (!r) return e;
          if (r.status === 'accepted') return { ...e, status: 'accepted', creditedSeconds: r.creditedSeconds, sentAt };
          if (r.status === 'duplicate') return { ...e, status: 'duplicate', sentAt };
          return { ...e, status: 'rejected', code: r.code, sentAt };
        }),
      );
      publish({ syncedAt: Date.now() });
    }
  }
}

export function startOutbox(): void {
  addEventListener('online', () => {
    publish({ online: true });
    void flush();
  });
  addEventListener('offline', () => publish({ online: false }));
  setInterval(() => void flush(), 20_000);
  void count().then(flush);
}
