import type { EChartsCoreOption } from 'echarts/core';
import { brandColor } from '../../app/theme.ts';

/** One count of the statistics, keyed by the server (a status, a sex, an age band, a name…). */
export interface Tally {
  readonly key: string;
  readonly count: number;
}

/** One bar or slice: a label and its count. */
export interface Slice {
  readonly name: string;
  readonly value: number;
}

const probationaryColor = '#d9a300';
const palette = [brandColor, '#1f6fb2', '#d9a300', '#2e8b57', '#7b4fa0', '#e07b39', '#4aa3a2', '#8c8c8c'];

/** Counts in a fixed order (age bands), zero where nothing was counted, unknown keys after. */
export function inOrder(tally: readonly Tally[], order: readonly string[], label: (key: string) => string): Slice[] {
  const counts = new Map(tally.map((r) => [r.key, r.count]));
  const extra = tally.filter((r) => !order.includes(r.key)).map((r) => r.key);
  return [...order, ...extra].map((key) => ({ name: label(key), value: counts.get(key) ?? 0 }));
}

/** The largest counts (ties by label, Vietnamese order), the rest summed as one "others" slice when there is any. */
export function topWithOthers(tally: readonly Tally[], limit: number, othersLabel: string, label: (key: string) => string): Slice[] {
  const sorted = tally
    .filter((r) => r.count > 0)
    .map((r) => ({ name: label(r.key), value: r.count }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'vi'));
  const top = sorted.slice(0, limit);
  const rest = sorted.slice(limit).reduce((sum, s) => sum + s.value, 0);
  return rest > 0 ? [...top, { name: othersLabel, value: rest }] : top;
}

/** Height of a horizontal bar chart with this many bars (long Vietnamese unit names read best across). */
export function barsHeight(count: number): number {
  return Math.max(240, 48 + count * 28);
}

/** A vertical bar chart of slices (age bands, education…); horizontal for long labels. */
export function barOption(slices: readonly Slice[], seriesName: string, horizontal = false): EChartsCoreOption {
  const names = slices.map((s) => s.name);
  const category = { type: 'category', data: horizontal ? [...names].reverse() : names, axisTick: { alignWithLabel: true }, axisLabel: { width: 180, overflow: 'truncate' } };
  const value = { type: 'value', minInterval: 1 };
  const data = slices.map((s) => s.value);
  return {
    grid: { left: 16, right: 24, top: 16, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ name: seriesName, type: 'bar', data: horizontal ? [...data].reverse() : data, itemStyle: { color: brandColor }, barMaxWidth: 36, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

/** A donut of slices (members by sex). */
export function pieOption(slices: readonly Slice[], seriesName: string): EChartsCoreOption {
  return {
    color: palette,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        name: seriesName,
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: slices.map((s) => ({ name: s.name, value: s.value })),
      },
    ],
  };
}

/** The sub-units with their members, full and probationary stacked (horizontal bars, first unit on top). */
export function childBarsOption(
  rows: readonly { readonly name: string; readonly full: number; readonly probationary: number }[],
  labels: { readonly full: string; readonly probationary: string },
): EChartsCoreOption {
  const reversed = [...rows].reverse();
  return {
    grid: { left: 16, right: 24, top: 32, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: reversed.map((r) => r.name), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      { name: labels.full, type: 'bar', stack: 'members', data: reversed.map((r) => r.full), itemStyle: { color: brandColor }, barMaxWidth: 24 },
      { name: labels.probationary, type: 'bar', stack: 'members', data: reversed.map((r) => r.probationary), itemStyle: { color: probationaryColor }, barMaxWidth: 24 },
    ],
  };
}

/** The count of one key (0 when the server counted none). */
export function countOf(tally: readonly Tally[], key: string): number {
  return tally.find((r) => r.key === key)?.count ?? 0;
}

/** The sub-units to chart: all of them up to the limit, else the largest ones (kept in the server's order). */
export function largestChildren<R extends { readonly full: number; readonly probationary: number }>(rows: readonly R[], limit: number): readonly R[] {
  if (rows.length <= limit) return rows;
  const kept = new Set([...rows].sort((a, b) => b.full + b.probationary - (a.full + a.probationary)).slice(0, limit));
  return rows.filter((r) => kept.has(r));
}
