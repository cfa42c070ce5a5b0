import type { ReportValues } from '@tcxd/contract';
import type { CompiledDefinition } from './report-definition.ts';
import { keysOf } from './report-definition.ts';
import { withComputed } from './report-values.ts';

/**
 * Combines the values of several reports: entered and filled figures (and breakdown parts)
 * are summed, or averaged for indicators marked "mean"; computed indicators are then
 * recomputed from the combined operands (a rate of the total, not a sum of rates).
 * Reports that left a figure empty do not count for it; no report gives null.
 */
export function combineValues(compiled: CompiledDefinition, reports: readonly ReportValues[]): ReportValues {
  const out: Record<string, number | null> = {};
  for (const indicator of compiled.definition.indicators) {
    if (indicator.formula !== null) continue;
    for (const key of keysOf(indicator)) {
      let sum = 0;
      let n = 0;
      for (const report of reports) {
        const v = report[key];
        if (v === undefined || v === null) continue;
        sum += v;
        n += 1;
      }
      out[key] = n === 0 ? null : indicator.aggregate === 'mean' ? Math.round((sum / n) * 1e6) / 1e6 : Math.round(sum * 1e6) / 1e6;
    }
  }
  return withComputed(compiled, out);
}

/** Groups reports by a key (the group unit of each reporting unit) and combines each group. */
export function combineByGroup(
  compiled: CompiledDefinition,
  reports: readonly { readonly group: string; readonly values: ReportValues }[],
): Map<string, ReportValues> {
  const byGroup = new Map<string, ReportValues[]>();
  for (const r of reports) {
    const list = byGroup.get(r.group);
    if (list) list.push(r.values);
    else byGroup.set(r.group, [r.values]);
  }
  return new Map([...byGroup].map(([group, list]) => [group, combineValues(compiled, list)]));
}

/** A sent report as read back: its group (none when the unit falls in no group) and its stored figures, unchecked. */
export interface StoredReport {
  readonly group: string | undefined;
  readonly values: unknown;
}

/** The combined figures of a set of reports, over all of them and by group, with each group's number of reports. */
export interface CombinedReports {
  readonly total: ReportValues;
  readonly byGroup: Map<string, ReportValues>;
  readonly reportedBy: Map<string, number>;
}

interface Accumulator {
  readonly sum: Float64Array;
  readonly n: Uint32Array;
  reports: number;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The same figures as combineValues over storedValues of each report and combineByGroup,
 * in one pass over the stored figures: a province is 3,000 reports of 50 figures, and copying
 * each report into a checked object cost more than the sums themselves. A figure counts when
 * it is a finite number (what storedValues keeps); the reports are added in the same order,
 * so every sum is the very same floating-point number.
 */
export function combineStored(compiled: CompiledDefinition, reports: readonly StoredReport[]): CombinedReports {
  const keys = compiled.definition.indicators.filter((i) => i.formula === null).flatMap((i) => keysOf(i).map((key) => ({ key, mean: i.aggregate === 'mean' })));
  const names = keys.map((k) => k.key);
  const size = keys.length;
  const newAccumulator = (): Accumulator => ({ sum: new Float64Array(size), n: new Uint32Array(size), reports: 0 });
  const all = newAccumulator();
  const groups = new Map<string, Accumulator>();
  for (const report of reports) {
    let group: Accumulator | undefined;
    if (report.group !== undefined) {
      group = groups.get(report.group);
      if (!group) {
        group = newAccumulator();
        groups.set(report.group, group);
      }
      group.reports += 1;
    }
    const values = report.values;
    if (!isRecord(values)) continue;
    for (let k = 0; k < size; k += 1) {
      const key = names[k] ?? '';
      const v = values[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || !Object.hasOwn(values, key)) continue;
      all.sum[k] = (all.sum[k] ?? 0) + v;
      all.n[k] = (all.n[k] ?? 0) + 1;
      if (group) {
        group.sum[k] = (group.sum[k] ?? 0) + v;
        group.n[k] = (group.n[k] ?? 0) + 1;
      }
    }
  }
  const finish = (acc: Accumulator): ReportValues => {
    const out: Record<string, number | null> = {};
    keys.forEach(({ key, mean }, k) => {
      const sum = acc.sum[k] ?? 0;
      const n = acc.n[k] ?? 0;
      out[key] = n === 0 ? null : mean ? Math.round((sum / n) * 1e6) / 1e6 : Math.round(sum * 1e6) / 1e6;
    });
    return withComputed(compiled, out);
  };
  return {
    total: finish(all),
    byGroup: new Map([...groups].map(([id, acc]) => [id, finish(acc)])),
    reportedBy: new Map([...groups].map(([id, acc]) => [id, acc.reports])),
  };
}
