import { describe, expect, it } from 'vitest';
import { formatDate, isIsoDate } from './format.ts';

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
