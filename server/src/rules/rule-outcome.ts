/**
 * Shared vocabulary of the regulation rule modules (rules/<topic>/<regulation>.ts):
 * bilingual messages with stable codes, results that refuse inconsistent input,
 * exact ratios, and choosing a module by the effective date. Pure: no I/O.
 */

export type Severity = 'error' | 'warning' | 'info';

export type MessageParams = Readonly<Record<string, string | number>>;

/** A message with a stable code (for the UI and tests) and ready text in both languages. */
export interface RuleMessage<Code extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  readonly vi: string;
  readonly en: string;
  readonly params: MessageParams;
}

export interface MessageTemplate {
  readonly severity: Severity;
  readonly vi: string;
  readonly en: string;
}

export type MessageCatalog<Code extends string> = Readonly<Record<Code, MessageTemplate>>;

/** Words substituted for string parameters (field names, kinds) in each language. */
export interface Terms {
  readonly vi: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

/** Either the computed value, or the reasons the input was refused. */
export type RuleResult<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly RuleMessage<Code>[] };

/** Wraps a computed value as a successful result. */
export function succeed<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps refusal messages as a failed result. */
export function refuse<Code extends string>(
  errors: readonly RuleMessage<Code>[],
): { readonly ok: false; readonly errors: readonly RuleMessage<Code>[] } {
  return { ok: false, errors };
}

const NUMBER_LOCALE: Readonly<Record<'vi' | 'en', string>> = { vi: 'vi-VN', en: 'en-GB' };

function fill(template: string, params: MessageParams, lang: 'vi' | 'en', terms: Terms | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') {
      // Officials read "66,67%" in Vietnamese and "66.67%" in English.
      return value.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: 2 });
    }
    return terms?.[lang][value] ?? value;
  });
}

/** Renders a catalog entry into a message with both texts filled in. */
export function renderMessage<Code extends string>(
  catalog: MessageCatalog<Code>,
  code: Code,
  params: MessageParams = {},
  terms?: Terms,
): RuleMessage<Code> {
  const template = catalog[code];
  return {
    code,
    severity: template.severity,
    vi: fill(template.vi, params, 'vi', terms),
    en: fill(template.en, params, 'en', terms),
    params,
  };
}

/** True for a whole number of people or ballots: an integer, zero or more, exactly representable. */
export function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * A share kept exact (numerator / denominator) for decisions and minutes, with a
 * percentage rounded half up to 2 decimals for display (null when the denominator is 0).
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
}

/** Builds a Ratio; the percentage is computed in integers so 2/3 shows 66.67 everywhere. */
export function ratioOf(numerator: number, denominator: number): Ratio {
  if (denominator === 0) return { numerator, denominator, percent: null };
  const scaled = numerator * 10_000;
  let hundredths = Math.floor(scaled / denominator);
  // Float division can land one off near an integer; settle on the exact floor.
  while (hundredths * denominator > scaled) hundredths -= 1;
  while ((hundredths + 1) * denominator <= scaled) hundredths += 1;
  const remainder = scaled - hundredths * denominator;
  const rounded = 2 * remainder >= denominator ? hundredths + 1 : hundredths;
  return { numerator, denominator, percent: rounded / 100 };
}

/** Identity of one regulation: the rule module in force from `effectiveFrom` (ISO date). */
export interface RulesVersion {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  readonly effectiveFrom: string;
}

type SelectionCode = 'invalid_date' | 'no_rules_in_force';

const SELECTION_MESSAGES: MessageCatalog<SelectionCode> = {
  invalid_date: {
    severity: 'error',
    vi: 'Ngày "{date}" không hợp lệ (định dạng YYYY-MM-DD)',
    en: 'The date "{date}" is not valid (format YYYY-MM-DD)',
  },
  no_rules_in_force: {
    severity: 'error',
    vi: 'Chưa có quy định về {topic} áp dụng cho ngày {date}; quy định sớm nhất được hỗ trợ ({earliest}) có hiệu lực từ {effectiveFrom}',
    en: 'No {topic} rules in force on {date}; the earliest supported regulation ({earliest}) applies from {effectiveFrom}',
  },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateSeen = new Map<string, boolean>();

/** True for a real calendar date written YYYY-MM-DD (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const known = isoDateSeen.get(value);
  if (known !== undefined) return known;
  const answer = checkIsoDate(value);
  // Imports check the same few thousand dates millions of times.
  if (isoDateSeen.size >= 100_000) isoDateSeen.clear();
  isoDateSeen.set(value, answer);
  return answer;
}

function checkIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Picks the rule module in force on `date`: the one with the latest effectiveFrom not
 * after it. Refuses malformed dates and dates before every known regulation, because
 * judging a past event by a later regulation would be wrong, not merely approximate.
 */
export function pickRulesByDate<T extends { readonly version: RulesVersion }>(
  registry: readonly T[],
  date: string,
  topic: { readonly vi: string; readonly en: string },
): RuleResult<T, SelectionCode> {
  if (!isIsoDate(date)) return refuse([renderMessage(SELECTION_MESSAGES, 'invalid_date', { date })]);
  let chosen: T | undefined;
  let earliest: T | undefined;
  for (const candidate of registry) {
    const from = candidate.version.effectiveFrom;
    // ISO dates compare correctly as strings.
    if (from <= date && (chosen === undefined || from > chosen.version.effectiveFrom)) chosen = candidate;
    if (earliest === undefined || from < earliest.version.effectiveFrom) earliest = candidate;
  }
  if (chosen !== undefined) return succeed(chosen);
  const params = {
    date,
    topic: 'topic',
    earliest: earliest?.version.id ?? '-',
    effectiveFrom: earliest?.version.effectiveFrom ?? '-',
  };
  const terms = { vi: { topic: topic.vi }, en: { topic: topic.en } };
  return refuse([renderMessage(SELECTION_MESSAGES, 'no_rules_in_force', params, terms)]);
}
