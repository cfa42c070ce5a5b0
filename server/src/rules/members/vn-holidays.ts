/**
 * Public holidays of Viet Nam as days off for cadres, civil servants and public
 * employees (the calendar Party bodies work by), 2024–2027.
 *
 * Labour Code 2019, art. 112: 1 Jan; 5 days of Tết (lunar new year); Hùng Kings'
 * day (10/3 lunar); 30 Apr; 1 May; 2 Sep plus one adjacent day. A holiday falling
 * on a weekend gives a compensatory day on the next working day, and each year the
 * Government may swap a working day to join a holiday to a weekend, made up on a
 * Saturday. The lists below hold the resulting weekday days off and the make-up
 * Saturdays, from each year's notice. 2027 has not been announced: its days are
 * the statutory ones with compensatory days (marked provisional). Callers that
 * know better pass their own calendar; nothing here is fetched.
 */

import type { IsoDate } from './dates.ts';

/** Weekday days off (holidays, compensatory and swapped days), sorted. */
export const VN_PUBLIC_HOLIDAYS: readonly IsoDate[] = Object.freeze([
  // 2024
  '2024-01-01',
  '2024-02-08', // Tết Giáp Thìn: 29 Chạp to mùng 5 (10 Feb was a Saturday, hence 13–14 Feb)
  '2024-02-09',
  '2024-02-12',
  '2024-02-13',
  '2024-02-14',
  '2024-04-18', // Giỗ Tổ Hùng Vương (10/3 Giáp Thìn)
  '2024-04-29', // swapped, made up on Saturday 4 May
  '2024-04-30',
  '2024-05-01',
  '2024-09-02',
  '2024-09-03',
  // 2025
  '2025-01-01',
  '2025-01-27', // Tết Ất Tỵ: 25 Jan to 2 Feb; 27 Jan swapped, made up on Saturday 8 Feb
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-04-07', // Giỗ Tổ Hùng Vương (10/3 Ất Tỵ)
  '2025-04-30',
  '2025-05-01',
  '2025-05-02', // swapped, made up on Saturday 26 Apr
  '2025-09-01',
  '2025-09-02',
  // 2026
  '2026-01-01',
  '2026-01-02', // swapped, made up on Saturday 10 Jan
  '2026-02-16', // Tết Bính Ngọ: 14 to 22 Feb, 29 Chạp to mùng 4 on weekdays
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27', // Giỗ Tổ (10/3 Bính Ngọ) fell on Sunday 26 Apr: compensatory Monday
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  // 2027 (provisional: statutory days until the year's notice is published)
  '2027-01-01',
  '2027-02-05', // Tết Đinh Mùi (1/1 lunar = Saturday 6 Feb): eve + mùng 1–4, weekend days compensated
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16', // Giỗ Tổ Hùng Vương (10/3 Đinh Mùi)
  '2027-04-30',
  '2027-05-03', // 1 May is a Saturday: compensatory Monday
  '2027-09-02',
  '2027-09-03',
]);

/** Saturdays worked to make up a swapped day off, sorted. */
export const VN_MAKE_UP_WORKING_DAYS: readonly IsoDate[] = Object.freeze([
  '2024-05-04',
  '2025-02-08',
  '2025-04-26',
  '2026-01-10',
]);
