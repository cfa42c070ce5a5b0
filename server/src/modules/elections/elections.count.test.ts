import { describe, expect, it } from 'vitest';
import { decodeMarks, differingPositions, encodeMarks, groupBallots, parseCountingEntries } from './elections.count.ts';

describe('compact marks', () => {
  it('round-trips struck sets and invalid rulings', () => {
    for (const struck of [[], [0], [3, 4, 249], Array.from({ length: 60 }, (_, i) => i * 4 + 1)]) {
      expect(decodeMarks(encodeMarks({ kind: 'marked', struck }))).toEqual({ kind: 'marked', struck });
    }
    expect(decodeMarks(encodeMarks({ kind: 'invalid', reason: 'no_seal' }))).toEqual({ kind: 'invalid', reason: 'no_seal' });
    expect(decodeMarks('zz')).toBeNull();
  });
});

const entry = (seq: number, ballotNumber: number, struck: number[], kind: 'entry' | 'resolution' = 'entry') => ({ seq, ballotNumber, kind, operatorId: `op${seq % 2}`, ballot: { kind: 'marked' as const, struck } });

describe('double entry groups', () => {
  it('counts agreeing pairs and resolutions, holds back singles and discrepancies', () => {
    const groups = groupBallots([entry(1, 2, [1]), entry(2, 1, [0, 2]), entry(3, 1, [2, 0]), entry(4, 2, [3]), entry(5, 3, [1]), entry(6, 2, [3], 'resolution')]);
    expect(groups.map((g) => [g.ballotNumber, g.state])).toEqual([[1, 'agreed'], [2, 'resolved'], [3, 'single']]);
    expect(groups[1]?.counted).toEqual({ kind: 'marked', struck: [3] });
    expect(groupBallots([entry(1, 1, [1]), entry(2, 1, [2])])[0]?.state).toBe('discrepancy');
    expect(differingPositions({ kind: 'marked', struck: [1, 4] }, { kind: 'marked', struck: [4, 2] }, 5)).toEqual([1, 2]);
  });
});

describe('counting text', () => {
  it('reads entries in chain order and groups them like the stored entries', () => {
    const text = ['1 entry m5', '1 entry m5', '2 entry m1', '2 entry m2', '2 resolution ino_seal', '3 entry iother'].join(',');
    const entries = parseCountingEntries(text);
    expect(entries?.map((e) => [e.seq, e.ballotNumber, e.kind])).toEqual([[1, 1, 'entry'], [2, 1, 'entry'], [3, 2, 'entry'], [4, 2, 'entry'], [5, 2, 'resolution'], [6, 3, 'entry']]);
    expect(entries?.[0]?.ballot).toEqual({ kind: 'marked', struck: [0, 2] });
    expect(groupBallots(entries ?? []).map((g) => [g.state, g.counted])).toEqual([
      ['agreed', { kind: 'marked', struck: [0, 2] }],
      ['resolved', { kind: 'invalid', reason: 'no_seal' }],
      ['single', null],
    ]);
    expect(parseCountingEntries('')).toEqual([]);
    expect(parseCountingEntries('1 entry mz')).toBeNull();
    expect(parseCountingEntries('1 vote m1')).toBeNull();
    expect(parseCountingEntries('x')).toBeNull();
  });

  it('tells unsorted equal struck sets apart from different ones', () => {
    expect(groupBallots([entry(1, 1, [2, 0]), entry(2, 1, [0, 2])])[0]?.state).toBe('agreed');
    expect(groupBallots([entry(1, 1, [0, 1]), entry(2, 1, [0, 2])])[0]?.state).toBe('discrepancy');
  });
});
