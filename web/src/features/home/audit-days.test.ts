import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fillDays } from './audit-days.ts';

describe('fillDays', () => {
  const today = dayjs('2026-03-10');

  it('gives the last seven days with zeros where nothing was counted', () => {
    const days = fillDays([{ day: '2026-03-09', count: 4 }], today);
    expect(days.map((d) => d.day)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(days.map((d) => d.count)).toEqual([0, 0, 0, 0, 0, 4, 0]);
  });

  it('keeps an earlier day the server counted', () => {
    const days = fillDays([{ day: '2026-03-03', count: 2 }], today);
    expect(days[0]).toEqual({ day: '2026-03-03', count: 2 });
    expect(days).toHaveLength(8);
  });
});
