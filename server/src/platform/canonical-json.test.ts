import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, toCanonicalValue } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
  });

  it('is stable through a JSON round trip with shuffled keys (as jsonb does)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normal = toCanonicalValue(value);
        const shuffled = JSON.parse(JSON.stringify(normal, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
        expect(canonicalJson(shuffled)).toBe(canonicalJson(normal));
      }),
    );
  });

  it('turns dates into ISO strings and undefined into null', () => {
    expect(toCanonicalValue({ at: new Date('2025-07-01T00:00:00Z') })).toEqual({ at: '2025-07-01T00:00:00.000Z' });
    expect(toCanonicalValue(undefined)).toBeNull();
  });
});
