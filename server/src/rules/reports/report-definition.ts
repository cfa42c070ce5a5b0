import type { IndicatorDef, TemplateDefinition } from '@tcxd/contract';
import { type Expr, parseFormula, referencesOf } from './formula.ts';

/** A problem in a template definition, with where it is (`indicators.3.formula`). */
export interface DefinitionIssue {
  readonly path: string;
  readonly vi: string;
  readonly en: string;
}

/** A definition ready to compute with: formulas parsed, computed indicators in dependency order. */
export interface CompiledDefinition {
  readonly definition: TemplateDefinition;
  readonly formulas: ReadonlyMap<string, Expr>;
  readonly rules: ReadonlyMap<string, Expr>;
  /** Codes of computed indicators, each after everything it uses. */
  readonly computeOrder: readonly string[];
  /** Every value key: indicator codes and breakdown parts (`code.key`). */
  readonly keys: ReadonlySet<string>;
}

export type CompileResult = { readonly ok: true; readonly compiled: CompiledDefinition } | { readonly ok: false; readonly issues: readonly DefinitionIssue[] };

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return twice;
}

/** The value keys of an indicator: its code, and `code.key` for each breakdown part. */
export function keysOf(indicator: IndicatorDef): string[] {
  return [indicator.code, ...indicator.breakdown.map((b) => `${indicator.code}.${b.key}`)];
}

/** Orders computed indicators so each comes after those it uses; returns the codes on a cycle when there is one. */
function orderComputed(formulas: ReadonlyMap<string, Expr>): { order: string[]; cycle: string[] } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let cycle: string[] = [];
  const visit = (code: string, trail: string[]): void => {
    if (state.get(code) === 'done' || cycle.length > 0) return;
    if (state.get(code) === 'visiting') {
      cycle = [...trail.slice(trail.indexOf(code)), code];
      return;
    }
    state.set(code, 'visiting');
    const expr = formulas.get(code);
    if (expr) for (const ref of referencesOf(expr)) if (formulas.has(ref.split('.')[0] ?? ref)) visit(ref.split('.')[0] ?? ref, [...trail, code]);
    state.set(code, 'done');
    order.push(code);
  };
  for (const code of formulas.keys()) visit(code, []);
  return { order, cycle };
}

/**
 * Checks a template definition (unique codes, formulas that parse and refer to existing
 * indicators without a cycle, rules that are comparisons) and compiles it.
 */
export function compileDefinition(definition: TemplateDefinition): CompileResult {
  const issues: DefinitionIssue[] = [];
  const codes = definition.indicators.map((i) => i.code);
  for (const code of duplicates(codes)) issues.push({ path: 'indicators', vi: `Mã chỉ tiêu "${code}" bị trùng`, en: `Indicator code "${code}" is used twice` });
  for (const key of duplicates(definition.sections.map((s) => s.key))) issues.push({ path: 'sections', vi: `Mã mục "${key}" bị trùng`, en: `Section key "${key}" is used twice` });
  for (const code of duplicates(definition.rules.map((r) => r.code))) issues.push({ path: 'rules', vi: `Mã quy tắc "${code}" bị trùng`, en: `Rule code "${code}" is used twice` });
  const keys = new Set(definition.indicators.flatMap(keysOf));
  const formulas = new Map<string, Expr>();
  definition.indicators.forEach((indicator, i) => {
    const path = `indicators.${i}`;
    for (const key of duplicates(indicator.breakdown.map((b) => b.key))) issues.push({ path: `${path}.breakdown`, vi: `Mã phần chi tiết "${key}" bị trùng`, en: `Breakdown key "${key}" is used twice` });
    const kinds = [indicator.formula !== null, indicator.source !== null, indicator.breakdown.length > 0].filter(Boolean).length;
    if (kinds > 1) issues.push({ path, vi: `Chỉ tiêu "${indicator.label}" chỉ được là một trong: có công thức, lấy từ cơ sở dữ liệu, có chi tiết`, en: `Indicator "${indicator.label}" can be only one of: computed, filled from the registries, broken down` });
    if (indicator.formula === null) return;
    const parsed = parseFormula(indicator.formula);
    if (!parsed.ok) {
      issues.push({ path: `${path}.formula`, vi: `Công thức của "${indicator.label}": ${parsed.error.vi}`, en: `Formula of "${indicator.label}": ${parsed.error.en}` });
      return;
    }
    for (const ref of referencesOf(parsed.expr)) {
      if (!keys.has(ref)) issues.push({ path: `${path}.formula`, vi: `Công thức của "${indicator.label}" dùng chỉ tiêu không có: ${ref}`, en: `Formula of "${indicator.label}" uses an unknown indicator: ${ref}` });
    }
    formulas.set(indicator.code, parsed.expr);
  });
  const { order, cycle } = orderComputed(formulas);
  if (cycle.length > 0) issues.push({ path: 'indicators', vi: `Công thức vòng tròn: ${cycle.join(' → ')}`, en: `Circular formulas: ${cycle.join(' → ')}` });
  const rules = new Map<string, Expr>();
  definition.rules.forEach((rule, i) => {
    const parsed = parseFormula(rule.check, { allowCompare: true });
    if (!parsed.ok) {
      issues.push({ path: `rules.${i}.check`, vi: `Quy tắc "${rule.code}": ${parsed.error.vi}`, en: `Rule "${rule.code}": ${parsed.error.en}` });
      return;
    }
    if (parsed.expr.kind !== 'compare') issues.push({ path: `rules.${i}.check`, vi: `Quy tắc "${rule.code}" phải là một phép so sánh`, en: `Rule "${rule.code}" must be a comparison` });
    for (const ref of referencesOf(parsed.expr)) {
      if (!keys.has(ref)) issues.push({ path: `rules.${i}.check`, vi: `Quy tắc "${rule.code}" dùng chỉ tiêu không có: ${ref}`, en: `Rule "${rule.code}" uses an unknown indicator: ${ref}` });
    }
    rules.set(rule.code, parsed.expr);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, compiled: { definition, formulas, rules, computeOrder: order, keys } };
}

/** Compiles a definition already stored (checked when it was saved); a broken one is a programming error. */
export function compileStored(definition: TemplateDefinition): CompiledDefinition {
  const result = compileDefinition(definition);
  if (!result.ok) throw new Error(`stored template definition is invalid: ${result.issues.map((i) => i.en).join('; ')}`);
  return result.compiled;
}
