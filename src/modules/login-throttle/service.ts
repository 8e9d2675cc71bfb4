import { inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { loginThrottle } from '../../db/schema.js';
import { TooManyRequestsError } from '../../http/errors.js';
import {
  delayAfterFailures,
  FORGET_AFTER_MS,
  normalizeLogin,
  SOURCE_WINDOW_MS,
  type LoginThrottleSettings,
} from './rules.js';

export interface LoginThrottleDeps {
  db: Db;
  clock: Clock;
  settings: LoginThrottleSettings;
}

const pairKey = (login: string, source: string) => `login:${normalizeLogin(login)}|${source}`;
const sourceKey = (source: string) => `source:${source}`;

/**
 * Slows down guessing without letting anyone lock anyone out. Failures are counted per (login,
 * source address), with growing delays, and per source address, with a per-minute budget;
 * successes are never counted, so a whole office behind one address can log in at once. The
 * state lives in PostgreSQL, so every API replica sees the same counts.
 */
// Rows nobody will read again (a day without failures) are removed at most this often per process.
const SWEEP_EVERY_MS = 60_000;

export function createLoginThrottle({ db, clock, settings }: LoginThrottleDeps) {
  let lastSweep = 0;
  // Unknown login texts are counted too, so a guesser adds rows: old ones go, or the table only grows.
  async function sweep(now: Date) {
    if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now.getTime();
    await db
      .delete(loginThrottle)
      .where(
        sql`${loginThrottle.lastFailureAt} < ${new Date(now.getTime() - FORGET_AFTER_MS).toISOString()}::timestamptz`,
      );
  }

  async function countFailure(key: string, loginKey: string | null, windowMs: number, now: Date) {
    const resetBefore = new Date(now.getTime() - windowMs).toISOString();
    const at = now.toISOString();
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, loginKey, failures: 1, windowStartedAt: now, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${resetBefore}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${resetBefore}::timestamptz then ${at}::timestamptz else ${loginThrottle.windowStartedAt} end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: loginThrottle.failures });
    return row!.failures;
  }

  return {
    /** Refuses an attempt while its (login, source) waits out a delay, or its source is over budget. */
    async check(login: string, source: string): Promise<void> {
      const now = clock.now();
      const rows = await db
        .select()
        .from(loginThrottle)
        .where(inArray(loginThrottle.key, [pairKey(login, source), sourceKey(source)]));
      for (const row of rows) {
        if (row.key.startsWith('source:')) {
          const windowEnds = row.windowStartedAt.getTime() + SOURCE_WINDOW_MS;
          if (windowEnds > now.getTime() && row.failures >= settings.sourceFailuresPerMinute) {
            throw new TooManyRequestsError(
              'Too many failed attempts from this address; retry later',
              'RATE_LIMITED',
              Math.ceil((windowEnds - now.getTime()) / 1000),
            ).with(undefined, 'RATE_LIMITED.address');
          }
        } else if (row.blockedUntil && row.blockedUntil > now) {
          throw new TooManyRequestsError(
            'Too many failed attempts for this login from this address; retry later',
            'LOGIN_THROTTLED',
            Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000),
          );
        }
      }
    },

    /** Counts a failed attempt; returns how long this login must now wait at this source (ms). */
    async failed(login: string, source: string): Promise<number> {
      const now = clock.now();
      await sweep(now);
      await countFailure(sourceKey(source), null, SOURCE_WINDOW_MS, now);
      const failures = await countFailure(pairKey(login, source), normalizeLogin(login), FORGET_AFTER_MS, now);
      const delay = delayAfterFailures(failures, settings);
      if (delay > 0) {
        await db
          .update(loginThrottle)
          .set({ blockedUntil: new Date(now.getTime() + delay) })
          .where(sql`${loginThrottle.key} = ${pairKey(login, source)}`);
      }
      return delay;
    },

    /** A success clears this login's count at this source (the source's budget is not refunded). */
    async succeeded(login: string, source: string): Promise<void> {
      await db.delete(loginThrottle).where(sql`${loginThrottle.key} = ${pairKey(login, source)}`);
    },

    /** An admin's unlock: every delay of these logins (an account's NIP and email), from every source. */
    async unlock(logins: string[]): Promise<number> {
      const keys = logins.map(normalizeLogin).filter(Boolean);
      if (keys.length === 0) return 0;
      const removed = await db
        .delete(loginThrottle)
        .where(inArray(loginThrottle.loginKey, keys))
        .returning({ key: loginThrottle.key });
      return removed.length;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
