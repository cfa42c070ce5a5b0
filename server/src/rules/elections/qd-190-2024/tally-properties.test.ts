import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../rule-outcome.ts';
import type { BallotEntry } from './ballots.ts';
import { decideResult, tallyElection } from './tally.ts';

function valueOf<T>(result: RuleResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.errors.map((error) => error.en).join('; ')}`);
  return result.value;
}

// Random elections built from ballots, so every case is one that could happen. Most
// voters keep a shared "popular" group (about the size of the seats) and strike a few of
// it, so that candidates pass, exceed the seats, fall short and tie often enough to matter.
const election = fc
  .record({ seats: fc.integer({ min: 1, max: 6 }), candidates: fc.integer({ min: 1, max: 9 }) })
  .chain(({ seats, candidates }) => {
    const positions = Array.from({ length: candidates }, (_, index) => index);
    return fc.record({
      seats: fc.constant(seats),
      positions: fc.constant(positions),
      popular: fc.shuffledSubarray(positions, {
        minLength: Math.min(candidates, seats),
        maxLength: Math.min(candidates, seats + 1),
      }),
    });
  })
  .chain(({ seats, positions, popular }) => {
    const others = positions.filter((position) => !popular.includes(position));
    const loyal = fc
      .shuffledSubarray(popular, {
        minLength: Math.max(0, popular.length - seats),
        maxLength: Math.min(popular.length, Math.max(0, popular.length - seats) + 1),
      })
      .map((extra): BallotEntry => ({ kind: 'marked', struck: [...others, ...extra] }));
    const ballot = fc.oneof(
      { weight: 8, arbitrary: loyal },
      { weight: 1, arbitrary: fc.shuffledSubarray(positions).map((struck): BallotEntry => ({ kind: 'marked', struck })) },
      { weight: 1, arbitrary: fc.constant<BallotEntry>({ kind: 'invalid', reason: 'no_seal' }) },
    );
    return fc.record({
      seats: fc.constant(seats),
      candidates: fc.constant(positions.length),
      ballots: fc.array(ballot, { maxLength: 40 }),
      absent: fc.integer({ min: 0, max: 3 }),
    });
  })
  .chain((input) =>
    fc.record({
      input: fc.constant(input),
      shuffled: fc.shuffledSubarray(input.ballots, { minLength: input.ballots.length, maxLength: input.ballots.length }),
    }),
  );

function tally(input: { seats: number; candidates: number; ballots: readonly BallotEntry[]; absent: number }) {
  const base = Math.max(1, input.ballots.length + input.absent);
  return valueOf(tallyElection({ seats: input.seats, candidates: input.candidates, ballots: input.ballots, base }));
}

describe('tallyElection properties', () => {
  it('never elects anyone with half of the base or less', () => {
    fc.assert(
      fc.property(election, ({ input }) => {
        const { result } = tally(input);
        for (const index of result.elected) expect(2 * (result.candidates[index]?.votes ?? 0)).toBeGreaterThan(result.base);
      }),
    );
  });

  it('never elects more than the seats, and fills them all only when complete', () => {
    fc.assert(
      fc.property(election, ({ input }) => {
        const { result } = tally(input);
        expect(result.elected.length).toBeLessThanOrEqual(result.seats);
        expect(result.elected.length === result.seats).toBe(result.outcome.status === 'complete');
        if (result.outcome.status === 'tie') {
          expect(result.elected.length + result.outcome.tied.length).toBeGreaterThan(result.seats);
          expect(result.outcome.seatsAmongTied).toBe(result.seats - result.elected.length);
        }
      }),
    );
  });

  it('does not depend on the order the ballots were keyed', () => {
    fc.assert(
      fc.property(election, ({ input, shuffled }) => {
        expect(tally({ ...input, ballots: shuffled })).toEqual(tally(input));
      }),
    );
  });

  it('elects by votes: every elected candidate has more votes than anyone passing but not elected', () => {
    fc.assert(
      fc.property(election, ({ input }) => {
        const { result } = tally(input);
        const electedVotes = result.candidates.filter((row) => row.standing === 'elected').map((row) => row.votes);
        const others = result.candidates.filter((row) => row.standing !== 'elected' && row.overHalf);
        for (const other of others) for (const votes of electedVotes) expect(votes).toBeGreaterThan(other.votes);
      }),
    );
  });
});

describe('decideResult properties near the threshold', () => {
  // Votes clustered around half of the base, where passing, ties and shortfalls meet.
  const close = fc
    .record({ seats: fc.integer({ min: 1, max: 6 }), validCount: fc.integer({ min: 2, max: 30 }), absent: fc.nat(3) })
    .chain(({ seats, validCount, absent }) => {
      const base = validCount + absent;
      const half = Math.floor(base / 2);
      const vote = fc.integer({ min: Math.max(0, half - 1), max: Math.min(validCount, half + 2) });
      return fc.record({
        seats: fc.constant(seats),
        base: fc.constant(base),
        validCount: fc.constant(validCount),
        votes: fc.array(vote, { minLength: 1, maxLength: 2 * seats + 1 }),
      });
    });

  it('keeps every invariant, ties included', () => {
    fc.assert(
      fc.property(close, (input) => {
        fc.pre(input.votes.reduce((sum, votes) => sum + votes, 0) <= input.seats * input.validCount);
        const result = valueOf(decideResult(input));
        expect(result.elected.length).toBeLessThanOrEqual(input.seats);
        for (const row of result.candidates) {
          if (row.standing !== 'not_elected') expect(2 * row.votes).toBeGreaterThan(input.base);
        }
        if (result.outcome.status === 'tie') {
          const tiedVotes = new Set(result.outcome.tied.map((index) => input.votes[index]));
          expect(tiedVotes.size).toBe(1);
          expect(result.elected.length).toBeLessThan(input.seats);
          expect(result.elected.length + result.outcome.tied.length).toBeGreaterThan(input.seats);
        } else {
          expect(result.candidates.filter((row) => row.standing === 'tied')).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
