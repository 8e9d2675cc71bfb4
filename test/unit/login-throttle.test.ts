import { describe, expect, test } from 'vitest';
import { delayAfterFailures, normalizeLogin } from '../../src/modules/login-throttle/rules.js';

const defaults = { freeFailures: 5, maxDelayMinutes: 15, sourceFailuresPerMinute: 20 };

describe('login delays', () => {
  test('four free failures, then 1, 2, 4, 8 minutes, never more than the maximum', () => {
    const minutes = Array.from({ length: 12 }, (_, i) => delayAfterFailures(i + 1, defaults) / 60_000);
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15, 15]);
    expect(delayAfterFailures(10_000, defaults)).toBe(15 * 60_000);
  });

  test('guessing from one address is slower than the fixed lock it replaces (5 guesses per 15 minutes)', () => {
    // Attempts one login gets from one address in a day, each as soon as it is allowed.
    let at = 0;
    let guesses = 0;
    while (at < 86_400_000) {
      guesses += 1;
      at += Math.max(1, delayAfterFailures(guesses, defaults));
    }
    expect(guesses).toBeLessThan((86_400_000 / (15 * 60_000)) * 5);
    expect(guesses).toBeLessThan(110);
  });

  test('the same login text in any case or with spaces is one login', () => {
    expect(normalizeLogin('  Budi@Example.ORG ')).toBe('budi@example.org');
    expect(normalizeLogin(' 199001012024011001')).toBe('199001012024011001');
  });
});
