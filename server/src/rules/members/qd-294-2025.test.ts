import { describe, expect, it } from 'vitest';
import { memberRulesFor } from './index.ts';
import {
  checkTransition,
  deriveMemberState,
  type MemberEvent,
  type MemberState,
  qd294MemberRules,
  replayHistory,
  rulesVersion,
  validateWholeHistory,
} from './qd-294-2025.ts';

type Draft = MemberEvent extends infer E ? (E extends MemberEvent ? Omit<E, 'sequence'> : never) : never;

const TODAY = '2026-11-25';
const context = { today: TODAY, birthDate: '1990-06-15' };

function expectOk(events: readonly MemberEvent[], draft: Draft): MemberState {
  const result = checkTransition(events, { ...draft, sequence: events.length + 1 }, context);
  if (!result.ok) throw new Error(`refused: ${result.errors.map((e) => e.en).join('; ')}`);
  return result.value;
}

/** Records the drafts one by one through checkTransition, as the service would. */
function record(drafts: readonly Draft[]): MemberEvent[] {
  const events: MemberEvent[] = [];
  for (const draft of drafts) {
    expectOk(events, draft);
    events.push({ ...draft, sequence: events.length + 1 });
  }
  return events;
}

describe('rulesVersion and module selection', () => {
  it('names Quy định 294-QĐ/TW in force from 26 May 2025', () => {
    expect(rulesVersion).toMatchObject({ id: 'qd-294-2025', effectiveFrom: '2025-05-26' });
    expect(rulesVersion.title).toContain('294-QĐ/TW');
    expect(qd294MemberRules.version).toBe(rulesVersion);
  });

  it('uses the same module for earlier dates (earlier differences are not modelled)', () => {
    expect(memberRulesFor('2025-05-26')).toBe(qd294MemberRules);
    expect(memberRulesFor('2030-01-01')).toBe(qd294MemberRules);
    expect(memberRulesFor('1990-01-01')).toBe(qd294MemberRules);
    expect(() => memberRulesFor('26/05/2025')).toThrow(RangeError);
  });
});

describe("a member's life, derived at any date", () => {
  const events = record([
    { kind: 'admitted', date: '2023-03-10', cellId: 'c1' },
    { kind: 'recognised', date: '2024-03-20' },
    { kind: 'transfer_out', date: '2024-06-01', to: { kind: 'cell', cellId: 'c2' } },
    { kind: 'transfer_in', date: '2024-06-20', cellId: 'c2' },
    { kind: 'temporary_transfer_out', date: '2025-01-10', host: { kind: 'cell', cellId: 'c3' } },
    { kind: 'discipline', date: '2025-03-01', form: 'reprimand' },
    { kind: 'temporary_return', date: '2025-06-01' },
    { kind: 'exempted', date: '2026-01-05' },
    { kind: 'died', date: '2026-05-01' },
  ]);

  it('is not a member before the admission', () => {
    expect(deriveMemberState(events, '2023-03-09')).toMatchObject({ status: 'not_member', cellId: null, level: null });
  });

  it('is probationary in the admitting cell, with probation ending 12 months on', () => {
    expect(deriveMemberState(events, '2023-03-10')).toMatchObject({
      status: 'probationary',
      cellId: 'c1',
      admittedOn: '2023-03-10',
      admissionCellId: 'c1',
      probationEndsOn: '2024-03-10',
      recognitionDueOn: '2024-03-10',
    });
    // Still probationary between the end of probation and the decision.
    expect(deriveMemberState(events, '2024-03-19').status).toBe('probationary');
  });

  it('becomes a full member from the end of probation when the decision comes', () => {
    expect(deriveMemberState(events, '2024-03-20')).toMatchObject({ status: 'full', level: 'full', fullMemberSince: '2024-03-10' });
  });

  it('is counted in no cell while in transit, then in the new cell', () => {
    expect(deriveMemberState(events, '2024-06-10')).toMatchObject({
      status: 'in_transit',
      level: 'full',
      cellId: null,
      transitFromCellId: 'c1',
      transitToCellId: 'c2',
      transitSince: '2024-06-01',
    });
    expect(deriveMemberState(events, '2024-06-20')).toMatchObject({ status: 'full', cellId: 'c2', transitFromCellId: null, transitToCellId: null });
  });

  it('stays counted at home during a temporary transfer', () => {
    expect(deriveMemberState(events, '2025-02-01')).toMatchObject({
      status: 'full',
      cellId: 'c2',
      temporaryAt: { kind: 'cell', cellId: 'c3' },
      temporarySince: '2025-01-10',
    });
    expect(deriveMemberState(events, '2025-06-01')).toMatchObject({ cellId: 'c2', temporaryAt: null });
  });

  it('keeps discipline on record without changing the status, and flags exemption', () => {
    const state = deriveMemberState(events, '2026-02-01');
    expect(state).toMatchObject({ status: 'full', exempted: true, exemptedSince: '2026-01-05' });
    expect(state.disciplines).toEqual([{ date: '2025-03-01', form: 'reprimand' }]);
  });

  it('ends with death: counted nowhere, final', () => {
    expect(deriveMemberState(events, TODAY)).toMatchObject({ status: 'deceased', cellId: null, endedOn: '2026-05-01', endReason: 'died', exempted: false });
    expect(validateWholeHistory(events, context)).toBeNull();
    expect(replayHistory([...events].reverse())).toEqual(deriveMemberState(events, TODAY));
  });
});

describe('other paths through the lifecycle', () => {
  it('lets a member leave for an organisation outside the system and come back', () => {
    const events = record([
      { kind: 'admitted', date: '2022-01-10', cellId: 'c1' },
      { kind: 'transfer_out', date: '2022-05-01', to: { kind: 'outside', destination: 'Đảng bộ Quân đội' } },
    ]);
    expect(replayHistory(events)).toMatchObject({ status: 'transferred_outside', level: 'probationary', cellId: null, outsideDestination: 'Đảng bộ Quân đội' });
    expect(expectOk(events, { kind: 'transfer_in', date: '2024-02-01', cellId: 'c4' })).toMatchObject({ status: 'probationary', cellId: 'c4', outsideDestination: null });
  });

  it('opens the record of a member admitted before the system, then carries on', () => {
    const events = record([{ kind: 'record_opened', date: '2025-07-01', cellId: 'c1', admittedOn: '1998-09-02', fullMemberSince: '1999-09-02' }]);
    expect(replayHistory(events)).toMatchObject({ status: 'full', admittedOn: '1998-09-02', fullMemberSince: '1999-09-02', admissionCellId: null });
    const probationary = record([{ kind: 'record_opened', date: '2025-07-01', cellId: 'c1', admittedOn: '2025-02-01', fullMemberSince: null }]);
    expect(expectOk(probationary, { kind: 'recognised', date: '2026-02-02' })).toMatchObject({ status: 'full', fullMemberSince: '2026-02-01' });
  });

  it('postpones a recognition decision and still recognises from the end of probation', () => {
    const events = record([
      { kind: 'admitted', date: '2025-01-15', cellId: 'c1' },
      { kind: 'recognition_postponed', date: '2026-01-10', newDueDate: '2026-03-15' },
    ]);
    expect(replayHistory(events)).toMatchObject({ probationEndsOn: '2026-01-15', recognitionDueOn: '2026-03-15' });
    expect(expectOk(events, { kind: 'recognised', date: '2026-02-20' })).toMatchObject({ fullMemberSince: '2026-01-15' });
    expect(expectOk(events, { kind: 'recognised', date: '2026-02-20', fullMemberSince: '2026-02-20' })).toMatchObject({ fullMemberSince: '2026-02-20' });
  });

  it('removes a probationary member who is not recognised', () => {
    const events = record([{ kind: 'admitted', date: '2025-01-15', cellId: 'c1' }]);
    expect(expectOk(events, { kind: 'not_recognised', date: '2026-01-20' })).toMatchObject({ status: 'removed', endReason: 'not_recognised', cellId: null });
  });

  it('removes a member who never arrived; expels a full member; disciplines by dismissal', () => {
    const transit = record([
      { kind: 'admitted', date: '2023-01-15', cellId: 'c1' },
      { kind: 'recognised', date: '2024-01-20' },
      { kind: 'transfer_out', date: '2025-01-02', to: { kind: 'cell', cellId: 'c2' } },
    ]);
    expect(expectOk(transit, { kind: 'removed', date: '2025-06-01' })).toMatchObject({ status: 'removed', transitToCellId: null, endReason: 'removed' });
    expect(expectOk(transit, { kind: 'expelled', date: '2025-06-01' })).toMatchObject({ status: 'expelled' });
    const full = transit.slice(0, 2);
    expect(expectOk(full, { kind: 'discipline', date: '2025-02-01', form: 'dismissal' }).disciplines).toHaveLength(1);
  });

  it('accepts several events on the same day in recording order', () => {
    const events = record([
      { kind: 'admitted', date: '2023-01-15', cellId: 'c1' },
      { kind: 'transfer_out', date: '2023-05-02', to: { kind: 'cell', cellId: 'c2' } },
      { kind: 'transfer_in', date: '2023-05-02', cellId: 'c2' },
    ]);
    expect(deriveMemberState(events, '2023-05-02')).toMatchObject({ status: 'probationary', cellId: 'c2' });
  });
});
