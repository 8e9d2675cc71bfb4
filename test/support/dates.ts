import { addDays, localDateOf } from '../../src/modules/cohorts/calendar.js';

/**
 * A cohort's dates are local dates in its zone. "Today" for a WIB cohort is already tomorrow's UTC
 * date from 17:00 UTC on, so tests never take a date from toISOString().
 */
export function localDay(offset = 0, timeZone = 'Asia/Jakarta', now: Date = new Date()): string {
  return addDays(localDateOf(now, timeZone), offset);
}
