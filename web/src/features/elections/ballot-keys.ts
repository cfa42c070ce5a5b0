import type { BallotContent } from '@tcxd/contract';

export type ManualInvalid = 'no_seal' | 'other';

/** The ballot on the entry screen: names struck, the cursor, digits typed so far, a ruling of invalidity. */
export interface BallotDraft {
  readonly struck: readonly number[];
  readonly cursor: number;
  readonly digits: string;
  readonly invalid: ManualInvalid | null;
}

export const emptyDraft: BallotDraft = { struck: [], cursor: 0, digits: '', invalid: null };

export type KeyOutcome = { readonly draft: BallotDraft; readonly save: boolean; readonly handled: boolean };

/** The struck positions with one position struck or unstruck (kept sorted). */
export function toggleStruck(struck: readonly number[], position: number): number[] {
  return struck.includes(position) ? struck.filter((p) => p !== position) : [...struck, position].sort((a, b) => a - b);
}

const nextInvalid: Readonly<Record<'none' | ManualInvalid, ManualInvalid | null>> = { none: 'no_seal', no_seal: 'other', other: null };

/**
 * One key on the entry screen (candidates numbered 1..count as printed):
 * digits move to that number and strike/unstrike it as soon as no longer number can follow
 * ("5" at once with 18 names, "1" waits: "1" Space or "12"); ↑/↓ move; Space strikes or
 * unstrikes the name under the cursor; K cycles the ruling invalid (no seal → other → valid);
 * Escape clears the ballot; Enter saves it. Pure, so it is tested without a browser.
 */
export function keyStep(draft: BallotDraft, key: string, count: number): KeyOutcome {
  const done = (next: BallotDraft, save = false): KeyOutcome => ({ draft: next, save, handled: true });
  if (/^[0-9]$/.test(key)) {
    const typed = `${draft.digits}${key}`;
    const value = Number(typed) >= 1 && Number(typed) <= count ? typed : Number(key) >= 1 && Number(key) <= count ? key : '';
    if (value === '') return done({ ...draft, digits: '' });
    const position = Number(value) - 1;
    if (Number(value) * 10 > count) return done({ ...draft, cursor: position, digits: '', struck: toggleStruck(draft.struck, position) });
    return done({ ...draft, cursor: position, digits: value });
  }
  switch (key) {
    case ' ':
      return done({ ...draft, digits: '', struck: toggleStruck(draft.struck, draft.cursor) });
    case 'ArrowDown':
      return done({ ...draft, digits: '', cursor: Math.min(count - 1, draft.cursor + 1) });
    case 'ArrowUp':
      return done({ ...draft, digits: '', cursor: Math.max(0, draft.cursor - 1) });
    case 'k':
    case 'K':
      return done({ ...draft, digits: '', invalid: nextInvalid[draft.invalid ?? 'none'] });
    case 'Escape':
      return done(emptyDraft);
    case 'Enter':
      return done({ ...draft, digits: '' }, true);
    default:
      return { draft, save: false, handled: false };
  }
}

/** The ballot to send for a draft. */
export function ballotOf(draft: BallotDraft): BallotContent {
  return draft.invalid ? { kind: 'invalid', reason: draft.invalid } : { kind: 'marked', struck: [...draft.struck] };
}

export type DraftVerdict = { readonly valid: true; readonly left: number } | { readonly valid: false; readonly reason: 'more_names_than_seats' | 'nobody_left_with_surplus' | ManualInvalid; readonly left: number };

/**
 * What the rules of 190-QĐ/TW will say of the draft, shown while keying (the server judges
 * again on saving and its judgement is the one recorded): more names left than seats, or
 * nobody left on a list with a surplus, make a ballot invalid.
 */
export function verdictOf(draft: BallotDraft, seats: number, count: number): DraftVerdict {
  const left = count - draft.struck.length;
  if (draft.invalid) return { valid: false, reason: draft.invalid, left };
  if (left > seats) return { valid: false, reason: 'more_names_than_seats', left };
  if (left === 0 && count > seats) return { valid: false, reason: 'nobody_left_with_surplus', left };
  return { valid: true, left };
}
