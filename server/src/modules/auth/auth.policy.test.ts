import { describe, expect, it } from 'vitest';
import { lockoutSeconds } from './auth.policy.ts';

describe('lockoutSeconds', () => {
  it('does not lock below the threshold, then doubles from one minute up to an hour', () => {
    expect([1, 4].map((n) => lockoutSeconds(n, 5))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => lockoutSeconds(n, 5))).toEqual([60, 120, 240, 480]);
    expect(lockoutSeconds(30, 5)).toBe(3600);
  });
});
