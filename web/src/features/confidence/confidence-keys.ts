import type { ConfidenceBallot, ConfidenceLevelValue } from '@tcxd/contract';

export type ManualInvalid = 'no_seal' | 'other';

/** The ballot on the entry screen: a level (or blank) per person, the cursor, a ruling of invalidity. */
export interface ConfidenceDraft {
  readonly levels: readonly (ConfidenceLevelValue | null)[];
  readonly cursor: number;
  readonly invalid: ManualInvalid | null;
}

/** A blank ballot of `count` persons. */
export function emptyConfidenceDraft(count: number): ConfidenceDraft {
  return { levels: Array.from({ length: count }, () => null), cursor: 0, invalid: null };
}

export type ConfidenceKeyOutcome = { readonly draft: ConfidenceDraft; readonly save: boolean; readonly handled: boolean };

const levelKeys: Readonly<Record<string, ConfidenceLevelValue>> = { '1': 'high', '2': 'normal', '3': 'low' };
const cycle: readonly (ConfidenceLevelValue | null)[] = [null, 'high', 'normal', 'low'];
const nextInvalid: Readonly<Record<'none' | ManualInvalid, ManualInvalid | null>> = { none: 'no_seal', no_seal: 'other', other: null };

/**
 * One key on the entry screen (persons in ballot order): 1 / 2 / 3 mark the person under
 * the cursor tín nhiệm cao / tín nhiệm / tín nhiệm thấp and move to the next person, so a
 * ballot is keyed as its digits; 0 or Delete leaves the person blank; ↑/↓ move; ←/→ cycle
 * the level; K cycles the ruling invalid (no seal → other → valid); Escape clears; Enter
 * saves. Pure, so it is tested without a browser.
 */
export function confidenceKeyStep(draft: ConfidenceDraft, key: string): ConfidenceKeyOutcome {
  const done = (next: ConfidenceDraft, save = false): ConfidenceKeyOutcome => ({ draft: next, save, handled: true });
  const count = draft.levels.length;
  const setLevel = (level: ConfidenceLevelValue | null, advance: boolean): ConfidenceDraft => ({
    ...draft,
    levels: draft.levels.map((l, i) => (i === draft.cursor ? level : l)),
    cursor: advance ? Math.min(count - 1, draft.cursor + 1) : draft.cursor,
  });
  const level = levelKeys[key];
  if (level !== undefined) return done(setLevel(level, true));
  const current = draft.levels[draft.cursor] ?? null;
  const step = (by: number) => cycle[(cycle.indexOf(current) + by + cycle.length) % cycle.length] ?? null;
  switch (key) {
    case '0':
    case 'Delete':
      return done(setLevel(null, true));
    case 'ArrowDown':
      return done({ ...draft, cursor: Math.min(count - 1, draft.cursor + 1) });
    case 'ArrowUp':
      return done({ ...draft, cursor: Math.max(0, draft.cursor - 1) });
    case 'ArrowRight':
      return done(setLevel(step(1), false));
    case 'ArrowLeft':
      return done(setLevel(step(-1), false));
    case 'k':
    case 'K':
      return done({ ...draft, invalid: nextInvalid[draft.invalid ?? 'none'] });
    case 'Escape':
      return done(emptyConfidenceDraft(count));
    case 'Enter':
      return done(draft, true);
    default:
      return { draft, save: false, handled: false };
  }
}

/** The ballot to send for a draft. */
export function confidenceBallotOf(draft: ConfidenceDraft): ConfidenceBallot {
  return draft.invalid ? { kind: 'invalid', reason: draft.invalid } : { kind: 'marked', levels: [...draft.levels] };
}
