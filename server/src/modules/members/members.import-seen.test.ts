import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitKey, SeenKeys, textKey } from './members.import-seen.ts';

describe('SeenKeys', () => {
  it('answers the first row of a key exactly as a Map would, through many growths', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { maxLength: 20_000 }), (keys) => {
        const seen = new SeenKeys();
        const model = new Map<string, number>();
        keys.forEach(([high, low], row) => {
          const expected = model.get(`${high}:${low}`);
          if (expected === undefined) model.set(`${high}:${low}`, row);
          expect(seen.firstOrRecord(high, low, row)).toBe(expected);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('keeps a million distinct citizen ids apart and finds a repeated one', () => {
    const seen = new SeenKeys();
    let repeats = 0;
    for (let i = 0; i < 1_000_000; i += 1) {
      const [high, low] = digitKey(String(1e11 + i * 7919));
      if (seen.firstOrRecord(high, low, i) !== undefined) repeats += 1;
    }
    expect(repeats).toBe(0);
    const [high, low] = digitKey(String(1e11 + 123 * 7919));
    expect(seen.firstOrRecord(high, low, 2_000_000)).toBe(123);
  });
});

describe('identity keys', () => {
  it('splits 12-digit numbers exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const [high, low] = digitKey(String(n).padStart(12, '0'));
        expect(high * 2 ** 32 + low).toBe(n);
      }),
    );
  });

  it('gives different digests to names that differ by one letter or one field', () => {
    const keys = ['nguyen van an|1980-01-02|01', 'nguyen van an|1980-01-02|02', 'nguyen van ai|1980-01-02|01', 'nguyen van an|1980-01-03|01'].map((t) => textKey(t).join(':'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(textKey('trần thị lan')).toEqual(textKey('trần thị lan'));
  });
});
