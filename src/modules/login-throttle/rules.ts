export interface LoginThrottleSettings {
  /** Failures of one login from one source before delays begin. */
  freeFailures: number;
  /** The longest delay between attempts of one login from one source. */
  maxDelayMinutes: number;
  /** Failures from one source, whatever the login, per minute. */
  sourceFailuresPerMinute: number;
}

// A login whose last failure from a source is this old starts again from zero there.
export const FORGET_AFTER_MS = 24 * 3_600_000;
export const SOURCE_WINDOW_MS = 60_000;

/**
 * How long one login must wait at one source after its n-th failure in a row there: nothing for
 * the first `freeFailures - 1`, then 1 minute, doubling with each failure up to `maxDelayMinutes`.
 * With the defaults (5, 15 min) that is 5 guesses, then 1, 2, 4, 8, 15, 15… minutes apart: slower
 * than a fixed lock of 15 minutes after every 5, yet nobody else's address is ever affected.
 */
export function delayAfterFailures(failures: number, settings: LoginThrottleSettings): number {
  if (failures < settings.freeFailures) return 0;
  const minutes = Math.min(settings.maxDelayMinutes, 2 ** Math.min(failures - settings.freeFailures, 30));
  return minutes * 60_000;
}

/** The same person types `199001012024011001`, ` 199001012024011001 ` or `Budi@Example.org `. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}
