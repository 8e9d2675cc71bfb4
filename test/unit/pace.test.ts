import { describe, expect, test } from 'vitest';
import { paceOf } from '../../src/modules/progress/pace.js';

// The online phase runs 17 days: 2024-10-22T17:00Z → 2024-11-08T17:00Z.
const OPENS = new Date('2024-10-22T17:00:00Z');
const CLOSES = new Date('2024-11-08T17:00:00Z');
const DAY = 86_400_000;
const HALFWAY = new Date(OPENS.getTime() + 8.5 * DAY); // 2024-10-31T05:00Z, half the phase
const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

function pace(overrides: Partial<Parameters<typeof paceOf>[0]> = {}) {
  const now = overrides.now ?? HALFWAY;
  return paceOf({
    earnedJp: 0,
    requiredJp: 45,
    phases: [{ opensAt: OPENS, closesAt: CLOSES }],
    lastActivityAt: ago(now, DAY),
    now,
    inactiveDays: 3,
    withdrawn: false,
    ...overrides,
  });
}

describe('pace in the online phase', () => {
  test('halfway, 80 % of 45 JP × 0.5 = 18 JP is on track; less is behind', () => {
    expect(pace({ earnedJp: 18 })).toBe('on_track');
    expect(pace({ earnedJp: 30 })).toBe('on_track');
    expect(pace({ earnedJp: 17.99 })).toBe('behind');
    expect(pace({ earnedJp: 0 })).toBe('behind');
  });

  test('a quarter of the way in, 9 JP is on track', () => {
    const now = new Date(OPENS.getTime() + 4.25 * DAY); // 2024-10-26T23:00Z
    expect(pace({ now, earnedJp: 9 })).toBe('on_track');
    expect(pace({ now, earnedJp: 8.99 })).toBe('behind');
  });

  test('no activity for more than inactiveDays is inactive, whatever the JP', () => {
    expect(pace({ earnedJp: 40, lastActivityAt: ago(HALFWAY, 3 * DAY + 1) })).toBe('inactive');
    expect(pace({ earnedJp: 0, lastActivityAt: ago(HALFWAY, 10 * DAY) })).toBe('inactive');
    // Exactly inactiveDays is not yet inactive.
    expect(pace({ earnedJp: 40, lastActivityAt: ago(HALFWAY, 3 * DAY) })).toBe('on_track');
    expect(pace({ earnedJp: 40, lastActivityAt: ago(HALFWAY, 3 * DAY), inactiveDays: 2 })).toBe('inactive');
  });

  test('never active: not inactive during the first tenth of the phase, inactive after it', () => {
    // At the opening instant nothing is expected yet.
    expect(pace({ now: OPENS, lastActivityAt: null })).toBe('on_track');
    // One day in (1/17 of the phase), nothing earned: behind, not inactive.
    expect(pace({ now: new Date(OPENS.getTime() + DAY), lastActivityAt: null })).toBe('behind');
    // A tenth of 17 days is 1.7 days: 2024-10-24T09:48Z.
    const tenth = new Date('2024-10-24T09:48:00Z');
    expect(pace({ now: tenth, lastActivityAt: null })).toBe('behind');
    expect(pace({ now: new Date(tenth.getTime() + 1), lastActivityAt: null })).toBe('inactive');
    expect(pace({ now: HALFWAY, lastActivityAt: null, earnedJp: 20, inactiveDays: 30 })).toBe('inactive');
  });

  test('before the phase opens: not started', () => {
    expect(pace({ now: new Date(OPENS.getTime() - 1), lastActivityAt: null })).toBe('not_started');
    expect(pace({ now: new Date('2024-10-01T00:00:00Z'), lastActivityAt: null, earnedJp: 0 })).toBe('not_started');
    expect(pace({ phases: [] })).toBe('not_started');
  });

  test('with the required JP earned: finished, even when inactive', () => {
    expect(pace({ earnedJp: 45 })).toBe('finished');
    expect(pace({ earnedJp: 46, lastActivityAt: ago(HALFWAY, 10 * DAY) })).toBe('finished');
    expect(pace({ earnedJp: 44.99 })).toBe('on_track');
    // Without a required JP nobody is finished by JP.
    expect(pace({ requiredJp: 0, earnedJp: 10 })).toBe('on_track');
  });

  test('withdrawn overrides everything', () => {
    expect(pace({ withdrawn: true, earnedJp: 45 })).toBe('withdrawn');
    expect(pace({ withdrawn: true, now: new Date(OPENS.getTime() - DAY) })).toBe('withdrawn');
    expect(pace({ withdrawn: true, lastActivityAt: null })).toBe('withdrawn');
  });

  test('after the phase closes there is no time left to catch up: short of the 45 JP is behind', () => {
    const now = new Date(CLOSES.getTime() + 5 * DAY);
    const recent = ago(now, DAY);
    expect(pace({ now, lastActivityAt: recent, earnedJp: 44.99 })).toBe('behind');
    expect(pace({ now, lastActivityAt: recent, earnedJp: 36 })).toBe('behind');
    expect(pace({ now, lastActivityAt: recent, earnedJp: 45 })).toBe('finished');
    expect(pace({ now, lastActivityAt: ago(now, 6 * DAY), earnedJp: 36 })).toBe('inactive');
  });

  test('several online phases are judged phase by phase: a phase that is over is due in full', () => {
    const split = [
      { opensAt: new Date('2024-10-31T05:00:00Z'), closesAt: CLOSES },
      { opensAt: OPENS, closesAt: new Date('2024-10-31T05:00:00Z') },
    ];
    // At the split the first half (22.5 JP by its length) is over; the second has not begun.
    expect(pace({ phases: split, earnedJp: 22.5 })).toBe('on_track');
    expect(pace({ phases: split, earnedJp: 22.49 })).toBe('behind');
  });

  test('Latsar: each phase’s own JP, and the weeks between phases ask for nothing more', () => {
    const day = (d: string) => new Date(`${d}T17:00:00Z`);
    const latsar = [
      { opensAt: day('2025-02-02'), closesAt: day('2025-02-11'), requiredJp: 20 },
      { opensAt: day('2025-02-11'), closesAt: day('2025-03-04'), requiredJp: 40 },
      { opensAt: day('2025-03-25'), closesAt: day('2025-03-26'), requiredJp: 5 },
    ];
    const inTheField = new Date('2025-03-15T05:00:00Z');
    const args = { phases: latsar, requiredJp: 65, now: inTheField, lastActivityAt: ago(inTheField, DAY) };
    expect(pace({ ...args, earnedJp: 60 })).toBe('on_track');
    expect(pace({ ...args, earnedJp: 59 })).toBe('behind');
  });
});
