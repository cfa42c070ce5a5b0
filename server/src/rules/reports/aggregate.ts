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
