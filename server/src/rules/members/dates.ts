/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'). Everything is done on whole
 * UTC days so that a server's time zone can never move a deadline by a day.
 */

import { isIsoDate } from '../rule-outcome.ts';

export { isIsoDate };

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parts(date: IsoDate): Ymd {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): "${date}"`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Days since 1970-01-01 (negative before); throws RangeError on a malformed date. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The ISO date of a day number (inverse of toDayNumber). */
export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The date `days` calendar days after `date` (before when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date `months` months after `date`. A day the target month lacks is clamped
 * to its last day (29 Feb + 12 months = 28 Feb), which is how the Civil Code 2015
 * (art. 148) ends a period counted in months when the end month has no such day.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 positive.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The later of two ISO dates (ISO strings compare in calendar order). */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Completed months of age on `date` (months of life counted like the admission rule does). */
export function ageInMonthsOn(birthDate: IsoDate, date: IsoDate): number {
  const birth = parts(birthDate);
  const on = parts(date);
  let months = (on.year - birth.year) * 12 + (on.month - birth.month);
  // A month is completed on the same day number, or on the last day of a shorter month.
  const completedDay = Math.min(birth.day, daysInMonth(on.year, on.month));
  if (on.day < completedDay) months -= 1;
  return months;
}

/** Completed years of age on `date`; someone born on 29 Feb turns a year older on 28 Feb. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  return Math.floor(ageInMonthsOn(birthDate, date) / 12);
}

/** 'dd/mm/yyyy', the form Vietnamese (and en-GB) readers expect in messages. */
export function formatDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}
