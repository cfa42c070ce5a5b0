import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, isIsoDate, todayIso } from './format.ts';

describe('dates', () => {
  it('shows calendar dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });

  it('accepts only real yyyy-mm-dd dates from the address bar', () => {
    expect(isIsoDate('2024-01-01')).toBe(true);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('01/01/2024')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('today', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the date in Vietnam, as the server counts it, whatever the browser time zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T22:49:00Z'));
    expect(todayIso()).toBe('2026-12-02');
    vi.setSystemTime(new Date('2026-12-01T16:59:00Z'));
    expect(todayIso()).toBe('2026-12-01');
  });
});
