import type { IndicatorSource, Locale, ReportNarrative, ReportValues, ValueIssue } from '@tcxd/contract';
import { checkComparison, evaluate } from './formula.ts';
import type { CompiledDefinition } from './report-definition.ts';

/** Figures the server reads from the registries for one unit and period. */
export type FilledFigures = Readonly<Partial<Record<IndicatorSource, number>>>;

/**
 * The full set of values of a report: what the clerk entered (only for entered indicators
 * and breakdown parts), the registry figures, breakdown totals, then computed indicators in
 * dependency order. Unknown keys in the input are dropped.
 */
export function computeValues(compiled: CompiledDefinition, entered: ReportValues, filled: FilledFigures): ReportValues {
  const out: Record<string, number | null> = {};
  for (const indicator of compiled.definition.indicators) {
    if (indicator.source !== null) {
      out[indicator.code] = filled[indicator.source] ?? null;
    } else if (indicator.breakdown.length > 0) {
      const parts = indicator.breakdown.map((b) => {
        const v = entered[`${indicator.code}.${b.key}`] ?? null;
        out[`${indicator.code}.${b.key}`] = v;
        return v;
      });
      const given = parts.filter((p): p is number => p !== null);
      out[indicator.code] = given.length === 0 ? null : given.reduce((s, p) => s + p, 0);
    } else if (indicator.formula === null) {
      out[indicator.code] = entered[indicator.code] ?? null;
    }
  }
  return withComputed(compiled, out);
}

/** Fills the computed indicators of a set of values (entered or combined) in dependency order. */
export function withComputed(compiled: CompiledDefinition, values: ReportValues): ReportValues {
  const out: Record<string, number | null> = { ...values };
  for (const code of compiled.computeOrder) {
    const expr = compiled.formulas.get(code);
    if (!expr) continue;
    const v = evaluate(expr, (name) => out[name] ?? null);
    out[code] = v === null ? null : Math.round(v * 1e6) / 1e6;
  }
  return out;
}

const texts = {
  not_integer: { vi: '{label} phải là số nguyên', en: '{label} must be a whole number' },
  negative: { vi: '{label} không được âm', en: '{label} cannot be negative' },
  percent_range: { vi: '{label} phải từ 0 đến 100%', en: '{label} must be between 0 and 100%' },
  computed_percent_range: { vi: '{label} (tự tính) ngoài khoảng 0–100%: kiểm tra các số liệu thành phần', en: '{label} (computed) is outside 0–100%: check the figures it uses' },
  required: { vi: 'Chưa nhập {label}', en: '{label} is missing' },
  section_required: { vi: 'Chưa viết phần "{label}"', en: 'Section "{label}" is empty' },
} as const;

function message(locale: Locale, code: keyof typeof texts, label: string): string {
  return texts[code][locale].replace('{label}', label);
}

/**
 * Checks a report's values: whole numbers, no negative counts, percentages 0–100, the
 * template's rules; with `complete`, also required indicators and sections (what submitting needs).
 * Errors block submission; warnings (a computed percentage out of range) are shown only.
 */
export function validateValues(
  compiled: CompiledDefinition,
  values: ReportValues,
  narrative: ReportNarrative,
  options: { readonly complete: boolean; readonly locale: Locale },
): ValueIssue[] {
  const { locale } = options;
  const issues: ValueIssue[] = [];
  const add = (field: string, code: keyof typeof texts, label: string, severity: ValueIssue['severity'] = 'error') => issues.push({ code, field, severity, message: message(locale, code, label) });
  for (const indicator of compiled.definition.indicators) {
    const entries = indicator.breakdown.length > 0 ? indicator.breakdown.map((b) => ({ key: `${indicator.code}.${b.key}`, label: `${indicator.label} — ${b.label}` })) : [{ key: indicator.code, label: indicator.label }];
    const computed = indicator.formula !== null;
    for (const entry of entries) {
      const v = values[entry.key] ?? null;
      if (v === null) continue;
      if (indicator.type === 'integer' && !computed && !Number.isInteger(v)) add(entry.key, 'not_integer', entry.label);
      if (indicator.type !== 'percentage' && !computed && v < 0) add(entry.key, 'negative', entry.label);
      if (indicator.type === 'percentage' && (v < 0 || v > 100)) add(entry.key, computed ? 'computed_percent_range' : 'percent_range', entry.label, computed ? 'warning' : 'error');
    }
    if (options.complete && indicator.required && !computed && indicator.source === null && (values[indicator.code] ?? null) === null) add(indicator.code, 'required', indicator.label);
  }
  for (const rule of compiled.definition.rules) {
    const expr = compiled.rules.get(rule.code);
    if (expr && checkComparison(expr, (name) => values[name] ?? null) === false) issues.push({ code: `rule.${rule.code}`, field: rule.code, severity: 'error', message: rule.message });
  }
  if (options.complete) {
    for (const section of compiled.definition.sections) {
      if (section.required && (narrative[section.key] ?? '').trim() === '') add(`narrative.${section.key}`, 'section_required', section.title);
    }
  }
  return issues;
}

/** Keeps only the narrative sections the template has. */
export function cleanNarrative(compiled: CompiledDefinition, narrative: ReportNarrative): ReportNarrative {
  const out: Record<string, string> = {};
  for (const section of compiled.definition.sections) {
    const text = narrative[section.key];
    if (text !== undefined && text.trim() !== '') out[section.key] = text;
  }
  return out;
}

/**
 * Stored figures read back for aggregation: the same shape as the contract's reportValues,
 * checked by hand because a schema parse of 3,000 reports of 50 figures costs more than
 * the whole rest of the aggregation. Anything else than a finite number or null is dropped.
 */
export function storedValues(stored: unknown): ReportValues {
  const out: ReportValues = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return out;
  for (const [key, value] of Object.entries(stored)) {
    // Defined, not assigned: a stored key "__proto__" is data, never the object's prototype.
    if (value === null || (typeof value === 'number' && Number.isFinite(value))) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
