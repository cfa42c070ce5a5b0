import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './dates.ts';
import { VN_MAKE_UP_WORKING_DAYS, VN_PUBLIC_HOLIDAYS } from './vn-holidays.ts';
import { addWorkingDays, isWorkingDay, VN_WORKING_CALENDAR, workingDaysBetween } from './working-days.ts';

const anyDate = fc.integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2028-06-30') }).map(fromDayNumber);

function naiveCount(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

describe('the Vietnamese holiday list', () => {
  it('holds sorted, distinct weekdays, and make-up days that are Saturdays', () => {
    expect([...VN_PUBLIC_HOLIDAYS].sort()).toEqual(VN_PUBLIC_HOLIDAYS);
    expect(new Set(VN_PUBLIC_HOLIDAYS).size).toBe(VN_PUBLIC_HOLIDAYS.length);
    for (const day of VN_PUBLIC_HOLIDAYS) expect([1, 2, 3, 4, 5], day).toContain(dayOfWeek(day));
    for (const day of VN_MAKE_UP_WORKING_DAYS) expect(dayOfWeek(day), day).toBe(6);
  });

  it('has every year from 2024 to 2027 with 1 Jan, 30 Apr and the National Day', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const days = VN_PUBLIC_HOLIDAYS.filter((d) => d.startsWith(`${year}-`));
      expect(days, String(year)).toContain(`${year}-01-01`);
      expect(days, String(year)).toContain(`${year}-04-30`);
      expect(days, String(year)).toContain(`${year}-09-02`);
      // 1 + 5 (Tết) + 1 (Hùng Kings) + 2 (30/4, 1/5) + 2 (National Day), as weekdays, plus swapped days.
      expect(days.length, String(year)).toBeGreaterThanOrEqual(11);
    }
  });

  it('knows the lunar holidays (Tết and Hùng Kings day computed for UTC+7)', () => {
    for (const day of ['2024-02-12', '2024-04-18', '2025-01-29', '2025-04-07', '2026-02-17', '2026-04-27', '2027-02-08', '2027-04-16']) {
      expect(VN_PUBLIC_HOLIDAYS).toContain(day);
    }
  });
});

describe('working days', () => {
  it('skips weekends, holidays, and counts make-up Saturdays', () => {
    expect(isWorkingDay('2025-05-24')).toBe(false); // Saturday
    expect(isWorkingDay('2025-04-30')).toBe(false);
    expect(isWorkingDay('2025-04-26')).toBe(true); // Saturday worked for 2 May
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-02-03'); // across Tết Ất Tỵ
    expect(addWorkingDays('2025-02-07', 1)).toBe('2025-02-08');
    expect(addWorkingDays('2025-05-26', 0)).toBe('2025-05-26');
    expect(addWorkingDays('2025-05-26', 5)).toBe('2025-06-02');
    expect(addWorkingDays('2025-06-02', -5)).toBe('2025-05-26');
  });

  it('accepts a plain holiday list or none', () => {
    expect(addWorkingDays('2025-04-29', 1, [])).toBe('2025-04-30');
    expect(addWorkingDays('2025-04-29', 1, ['2025-04-30', '2025-05-01', '2025-05-02'])).toBe('2025-05-05');
    expect(workingDaysBetween('2025-04-26', '2025-04-27', [])).toBe(0);
    expect(workingDaysBetween('2025-04-25', '2025-04-26')).toBe(1);
  });

  it('gives a transfer letter of 20 Jan 2025 until 7 Mar: Tết off, Saturday 8 Feb worked', () => {
    // 21–24 Jan (4), 3–7 Feb (9), Sat 8 Feb (10), four full weeks (30 on Fri 7 Mar).
    const deadline = addWorkingDays('2025-01-20', 30);
    expect(deadline).toBe('2025-03-07');
    expect(workingDaysBetween('2025-01-20', deadline)).toBe(30);
  });

  it('round-trips addWorkingDays and workingDaysBetween', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), (date, n) => {
        const later = addWorkingDays(date, n);
        return workingDaysBetween(date, later) === n && (n === 0 || isWorkingDay(later));
      }),
    );
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 0 }), (date, n) => {
        fc.pre(isWorkingDay(date));
        const earlier = addWorkingDays(date, n);
        return workingDaysBetween(date, earlier) === n && addWorkingDays(earlier, -n) === date;
      }),
    );
  });

  it('counts like a day-by-day walk, is antisymmetric and additive', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 200 }), anyDate, (from, span, other) => {
        const to = addDays(from, span);
        const between = workingDaysBetween(from, to);
        return (
          between === naiveCount(from, to) &&
          workingDaysBetween(to, from) === -between &&
          workingDaysBetween(from, other) + workingDaysBetween(other, to) === between
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives five working days a week without holidays', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -50, max: 50 }), (date, weeks) => workingDaysBetween(date, addDays(date, weeks * 7), []) === weeks * 5));
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays('2025-05-26', 1.5, VN_WORKING_CALENDAR)).toThrow(RangeError);
  });
});
