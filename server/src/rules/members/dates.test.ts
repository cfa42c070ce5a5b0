import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageInMonthsOn, ageOn, dayOfWeek, daysBetween, formatDate, fromDayNumber, isIsoDate, toDayNumber } from './dates.ts';
import { probationEndDate } from './member-state.ts';

// Day numbers of 1900-01-01 and 2100-12-31: the range member records live in.
const FIRST_DAY = toDayNumber('1900-01-01');
const LAST_DAY = toDayNumber('2100-12-31');
const anyDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-05')).toBe(false);
    expect(isIsoDate('05/01/2025')).toBe(false);
    expect(() => toDayNumber('2025-13-01')).toThrow(RangeError);
  });

  it('round-trips day numbers and knows the weekday without time zones', () => {
    fc.assert(fc.property(anyDate, (date) => fromDayNumber(toDayNumber(date)) === date));
    expect(dayOfWeek('2025-05-26')).toBe(1); // the regulation was signed on a Monday
    expect(dayOfWeek('1945-09-02')).toBe(0);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('formats dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-05-26')).toBe('26/05/2025');
  });
});

describe('addMonths and the end of probation', () => {
  it('ends probation on the same day 12 months later', () => {
    expect(probationEndDate('2024-03-15')).toBe('2025-03-15');
    expect(probationEndDate('2024-12-31')).toBe('2025-12-31');
  });

  it('clamps 29 February to 28 February (Civil Code art. 148: last day of the month)', () => {
    expect(probationEndDate('2024-02-29')).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('keeps the day of the month when it exists, and lands 365 or 366 days later', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const end = probationEndDate(date);
        const day = Number(date.slice(8));
        const sameDay = end.slice(5) === date.slice(5);
        const clamped = date.slice(5) === '02-29' && end.slice(5) === '02-28';
        return (sameDay || clamped) && Number(end.slice(0, 4)) === Number(date.slice(0, 4)) + 1 && [365, 366].includes(daysBetween(date, end)) && day >= 1;
      }),
    );
  });

  it('adds months associatively when no clamping happens', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -240, max: 240 }), fc.integer({ min: -240, max: 240 }), (date, a, b) => {
        fc.pre(Number(date.slice(8)) <= 28);
        return addMonths(addMonths(date, a), b) === addMonths(date, a + b);
      }),
    );
  });
});

describe('ages', () => {
  it('counts completed years and months', () => {
    expect(ageOn('2007-05-26', '2025-05-25')).toBe(17);
    expect(ageOn('2007-05-26', '2025-05-26')).toBe(18);
    expect(ageInMonthsOn('2007-05-26', '2025-05-25')).toBe(18 * 12 - 1);
    expect(ageInMonthsOn('1965-01-31', '2025-02-28')).toBe(60 * 12 + 1);
    expect(ageInMonthsOn('1965-01-31', '2025-02-27')).toBe(60 * 12);
  });

  it('makes someone born on 29 February a year older on 28 February', () => {
    expect(ageOn('2004-02-29', '2022-02-27')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('agrees with addMonths: the age in months is the largest m with birth + m months <= date', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 40_000 }), (birth, offset) => {
        const on = addDays(birth, offset);
        const months = ageInMonthsOn(birth, on);
        return addMonths(birth, months) <= on && addMonths(birth, months + 1) > on;
      }),
    );
  });
});
