import type { Region } from '@tcxd/contract';

/**
 * The region of an organisation directly under the Centre, from its province code (the
 * statistics office's codes run north to south): 01–37 the North, 38–68 the Centre and
 * Central Highlands, 70–96 the South; units without a numeric code are central bodies.
 * Units below a province carry their province's code as a prefix ("02.H1.X3").
 */
export function regionOf(code: string): Region {
  const match = /^(\d{2})(\.|$)/.exec(code);
  if (!match) return 'central_bodies';
  const n = Number(match[1]);
  if (n <= 37) return 'north';
  if (n <= 68) return 'central';
  return 'south';
}
