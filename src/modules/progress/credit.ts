/**
 * The credit rules: what a batch of client events is worth. Pure, so every rule has a unit test;
 * the service loads the state, calls `creditBatch`, and writes what it returns in one statement.
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
}

export interface LessonInfo {
  id: string;
  moduleId: string;
  kind: 'video' | 'reading' | 'quiz' | 'assignment';
  durationSeconds: number;
  manualCompletion: boolean;
}

export interface OnlinePhase {
  id: string;
  state: 'pending' | 'open' | 'closed';
  opensAt: Date;
  /** The enrollment's own close: the phase's, or later with an extension. */
  closesAt: Date;
  /** Whether a personal extension makes `closesAt` later than the phase's. */
  extended: boolean;
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
  | 'MANUAL_COMPLETION_NOT_ALLOWED';

export type EventOutcome =
  | { clientEventId: string; status: 'accepted'; creditedSeconds: number; lessonCompleted: boolean }
  | { clientEventId: string; status: 'duplicate' }
  | { clientEventId: string; status: 'rejected'; code: RejectCode; message: string };

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
}

export interface CreditResult {
  outcomes: EventOutcome[];
  stored: StoredEvent[];
  lessonStates: Map<string, LessonState & { lastEventAt: Date }>;
  ledger: LedgerCredit[];
  creditedUntil: Date | null;
  lastActivityAt: Date | null;
  creditedSeconds: number;
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
  const secondsByModule = new Map<string, number>();
  for (const [lessonId, state] of lessonStates) {
    const lesson = lessons.get(lessonId);
    if (lesson)
      secondsByModule.set(lesson.moduleId, (secondsByModule.get(lesson.moduleId) ?? 0) + state.creditedSeconds);
  }
  let total = 0;
  for (const [moduleId, seconds] of secondsByModule) {
    total += Math.min(moduleJp.get(moduleId) ?? 0, seconds / 60 / minutesPerJp);
  }
  return round4(phaseCap > 0 ? Math.min(total, phaseCap) : total);
}

function phaseFor(
  phases: OnlinePhase[],
  at: Date,
  now: Date,
): { phase: OnlinePhase } | { code: 'PHASE_NOT_OPEN' | 'PHASE_CLOSED'; message: string } {
  const phase = phases.find((p) => p.opensAt <= at && at < p.closesAt);
  if (!phase) {
    const first = phases.reduce<OnlinePhase | undefined>((a, p) => (!a || p.opensAt < a.opensAt ? p : a), undefined);
    return !first || at < first.opensAt
      ? { code: 'PHASE_NOT_OPEN', message: 'No online phase is open at occurredAt' }
      : { code: 'PHASE_CLOSED', message: 'The online phase had closed at occurredAt' };
  }
  if (now >= phase.closesAt || (phase.state === 'closed' && !phase.extended)) {
    return { code: 'PHASE_CLOSED', message: 'The online phase is closed; its progress is frozen' };
  }
  return { phase };
}

export function creditBatch(input: CreditInput): CreditResult {
  const { lessons, moduleJp, minutesPerJp, now, rules } = input;
  const lessonStates = new Map<string, LessonState & { lastEventAt: Date }>();
  const stateOf = (lessonId: string) =>
    lessonStates.get(lessonId) ??
    input.lessonStates.get(lessonId) ?? { creditedSeconds: 0, completedAt: null, completedBy: null };
  const allStates = () => new Map<string, LessonState>([...input.lessonStates, ...lessonStates]);

  let creditedUntil = input.creditedUntil;
  let lastActivityAt = input.lastActivityAt;
  let creditedSeconds = 0;
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
    const reject = (code: RejectCode, message: string) => {
      outcomes.set(i, { clientEventId: event.clientEventId, status: 'rejected', code, message });
      stored.push({ ...base(event), creditedSeconds: 0, status: 'rejected', reason: code });
    };

    const lesson = lessons.get(event.lessonId);
    if (!input.enrollmentActive) {
      reject('NOT_ENROLLED', 'The enrollment is withdrawn or finished');
      continue;
    }
    if (!lesson) {
      reject('LESSON_NOT_IN_COURSE', 'The lesson is not part of the course this enrollment follows');
      continue;
    }
    if (event.occurredAt.getTime() > now.getTime() + rules.futureSkewSeconds * 1000) {
      reject('IMPLAUSIBLE', 'occurredAt is in the future');
      continue;
    }
    const found = phaseFor(input.phases, event.occurredAt, now);
    if ('code' in found) {
      reject(found.code, found.message);
      continue;
    }
    const phase = found.phase;
    const before = stateOf(lesson.id);
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
          ),
        ),
      );
      // The timeline moves to the later of the event and the end of what was just credited.
      const base_ = creditedUntil ? Math.max(creditedUntil.getTime(), t - credit * 1000) : t - credit * 1000;
      creditedUntil = new Date(Math.max(t, base_ + credit * 1000));
      if (
        !completed &&
        lesson.kind !== 'quiz' &&
        before.creditedSeconds + credit >= rules.completionShare * lesson.durationSeconds
      ) {
        completed = event.occurredAt;
        completedBy = 'time';
      }
    } else {
      if (lesson.kind === 'quiz' || !lesson.manualCompletion) {
        reject(
          'MANUAL_COMPLETION_NOT_ALLOWED',
          lesson.kind === 'quiz'
            ? 'A quiz is completed by passing it'
            : 'This lesson completes by time spent, not by hand',
        );
        continue;
      }
      if (!completed) {
        completed = event.occurredAt;
        completedBy = 'manual';
      }
    }

    const jpBefore = onlineJp(allStates(), lessons, moduleJp, minutesPerJp, phase.requiredJp);
    lessonStates.set(lesson.id, {
      creditedSeconds: before.creditedSeconds + credit,
      completedAt: completed,
      completedBy,
      lastEventAt: event.occurredAt,
    });
    const jpAfter = onlineJp(allStates(), lessons, moduleJp, minutesPerJp, phase.requiredJp);
    const jp = round4(jpAfter - jpBefore);
    if (credit > 0)
      ledger.push({
        phaseId: phase.id,
        moduleId: lesson.moduleId,
        lessonId: lesson.id,
        jp,
        seconds: credit,
        occurredAt: event.occurredAt,
      });

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
  };
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
