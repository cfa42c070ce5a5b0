import { todayIso } from '../../app/format.ts';

/** The date units of a year's group are looked up on: 1 January, or today for a year not yet begun. */
export function yearLookupDate(year: number): string {
  const first = `${year}-01-01`;
  const today = todayIso();
  return first < today ? first : today;
}
