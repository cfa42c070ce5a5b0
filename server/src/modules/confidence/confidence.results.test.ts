import type { ConfidenceBallot } from '@tcxd/contract';
import { describe, expect, it } from 'vitest';
import { qd96Rules } from '../../rules/confidence/qd-96-2023.ts';
import type { DoubleKeyed } from '../elections/ballot-double-entry.ts';
import { computeConfidenceResults, differingLevels, sameConfidenceBallot } from './confidence.results.ts';

type Level = 'high' | 'normal' | 'low' | null;

/** Each ballot keyed twice the same way (agreeing double entry). */
const twice = (ballots: readonly ConfidenceBallot[]): DoubleKeyed<ConfidenceBallot>[] =>
  ballots.flatMap((ballot, i) => [{ ballotNumber: i + 1, kind: 'entry' as const, ballot }, { ballotNumber: i + 1, kind: 'entry' as const, ballot }]);

const marked = (...levels: Level[]): ConfidenceBallot => ({ kind: 'marked', levels });

const run = (convened: number, ballots: readonly ConfidenceBallot[], persons = 1) =>
  computeConfidenceResults(
    { voteId: '00000000-0000-7000-8000-000000000001', rules: qd96Rules, status: 'open', convened, present: convened, persons: Array.from({ length: persons }, (_, i) => ({ fullName: `Người ${i + 1}`, post: '' })), figures: { issued: ballots.length, returned: ballots.length, notReturned: 0 } },
    twice(ballots),
    'head',
    'vi',
  );

const lows = (low: number, total: number): ConfidenceBallot[] => Array.from({ length: total }, (_, i) => marked(i < low ? 'low' : 'high'));

describe('confidence results by hand', () => {
  it('exactly half low is not over 1/2; one more is; exactly 2/3 is 2/3 or more', () => {
    expect(run(8, lows(4, 8)).persons[0]?.consequence).toBe('none');
    expect(run(9, lows(5, 9)).persons[0]?.consequence).toBe('remove_from_planning_consider_reassignment');
    expect(run(9, lows(6, 9)).persons[0]?.consequence).toBe('consider_dismissal');
    expect(run(7, lows(4, 7)).persons[0]?.consequence).toBe('remove_from_planning_consider_reassignment');
    expect(run(7, lows(5, 7)).persons[0]?.consequence).toBe('consider_dismissal');
  });

  it('takes the quorum at exactly 2/3 of those convened and refuses below it', () => {
    const met = run(12, lows(0, 8));
    expect(met).toMatchObject({ quorumMet: true, finalisable: true, participants: 8 });
    const short = run(12, lows(0, 7));
    expect(short).toMatchObject({ quorumMet: false, finalisable: false });
    expect(short.problems.map((p) => p.code)).toContain('quorum_not_met');
  });

  it('counts a blank and an invalid ballot as not rating the person, never as low', () => {
    const r = run(4, [marked('low', null), marked('low', 'high'), marked(null, 'high'), { kind: 'invalid', reason: 'no_seal' }], 2);
    expect(r.ballots).toMatchObject({ valid: 3, invalid: 1, counted: 4 });
    expect(r.persons[0]).toMatchObject({ low: 2, high: 0, notRated: 2, consequence: 'none' });
    expect(r.persons[1]).toMatchObject({ high: 2, notRated: 2, consequence: 'none' });
  });

  it('keeps a single or differing entry out of the count until resolved', () => {
    const entries: DoubleKeyed<ConfidenceBallot>[] = [
      { ballotNumber: 1, kind: 'entry', ballot: marked('low') },
      { ballotNumber: 1, kind: 'entry', ballot: marked('high') },
      { ballotNumber: 2, kind: 'entry', ballot: marked('high') },
    ];
    const setup = { voteId: '00000000-0000-7000-8000-000000000001', rules: qd96Rules, status: 'open' as const, convened: 2, present: 2, persons: [{ fullName: 'A', post: '' }], figures: { issued: 2, returned: 2, notReturned: 0 } };
    const open = computeConfidenceResults(setup, entries, 'h', 'vi');
    expect(open.ballots).toMatchObject({ counted: 0, single: 1, discrepancies: 1 });
    expect(open.problems.map((p) => p.code)).toContain('ballots_pending');
    const resolved = computeConfidenceResults(setup, [...entries, { ballotNumber: 1, kind: 'resolution', ballot: marked('low') }, { ballotNumber: 2, kind: 'entry', ballot: marked('high') }], 'h', 'vi');
    expect(resolved.ballots).toMatchObject({ counted: 2, single: 0, discrepancies: 0 });
    expect(resolved.persons[0]).toMatchObject({ low: 1, high: 1 });
  });

  it('compares two readings person by person', () => {
    expect(sameConfidenceBallot(marked('high', null), marked('high', null))).toBe(true);
    expect(differingLevels(marked('high', 'low', null), marked('high', 'normal', 'low'), 3)).toEqual([1, 2]);
    expect(differingLevels(marked('high'), { kind: 'invalid', reason: 'other' }, 1)).toEqual([0]);
    expect(sameConfidenceBallot({ kind: 'invalid', reason: 'other', note: 'a' }, { kind: 'invalid', reason: 'other' })).toBe(true);
  });
});
