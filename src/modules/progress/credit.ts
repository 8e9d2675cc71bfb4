import { addDays, localDateOf } from '../cohorts/calendar.js';
import { msg, type Message } from '../../i18n/index.js';

/**
 * The credit rules: what a batch of client events is worth. Pure, so every rule has a unit test;
 * the service loads the state, calls `creditBatch`, and writes what it returns in one statement.
 *
 * Where: an event counts for the online phase that is open for learning, and a phase is open for
 * learning exactly when its state is `open` (whether the clock opened it at its date or an admin
 * by hand), from the instant it opened. After it closes it stays open for one participant with a
 * personal extension (until it ends) or in the remedial window (until `remedialUntil`, for those
 * who fell short). Events that happened earlier than the phase opened, or inside a phase that has
 * since closed, are refused: its progress is frozen.
 *
 * Bounds on what a client can claim, however it batches: nothing before the enrollment existed or
 * the account was activated (`notBefore`), nothing older than the backlog window, and at most the
 * daily cap of JP (as time) per local day of the cohort.
 *
 * Time is credited on a timeline per enrollment. `creditedUntil` is the instant through which time
 * has been credited; a heartbeat at `t` claiming `s` seconds is credited at most
 * `t - creditedUntil + tolerance`, at most `maxHeartbeatSeconds`, and at most what its lesson's
 * typical time still allows. So however events are batched, resent or raced, an enrollment is
 * never credited more than the wall-clock time its events span, plus the tolerance twice at most
 * (once for a session's first heartbeat, which has no earlier instant to measure from).
 */

export interface CreditRules {
  /** Most seconds one heartbeat can earn. */
  maxHeartbeatSeconds: number;
  /** Clock jitter forgiven between heartbeats (not cumulative). */
  toleranceSeconds: number;
  /** How far in the future `occurredAt` may be before the event is implausible. */
  futureSkewSeconds: number;
  /** Share of its typical time after which a video, reading or assignment is complete. */
  completionShare: number;
  /** Most JP (as time, at the organization's minutes per JP) credited for one local day. */
  dailyJpCap: number;
  /** Events that happened longer ago than this are stored but earn nothing. */
  backlogDays: number;
}

export interface LessonInfo {
  id: string;
  moduleId: string;
  kind: 'video' | 'reading' | 'quiz' | 'assignment';
  durationSeconds: number;
  manualCompletion: boolean;
  /** An assignment handed in: completed by its submission or acceptance, never by time. */
  takesSubmissions?: boolean;
}

export interface OnlinePhase {
  id: string;
  state: 'pending' | 'open' | 'closed';
  /** From when its events count: the instant it opened (by the clock or by hand). */
  openedAt: Date;
  /** When it closed; null unless closed. */
  closedAt: Date | null;
  /** This participant's extension: after the close, credit counts until then. */
  extendedUntil: Date | null;
  /** This participant's remedial window, when they fell short at the close. */
  remedialUntil: Date | null;
  requiredJp: number;
}

export interface LessonState {
  creditedSeconds: number;
  completedAt: Date | null;
  completedBy: string | null;
}

export interface IncomingEvent {
  clientEventId: string;
  type: 'heartbeat' | 'lesson_completed';
  lessonId: string;
  occurredAt: Date;
  activeSeconds: number;
}

export type RejectCode =
  | 'NOT_ENROLLED'
  | 'LESSON_NOT_IN_COURSE'
  | 'IMPLAUSIBLE'
  | 'PHASE_NOT_OPEN'
  | 'PHASE_CLOSED'
  | 'BEFORE_ENROLLMENT'
  | 'TOO_OLD'
  | 'MANUAL_COMPLETION_NOT_ALLOWED';

export type EventOutcome =
  | { clientEventId: string; status: 'accepted'; creditedSeconds: number; lessonCompleted: boolean }
  | { clientEventId: string; status: 'duplicate' }
  | { clientEventId: string; status: 'rejected'; code: RejectCode; message: Message };

export interface StoredEvent {
  clientEventId: string;
  type: IncomingEvent['type'];
  lessonId: string;
  occurredAt: Date;
  claimedSeconds: number;
  creditedSeconds: number;
  status: 'accepted' | 'rejected';
  reason: RejectCode | null;
}

export interface LedgerCredit {
  phaseId: string;
  moduleId: string;
  lessonId: string;
  jp: number;
  seconds: number;
  occurredAt: Date;
  /** The cohort's local date of `occurredAt`. */
  localDate: string;
}

export interface CreditInput {
  events: IncomingEvent[];
  /** Client ids this enrollment already sent. */
  known: Set<string>;
  enrollmentActive: boolean;
  creditedUntil: Date | null;
  lastActivityAt: Date | null;
  lessonStates: Map<string, LessonState>;
  lessons: Map<string, LessonInfo>;
  moduleJp: Map<string, number>;
  phases: OnlinePhase[];
  minutesPerJp: number;
  now: Date;
  rules: CreditRules;
  /** The enrollment's creation or the account's activation, whichever is later. */
  notBefore: Date | null;
  /** The cohort's zone, whose local days the daily cap counts. */
  timeZone: string;
  /** JP already credited from lessons, per phase. */
  phaseJp: ReadonlyMap<string, number>;
  /** Seconds already credited, per local day. */
  daySeconds: ReadonlyMap<string, number>;
}

export interface CreditResult {
  outcomes: EventOutcome[];
  stored: StoredEvent[];
  lessonStates: Map<string, LessonState & { lastEventAt: Date }>;
  ledger: LedgerCredit[];
  creditedUntil: Date | null;
  lastActivityAt: Date | null;
  creditedSeconds: number;
  /** The whole per-phase and per-day state after this batch, for the next batch and the write. */
  phaseJp: Map<string, number>;
  daySeconds: Map<string, number>;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** JP earned online: each module's credited minutes in JP, capped at the module's JP, then at the phase's. */
export function onlineJp(
  lessonStates: Map<string, LessonState>,
  lessons: Map<string, LessonInfo>,
  moduleJp: Map<string, number>,
  minutesPerJp: number,
  phaseCap: number,
): number {
  let total = 0;
  // Each module rounded on its own, as the ledger books it.
  for (const [moduleId, seconds] of secondsByModule(lessonStates, lessons)) {
    total += round4(Math.min(moduleJp.get(moduleId) ?? 0, seconds / 60 / minutesPerJp));
  }
  return round4(phaseCap > 0 ? Math.min(total, phaseCap) : total);
}

/** Where an event at `at` counts now: the phase open for learning at that instant, or why none. */
function phaseFor(
  phases: OnlinePhase[],
  at: Date,
  now: Date,
): { phase: OnlinePhase } | { code: 'PHASE_NOT_OPEN' | 'PHASE_CLOSED'; message: Message } {
  let found: OnlinePhase | undefined;
  for (const p of phases) {
    const window = learningWindow(p, now);
    if (window && window.from <= at && (window.until === null || at < window.until)) {
      if (!found || p.openedAt >= found.openedAt) found = p;
    }
  }
  if (found) return { phase: found };
  const inClosed = phases.some((p) => p.state === 'closed' && p.openedAt <= at);
  return inClosed
    ? { code: 'PHASE_CLOSED', message: msg('event.PHASE_CLOSED') }
    : { code: 'PHASE_NOT_OPEN', message: msg('event.PHASE_NOT_OPEN') };
}

/**
 * Whether credited time completes a lesson (at `completionShare` of its typical time): not a quiz,
 * which completes when passed, and not an assignment that takes submissions, which completes by its
 * hand-in or its acceptance.
 */
export function completesByTime(lesson: Pick<LessonInfo, 'kind' | 'takesSubmissions'>): boolean {
  return lesson.kind !== 'quiz' && !lesson.takesSubmissions;
}

/** Whether any online phase is open for this participant's learning at this moment. */
export function openForLearning(phases: OnlinePhase[], now: Date): boolean {
  return phases.some((p) => {
    const window = learningWindow(p, now);
    return !!window && window.from <= now;
  });
}

/** The instants between which events may count now, if the phase is open for this participant. */
function learningWindow(p: OnlinePhase, now: Date): { from: Date; until: Date | null } | null {
  if (p.state === 'open') return { from: p.openedAt, until: null };
  if (p.state !== 'closed') return null;
  if (p.extendedUntil && now < p.extendedUntil) return { from: p.openedAt, until: p.extendedUntil };
  if (p.remedialUntil && now < p.remedialUntil) return { from: p.closedAt ?? p.openedAt, until: p.remedialUntil };
  return null;
}

/** Each module's credited seconds over all its lessons. */
function secondsByModule(states: Map<string, LessonState>, lessons: Map<string, LessonInfo>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [lessonId, state] of states) {
    const lesson = lessons.get(lessonId);
    if (lesson) result.set(lesson.moduleId, (result.get(lesson.moduleId) ?? 0) + state.creditedSeconds);
  }
  return result;
}

export function creditBatch(input: CreditInput): CreditResult {
  const { lessons, moduleJp, minutesPerJp, now, rules } = input;
  const lessonStates = new Map<string, LessonState & { lastEventAt: Date }>();
  const stateOf = (lessonId: string) =>
    lessonStates.get(lessonId) ??
    input.lessonStates.get(lessonId) ?? { creditedSeconds: 0, completedAt: null, completedBy: null };

  let creditedUntil = input.creditedUntil;
  let lastActivityAt = input.lastActivityAt;
  let creditedSeconds = 0;
  const phaseJp = new Map(input.phaseJp);
  const daySeconds = new Map(input.daySeconds);
  const moduleSeconds = secondsByModule(input.lessonStates, lessons);
  const oldest = now.getTime() - rules.backlogDays * 86_400_000;
  const dailyCapSeconds = rules.dailyJpCap * minutesPerJp * 60;
  const outcomes = new Map<number, EventOutcome>();
  const stored: StoredEvent[] = [];
  const ledger: LedgerCredit[] = [];
  const seen = new Set(input.known);

  // Oldest first, so an offline batch is credited as it happened.
  const order = input.events
    .map((e, i) => i)
    .sort((a, b) => input.events[a]!.occurredAt.getTime() - input.events[b]!.occurredAt.getTime() || a - b);

  for (const i of order) {
    const event = input.events[i]!;
    if (seen.has(event.clientEventId)) {
      outcomes.set(i, { clientEventId: event.clientEventId, status: 'duplicate' });
      continue;
    }
    seen.add(event.clientEventId);
    const reject = (code: RejectCode, message: Message) => {
      outcomes.set(i, { clientEventId: event.clientEventId, status: 'rejected', code, message });
      stored.push({ ...base(event), creditedSeconds: 0, status: 'rejected', reason: code });
    };

    const lesson = lessons.get(event.lessonId);
    if (!input.enrollmentActive) {
      reject('NOT_ENROLLED', msg('event.NOT_ENROLLED'));
      continue;
    }
    if (!lesson) {
      reject('LESSON_NOT_IN_COURSE', msg('event.LESSON_NOT_IN_COURSE'));
      continue;
    }
    if (event.occurredAt.getTime() > now.getTime() + rules.futureSkewSeconds * 1000) {
      reject('IMPLAUSIBLE', msg('event.IMPLAUSIBLE'));
      continue;
    }
    if (input.notBefore && event.occurredAt < input.notBefore) {
      reject('BEFORE_ENROLLMENT', msg('event.BEFORE_ENROLLMENT'));
      continue;
    }
    if (event.occurredAt.getTime() < oldest) {
      reject('TOO_OLD', msg('event.TOO_OLD', { days: rules.backlogDays }));
      continue;
    }
    const found = phaseFor(input.phases, event.occurredAt, now);
    if ('code' in found) {
      reject(found.code, found.message);
      continue;
    }
    const phase = found.phase;
    const before = stateOf(lesson.id);
    const localDate = localDateOf(event.occurredAt, input.timeZone);
    let credit = 0;
    let completed = before.completedAt;
    let completedBy = before.completedBy;

    if (event.type === 'heartbeat') {
      const t = event.occurredAt.getTime();
      const elapsed = creditedUntil ? (t - creditedUntil.getTime()) / 1000 : 0;
      credit = Math.max(
        0,
        Math.floor(
          Math.min(
            event.activeSeconds,
            rules.maxHeartbeatSeconds,
            elapsed + rules.toleranceSeconds,
            lesson.durationSeconds - before.creditedSeconds,
            dailyCapSeconds - (daySeconds.get(localDate) ?? 0),
          ),
        ),
      );
      // The timeline moves to the later of the event and the end of what was just credited.
      const base_ = creditedUntil ? Math.max(creditedUntil.getTime(), t - credit * 1000) : t - credit * 1000;
      creditedUntil = new Date(Math.max(t, base_ + credit * 1000));
      if (
        !completed &&
        completesByTime(lesson) &&
        before.creditedSeconds + credit >= rules.completionShare * lesson.durationSeconds
      ) {
        completed = event.occurredAt;
        completedBy = 'time';
      }
    } else {
      if (lesson.kind === 'quiz' || !lesson.manualCompletion) {
        reject(
          'MANUAL_COMPLETION_NOT_ALLOWED',
          msg(lesson.kind === 'quiz' ? 'course.quizByPassing' : 'event.MANUAL_COMPLETION_NOT_ALLOWED'),
        );
        continue;
      }
      if (!completed) {
        completed = event.occurredAt;
        completedBy = 'manual';
      }
    }

    lessonStates.set(lesson.id, {
      creditedSeconds: before.creditedSeconds + credit,
      completedAt: completed,
      completedBy,
      lastEventAt: event.occurredAt,
    });
    if (credit > 0) {
      // The module's JP may rise to its own JP, whichever phase it is learnt in; the phase books
      // that rise up to its own required JP. So every phase earns its own JP.
      const moduleBefore = moduleSeconds.get(lesson.moduleId) ?? 0;
      moduleSeconds.set(lesson.moduleId, moduleBefore + credit);
      const cap = moduleJp.get(lesson.moduleId) ?? 0;
      // Rounded before subtracting, so a module's entries add up to exactly its rounded JP.
      const toJp = (seconds: number) => round4(Math.min(cap, seconds / 60 / minutesPerJp));
      const rise = round4(toJp(moduleBefore + credit) - toJp(moduleBefore));
      const booked = phaseJp.get(phase.id) ?? 0;
      const room = phase.requiredJp > 0 ? Math.max(0, phase.requiredJp - booked) : Infinity;
      const jp = round4(Math.min(rise, room));
      phaseJp.set(phase.id, round4(booked + jp));
      daySeconds.set(localDate, (daySeconds.get(localDate) ?? 0) + credit);
      ledger.push({
        phaseId: phase.id,
        moduleId: lesson.moduleId,
        lessonId: lesson.id,
        jp,
        seconds: credit,
        occurredAt: event.occurredAt,
        localDate,
      });
    }

    creditedSeconds += credit;
    if (!lastActivityAt || event.occurredAt > lastActivityAt) lastActivityAt = event.occurredAt;
    outcomes.set(i, {
      clientEventId: event.clientEventId,
      status: 'accepted',
      creditedSeconds: credit,
      lessonCompleted: !!completed && !before.completedAt,
    });
    stored.push({ ...base(event), creditedSeconds: credit, status: 'accepted', reason: null });
  }

  return {
    outcomes: input.events.map((_, i) => outcomes.get(i)!),
    stored,
    lessonStates,
    ledger,
    creditedUntil,
    lastActivityAt,
    creditedSeconds,
    phaseJp,
    daySeconds: recentDays(daySeconds, addDays(localDateOf(new Date(oldest), input.timeZone), -1)),
  };
}

/** The days a credit can still land on; older ones are dropped so the state stays small. */
function recentDays(days: Map<string, number>, from: string): Map<string, number> {
  return new Map([...days].filter(([day]) => day >= from));
}

function base(event: IncomingEvent) {
  return {
    clientEventId: event.clientEventId,
    type: event.type,
    lessonId: event.lessonId,
    occurredAt: event.occurredAt,
    claimedSeconds: event.type === 'heartbeat' ? event.activeSeconds : 0,
  };
}
