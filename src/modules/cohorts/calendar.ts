/**
 * Local calendar dates ('YYYY-MM-DD') in a cohort's IANA time zone, and the UTC instants they begin.
 * Phase dates are local dates: a phase running 23 Oct – 8 Nov opens at 23 Oct 00:00 and closes at
 * 9 Nov 00:00 local time. Indonesia has no daylight saving time, but nothing here assumes that.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function parts(date: string): [number, number, number] {
  if (!isRealDate(date)) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds the zone is ahead of UTC at that instant (+7 h for Asia/Jakarta). */
function offsetAt(instant: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which `date` begins (00:00) in `timeZone`. */
export function localMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const wall = Date.UTC(y, m - 1, d);
  let instant = wall - offsetAt(wall, timeZone);
  // A second pass settles the rare zone whose offset changes between the guess and the answer.
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

// Zone offsets change only at transitions, which fall on a quarter hour: within one quarter hour
// the offset found once holds. The credit path dates every heartbeat, and heartbeats sent offline
// arrive from many quarter hours at once, so every (zone, quarter hour) seen is kept, not the last.
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/** The local calendar date in `timeZone` at `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  const bucket = Math.floor(t / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(bucket * QUARTER_HOUR, timeZone);
    // A month of quarter hours for a few zones; past that, start over rather than grow.
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return new Date(t + offset).toISOString().slice(0, 10);
}

/** When a phase over the local dates start..end (inclusive) opens and closes. */
export function phaseWindow(startDate: string, endDate: string, timeZone: string): { opensAt: Date; closesAt: Date } {
  return { opensAt: localMidnight(startDate, timeZone), closesAt: localMidnight(addDays(endDate, 1), timeZone) };
}
