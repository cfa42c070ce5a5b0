import { describe, expect, it } from 'vitest';
import { confidenceBallotOf, confidenceKeyStep, type ConfidenceDraft, emptyConfidenceDraft } from './confidence-keys.ts';

const type = (keys: readonly string[], count = 3): { draft: ConfidenceDraft; saved: boolean } => {
  let draft = emptyConfidenceDraft(count);
  let saved = false;
  for (const key of keys) {
    const step = confidenceKeyStep(draft, key);
    draft = step.draft;
    saved = saved || step.save;
  }
  return { draft, saved };
};

describe('confidence ballot keys', () => {
  it('keys a ballot as its digits: 1 high, 2 normal, 3 low, each moving to the next person', () => {
    const { draft, saved } = type(['1', '3', '2', 'Enter']);
    expect(saved).toBe(true);
    expect(confidenceBallotOf(draft)).toEqual({ kind: 'marked', levels: ['high', 'low', 'normal'] });
  });

  it('leaves a person blank with 0, corrects with the arrows, and stays on the last person', () => {
    expect(type(['0', '1', '1', '3']).draft.levels).toEqual([null, 'high', 'low']);
    expect(type(['1', '1', 'ArrowUp', 'ArrowRight']).draft.levels).toEqual(['high', 'normal', null]);
    expect(type(['ArrowLeft']).draft.levels).toEqual(['low', null, null]);
    expect(type(['ArrowDown', 'ArrowDown', 'ArrowDown']).draft.cursor).toBe(2);
  });

  it('rules the ballot invalid with K (no seal, other, back to valid) and clears with Escape', () => {
    expect(confidenceBallotOf(type(['K']).draft)).toEqual({ kind: 'invalid', reason: 'no_seal' });
    expect(confidenceBallotOf(type(['k', 'k']).draft)).toEqual({ kind: 'invalid', reason: 'other' });
    expect(type(['k', 'k', 'k']).draft.invalid).toBeNull();
    expect(type(['1', '2', 'Escape']).draft).toEqual(emptyConfidenceDraft(3));
  });

  it('ignores other keys', () => {
    const draft = emptyConfidenceDraft(2);
    expect(confidenceKeyStep(draft, 'x')).toEqual({ draft, save: false, handled: false });
  });
});
