import { describe, expect, it } from 'vitest';
import { ethnicities, ethnicityOptions } from './ethnicities.ts';

describe('ethnicities', () => {
  it('lists the 54 ethnic groups once each', () => {
    expect(ethnicities).toHaveLength(54);
    expect(new Set(ethnicities).size).toBe(54);
  });

  it('suggests names typed without accents', () => {
    expect(ethnicityOptions('ede').map((o) => o.value)).toEqual(['Ê Đê']);
    expect(ethnicityOptions('tay').map((o) => o.value)).toContain('Tày');
    expect(ethnicityOptions('')).toHaveLength(54);
  });
});
