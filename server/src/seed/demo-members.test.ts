import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCitizenId } from './demo-members.ts';

describe('demoCitizenId', () => {
  it('has the 12-digit layout of a citizen id', () => {
    expect(demoCitizenId(1, 1975, false)).toMatch(/^\d{12}$/);
    expect(demoCitizenId(1, 1975, false)).toBe('002075000000');
    expect(demoCitizenId(96 * 7 + 3, 2001, true)).toBe('004301000007');
  });

  it('never repeats for members of the national demo (5.6 million and beyond)', () => {
    // The national scale reaches ≈ 5.6 million; an earlier scheme repeated every 3,000,000.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 95_999_999 }), fc.integer({ min: 1, max: 95_999_999 }), fc.integer({ min: 1945, max: 2006 }), fc.boolean(), (a, b, year, female) => {
        fc.pre(a !== b);
        expect(demoCitizenId(a, year, female)).not.toBe(demoCitizenId(b, year, female));
      }),
    );
    const around = (centre: number) => Array.from({ length: 200 }, (_, i) => centre - 100 + i);
    const ids = [...around(1_000), ...around(3_001_000), ...around(6_000_000)].map((seq) => demoCitizenId(seq, 1980, false));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
