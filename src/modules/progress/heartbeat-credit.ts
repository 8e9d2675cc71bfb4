import type pg from 'pg';
import type { Clock } from '../../clock.js';
import type { Actor } from '../../http/actor.js';
import { NotFoundError } from '../../http/errors.js';
import { Coalescer, type Pending } from './coalescer.js';
import {
  creditBatch,
  type CreditResult,
  type CreditRules,
  type IncomingEvent,
  type LessonInfo,
  type OnlinePhase,
} from './credit.js';
import type { CatalogOf } from './catalogs.js';
import * as repo from './repo.js';

export interface HeartbeatCreditDeps {
  /** The credit statements go straight to the pool, as named (prepared) statements. */
  pool: pg.Pool;
  clock: Clock;
  catalogOf: CatalogOf;
  rules: CreditRules;
}

// Batches computed from a clock another batch has just moved are computed again this often, then locked.
const OPTIMISTIC_ATTEMPTS = 2;
// Requests credited together in one round trip, and such rounds under way at once per process.
const CREDIT_BATCH_MAX = 200;
const CREDIT_BATCHES_IN_FLIGHT = 2;

/** The enrollment's online phases as the credit rules see them. */
export function onlinePhases(state: repo.EnrollmentCreditState): OnlinePhase[] {
  return state.phases.map((p) => ({
    id: p.id,
    state: p.state,
    openedAt: p.openedAt,
    closedAt: p.closedAt,
    extendedUntil: p.extendedUntil,
    remedialUntil: p.remedialUntil,
    requiredJp: p.requiredJp,
  }));
}

/**
 * Participants' learning events turned into credit: requests arriving together are credited in
 * rounds of one read and one guarded write, whoever sent them.
 */
export function createHeartbeatCredit({ pool, clock, catalogOf, rules }: HeartbeatCreditDeps) {
  function lessonStatesOf(state: repo.EnrollmentCreditState) {
    return new Map(
      state.lessons.map((l) => [
        l.lessonId,
        { creditedSeconds: l.creditedSeconds, completedAt: l.completedAt, completedBy: l.completedBy },
      ]),
    );
  }

  interface CreditRequest {
    enrollmentId: string;
    userId: string;
    events: IncomingEvent[];
    attempt: number;
  }
  interface CreditAnswer {
    results: CreditResult['outcomes'];
    creditedSeconds: number;
  }
  type Item = Pending<CreditRequest, CreditAnswer>;

  /**
   * Credits one enrollment's requests against its state, in order, as one write: the state each
   * request sees includes the ones before it.
   */
  async function creditEnrollment(state: repo.EnrollmentCreditState, requests: CreditRequest[], now: Date) {
    const catalog = await catalogOf(state.courseVersionId);
    const known = new Set(state.known);
    const lessonStates = lessonStatesOf(state);
    const combined: CreditResult = {
      outcomes: [],
      stored: [],
      lessonStates: new Map(),
      ledger: [],
      creditedUntil: state.creditedUntil,
      lastActivityAt: state.lastActivityAt,
      creditedSeconds: 0,
      phaseJp: state.phaseJp,
      daySeconds: state.daySeconds,
    };
    const answers = requests.map((request) => {
      const result = creditBatch({
        events: request.events,
        known,
        enrollmentActive: state.status === 'active' || state.status === 'remedial',
        creditedUntil: combined.creditedUntil,
        lastActivityAt: combined.lastActivityAt,
        lessonStates,
        lessons: catalog.lessons as Map<string, LessonInfo>,
        moduleJp: catalog.moduleJp,
        phases: onlinePhases(state),
        minutesPerJp: state.minutesPerJp,
        now,
        rules,
        notBefore: state.notBefore,
        timeZone: state.timeZone,
        phaseJp: combined.phaseJp,
        daySeconds: combined.daySeconds,
      });
      for (const e of request.events) known.add(e.clientEventId);
      for (const [id, lesson] of result.lessonStates) {
        lessonStates.set(id, lesson);
        combined.lessonStates.set(id, lesson);
      }
      combined.stored.push(...result.stored);
      combined.ledger.push(...result.ledger);
      combined.creditedUntil = result.creditedUntil;
      combined.lastActivityAt = result.lastActivityAt;
      combined.phaseJp = result.phaseJp;
      combined.daySeconds = result.daySeconds;
      combined.creditedSeconds += result.creditedSeconds;
      return { results: result.outcomes, creditedSeconds: result.creditedSeconds };
    });
    return { combined, answers };
  }

  /** One round for a batch of requests from many participants: one read, one guarded write. */
  async function creditMany(batch: Item[]): Promise<void> {
    const groups = new Map<string, Item[]>();
    for (const item of batch) {
      const key = `${item.input.enrollmentId}|${item.input.userId}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const states = await repo.loadCreditStates(
      pool,
      [...groups.values()].map((items) => ({
        enrollmentId: items[0]!.input.enrollmentId,
        userId: items[0]!.input.userId,
        clientIds: items.flatMap((i) => i.input.events.map((e) => e.clientEventId)),
      })),
    );
    const now = clock.now();
    const writes: Array<repo.CreditWrite & { items: Item[]; answers: CreditAnswer[] }> = [];
    for (const items of groups.values()) {
      const state = states.get(items[0]!.input.enrollmentId);
      if (!state || state.userId !== items[0]!.input.userId) {
        for (const item of items) item.reject(new NotFoundError('Enrollment'));
        continue;
      }
      const { combined, answers } = await creditEnrollment(
        state,
        items.map((i) => i.input),
        now,
      );
      if (combined.stored.length === 0) items.forEach((item, k) => item.resolve(answers[k]!));
      else
        writes.push({
          enrollmentId: state.enrollmentId,
          userId: state.userId,
          expectedVersion: state.version,
          result: combined,
          items,
          answers,
        });
    }
    const applied = writes.length > 0 ? await repo.writeCreditedBatches(pool, writes, now) : new Set<string>();
    for (const w of writes) {
      if (applied.has(w.enrollmentId)) {
        w.items.forEach((item, k) => item.resolve(w.answers[k]!));
        continue;
      }
      // Another batch moved this clock meanwhile: compute again, and under persistent contention
      // wait for the clock's row lock instead.
      for (const item of w.items) {
        const again =
          item.input.attempt < OPTIMISTIC_ATTEMPTS
            ? credit.submit({ ...item.input, attempt: item.input.attempt + 1 })
            : creditLocked(item.input);
        again.then(item.resolve, item.reject);
      }
    }
  }

  function creditLocked(request: CreditRequest): Promise<CreditAnswer> {
    return repo.inTransaction(pool, async (tx) => {
      await repo.lockCreditClock(tx, request.enrollmentId, clock.now());
      const state = await repo.loadCreditState(
        tx,
        request.userId,
        request.enrollmentId,
        request.events.map((e) => e.clientEventId),
      );
      if (!state) throw new NotFoundError('Enrollment');
      const now = clock.now();
      const { combined, answers } = await creditEnrollment(state, [request], now);
      if (combined.stored.length > 0) {
        const applied = await repo.writeCreditedBatches(
          tx,
          [
            {
              enrollmentId: state.enrollmentId,
              userId: state.userId,
              expectedVersion: state.version,
              result: combined,
            },
          ],
          now,
        );
        if (!applied.has(state.enrollmentId)) throw new Error('credit clock moved while locked');
      }
      return answers[0]!;
    });
  }

  const credit = new Coalescer<CreditRequest, CreditAnswer>(creditMany, {
    maxBatch: CREDIT_BATCH_MAX,
    maxInFlight: CREDIT_BATCHES_IN_FLIGHT,
  });

  return {
    /**
     * A batch of a participant's events. Each is accepted (with the seconds it earned), a duplicate
     * of one already received, or rejected with a code; rejected events are stored too. The answer
     * comes after everything is committed.
     */
    recordEvents(actor: Actor, enrollmentId: string, events: IncomingEvent[]) {
      return credit.submit({ enrollmentId, userId: actor.userId!, events, attempt: 1 });
    },
  };
}
