import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComparison, evaluate, type Expr, parseFormula, referencesOf } from './formula.ts';

const values: Record<string, number | null> = { admitted: 120, members_at_end: 4000, enterprise: 30, empty: null, 'admitted.enterprise': 30 };
const lookup = (name: string) => values[name] ?? null;

function value(text: string): number | null {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.error.en);
  return evaluate(parsed.expr, lookup);
}

describe('formula', () => {
  it('computes with precedence, parentheses, unary minus and functions', () => {
    expect(value('admitted / members_at_end * 100')).toBe(3);
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('-admitted + 20')).toBe(-100);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('12 / 3 / 2')).toBe(2);
    expect(value('round(admitted / 7, 2)')).toBe(17.14);
    expect(value('max(admitted, enterprise, 500)')).toBe(500);
    expect(value('min(admitted, enterprise)')).toBe(30);
    expect(value('abs(enterprise - admitted)')).toBe(90);
    expect(value('admitted.enterprise * 2')).toBe(60);
  });

  it('gives null for a missing operand or a division by zero, never Infinity', () => {
    expect(value('empty + 1')).toBeNull();
    expect(value('unknown * 2')).toBeNull();
    expect(value('admitted / 0')).toBeNull();
    expect(value('admitted / (enterprise - 30)')).toBeNull();
  });

  it('lists the indicators a formula uses', () => {
    const parsed = parseFormula('admitted / members_at_end * 100 + max(enterprise, admitted.enterprise)');
    expect(parsed.ok && [...referencesOf(parsed.expr)].sort()).toEqual(['admitted', 'admitted.enterprise', 'enterprise', 'members_at_end']);
  });

  it('refuses what is not a formula, with the position, in Vietnamese', () => {
    const cases = ['admitted +', '(admitted', 'admitted)', 'process.exit()', 'admitted ; 1', 'foo(1)', 'round(1,2,3)', '', 'a >= b'];
    for (const text of cases) {
      const parsed = parseFormula(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error.vi.length).toBeGreaterThan(0);
    }
    const bad = parseFormula('admitted * $x');
    expect(!bad.ok && bad.error.position).toBe(11);
    expect(!bad.ok && bad.error.vi).toContain('vị trí 12');
  });

  it('judges rules as comparisons, and does not judge them when an operand is missing', () => {
    const rule = (text: string) => {
      const parsed = parseFormula(text, { allowCompare: true });
      if (!parsed.ok) throw new Error(parsed.error.en);
      return checkComparison(parsed.expr, lookup);
    };
    expect(rule('admitted >= enterprise')).toBe(true);
    expect(rule('enterprise > admitted')).toBe(false);
    expect(rule('0.1 + 0.2 = 0.3')).toBe(true);
    expect(rule('admitted != 120')).toBe(false);
    expect(rule('admitted <= empty')).toBeNull();
    expect(parseFormula('a >= b >= c', { allowCompare: true }).ok).toBe(false);
  });

  it('refuses very deep nesting instead of overflowing the stack', () => {
    expect(parseFormula(`${'('.repeat(45)}1${')'.repeat(45)}`).ok).toBe(false);
    expect(parseFormula(`${'-'.repeat(45)}1`).ok).toBe(false);
  });
});

/** Prints a tree back as text, fully parenthesised. */
function print(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'ref':
      return e.name;
    case 'neg':
      return `(-${print(e.operand)})`;
    case 'binary':
      return `(${print(e.left)} ${e.op} ${print(e.right)})`;
    case 'call':
      return `${e.fn}(${e.args.map(print).join(', ')})`;
    case 'compare':
      return `${print(e.left)} ${e.op} ${print(e.right)}`;
  }
}

const names = ['a', 'b', 'c_d', 'e.f'];
const exprArb = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 1000 }).map((value): Expr => ({ kind: 'number', value })),
    fc.constantFrom(...names).map((name): Expr => ({ kind: 'ref', name })),
    tie('expr').map((operand): Expr => ({ kind: 'neg', operand })),
    fc.record({ op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), left: tie('expr'), right: tie('expr') }).map((r): Expr => ({ kind: 'binary', ...r })),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((args): Expr => ({ kind: 'call', fn: 'max', args })),
  ),
})).expr;

describe('formula properties', () => {
  it('parsing the printed tree gives a tree with the same value', () => {
    fc.assert(
      fc.property(exprArb, fc.dictionary(fc.constantFrom(...names), fc.option(fc.integer({ min: -50, max: 50 }))), (expr, env) => {
        const look = (n: string) => env[n] ?? null;
        const parsed = parseFormula(print(expr));
        if (!parsed.ok) return print(expr).length > 500 || /nested/.test(parsed.error.en);
        const direct = evaluate(expr, look);
        const again = evaluate(parsed.expr, look);
        return direct === again || (direct !== null && again !== null && Math.abs(direct - again) < 1e-9);
      }),
    );
  });

  it('never throws and never yields NaN or Infinity on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parsed = parseFormula(text, { allowCompare: true });
        if (!parsed.ok) return true;
        const v = evaluate(parsed.expr, () => 3);
        return v === null || Number.isFinite(v);
      }),
    );
  });
});
