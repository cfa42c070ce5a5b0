import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCount, isIsoDate, ratioOf, renderMessage } from './rule-outcome.ts';
import type { MessageCatalog } from './rule-outcome.ts';

describe('ratioOf', () => {
  it('rounds half up to 2 decimals and keeps the exact fraction', () => {
    expect(ratioOf(2, 3)).toEqual({ numerator: 2, denominator: 3, percent: 66.67 });
    expect(ratioOf(1, 3)).toEqual({ numerator: 1, denominator: 3, percent: 33.33 });
    expect(ratioOf(1, 8)).toEqual({ numerator: 1, denominator: 8, percent: 12.5 });
    // 1/20000 is exactly 0.005%: half a hundredth, rounded up.
    expect(ratioOf(1, 20_000).percent).toBe(0.01);
    expect(ratioOf(1, 20_001).percent).toBe(0);
    expect(ratioOf(5, 5).percent).toBe(100);
    expect(ratioOf(0, 0).percent).toBeNull();
  });

  it('property: within half a hundredth of the exact percentage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        ([n, d]) => {
          const percent = ratioOf(n, d).percent ?? Number.NaN;
          // Compare in integers: |percent·100·d − n·10000| ≤ d/2.
          const error = Math.abs(Math.round(percent * 100) * d - n * 10_000);
          expect(2 * error).toBeLessThanOrEqual(d);
        },
      ),
    );
  });
});

describe('isIsoDate and isCount', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate('2024-10-10T00:00:00Z')).toBe(false);
  });

  it('accepts whole numbers from zero', () => {
    expect([0, 7, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY].map(isCount)).toEqual([true, true, false, false, false, false]);
  });
});

describe('renderMessage', () => {
  it('fills parameters with locale numbers and translated terms', () => {
    const catalog: MessageCatalog<'share'> = { share: { severity: 'info', vi: '{field}: {value}%', en: '{field}: {value}%' } };
    const terms = { vi: { seats: 'Số lượng cần bầu' }, en: { seats: 'Seats' } };
    const message = renderMessage(catalog, 'share', { field: 'seats', value: 1600.5 }, terms);
    expect(message).toEqual({
      code: 'share',
      severity: 'info',
      vi: 'Số lượng cần bầu: 1.600,5%',
      en: 'Seats: 1,600.5%',
      params: { field: 'seats', value: 1600.5 },
    });
  });
});
