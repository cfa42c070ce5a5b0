import { describe, expect, it } from 'vitest';
import { dayChoices, daysOf, remainingOf } from './due-remaining.ts';

describe('remainingOf', () => {
  it('tells days left, due today and overdue', () => {
    expect(remainingOf(12, false)).toEqual({ kind: 'left', days: 12 });
    expect(remainingOf(0, false)).toEqual({ kind: 'today' });
    expect(remainingOf(-5, true)).toEqual({ kind: 'overdue', days: 5 });
  });

  it('trusts the overdue flag and the sign of the days', () => {
    expect(remainingOf(-3, false)).toEqual({ kind: 'overdue', days: 3 });
    expect(remainingOf(0, true)).toEqual({ kind: 'overdue', days: 0 });
  });
});

describe('days of the due lists', () => {
  it('reads 1–365 from the address, 30 otherwise', () => {
    expect(daysOf('45')).toBe(45);
    expect(daysOf(null)).toBe(30);
    expect(daysOf('0')).toBe(30);
    expect(daysOf('400')).toBe(30);
    expect(daysOf('7x')).toBe(30);
  });

  it('offers the usual choices and keeps the current one', () => {
    expect(dayChoices(30)).toEqual([7, 15, 30, 60, 90]);
    expect(dayChoices(45)).toEqual([7, 15, 30, 45, 60, 90]);
  });
});
