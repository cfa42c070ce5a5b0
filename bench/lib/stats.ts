import type { Metric, MetricSummary } from './types.ts';

/** The p-th percentile (0..100) of sorted values, by nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** min/p50/p95/max/mean of a metric and whether its target statistic (p50 unless stated) meets the target. */
export function summarize(metric: Metric): MetricSummary {
  const sorted = [...metric.samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const targetStat = metric.targetStat ?? 'p50';
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    name: metric.name,
    unit: metric.unit,
    n: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    p50: round(p50),
    p95: round(p95),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(mean),
    targetMax: metric.targetMax ?? null,
    targetStat,
    ok: metric.targetMax === undefined ? null : (targetStat === 'p95' ? p95 : p50) <= metric.targetMax,
    samples: metric.samples.map(round),
  };
}
