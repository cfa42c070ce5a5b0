import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './dates.ts';
import { type DisciplineForm, MEMBER_EVENT_KINDS, type MemberEvent, type MemberEventKind, type MemberState, type TransferTarget } from './member-events.ts';
import { MEMBER_REFUSAL_CODES } from './member-refusals.ts';
import { deriveMemberState, isFinalStatus, isInCell, probationEndDate, replayHistory } from './member-state.ts';
import { checkTransition, type TransitionContext, validateWholeHistory } from './member-transitions.ts';

const TODAY = '2026-11-25';
const CELLS = ['c1', 'c2', 'c3'];

/** One attempted step: the kind and the raw material to build it from. */
interface Step {
  readonly kind: MemberEventKind;
  readonly gap: number;
  readonly cell: number;
  readonly outside: boolean;
  readonly form: DisciplineForm;
  readonly shift: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...MEMBER_EVENT_KINDS),
  // Mostly short gaps, sometimes more than a year so that probation can end.
  gap: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 300, max: 500 })),
  cell: fc.integer({ min: 0, max: CELLS.length - 1 }),
  outside: fc.boolean(),
  form: fc.constantFrom<DisciplineForm>('reprimand', 'warning', 'dismissal'),
  shift: fc.integer({ min: -10, max: 90 }),
});

const historyArb = fc.record({
  start: fc.integer({ min: toDayNumber('1995-01-01'), max: toDayNumber('2024-12-31') }).map(fromDayNumber),
  ageDays: fc.integer({ min: 18 * 366, max: 59 * 365 }),
  steps: fc.array(stepArb, { maxLength: 30 }),
});

function target(step: Step): TransferTarget {
  return step.outside ? { kind: 'outside', destination: 'Đảng bộ Quân đội' } : { kind: 'cell', cellId: CELLS[step.cell] ?? 'c1' };
}

function build(step: Step, date: string, state: MemberState, sequence: number): MemberEvent {
  const cellId = CELLS[step.cell] ?? 'c1';
  const base = { date, sequence };
  switch (step.kind) {
    case 'admitted':
      return { ...base, kind: 'admitted', cellId };
    case 'record_opened':
      return { ...base, kind: 'record_opened', cellId, admittedOn: addDays(date, -400), fullMemberSince: null };
    case 'recognised':
      return { ...base, kind: 'recognised' };
    case 'recognition_postponed':
      return { ...base, kind: 'recognition_postponed', newDueDate: addDays(state.recognitionDueOn ?? date, step.shift) };
    case 'transfer_out':
      return { ...base, kind: 'transfer_out', to: target(step) };
    case 'transfer_in':
      return { ...base, kind: 'transfer_in', cellId };
    case 'temporary_transfer_out':
      return { ...base, kind: 'temporary_transfer_out', host: target(step) };
    case 'discipline':
      return { ...base, kind: 'discipline', form: step.form };
    case 'not_recognised':
    case 'temporary_return':
    case 'exempted':
    case 'exemption_ended':
    case 'removed':
    case 'expelled':
    case 'died':
      return { ...base, kind: step.kind };
  }
}

interface Built {
  readonly events: readonly MemberEvent[];
  readonly states: readonly MemberState[];
  readonly refusals: number;
  readonly context: TransitionContext;
}

/** Records the admission, then tries every step through checkTransition, keeping what is accepted. */
function record(input: { start: string; ageDays: number; steps: readonly Step[] }): Built {
  const context: TransitionContext = { today: TODAY, birthDate: addDays(input.start, -input.ageDays) };
  const events: MemberEvent[] = [{ kind: 'admitted', date: input.start, sequence: 1, cellId: 'c1' }];
  const states: MemberState[] = [replayHistory(events)];
  let refusals = 0;
  let date = input.start;
  for (const step of input.steps) {
    date = addDays(date, step.gap);
    if (date > TODAY) break;
    const event = build(step, date, states.at(-1) ?? replayHistory(events), events.length + 1);
    const result = checkTransition(events, event, context);
    if (result.ok) {
      events.push(event);
      states.push(result.value);
    } else {
      refusals += 1;
      const [refusal] = result.errors;
      expect(result.errors).toHaveLength(1);
      expect(MEMBER_REFUSAL_CODES).toContain(refusal?.code);
      expect(refusal?.vi.trim()).not.toBe('');
      expect(refusal?.en.trim()).not.toBe('');
    }
  }
  return { events, states, refusals, context };
}

/** Dates worth looking at: every event date, the day before, and a day long after. */
function probeDates(events: readonly MemberEvent[]): readonly string[] {
  const dates = new Set<string>();
  for (const event of events) {
    dates.add(event.date);
    dates.add(addDays(event.date, -1));
  }
  dates.add(addDays(events.at(-1)?.date ?? TODAY, 1000));
  return [...dates].sort();
}

function checkInvariants(state: MemberState): void {
  // Counted in exactly one cell when on a cell's rolls, in none otherwise.
  expect(state.cellId !== null).toBe(isInCell(state.status));
  if (isInCell(state.status)) expect(state.level).toBe(state.status);
  if (state.status === 'in_transit') {
    expect(state.transitFromCellId).not.toBeNull();
    expect(state.transitToCellId).not.toBeNull();
    expect(state.transitSince).not.toBeNull();
  } else {
    expect([state.transitFromCellId, state.transitToCellId, state.transitSince]).toEqual([null, null, null]);
  }
  // A temporary stay never makes the member count at the host.
  if (state.temporaryAt !== null) {
    expect(isInCell(state.status)).toBe(true);
    if (state.temporaryAt.kind === 'cell') expect(state.temporaryAt.cellId).not.toBe(state.cellId);
  }
  if (state.status !== 'not_member') {
    expect(state.admittedOn).not.toBeNull();
    expect(state.probationEndsOn).toBe(probationEndDate(state.admittedOn ?? ''));
  }
  if (state.level === 'full') expect(state.fullMemberSince !== null && state.fullMemberSince >= (state.probationEndsOn ?? '')).toBe(true);
  expect(isFinalStatus(state.status)).toBe(state.endedOn !== null);
}

describe('random histories recorded through checkTransition', () => {
  it('stay valid as a whole, and each accepted state is the replayed prefix', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const { events, states, context } = record(input);
        expect(validateWholeHistory(events, context)).toBeNull();
        states.forEach((state, index) => expect(state).toEqual(replayHistory(events.slice(0, index + 1))));
      }),
      { numRuns: 300 },
    );
  });

  it('derive a consistent state at every date: one cell at most, none in transit, final stays final', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const { events } = record(input);
        let finalStatus: MemberState['status'] | null = null;
        for (const date of probeDates(events)) {
          const state = deriveMemberState(events, date);
          checkInvariants(state);
          if (finalStatus !== null) expect(state.status).toBe(finalStatus);
          if (isFinalStatus(state.status)) finalStatus = state.status;
          expect(state).toEqual(replayHistory(events.filter((e) => e.date <= date)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('derive the same state whatever order the events are given in', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (input, seed) => {
        const { events } = record(input);
        const shuffled = [...events].sort((a, b) => ((a.sequence * 7919 + seed) % 97) - ((b.sequence * 7919 + seed) % 97));
        expect(deriveMemberState(shuffled, TODAY)).toEqual(deriveMemberState(events, TODAY));
      }),
      { numRuns: 100 },
    );
  });

  it('refuse everything after a final event', () => {
    fc.assert(
      fc.property(historyArb, stepArb, (input, step) => {
        const { events } = record(input);
        const state = replayHistory(events);
        fc.pre(isFinalStatus(state.status));
        const last = events.at(-1)?.date ?? TODAY;
        const result = checkTransition(events, build(step, last, state, events.length + 1), { today: TODAY });
        expect(result.ok ? null : result.errors[0]?.code).toBe('member_ended');
      }),
      { numRuns: 200 },
    );
  });

  it('accept a removed event back when back-dating is allowed, and refuse it otherwise', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (input, pick) => {
        const { events, context } = record(input);
        fc.pre(events.length >= 3);
        const index = 1 + (pick % (events.length - 2));
        const removed = events[index];
        if (removed === undefined) return;
        const rest = events.filter((_, i) => i !== index);
        const allowed = checkTransition(rest, removed, { ...context, allowBackdating: true });
        expect(allowed).toEqual({ ok: true, value: replayHistory(events) });
        const lastDate = rest.at(-1)?.date ?? '';
        if (removed.date < lastDate) {
          const refused = checkTransition(rest, removed, context);
          expect(refused.ok ? null : refused.errors[0]?.code).toBe('out_of_order');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('count each member once across cells: in transit and temporary hosts count nobody', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: toDayNumber('1995-01-01'), max: toDayNumber(TODAY) }), (inputs, day) => {
        const asOf = fromDayNumber(day);
        const states = inputs.map((input) => deriveMemberState(record(input).events, asOf));
        const byCell = new Map<string, number>();
        for (const state of states) if (state.cellId !== null) byCell.set(state.cellId, (byCell.get(state.cellId) ?? 0) + 1);
        const counted = [...byCell.values()].reduce((a, b) => a + b, 0);
        expect(counted).toBe(states.filter((s) => isInCell(s.status)).length);
        for (const state of states) {
          if (state.status === 'in_transit' && state.transitToCellId !== null) {
            // Only those actually on the destination's rolls count there.
            const onRolls = states.filter((s) => s.cellId === state.transitToCellId).length;
            expect(byCell.get(state.transitToCellId) ?? 0).toBe(onRolls);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reach the interesting states often enough to mean something', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(historyArb, (input) => {
        const { events } = record(input);
        for (const date of probeDates(events)) seen.add(deriveMemberState(events, date).status);
        for (const event of events) seen.add(event.kind);
      }),
      { numRuns: 400, seed: 294 },
    );
    for (const expected of ['probationary', 'full', 'in_transit', 'transferred_outside', 'removed', 'expelled', 'deceased', 'recognised', 'transfer_in', 'temporary_return', 'exemption_ended', 'discipline', 'recognition_postponed', 'not_recognised']) {
      expect(seen, expected).toContain(expected);
    }
  });
});
