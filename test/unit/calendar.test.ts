import { describe, expect, test } from 'vitest';
import { addDays, isRealDate, localDateOf, localMidnight, phaseWindow } from '../../src/modules/cohorts/calendar.js';

describe('phase instants in the cohort\u2019s time zone', () => {
  test('WIB: 23 Oct – 8 Nov 2024 in Jakarta opens 22 Oct 17:00 UTC and closes 8 Nov 17:00 UTC', () => {
    const w = phaseWindow('2024-10-23', '2024-11-08', 'Asia/Jakarta');
    expect(w.opensAt.toISOString()).toBe('2024-10-22T17:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2024-11-08T17:00:00.000Z');
    // Pontianak is WIB too.
    expect(phaseWindow('2024-10-23', '2024-11-08', 'Asia/Pontianak')).toEqual(w);
  });

  test('WITA (Balikpapan, Makassar) is an hour earlier; WIT (Jayapura) two', () => {
    const wita = phaseWindow('2024-10-23', '2024-11-08', 'Asia/Makassar');
    expect(wita.opensAt.toISOString()).toBe('2024-10-22T16:00:00.000Z');
    expect(wita.closesAt.toISOString()).toBe('2024-11-08T16:00:00.000Z');
    const wit = phaseWindow('2024-10-23', '2024-11-08', 'Asia/Jayapura');
    expect(wit.opensAt.toISOString()).toBe('2024-10-22T15:00:00.000Z');
    expect(wit.closesAt.toISOString()).toBe('2024-11-08T15:00:00.000Z');
  });

  test('a phase that "ends 8 November" in Balikpapan ends at 2024-11-09T00:00+08:00', () => {
    expect(phaseWindow('2024-11-01', '2024-11-08', 'Asia/Makassar').closesAt.getTime()).toBe(
      Date.parse('2024-11-09T00:00:00+08:00'),
    );
  });

  test('zones with daylight saving time are handled too', () => {
    expect(localMidnight('2024-03-31', 'Europe/Amsterdam').toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(localMidnight('2024-04-01', 'Europe/Amsterdam').toISOString()).toBe('2024-03-31T22:00:00.000Z');
  });

  test('local dates of instants, date arithmetic across months and leap days', () => {
    expect(localDateOf(new Date('2024-10-22T16:59:59Z'), 'Asia/Jakarta')).toBe('2024-10-22');
    expect(localDateOf(new Date('2024-10-22T17:00:00Z'), 'Asia/Jakarta')).toBe('2024-10-23');
    expect(localDateOf(new Date('2024-12-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2025-01-01');
    // Across daylight-saving changes too (the offset is found again every quarter hour).
    expect(localDateOf(new Date('2024-03-30T22:59:59Z'), 'Europe/Amsterdam')).toBe('2024-03-30');
    expect(localDateOf(new Date('2024-03-30T23:00:00Z'), 'Europe/Amsterdam')).toBe('2024-03-31');
    expect(localDateOf(new Date('2024-10-26T21:59:59Z'), 'Europe/Amsterdam')).toBe('2024-10-26');
    expect(localDateOf(new Date('2024-10-26T22:00:00Z'), 'Europe/Amsterdam')).toBe('2024-10-27');
    expect(localDateOf(new Date('2024-10-27T22:59:59Z'), 'Europe/Amsterdam')).toBe('2024-10-27');
    expect(localDateOf(new Date('2024-10-27T23:00:00Z'), 'Europe/Amsterdam')).toBe('2024-10-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-13-01')).toBe(false);
    expect(isRealDate('8 Nov 2024')).toBe(false);
  });
});
