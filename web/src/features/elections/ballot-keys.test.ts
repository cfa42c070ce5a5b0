import { describe, expect, it } from 'vitest';
import { ballotOf, type BallotDraft, emptyDraft, keyStep, verdictOf } from './ballot-keys.ts';

const press = (keys: readonly string[], count: number, from: BallotDraft = emptyDraft): BallotDraft =>
  keys.reduce((draft, key) => keyStep(draft, key, count).draft, from);

describe('entry keys', () => {
  it('strikes a number at once when no longer number can follow, else waits for Space or a second digit', () => {
    expect(press(['5'], 18).struck).toEqual([4]);
    expect(press(['1'], 18)).toMatchObject({ struck: [], cursor: 0, digits: '1' });
    expect(press(['1', ' '], 18).struck).toEqual([0]);
    expect(press(['1', '6'], 18).struck).toEqual([15]);
    expect(press(['1', '6', '1', '7', '1', '8'], 18).struck).toEqual([15, 16, 17]);
    // 19 does not exist with 18 names: the 9 alone is meant.
    expect(press(['1', '9'], 18).struck).toEqual([8]);
    expect(press(['0'], 18)).toMatchObject({ struck: [], digits: '' });
    // With 9 names every digit strikes at once.
    expect(press(['1', '1'], 9).struck).toEqual([]);
  });

  it('unstrikes a struck name and moves with the arrows', () => {
    expect(press(['5', '5'], 18).struck).toEqual([]);
    expect(press(['ArrowDown', 'ArrowDown', ' ', 'ArrowUp', ' '], 18).struck).toEqual([1, 2]);
    expect(press(['ArrowUp'], 18).cursor).toBe(0);
    expect(press(['ArrowDown', 'ArrowDown', 'ArrowDown'], 3).cursor).toBe(2);
  });

  it('cycles the invalid ruling, clears with Escape and saves with Enter', () => {
    expect(press(['k'], 18).invalid).toBe('no_seal');
    expect(press(['k', 'K'], 18).invalid).toBe('other');
    expect(press(['k', 'K', 'k'], 18).invalid).toBeNull();
    expect(press(['5', 'k', 'Escape'], 18)).toEqual(emptyDraft);
    const enter = keyStep(press(['5'], 18), 'Enter', 18);
    expect(enter.save).toBe(true);
    expect(keyStep(emptyDraft, 'x', 18).handled).toBe(false);
  });

  it('builds the ballot sent to the server', () => {
    expect(ballotOf(press(['7', '5'], 18))).toEqual({ kind: 'marked', struck: [4, 6] });
    expect(ballotOf(press(['7', 'k'], 18))).toEqual({ kind: 'invalid', reason: 'no_seal' });
  });
});

describe('verdict while keying (190-QĐ/TW)', () => {
  it('flags more names left than seats and nobody left with a surplus list', () => {
    expect(verdictOf(press(['1', '6', '1', '7'], 18), 15, 18)).toEqual({ valid: false, reason: 'more_names_than_seats', left: 16 });
    expect(verdictOf(press(['1', '6', '1', '7', '1', '8'], 18), 15, 18)).toEqual({ valid: true, left: 15 });
    const all = { ...emptyDraft, struck: [0, 1, 2, 3] };
    expect(verdictOf(all, 3, 4)).toMatchObject({ valid: false, reason: 'nobody_left_with_surplus' });
    // No surplus: striking everyone is a valid (empty) vote.
    expect(verdictOf({ ...emptyDraft, struck: [0, 1, 2] }, 3, 3)).toMatchObject({ valid: true, left: 0 });
    expect(verdictOf({ ...emptyDraft, invalid: 'other' }, 3, 4)).toMatchObject({ valid: false, reason: 'other' });
  });
});
