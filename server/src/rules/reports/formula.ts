/**
 * A small, safe expression language for computed indicators and validation rules:
 * numbers, indicator references (`admitted`, `admitted.enterprise`), + - * /, unary minus,
 * parentheses, min/max/round/abs, and one comparison (>= <= > < = !=) for rules.
 * It is parsed into a tree by recursive descent and evaluated by walking the tree —
 * never handed to eval or Function. Pure: no I/O.
 */

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'neg'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr };

export type CompareOp = '>=' | '<=' | '>' | '<' | '=' | '!=';
const functions = { min: [1, 20], max: [1, 20], round: [1, 2], abs: [1, 1] } as const;
export type FunctionName = keyof typeof functions;

export interface ParseError {
  readonly position: number;
  readonly vi: string;
  readonly en: string;
}

export type ParseResult = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly error: ParseError };

type Token =
  | { readonly t: 'num'; readonly value: number; readonly at: number }
  | { readonly t: 'id'; readonly name: string; readonly at: number }
  | { readonly t: 'op'; readonly op: string; readonly at: number }
  | { readonly t: 'end'; readonly at: number };

class FormulaError extends Error {
  constructor(
    readonly position: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const maxLength = 500;
const maxDepth = 40;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n') {
      i += 1;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ t: 'num', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const id = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?/.exec(text.slice(i));
    if (id) {
      tokens.push({ t: 'id', name: id[0], at: i });
      i += id[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '>=' || two === '<=' || two === '!=') {
      tokens.push({ t: 'op', op: two, at: i });
      i += 2;
      continue;
    }
    if ('+-*/(),<>='.includes(c)) {
      tokens.push({ t: 'op', op: c, at: i });
      i += 1;
      continue;
    }
    throw new FormulaError(i, `Ký tự không hợp lệ "${c}" ở vị trí ${i + 1}`, `Unexpected character "${c}" at position ${i + 1}`);
  }
  tokens.push({ t: 'end', at: text.length });
  return tokens;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] ?? { t: 'end', at: 0 };
  }
  private take(): Token {
    const token = this.peek();
    this.i += 1;
    return token;
  }
  private isOp(op: string): boolean {
    const token = this.peek();
    return token.t === 'op' && token.op === op;
  }
  private expect(op: string): void {
    const token = this.take();
    if (token.t !== 'op' || token.op !== op) throw new FormulaError(token.at, `Thiếu "${op}" ở vị trí ${token.at + 1}`, `Expected "${op}" at position ${token.at + 1}`);
  }
  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > maxDepth) throw new FormulaError(this.peek().at, 'Công thức lồng nhau quá sâu', 'The formula is nested too deeply');
    const value = parse();
    this.depth -= 1;
    return value;
  }

  /** comparison := sum (cmp sum)? end */
  top(allowCompare: boolean): Expr {
    const left = this.sum();
    const token = this.peek();
    if (token.t === 'op' && ['>=', '<=', '>', '<', '=', '!='].includes(token.op)) {
      if (!allowCompare) throw new FormulaError(token.at, 'Công thức tính không được chứa phép so sánh', 'A computed formula cannot contain a comparison');
      this.take();
      const right = this.sum();
      this.end();
      return { kind: 'compare', op: compareOp(token.op), left, right };
    }
    this.end();
    return left;
  }
  private end(): void {
    const token = this.peek();
    if (token.t !== 'end') throw new FormulaError(token.at, `Thừa nội dung ở vị trí ${token.at + 1}`, `Unexpected input at position ${token.at + 1}`);
  }
  private sum(): Expr {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.take();
      const right = this.product();
      left = { kind: 'binary', op: op.t === 'op' && op.op === '-' ? '-' : '+', left, right };
    }
    return left;
  }
  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.take();
      const right = this.unary();
      left = { kind: 'binary', op: op.t === 'op' && op.op === '/' ? '/' : '*', left, right };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isOp('-')) {
      this.take();
      return this.nested(() => ({ kind: 'neg', operand: this.unary() }));
    }
    return this.primary();
  }
  private primary(): Expr {
    const token = this.take();
    if (token.t === 'num') return { kind: 'number', value: token.value };
    if (token.t === 'op' && token.op === '(') {
      const inner = this.nested(() => this.sum());
      this.expect(')');
      return inner;
    }
    if (token.t === 'id') {
      if (!this.isOp('(')) return { kind: 'ref', name: token.name };
      const fn = functionName(token.name);
      if (!fn) throw new FormulaError(token.at, `Không có hàm "${token.name}"`, `Unknown function "${token.name}"`);
      this.take();
      const args: Expr[] = [this.nested(() => this.sum())];
      while (this.isOp(',')) {
        this.take();
        args.push(this.nested(() => this.sum()));
      }
      this.expect(')');
      const [least, most] = functions[fn];
      if (args.length < least || args.length > most) throw new FormulaError(token.at, `Hàm ${fn} nhận ${least}–${most} đối số`, `${fn} takes ${least} to ${most} arguments`);
      return { kind: 'call', fn, args };
    }
    const where = token.t === 'end' ? 'cuối công thức' : `vị trí ${token.at + 1}`;
    throw new FormulaError(token.at, `Thiếu số hoặc chỉ tiêu ở ${where}`, `Expected a number or an indicator at ${token.t === 'end' ? 'the end' : `position ${token.at + 1}`}`);
  }
}

function compareOp(op: string): CompareOp {
  switch (op) {
    case '>=':
    case '<=':
    case '>':
    case '<':
    case '=':
    case '!=':
      return op;
    default:
      throw new RangeError(op);
  }
}

function functionName(name: string): FunctionName | null {
  return name === 'min' || name === 'max' || name === 'round' || name === 'abs' ? name : null;
}

/** Parses a formula (arithmetic) or, with `allowCompare`, a validation rule (one comparison). */
export function parseFormula(text: string, options: { allowCompare?: boolean } = {}): ParseResult {
  if (text.length > maxLength) return { ok: false, error: { position: maxLength, vi: 'Công thức quá dài', en: 'The formula is too long' } };
  try {
    return { ok: true, expr: new Parser(tokenize(text)).top(options.allowCompare === true) };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, error: { position: error.position, vi: error.vi, en: error.en } };
    throw error;
  }
}

/** Every indicator the expression refers to. */
export function referencesOf(expr: Expr): Set<string> {
  const names = new Set<string>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'number':
        return;
      case 'ref':
        names.add(e.name);
        return;
      case 'neg':
        walk(e.operand);
        return;
      case 'binary':
      case 'compare':
        walk(e.left);
        walk(e.right);
        return;
      case 'call':
        e.args.forEach(walk);
        return;
    }
  };
  walk(expr);
  return names;
}

/**
 * The value of an arithmetic expression. A missing operand or a division by zero gives null
 * (the figure cannot be computed), never Infinity or NaN. A comparison gives 1 or 0.
 */
export function evaluate(expr: Expr, lookup: (name: string) => number | null): number | null {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'ref':
      return lookup(expr.name);
    case 'neg': {
      const v = evaluate(expr.operand, lookup);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = evaluate(expr.left, lookup);
      const r = evaluate(expr.right, lookup);
      if (l === null || r === null) return null;
      const v = expr.op === '+' ? l + r : expr.op === '-' ? l - r : expr.op === '*' ? l * r : r === 0 ? null : l / r;
      return v !== null && Number.isFinite(v) ? v : null;
    }
    case 'call': {
      const args = expr.args.map((a) => evaluate(a, lookup));
      if (args.some((a) => a === null)) return null;
      const values = args.filter((a): a is number => a !== null);
      switch (expr.fn) {
        case 'min':
          return Math.min(...values);
        case 'max':
          return Math.max(...values);
        case 'abs':
          return Math.abs(values[0] ?? 0);
        case 'round': {
          const digits = Math.max(0, Math.min(6, Math.trunc(values[1] ?? 0)));
          const factor = 10 ** digits;
          return Math.round((values[0] ?? 0) * factor) / factor;
        }
      }
      return null;
    }
    case 'compare': {
      const holds = checkComparison(expr, lookup);
      return holds === null ? null : holds ? 1 : 0;
    }
  }
}

// Figures are decimals typed by people: compare with a tolerance so that 0.1 + 0.2 = 0.3 holds.
const epsilon = 1e-9;

/** Whether a rule holds: true, false, or null when an operand is missing (the rule is not judged). */
export function checkComparison(expr: Expr, lookup: (name: string) => number | null): boolean | null {
  if (expr.kind !== 'compare') {
    const v = evaluate(expr, lookup);
    return v === null ? null : v !== 0;
  }
  const l = evaluate(expr.left, lookup);
  const r = evaluate(expr.right, lookup);
  if (l === null || r === null) return null;
  switch (expr.op) {
    case '>=':
      return l >= r - epsilon;
    case '<=':
      return l <= r + epsilon;
    case '>':
      return l > r + epsilon;
    case '<':
      return l < r - epsilon;
    case '=':
      return Math.abs(l - r) <= epsilon;
    case '!=':
      return Math.abs(l - r) > epsilon;
  }
}
