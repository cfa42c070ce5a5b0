import { describe, expect, it } from 'vitest';
import { newId, pathLabel } from './ids.ts';

describe('newId', () => {
  it('is a version-7 UUID ordered by time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('makes an ltree label without hyphens', () => {
    expect(pathLabel('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('0190a1b2c3d47e5f8a9b0c1d2e3f4a5b');
  });
});
