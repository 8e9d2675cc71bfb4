/** The device's own store (IndexedDB): queued learning events and quiz answers in progress. */

export interface QueuedEvent {
  clientEventId: string;
  enrollmentId: string;
  type: 'heartbeat' | 'lesson_completed';
  lessonId: string;
  occurredAt: string;
  activeSeconds: number;
  /** pending until the server answered; then what it said. */
  status: 'pending' | 'accepted' | 'duplicate' | 'rejected';
  creditedSeconds?: number;
  code?: string;
  sentAt?: string;
}

export interface QuizDraft {
  key: string;
  answers: Record<string, string[]>;
}

const NAME = 'asn-participant';
let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const events = db.createObjectStore('events', { keyPath: 'clientEventId' });
      events.createIndex('status', 'status');
      db.createObjectStore('drafts', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name: 'events' | 'drafts', mode: IDBTransactionMode) {
  return (await open()).transaction(name, mode).objectStore(name);
}

/** Writes in one transaction that is committed before this resolves. */
export async function putEvents(events: QueuedEvent[]): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('events', 'readwrite');
    for (const e of events) tx.objectStore('events').put(e);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function eventsByStatus(status: QueuedEvent['status']): Promise<QueuedEvent[]> {
  return done((await store('events', 'readonly')).index('status').getAll(status));
}

export async function allEvents(): Promise<QueuedEvent[]> {
  return done((await store('events', 'readonly')).getAll());
}

export async function getDraft(key: string): Promise<QuizDraft | undefined> {
  return done((await store('drafts', 'readonly')).get(key));
}

export async function putDraft(draft: QuizDraft): Promise<void> {
  await done((await store('drafts', 'readwrite')).put(draft));
}

export async function deleteDraft(key: string): Promise<void> {
  await done((await store('drafts', 'readwrite')).delete(key));
}

/** On logout: nothing of this person stays on a shared device, except events not yet sent. */
export async function forgetSent(): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['events', 'drafts'], 'readwrite');
    tx.objectStore('drafts').clear();
    const cursor = tx.objectStore('events').openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      if ((c.value as QueuedEvent).status !== 'pending') c.delete();
      c.continue();
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
