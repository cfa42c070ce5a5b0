import dayjs from 'dayjs';

export interface DayCount {
  readonly day: string;
  readonly count: number;
}

/** Every day from a week ago to today (and any earlier day the server counted), zero where nothing happened. */
export function fillDays(rows: readonly DayCount[], today: dayjs.Dayjs = dayjs()): DayCount[] {
  const counts = new Map(rows.map((r) => [r.day, r.count]));
  const earliest = [today.subtract(6, 'day').format('YYYY-MM-DD'), ...counts.keys()].sort()[0] ?? today.format('YYYY-MM-DD');
  const out: DayCount[] = [];
  for (let day = dayjs(earliest); !day.isAfter(today, 'day'); day = day.add(1, 'day')) {
    const key = day.format('YYYY-MM-DD');
    out.push({ day: key, count: counts.get(key) ?? 0 });
  }
  return out;
}
