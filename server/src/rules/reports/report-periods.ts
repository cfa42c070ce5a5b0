import type { ReportFrequency, SubmissionStatus, SubmissionWindow, TrackingStatus } from '@tcxd/contract';

/**
 * Reporting periods and the submission calendar. Defaults follow the sector's practice
 * (configurable per period): a report opens on the first day of the period's last month,
 * is due on the 20th of that month, and may be sent late until the 10th of the next month,
 * when it locks. Dates are yyyy-mm-dd strings; comparisons are on Việt Nam dates. Pure.
 */

export interface PeriodDates {
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly opensOn: string;
  readonly dueOn: string;
  readonly locksOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The last day of a month (1–12). */
export function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date moved by some days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const roman = ['I', 'II', 'III', 'IV'];

/** How many periods of a kind a year has, or null for ad hoc. */
export function periodsPerYear(kind: ReportFrequency): number | null {
  switch (kind) {
    case 'month':
      return 12;
    case 'quarter':
      return 4;
    case 'half_year':
      return 2;
    case 'year':
      return 1;
    case 'ad_hoc':
      return null;
  }
}

/** The first and last month of the index-th period of a year. */
function monthsOf(kind: Exclude<ReportFrequency, 'ad_hoc'>, index: number): [number, number] {
  switch (kind) {
    case 'month':
      return [index, index];
    case 'quarter':
      return [index * 3 - 2, index * 3];
    case 'half_year':
      return [index * 6 - 5, index * 6];
    case 'year':
      return [1, 12];
  }
}

function labelOf(kind: Exclude<ReportFrequency, 'ad_hoc'>, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `Tháng ${index}-${year}`;
    case 'quarter':
      return `Quý ${roman[index - 1] ?? index}-${year}`;
    case 'half_year':
      return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

/** The default dates of the index-th period of a year (month 1–12, quarter 1–4, half 1–2, year 1); null when out of range. */
export function standardPeriod(kind: Exclude<ReportFrequency, 'ad_hoc'>, year: number, index: number): PeriodDates | null {
  const count = periodsPerYear(kind) ?? 0;
  if (!Number.isInteger(index) || index < 1 || index > count) return null;
  const [first, last] = monthsOf(kind, index);
  const endsOn = iso(year, last, lastDayOf(year, last));
  const next = last === 12 ? { y: year + 1, m: 1 } : { y: year, m: last + 1 };
  return { label: labelOf(kind, year, index), startsOn: iso(year, first, 1), endsOn, opensOn: iso(year, last, 1), dueOn: iso(year, last, 20), locksOn: iso(next.y, next.m, 10) };
}

/** Default dates of an ad hoc period: opens at its start, due at its end, locks ten days later. */
export function adHocPeriod(label: string, startsOn: string, endsOn: string): PeriodDates {
  return { label, startsOn, endsOn, opensOn: startsOn, dueOn: endsOn, locksOn: addDays(endsOn, 10) };
}

/** Problems with a period's dates (start ≤ end, open ≤ due < lock), in Vietnamese and English. */
export function periodDateProblems(p: PeriodDates): { vi: string; en: string }[] {
  const problems: { vi: string; en: string }[] = [];
  if (p.startsOn > p.endsOn) problems.push({ vi: 'Ngày bắt đầu kỳ sau ngày kết thúc', en: 'The period starts after it ends' });
  if (p.opensOn > p.dueOn) problems.push({ vi: 'Ngày mở nhận báo cáo sau hạn nộp', en: 'The opening date is after the due date' });
  if (p.dueOn >= p.locksOn) problems.push({ vi: 'Ngày khóa phải sau hạn nộp', en: 'The lock date must be after the due date' });
  return problems;
}

/**
 * Whether a unit may send its report today: not yet open, open (until the due date
 * inclusive), late (until the lock date exclusive, or until the unit's unlock date inclusive).
 */
export function windowOf(period: Pick<PeriodDates, 'opensOn' | 'dueOn' | 'locksOn'>, today: string, unlockedUntil: string | null): SubmissionWindow {
  if (today < period.opensOn) return 'not_open';
  if (today <= period.dueOn) return 'open';
  if (today < period.locksOn) return 'late';
  if (unlockedUntil !== null && today <= unlockedUntil) return 'late';
  return 'locked';
}

/**
 * A unit's line in the tracking view: a report sent (and not sent back) is on time when its
 * first sending was on or before the due date, else late; returned while it awaits
 * correction; missing when nothing was sent (a draft is not a report).
 */
export function trackingStatusOf(submission: { readonly status: SubmissionStatus; readonly firstSubmittedOn: string | null } | null, dueOn: string): TrackingStatus {
  if (submission === null || submission.status === 'draft' || submission.firstSubmittedOn === null) return 'missing';
  if (submission.status === 'returned') return 'returned';
  return submission.firstSubmittedOn > dueOn ? 'late' : 'on_time';
}

/** What the reporting unit may do with its report. A returned report may be corrected and resent even after the lock: the centre asked for it. */
export function unitMay(status: SubmissionStatus, window: SubmissionWindow): { readonly edit: boolean; readonly submit: boolean } {
  switch (status) {
    case 'draft':
      return { edit: window !== 'locked', submit: window === 'open' || window === 'late' };
    case 'returned':
      return { edit: true, submit: true };
    case 'submitted':
    case 'accepted':
      return { edit: false, submit: false };
  }
}

/** What the managing unit may do: return or accept a report that was sent. */
export function reviewerMay(status: SubmissionStatus): boolean {
  return status === 'submitted';
}
