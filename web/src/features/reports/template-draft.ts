import type { IndicatorDef, IndicatorSource, NarrativeSectionDef, ReportAssignment, ReportFrequency, TemplateCreateRequest, TemplateDefinition, UnitKind, ValidationRuleDef } from '@tcxd/contract';

export type Breakdown = IndicatorDef['breakdown'][number];

/** The list with item `index` changed by `patch`. */
export function patchAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((x, j) => (j === index ? { ...x, ...patch } : x));
}

/** The list without item `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_x, j) => j !== index);
}

/** The list with item `index` moved by `step` places (unchanged when that leaves the list). */
export function moveBy<T>(list: readonly T[], index: number, step: number): T[] {
  const to = index + step;
  const item = list[index];
  if (item === undefined || to < 0 || to >= list.length) return [...list];
  const rest = removeAt(list, index);
  return [...rest.slice(0, to), item, ...rest.slice(to)];
}

/** `${prefix}_${n}` with the smallest n ≥ count + 1 not yet among `taken`. */
export function freshCode(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** A new entered indicator with a free code. */
export const blankIndicator = (taken: readonly IndicatorDef[]): IndicatorDef => ({
  code: freshCode('chi_tieu', taken.map((x) => x.code)),
  label: '',
  type: 'integer',
  group: null,
  unit: null,
  breakdown: [],
  formula: null,
  source: null,
  required: false,
  aggregate: 'sum',
});

export const blankSection = (taken: readonly NarrativeSectionDef[]): NarrativeSectionDef => ({ key: freshCode('muc', taken.map((x) => x.key)), title: '', required: false });
export const blankRule = (taken: readonly ValidationRuleDef[]): ValidationRuleDef => ({ code: freshCode('quy_tac', taken.map((x) => x.code)), check: '', message: '' });
export const blankBreakdown = (taken: readonly Breakdown[]): Breakdown => ({ key: freshCode('phan', taken.map((x) => x.key)), label: '' });

/** An empty first definition of a new template: one entered indicator. */
export const blankDefinition = (): TemplateDefinition => ({ sections: [], indicators: [blankIndicator([])], rules: [] });

/** Text of an optional field: blank means none. */
export const optionalText = (text: string): string | null => (text.trim() === '' ? null : text);

/** An indicator filled from a registry source (or entered again for null): a filled indicator has no formula. */
export function withSource(indicator: IndicatorDef, source: IndicatorSource | null): IndicatorDef {
  return source === null ? { ...indicator, source } : { ...indicator, source, formula: null };
}

/** Where a problem is, 1-based as shown on the page. */
export type ProblemPlace =
  | { readonly part: 'section' | 'indicator' | 'rule'; readonly n: number }
  | { readonly part: 'breakdown'; readonly n: number; readonly m: number };

/** A problem the page finds before asking the server. */
export type DraftProblem =
  | { readonly problem: 'badCode'; readonly place: ProblemPlace; readonly code: string }
  | { readonly problem: 'noName' | 'noCheck'; readonly place: ProblemPlace }
  | { readonly problem: 'noIndicator' };

const codePattern = /^[a-z][a-z0-9_]{0,39}$/;
const blank = (text: string) => text.trim() === '';

/**
 * The shape problems of a definition being edited (codes, empty names, no indicator) that the
 * contract schema would reject with a terse message. Formulas and rules are left to the server's check.
 */
export function draftProblems(definition: TemplateDefinition): DraftProblem[] {
  const out: DraftProblem[] = [];
  const named = (place: ProblemPlace, code: string, name: string) => {
    if (!codePattern.test(code)) out.push({ problem: 'badCode', place, code });
    if (blank(name)) out.push({ problem: 'noName', place });
  };
  definition.sections.forEach((s, i) => named({ part: 'section', n: i + 1 }, s.key, s.title));
  if (definition.indicators.length === 0) out.push({ problem: 'noIndicator' });
  definition.indicators.forEach((x, i) => {
    named({ part: 'indicator', n: i + 1 }, x.code, x.label);
    x.breakdown.forEach((b, k) => named({ part: 'breakdown', n: i + 1, m: k + 1 }, b.key, b.label));
  });
  definition.rules.forEach((r, i) => {
    const place: ProblemPlace = { part: 'rule', n: i + 1 };
    named(place, r.code, r.message);
    if (blank(r.check)) out.push({ problem: 'noCheck', place });
  });
  return out;
}

/** The header fields of a new template as the form holds them. */
export interface TemplateHeader {
  readonly code: string;
  readonly name: string;
  readonly frequency: ReportFrequency;
  readonly ownerUnitId: string | null;
  readonly assignment: 'children' | 'subtree_kinds';
  readonly unitKinds: readonly UnitKind[];
  /** yyyy-mm-dd, or null when not chosen. */
  readonly validFrom: string | null;
}

export type HeaderField = 'code' | 'name' | 'owner' | 'unitKinds' | 'validFrom';

/** The create request of the form, or the fields still to fill. */
export function createRequestOf(header: TemplateHeader, definition: TemplateDefinition): { ok: true; request: TemplateCreateRequest } | { ok: false; missing: HeaderField[] } {
  const missing: HeaderField[] = [];
  if (blank(header.code)) missing.push('code');
  if (blank(header.name)) missing.push('name');
  if (header.ownerUnitId === null) missing.push('owner');
  if (header.assignment === 'subtree_kinds' && header.unitKinds.length === 0) missing.push('unitKinds');
  if (header.validFrom === null) missing.push('validFrom');
  if (missing.length > 0 || header.ownerUnitId === null || header.validFrom === null) return { ok: false, missing };
  const assignment: ReportAssignment = header.assignment === 'children' ? { kind: 'children' } : { kind: 'subtree_kinds', unitKinds: [...header.unitKinds] };
  return { ok: true, request: { ownerUnitId: header.ownerUnitId, code: header.code.trim(), name: header.name.trim(), frequency: header.frequency, assignment, validFrom: header.validFrom, definition } };
}
