/**
 * Working days (ngày làm việc): Monday to Friday, less public holidays, plus any
 * Saturday the Government made a working day. Deadlines such as "papers presented
 * within 30 working days" are counted with these functions.
 */

import { fromDayNumber, type IsoDate, toDayNumber } from './dates.ts';
import { VN_MAKE_UP_WORKING_DAYS, VN_PUBLIC_HOLIDAYS } from './vn-holidays.ts';

/** Days off that would otherwise be working days, and weekend days that are worked. */
export interface WorkingCalendar {
  readonly daysOff: readonly IsoDate[];
  readonly extraWorkingDays: readonly IsoDate[];
}

/** A plain list of holidays, or a full calendar with make-up working days. */
export type Holidays = readonly IsoDate[] | WorkingCalendar;

/** The Vietnamese public-service calendar 2024–2027 (see vn-holidays.ts). */
export const VN_WORKING_CALENDAR: WorkingCalendar = Object.freeze({
  daysOff: VN_PUBLIC_HOLIDAYS,
  extraWorkingDays: VN_MAKE_UP_WORKING_DAYS,
});

interface Prepared {
  readonly off: ReadonlySet<number>;
  readonly extra: ReadonlySet<number>;
  /** Weekdays that are not worked, sorted: subtracted from the weekday count. */
  readonly weekdaysOff: readonly number[];
  /** Weekend days that are worked, sorted: added to the weekday count. */
  readonly weekendsWorked: readonly number[];
}

// Calendars are long-lived constants; preparing each once keeps the helpers cheap in loops.
const prepared = new WeakMap<object, Prepared>();

function isWeekend(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
}

function prepare(holidays: Holidays): Prepared {
  const cached = prepared.get(holidays);
  if (cached !== undefined) return cached;
  const calendar: WorkingCalendar = 'daysOff' in holidays ? holidays : { daysOff: holidays, extraWorkingDays: [] };
  const off = new Set(calendar.daysOff.map(toDayNumber));
  const extra = new Set(calendar.extraWorkingDays.map(toDayNumber));
  const result: Prepared = {
    off,
    extra,
    // A day listed both as off and as worked counts as worked: the later notice wins.
    weekdaysOff: [...off].filter((d) => !isWeekend(d) && !extra.has(d)).sort((a, b) => a - b),
    weekendsWorked: [...extra].filter(isWeekend).sort((a, b) => a - b),
  };
  prepared.set(holidays, result);
  return result;
}

function isWorkingDayNumber(day: number, calendar: Prepared): boolean {
  if (calendar.extra.has(day)) return true;
  return !isWeekend(day) && !calendar.off.has(day);
}

/** Number of sorted values <= limit. */
function countUpTo(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Monday-to-Friday days from a fixed Monday up to `day`; differences count weekdays. */
function weekdaysUpTo(day: number): number {
  const m = day + 3; // day -3 (1969-12-29) was a Monday
  const weeks = Math.floor(m / 7);
  return weeks * 5 + Math.min(m - weeks * 7 + 1, 5);
}

/** Working days in the half-open range (from, to], from <= to. */
function countWorking(from: number, to: number, calendar: Prepared): number {
  const weekdays = weekdaysUpTo(to) - weekdaysUpTo(from);
  const off = countUpTo(calendar.weekdaysOff, to) - countUpTo(calendar.weekdaysOff, from);
  const worked = countUpTo(calendar.weekendsWorked, to) - countUpTo(calendar.weekendsWorked, from);
  return weekdays - off + worked;
}

/** True when `date` is a working day of the calendar. */
export function isWorkingDay(date: IsoDate, holidays: Holidays = VN_WORKING_CALENDAR): boolean {
  return isWorkingDayNumber(toDayNumber(date), prepare(holidays));
}

/**
 * The n-th working day after `date` (before it when n is negative); `date` itself
 * is not counted, so a deadline of "30 working days from the letter" is
 * addWorkingDays(letterDate, 30). n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: Holidays = VN_WORKING_CALENDAR): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
  const calendar = prepare(holidays);
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingDayNumber(day, calendar)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `from` up to and including `to`; negative (the same count,
 * negated) when `to` is earlier. Inverse of addWorkingDays for n >= 0:
 * workingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: Holidays = VN_WORKING_CALENDAR): number {
  const calendar = prepare(holidays);
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return a <= b ? countWorking(a, b, calendar) : -countWorking(b, a, calendar);
}
