import { describe, expect, test } from 'vitest';
import {
  creditBatch,
  onlineJp,
  type CreditInput,
  type CreditResult,
  type CreditRules,
  type EventOutcome,
  type IncomingEvent,
  type LessonInfo,
  type LessonState,
  type OnlinePhase,
} from '../../src/modules/progress/credit.js';

const rules: CreditRules = {
  maxHeartbeatSeconds: 300,
  toleranceSeconds: 5,
  futureSkewSeconds: 120,
  completionShare: 0.8,
  dailyJpCap: 24,
  backlogDays: 14,
};

// M1 is 2 JP: a 60-minute reading and a 30-minute quiz (90 min = 2 × 45).
// M2 is 1 JP: a 45-minute video, a 15-minute reading completed by hand, a 20-minute assignment.
const lessonList: LessonInfo[] = [
  { id: 'm1-reading', moduleId: 'M1', kind: 'reading', durationSeconds: 3600, manualCompletion: false },
  { id: 'm1-quiz', moduleId: 'M1', kind: 'quiz', durationSeconds: 1800, manualCompletion: false },
  { id: 'm2-video', moduleId: 'M2', kind: 'video', durationSeconds: 2700, manualCompletion: false },
  { id: 'm2-reading', moduleId: 'M2', kind: 'reading', durationSeconds: 900, manualCompletion: true },
  { id: 'm2-assignment', moduleId: 'M2', kind: 'assignment', durationSeconds: 1200, manualCompletion: false },
];
const lessons = new Map(lessonList.map((l) => [l.id, l]));
const moduleJp = new Map([
  ['M1', 2],
  ['M2', 1],
]);

const OPENS = new Date('2024-10-22T17:00:00Z');
const CLOSES = new Date('2024-11-08T17:00:00Z');
const phase: OnlinePhase = {
  id: 'online',
  state: 'open',
  openedAt: OPENS,
  closedAt: null,
  extendedUntil: null,
  remedialUntil: null,
  requiredJp: 3,
};
const closed: OnlinePhase = { ...phase, state: 'closed', closedAt: CLOSES };

/** Events are placed relative to T0, well inside the phase; `now` is ten hours later. */
const T0 = Date.parse('2024-10-25T02:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const NOW = at(10 * 3600);

function input(overrides: Partial<CreditInput> = {}): CreditInput {
  return {
    events: [],
    known: new Set(),
    enrollmentActive: true,
    creditedUntil: null,
    lastActivityAt: null,
    lessonStates: new Map(),
    lessons,
    moduleJp,
    phases: [phase],
    minutesPerJp: 45,
    now: NOW,
    rules,
    notBefore: null,
    timeZone: 'Asia/Jakarta',
    phaseJp: new Map(),
    daySeconds: new Map(),
    ...overrides,
  };
}

let nextId = 0;
function hb(lessonId: string, occurredAt: Date, activeSeconds: number, clientEventId?: string): IncomingEvent {
  return { clientEventId: clientEventId ?? `hb-${nextId++}`, type: 'heartbeat', lessonId, occurredAt, activeSeconds };
}
function done(lessonId: string, occurredAt: Date, clientEventId?: string): IncomingEvent {
  return {
    clientEventId: clientEventId ?? `done-${nextId++}`,
    type: 'lesson_completed',
    lessonId,
    occurredAt,
    activeSeconds: 0,
  };
}

const state = (creditedSeconds: number, completedAt: Date | null = null, completedBy: string | null = null) => ({
  creditedSeconds,
  completedAt,
  completedBy,
});

const credits = (r: CreditResult) =>
  r.outcomes.map((o) => (o.status === 'accepted' ? o.creditedSeconds : `${o.status}`));
const ledgerJp = (r: CreditResult) => r.ledger.map((l) => l.jp);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function rejected(o: EventOutcome | undefined) {
  return o && o.status === 'rejected' ? o.code : `not rejected: ${JSON.stringify(o)}`;
}

describe('crediting time: credit, not claims', () => {
  test('60 heartbeats one second apart each claiming 45 min are credited about one minute', () => {
    const events = Array.from({ length: 60 }, (_, i) => hb('m1-reading', at(i), 2700));
    const r = creditBatch(input({ events }));
    // First (no earlier event): min(2700, 300, 0 + 5) = 5, timeline at t0.
    // Second at t0+1: 1 + 5 = 6, timeline at t0+6 (runs 5 s ahead).
    // Every later one at t0+k: elapsed k - (k+4) = -4, so -4 + 5 = 1, timeline at t0+k+5.
    expect(credits(r)).toEqual([5, 6, ...Array<number>(58).fill(1)]);
    expect(r.creditedSeconds).toBe(69);
    expect(r.creditedSeconds).toBeLessThanOrEqual(60 + 2 * rules.toleranceSeconds);
    expect(r.creditedUntil).toEqual(at(64));
    expect(r.lessonStates.get('m1-reading')?.creditedSeconds).toBe(69);
    expect(r.ledger).toHaveLength(60);
  });

  test('steady heartbeats every 30 s claiming 30 s earn 30 s each after the first', () => {
    const events = [0, 30, 60, 90, 120].map((s) => hb('m2-video', at(s), 30));
    const fresh = creditBatch(input({ events }));
    expect(credits(fresh)).toEqual([5, 30, 30, 30, 30]);
    expect(fresh.creditedSeconds).toBe(125);
    expect(fresh.creditedUntil).toEqual(at(120));

    // With an earlier event 30 s before, the first earns its full 30 s too.
    const continuing = creditBatch(input({ events, creditedUntil: at(-30), lastActivityAt: at(-30) }));
    expect(credits(continuing)).toEqual([30, 30, 30, 30, 30]);
    expect(continuing.creditedSeconds).toBe(150);
    expect(continuing.lastActivityAt).toEqual(at(120));
  });

  test('the tolerance is forgiven once, not per heartbeat: claiming 60 s every 30 s earns 30 s each', () => {
    const events = [0, 30, 60, 90].map((s) => hb('m2-video', at(s), 60));
    const r = creditBatch(input({ events, creditedUntil: at(-30) }));
    // First: min(60, 30 + 5) = 35, timeline t0+5. Then 30 - 5 + 5 = 30 each.
    expect(credits(r)).toEqual([35, 30, 30, 30]);
    expect(r.creditedUntil).toEqual(at(95));
  });

  test('a heartbeat after a long pause earns at most maxHeartbeatSeconds, and never more than it claims', () => {
    const r = creditBatch(
      input({
        events: [hb('m1-reading', at(2 * 3600), 2700), hb('m1-reading', at(4 * 3600), 120)],
        creditedUntil: at(0),
      }),
    );
    expect(credits(r)).toEqual([300, 120]);
    expect(r.creditedUntil).toEqual(at(4 * 3600));
  });

  test('a batch sent out of order is credited in occurredAt order; outcomes come back in request order', () => {
    const events = [hb('m2-video', at(60), 30, 'c'), hb('m2-video', at(0), 30, 'a'), hb('m2-video', at(30), 30, 'b')];
    const r = creditBatch(input({ events, creditedUntil: at(-30) }));
    expect(r.outcomes.map((o) => o.clientEventId)).toEqual(['c', 'a', 'b']);
    // Credited oldest first, every one earns its 30 s (in request order the first two would earn 0).
    expect(credits(r)).toEqual([30, 30, 30]);
    expect(r.ledger.map((l) => l.occurredAt)).toEqual([at(0), at(30), at(60)]);
  });

  test('events older than the credited timeline earn (almost) nothing', () => {
    const first = creditBatch(
      input({ events: [0, 30, 60].map((s) => hb('m2-video', at(s), 30)), creditedUntil: at(-30) }),
    );
    expect(first.creditedSeconds).toBe(90);
    expect(first.creditedUntil).toEqual(at(60));

    // A queue from another device arriving later, with older events.
    const late = creditBatch(
      input({
        events: [hb('m2-video', at(15), 30), hb('m2-video', at(45), 30), hb('m2-video', at(58), 30)],
        creditedUntil: first.creditedUntil,
        lastActivityAt: first.lastActivityAt,
        lessonStates: first.lessonStates,
      }),
    );
    // 15 - 60 + 5 < 0 → 0; 45 - 60 + 5 < 0 → 0; 58 - 60 + 5 = 3 (within the tolerance).
    expect(credits(late)).toEqual([0, 0, 3]);
    expect(late.creditedSeconds).toBe(3);
    expect(late.creditedUntil).toEqual(at(63));
    expect(late.lastActivityAt).toEqual(at(60));
    expect(late.outcomes.every((o) => o.status === 'accepted')).toBe(true);
    // Only credited heartbeats reach the JP ledger.
    expect(late.ledger.map((l) => l.seconds)).toEqual([3]);
  });
});

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function randomEvents(rand: () => number, n: number): IncomingEvent[] {
  const events: IncomingEvent[] = [];
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += 1 + Math.floor(rand() * (rand() < 0.2 ? 900 : 60));
    const lesson = lessonList[Math.floor(rand() * lessonList.length)]!;
    const kind = rand() < 0.1 ? 'lesson_completed' : 'heartbeat';
    events.push({
      clientEventId: `r${i}`,
      type: kind,
      lessonId: lesson.id,
      occurredAt: at(s),
      activeSeconds: Math.floor(rand() * 3000),
    });
  }
  return events;
}

/** Sends batches one after the other, carrying the enrollment's state like the service does. */
function sendAll(batches: IncomingEvent[][], creditedUntil: Date | null) {
  let until = creditedUntil;
  let states = new Map<string, LessonState>();
  const known = new Set<string>();
  let total = 0;
  const ledger: CreditResult['ledger'] = [];
  const outcomes: EventOutcome[] = [];
  for (const events of batches) {
    const r = creditBatch(
      input({ events, known: new Set(known), creditedUntil: until, lessonStates: states, now: at(50_000) }),
    );
    for (const s of r.stored) known.add(s.clientEventId);
    states = new Map([
      ...states,
      ...[...r.lessonStates].map(([id, s]) => [id, state(s.creditedSeconds, s.completedAt, s.completedBy)] as const),
    ]);
    until = r.creditedUntil;
    total += r.creditedSeconds;
    ledger.push(...r.ledger);
    outcomes.push(...r.outcomes);
    expect(r.creditedSeconds).toBe(sum(r.outcomes.map((o) => (o.status === 'accepted' ? o.creditedSeconds : 0))));
  }
  return { total, states, ledger, outcomes };
}

describe('however events are batched, resent or raced, credit never exceeds the wall-clock span', () => {
  for (const seed of [1, 2, 3, 7, 42, 1234, 9999, 20241022]) {
    test(`seed ${seed}`, () => {
      const rand = prng(seed);
      const events = randomEvents(rand, 50);
      const first = events[0]!.occurredAt.getTime();
      const last = events[events.length - 1]!.occurredAt.getTime();
      const prior = at(-100);
      const tol = rules.toleranceSeconds;

      // One batch, in order and shuffled: the same credit per event.
      const inOrder = sendAll([events], prior);
      const asShuffled = sendAll([shuffled(events, rand)], prior);
      expect(inOrder.total).toBeGreaterThan(0);
      expect(asShuffled.total).toBe(inOrder.total);
      const byId = (os: EventOutcome[]) => new Map(os.map((o) => [o.clientEventId, o]));
      expect(byId(asShuffled.outcomes)).toEqual(byId(inOrder.outcomes));

      // Random batches, sent in random order, each shuffled, some resent.
      const cuts = [...new Set(Array.from({ length: 4 }, () => Math.floor(rand() * events.length)))].sort(
        (a, b) => a - b,
      );
      const batches: IncomingEvent[][] = [];
      let from = 0;
      for (const cut of [...cuts, events.length]) {
        if (cut > from) batches.push(shuffled(events.slice(from, cut), rand));
        from = cut;
      }
      const raced = shuffled(batches, rand);
      const withResends = [...raced, ...raced.filter(() => rand() < 0.5)];

      for (const [run, start] of [
        [sendAll([events], prior), prior],
        [sendAll(raced, prior), prior],
        [sendAll(withResends, prior), prior],
        [sendAll(raced, null), null],
      ] as const) {
        // From the previous credited instant: span plus one tolerance.
        // With no previous event, the first heartbeat's tolerance reaches before it: one more.
        const bound = start ? (last - start.getTime()) / 1000 + tol : (last - first) / 1000 + 2 * tol;
        expect(run.total).toBeLessThanOrEqual(bound);
        for (const [lessonId, s] of run.states) {
          expect(s.creditedSeconds).toBeLessThanOrEqual(lessons.get(lessonId)!.durationSeconds);
        }
        expect(sum(run.ledger.map((l) => l.seconds))).toBe(run.total);
        expect(sum(run.ledger.map((l) => l.jp))).toBeCloseTo(onlineJp(run.states, lessons, moduleJp, 45, 3), 8);
      }

      // Resending batches changes nothing.
      const resentRun = sendAll(withResends, prior);
      expect(resentRun.total).toBe(sendAll(raced, prior).total);
      const resentOutcomes = resentRun.outcomes.slice(events.length);
      expect(resentOutcomes.every((o) => o.status === 'duplicate')).toBe(true);
    });
  }
});

describe('duplicates', () => {
  test('a known id, or one repeated in the batch, is a duplicate: not stored, not credited', () => {
    const events = [
      hb('m2-video', at(0), 30, 'a'),
      hb('m2-video', at(30), 30, 'b'),
      hb('m2-video', at(30), 30, 'b'),
      hb('m2-video', at(60), 30, 'c'),
    ];
    const r = creditBatch(input({ events, known: new Set(['a']), creditedUntil: at(-30) }));
    expect(r.outcomes.map((o) => `${o.clientEventId}:${o.status}`)).toEqual([
      'a:duplicate',
      'b:accepted',
      'b:duplicate',
      'c:accepted',
    ]);
    // b: 30 s since the earlier credit (at t0-30 → t0+30 is 60 s, capped by its 30 s claim); c: 30 s.
    expect(credits(r)).toEqual(['duplicate', 30, 'duplicate', 30]);
    expect(r.creditedSeconds).toBe(60);
    expect(r.stored.map((s) => s.clientEventId).sort()).toEqual(['b', 'c']);
    expect(r.ledger).toHaveLength(2);
  });

  test('resending a whole batch (rejected events included) changes nothing', () => {
    const events = [hb('m2-video', at(0), 30, 'x1'), hb('nope', at(10), 30, 'x2'), hb('m2-video', at(30), 30, 'x3')];
    const first = creditBatch(input({ events, creditedUntil: at(-30) }));
    expect(first.stored).toHaveLength(3);
    const again = creditBatch(
      input({
        events,
        known: new Set(first.stored.map((s) => s.clientEventId)),
        creditedUntil: first.creditedUntil,
        lessonStates: first.lessonStates,
      }),
    );
    expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.stored).toEqual([]);
    expect(again.ledger).toEqual([]);
    expect(again.creditedSeconds).toBe(0);
    expect(again.creditedUntil).toEqual(first.creditedUntil);
  });
});

describe("a lesson's typical time", () => {
  test('credit never exceeds the typical time; the capped heartbeat still moves nothing past it', () => {
    const r = creditBatch(
      input({
        events: [hb('m1-reading', at(0), 300), hb('m1-reading', at(300), 300)],
        creditedUntil: at(-300),
        lessonStates: new Map([['m1-reading', state(3590, at(-5000), 'time')]]),
      }),
    );
    expect(credits(r)).toEqual([10, 0]);
    expect(r.lessonStates.get('m1-reading')?.creditedSeconds).toBe(3600);
    expect(r.ledger.map((l) => l.seconds)).toEqual([10]);
    expect(r.outcomes.every((o) => o.status === 'accepted' && !o.lessonCompleted)).toBe(true);
  });

  test('a reading completes by time at 80 % of its typical time, reported once', () => {
    // 80 % of 3600 s = 2880 s.
    const r = creditBatch(
      input({
        events: [hb('m1-reading', at(0), 60), hb('m1-reading', at(30), 30), hb('m1-reading', at(60), 30)],
        creditedUntil: at(-300),
        lessonStates: new Map([['m1-reading', state(2800)]]),
      }),
    );
    expect(credits(r)).toEqual([60, 30, 30]); // 2860, 2890, 2920
    expect(r.outcomes.map((o) => o.status === 'accepted' && o.lessonCompleted)).toEqual([false, true, false]);
    expect(r.lessonStates.get('m1-reading')).toEqual({
      creditedSeconds: 2920,
      completedAt: at(30),
      completedBy: 'time',
      lastEventAt: at(60),
    });
  });

  test('a video completes exactly at 80 % (2160 of 2700 s), not a second before', () => {
    const before = creditBatch(
      input({
        events: [hb('m2-video', at(0), 9)],
        creditedUntil: at(-30),
        lessonStates: new Map([['m2-video', state(2150)]]),
      }),
    );
    expect(before.lessonStates.get('m2-video')).toMatchObject({ creditedSeconds: 2159, completedAt: null });

    const exactly = creditBatch(
      input({
        events: [hb('m2-video', at(0), 10)],
        creditedUntil: at(-30),
        lessonStates: new Map([['m2-video', state(2150)]]),
      }),
    );
    expect(exactly.outcomes[0]).toMatchObject({ status: 'accepted', creditedSeconds: 10, lessonCompleted: true });
    expect(exactly.lessonStates.get('m2-video')).toMatchObject({ completedAt: at(0), completedBy: 'time' });
  });

  test('an assignment completes by time at 80 % (960 of 1200 s)', () => {
    const r = creditBatch(
      input({
        events: [hb('m2-assignment', at(0), 30)],
        creditedUntil: at(-30),
        lessonStates: new Map([['m2-assignment', state(950)]]),
      }),
    );
    expect(r.outcomes[0]).toMatchObject({ status: 'accepted', creditedSeconds: 30, lessonCompleted: true });
    expect(r.lessonStates.get('m2-assignment')).toMatchObject({ creditedSeconds: 980, completedBy: 'time' });
  });

  test('a quiz is never completed by time, even at 100 % of its typical time', () => {
    const r = creditBatch(
      input({
        events: [hb('m1-quiz', at(0), 30), hb('m1-quiz', at(30), 30)],
        creditedUntil: at(-30),
        lessonStates: new Map([['m1-quiz', state(1790)]]),
      }),
    );
    expect(credits(r)).toEqual([10, 0]);
    expect(r.outcomes.map((o) => o.status === 'accepted' && o.lessonCompleted)).toEqual([false, false]);
    expect(r.lessonStates.get('m1-quiz')).toMatchObject({
      creditedSeconds: 1800,
      completedAt: null,
      completedBy: null,
    });
  });
});

describe('lesson_completed', () => {
  test('completes a lesson with manual completion, earning no seconds', () => {
    const event = { ...done('m2-reading', at(0), 'm'), activeSeconds: 500 };
    const r = creditBatch(input({ events: [event], creditedUntil: at(-30) }));
    expect(r.outcomes).toEqual([{ clientEventId: 'm', status: 'accepted', creditedSeconds: 0, lessonCompleted: true }]);
    expect(r.lessonStates.get('m2-reading')).toEqual({
      creditedSeconds: 0,
      completedAt: at(0),
      completedBy: 'manual',
      lastEventAt: at(0),
    });
    expect(r.stored).toEqual([
      {
        clientEventId: 'm',
        type: 'lesson_completed',
        lessonId: 'm2-reading',
        occurredAt: at(0),
        claimedSeconds: 0,
        creditedSeconds: 0,
        status: 'accepted',
        reason: null,
      },
    ]);
    expect(r.ledger).toEqual([]);
    expect(r.creditedSeconds).toBe(0);
    // It does not move the credit timeline.
    expect(r.creditedUntil).toEqual(at(-30));
    expect(r.lastActivityAt).toEqual(at(0));
  });

  test('a second completion keeps the first completion time and is not reported as completing', () => {
    const r = creditBatch(
      input({
        events: [done('m2-reading', at(100))],
        lessonStates: new Map([['m2-reading', state(120, at(0), 'manual')]]),
      }),
    );
    expect(r.outcomes[0]).toMatchObject({ status: 'accepted', lessonCompleted: false });
    expect(r.lessonStates.get('m2-reading')).toMatchObject({
      creditedSeconds: 120,
      completedAt: at(0),
      completedBy: 'manual',
    });
  });

  test('is rejected for a lesson that completes by time, and for a quiz even if marked manual', () => {
    const quizMarkedManual = new Map(lessons);
    quizMarkedManual.set('m1-quiz', { ...lessons.get('m1-quiz')!, manualCompletion: true });
    for (const lessonMap of [lessons, quizMarkedManual]) {
      const r = creditBatch(
        input({
          lessons: lessonMap,
          events: [done('m2-video', at(0)), done('m1-quiz', at(1)), done('m1-reading', at(2))],
        }),
      );
      expect(r.outcomes.map(rejected)).toEqual([
        'MANUAL_COMPLETION_NOT_ALLOWED',
        'MANUAL_COMPLETION_NOT_ALLOWED',
        'MANUAL_COMPLETION_NOT_ALLOWED',
      ]);
      expect(r.stored.map((s) => [s.status, s.reason, s.creditedSeconds])).toEqual([
        ['rejected', 'MANUAL_COMPLETION_NOT_ALLOWED', 0],
        ['rejected', 'MANUAL_COMPLETION_NOT_ALLOWED', 0],
        ['rejected', 'MANUAL_COMPLETION_NOT_ALLOWED', 0],
      ]);
      expect(r.lessonStates.size).toBe(0);
      expect(r.lastActivityAt).toBeNull();
    }
  });
});

describe('rejections are stored with their code and earn nothing', () => {
  function expectRejected(overrides: Partial<CreditInput>, event: IncomingEvent, code: string) {
    const r = creditBatch(input({ creditedUntil: at(-30), lastActivityAt: at(-30), ...overrides, events: [event] }));
    expect(rejected(r.outcomes[0])).toBe(code);
    expect(r.stored).toEqual([
      {
        clientEventId: event.clientEventId,
        type: event.type,
        lessonId: event.lessonId,
        occurredAt: event.occurredAt,
        claimedSeconds: event.activeSeconds,
        creditedSeconds: 0,
        status: 'rejected',
        reason: code,
      },
    ]);
    expect(r.creditedSeconds).toBe(0);
    expect(r.ledger).toEqual([]);
    expect(r.lessonStates.size).toBe(0);
    expect(r.creditedUntil).toEqual(overrides.creditedUntil === undefined ? at(-30) : overrides.creditedUntil);
    expect(r.lastActivityAt).toEqual(at(-30));
  }
  const accepted = (overrides: Partial<CreditInput>, event: IncomingEvent) => {
    const r = creditBatch(input({ ...overrides, events: [event] }));
    expect(r.outcomes[0]).toMatchObject({ status: 'accepted', creditedSeconds: 30 });
    return r;
  };

  test('NOT_ENROLLED when the enrollment is withdrawn or finished', () => {
    expectRejected({ enrollmentActive: false }, hb('m2-video', at(0), 30), 'NOT_ENROLLED');
  });

  test('LESSON_NOT_IN_COURSE for a lesson outside the course', () => {
    expectRejected({}, hb('another-course-lesson', at(0), 30), 'LESSON_NOT_IN_COURSE');
  });

  test('IMPLAUSIBLE beyond the future skew; within it is fine', () => {
    expectRejected({}, hb('m2-video', new Date(NOW.getTime() + 121_000), 30), 'IMPLAUSIBLE');
    accepted(
      { creditedUntil: new Date(NOW.getTime() + 90_000) },
      hb('m2-video', new Date(NOW.getTime() + 120_000), 30),
    );
    accepted({ creditedUntil: new Date(NOW.getTime()) }, hb('m2-video', new Date(NOW.getTime() + 60_000), 30));
  });

  test('PHASE_NOT_OPEN before the phase opened; from its opening on it is credited', () => {
    const now = new Date('2024-10-23T00:00:00Z');
    expectRejected({ now }, hb('m2-video', new Date('2024-10-22T16:59:59Z'), 30), 'PHASE_NOT_OPEN');
    expectRejected({ now, phases: [] }, hb('m2-video', new Date('2024-10-22T18:00:00Z'), 30), 'PHASE_NOT_OPEN');
    accepted(
      { now, creditedUntil: new Date('2024-10-22T16:59:30Z') },
      hb('m2-video', new Date('2024-10-22T17:00:00Z'), 30),
    );
  });

  test('state decides, not dates: a pending phase credits nothing after its date; one opened early by hand credits at once', () => {
    const pending: OnlinePhase = { ...phase, state: 'pending' };
    expectRejected({ phases: [pending] }, hb('m2-video', at(0), 30), 'PHASE_NOT_OPEN');
    const early: OnlinePhase = { ...phase, openedAt: new Date('2024-10-20T03:00:00Z') };
    accepted(
      { phases: [early], now: new Date('2024-10-20T04:00:00Z'), creditedUntil: new Date('2024-10-20T03:59:00Z') },
      hb('m2-video', new Date('2024-10-20T03:59:30Z'), 30),
    );
  });

  test('an open phase credits until it is closed, even past its end date while the close is pending', () => {
    accepted(
      { now: new Date(CLOSES.getTime() + 60_000), creditedUntil: new Date(CLOSES.getTime() + 29_000) },
      hb('m2-video', new Date(CLOSES.getTime() + 59_000), 30),
    );
  });

  test('PHASE_CLOSED once closed, even for an event that happened while it was open', () => {
    expectRejected({ phases: [closed] }, hb('m2-video', at(0), 30), 'PHASE_CLOSED');
    expectRejected(
      { phases: [closed], now: new Date('2024-11-10T00:00:00Z') },
      hb('m2-video', new Date('2024-11-09T12:00:00Z'), 30),
      'PHASE_CLOSED',
    );
  });

  test("a personal extension credits events after the phase's own end, until the extension ends", () => {
    const extended: OnlinePhase = { ...closed, extendedUntil: new Date('2024-11-15T17:00:00Z') };
    const r = accepted(
      { phases: [extended], now: new Date('2024-11-12T10:00:00Z'), creditedUntil: new Date('2024-11-12T09:59:00Z') },
      hb('m2-video', new Date('2024-11-12T09:59:30Z'), 30),
    );
    expect(r.ledger).toEqual([
      {
        phaseId: 'online',
        moduleId: 'M2',
        lessonId: 'm2-video',
        jp: 0.0111,
        seconds: 30,
        occurredAt: new Date('2024-11-12T09:59:30Z'),
        localDate: '2024-11-12',
      },
    ]);
    // Without the extension the same event is refused.
    expectRejected(
      { phases: [closed], now: new Date('2024-11-12T10:00:00Z') },
      hb('m2-video', new Date('2024-11-12T09:59:30Z'), 30),
      'PHASE_CLOSED',
    );
    // After the extension ends, it is closed too.
    expectRejected(
      { phases: [extended], now: new Date('2024-11-15T17:00:30Z') },
      hb('m2-video', new Date('2024-11-15T17:00:10Z'), 30),
      'PHASE_CLOSED',
    );
  });

  test('the remedial window credits new learning after the close to the same phase, up to its JP, and ends', () => {
    const remedial: OnlinePhase = { ...closed, remedialUntil: new Date('2024-11-23T17:00:00Z') };
    const now = new Date('2024-11-20T05:00:00Z');
    const r = accepted(
      {
        phases: [remedial],
        now,
        creditedUntil: new Date('2024-11-20T04:59:00Z'),
        phaseJp: new Map([['online', 2.99]]),
      },
      hb('m2-video', new Date('2024-11-20T04:59:30Z'), 30),
    );
    expect(r.ledger.map((l) => [l.phaseId, l.jp])).toEqual([['online', 0.01]]);
    expect(r.phaseJp.get('online')).toBe(3);
    // What happened before the close stays frozen; after the window nothing counts.
    expectRejected({ phases: [remedial], now }, hb('m2-video', new Date('2024-11-08T10:00:00Z'), 30), 'PHASE_CLOSED');
    expectRejected(
      { phases: [remedial], now: new Date('2024-11-23T17:00:01Z') },
      hb('m2-video', new Date('2024-11-23T16:59:50Z'), 30),
      'PHASE_CLOSED',
    );
  });

  test('a rejected event in a batch does not disturb the others', () => {
    const r = creditBatch(
      input({
        events: [hb('m2-video', at(0), 30), hb('nope', at(15), 30), hb('m2-video', at(30), 30)],
        creditedUntil: at(-30),
      }),
    );
    expect(credits(r)).toEqual([30, 'rejected', 30]);
    expect(r.stored.map((s) => s.status)).toEqual(['accepted', 'rejected', 'accepted']);
  });
});

describe('JP ledger', () => {
  const fiveHeartbeats = [0, 300, 600, 900, 1200].map((s) => hb('m1-reading', at(s), 300));

  test('each credited heartbeat adds the rounded increase of online JP (45 min per JP)', () => {
    const r = creditBatch(input({ events: fiveHeartbeats, creditedUntil: at(-300) }));
    expect(credits(r)).toEqual([300, 300, 300, 300, 300]);
    // 300 s each; 2700 s per JP: 0.1111, 0.2222, 0.3333, 0.4444, 0.5556 (1500/2700 = 0.55556).
    expect(ledgerJp(r)).toEqual([0.1111, 0.1111, 0.1111, 0.1111, 0.1112]);
    expect(r.ledger[0]).toEqual({
      phaseId: 'online',
      moduleId: 'M1',
      lessonId: 'm1-reading',
      jp: 0.1111,
      seconds: 300,
      occurredAt: at(0),
      localDate: '2024-10-25',
    });
    const final = onlineJp(r.lessonStates, lessons, moduleJp, 45, 3);
    expect(final).toBe(0.5556);
    expect(sum(ledgerJp(r))).toBeCloseTo(final, 10);
  });

  test('with 60 minutes per JP the same seconds give fewer JP', () => {
    const r = creditBatch(input({ events: fiveHeartbeats, creditedUntil: at(-300), minutesPerJp: 60 }));
    // 3600 s per JP: 0.0833, 0.1667, 0.25, 0.3333, 0.4167.
    expect(ledgerJp(r)).toEqual([0.0833, 0.0834, 0.0833, 0.0833, 0.0834]);
    expect(onlineJp(r.lessonStates, lessons, moduleJp, 60, 3)).toBe(0.4167);
    expect(sum(ledgerJp(r))).toBeCloseTo(0.4167, 10);
  });

  test("module JP is capped at the module's JP", () => {
    const r = creditBatch(
      input({
        events: [hb('m2-reading', at(0), 300), hb('m2-reading', at(300), 300)],
        creditedUntil: at(-300),
        lessonStates: new Map([['m2-video', state(2600, at(-9000), 'time')]]),
      }),
    );
    // M2 before: 2600/2700 = 0.963; after +300 s: min(1, 2900/2700) = 1; then still 1.
    expect(credits(r)).toEqual([300, 300]);
    expect(r.ledger.map((l) => [l.seconds, l.jp])).toEqual([
      [300, 0.037],
      [300, 0],
    ]);
    const after = new Map<string, LessonState>([['m2-video', state(2600)], ...r.lessonStates]);
    expect(onlineJp(after, lessons, moduleJp, 45, 3)).toBe(1);
  });

  test("total online JP is capped at the phase's required JP", () => {
    const states = new Map([
      ['m1-reading', state(3600, at(-20_000), 'time')],
      ['m1-quiz', state(1800)],
      ['m2-video', state(1200)],
    ]);
    // Before: 2 + 1200/2700 = 2.4444; after +300 s: 2 + 0.5556 = 2.5556, capped at 2.5.
    expect(onlineJp(states, lessons, moduleJp, 45, 2.5)).toBe(2.4444);
    const r = creditBatch(
      input({
        events: [hb('m2-video', at(0), 300), hb('m2-video', at(300), 300)],
        creditedUntil: at(-300),
        lessonStates: states,
        phases: [{ ...phase, requiredJp: 2.5 }],
        phaseJp: new Map([['online', 2.4444]]),
      }),
    );
    expect(r.ledger.map((l) => [l.seconds, l.jp])).toEqual([
      [300, 0.0556],
      [300, 0],
    ]);
    expect(onlineJp(new Map([...states, ...r.lessonStates]), lessons, moduleJp, 45, 2.5)).toBe(2.5);
  });

  test('onlineJp: per-module and phase caps, no phase cap when required JP is 0', () => {
    const full = new Map([
      ['m1-reading', state(3600)],
      ['m1-quiz', state(1800)],
      ['m2-video', state(2700)],
      ['m2-reading', state(900)],
    ]);
    // M1: 5400 s = 2 JP; M2: 3600 s = 1.3333 → capped at 1.
    expect(onlineJp(full, lessons, moduleJp, 45, 0)).toBe(3);
    expect(onlineJp(full, lessons, moduleJp, 45, 2.5)).toBe(2.5);
    // With 60 min per JP, M1's 90 minutes are 1.5 JP; M2's 60 minutes are 1 JP.
    expect(onlineJp(full, lessons, moduleJp, 60, 0)).toBe(2.5);
    // A lesson no longer in the catalog counts for nothing.
    expect(onlineJp(new Map([['gone', state(9000)]]), lessons, moduleJp, 45, 0)).toBe(0);
  });
});

describe('several online phases: each counts its own JP', () => {
  // Latsar: self-study, then distance learning, each with its own required JP.
  const first: OnlinePhase = { ...closed, id: 'self-study', requiredJp: 1, closedAt: new Date('2024-10-24T17:00:00Z') };
  const second: OnlinePhase = { ...phase, id: 'distance', requiredJp: 2, openedAt: new Date('2024-10-24T17:00:00Z') };

  test('a participant who met the first phase earns the second phase’s JP in it', () => {
    const r = creditBatch(
      input({
        events: [0, 300, 600, 900, 1200, 1500].map((s) => hb('m1-reading', at(s), 300)),
        creditedUntil: at(-300),
        lessonStates: new Map([['m2-video', state(2700, at(-90_000), 'time')]]),
        phases: [first, second],
        phaseJp: new Map([['self-study', 1]]),
      }),
    );
    expect(new Set(r.ledger.map((l) => l.phaseId))).toEqual(new Set(['distance']));
    expect(sum(ledgerJp(r))).toBeCloseTo(0.6667, 4);
    expect(r.phaseJp).toEqual(
      new Map([
        ['self-study', 1],
        ['distance', 0.6667],
      ]),
    );
  });

  test('a module learnt in full in one phase earns nothing again in the next, and each phase stops at its own JP', () => {
    const r = creditBatch(
      input({
        events: [hb('m2-video', at(0), 300)],
        creditedUntil: at(-300),
        lessonStates: new Map([
          ['m2-reading', state(900)],
          ['m2-assignment', state(1800)],
        ]),
        phases: [first, second],
      }),
    );
    expect(ledgerJp(r)).toEqual([0]);
    const capped = creditBatch(
      input({
        events: [hb('m1-reading', at(0), 300), hb('m1-reading', at(300), 300)],
        creditedUntil: at(-300),
        phases: [first, second],
        phaseJp: new Map([['distance', 1.9]]),
      }),
    );
    expect(ledgerJp(capped)).toEqual([0.1, 0]);
  });
});

describe('bounds on what a client can claim', () => {
  const expectRejected = (overrides: Partial<CreditInput>, event: IncomingEvent, code: string) =>
    expect(rejected(creditBatch(input({ ...overrides, events: [event] })).outcomes[0])).toBe(code);
  const accepted = (overrides: Partial<CreditInput>, event: IncomingEvent) =>
    expect(creditBatch(input({ ...overrides, events: [event] })).outcomes[0]!.status).toBe('accepted');

  test('nothing before the enrollment existed or the account was activated', () => {
    const notBefore = at(600);
    const r = creditBatch(
      input({
        events: [hb('m2-video', at(300), 300), hb('m2-video', at(900), 300)],
        notBefore,
        creditedUntil: at(595),
      }),
    );
    expect(rejected(r.outcomes[0])).toBe('BEFORE_ENROLLMENT');
    expect(credits(r)[1]).toBe(300);
    expect(r.stored.map((e) => e.status)).toEqual(['rejected', 'accepted']);
  });

  test('events older than the backlog window are stored, not credited', () => {
    const now = new Date(T0 + 15 * 86_400_000);
    expectRejected({ now, phases: [{ ...phase }] }, hb('m2-video', at(0), 30), 'TOO_OLD');
    accepted({ now: new Date(T0 + 13 * 86_400_000), creditedUntil: at(-30) }, hb('m2-video', at(0), 30));
  });

  test('at most the daily cap of JP as time per local day of the cohort', () => {
    // A cap of 1 JP is 45 minutes a day; 40 of them are already credited on 25 October (WIB).
    const r = creditBatch(
      input({
        events: [hb('m1-reading', at(0), 300), hb('m1-reading', at(300), 300)],
        creditedUntil: at(-300),
        rules: { ...rules, dailyJpCap: 1 },
        daySeconds: new Map([['2024-10-25', 2400]]),
      }),
    );
    expect(credits(r)).toEqual([300, 0]);
    expect(r.daySeconds.get('2024-10-25')).toBe(2700);
    // The next local day starts afresh: 17:00 UTC is midnight in Jakarta.
    const next = creditBatch(
      input({
        events: [hb('m1-reading', new Date('2024-10-25T17:00:00Z'), 300)],
        creditedUntil: new Date('2024-10-25T16:55:00Z'),
        now: new Date('2024-10-25T18:00:00Z'),
        rules: { ...rules, dailyJpCap: 1 },
        daySeconds: new Map([['2024-10-25', 2700]]),
      }),
    );
    expect(credits(next)).toEqual([300]);
    expect(next.ledger[0]!.localDate).toBe('2024-10-26');
  });

  test('327 heartbeats backdated to the phase’s opening, sent by someone enrolled a minute ago, earn a minute', () => {
    const now = new Date('2024-10-30T06:00:00Z');
    const events = Array.from({ length: 327 }, (_, i) =>
      hb('m1-reading', new Date(OPENS.getTime() + i * 300_000), 300),
    );
    const r = creditBatch(input({ events, now, notBefore: new Date(now.getTime() - 60_000) }));
    expect(r.creditedSeconds).toBeLessThanOrEqual(60 + rules.toleranceSeconds);
    expect(r.outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThan(320);
  });
});
