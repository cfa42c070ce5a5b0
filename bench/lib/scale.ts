import { type DemoScale, demoScales } from '../../server/src/seed/demo-structure.ts';

function isScale(value: string): value is DemoScale {
  return Object.hasOwn(demoScales, value);
}

/** The demo scale a scenario seeds: BENCH_SCALE (small, medium, national) or the scenario's default. */
export function benchScale(fallback: DemoScale): DemoScale {
  const value = process.env.BENCH_SCALE;
  if (value === undefined || value === '') return fallback;
  if (!isScale(value)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(demoScales).join(', ')} (got ${value})`);
  return value;
}
