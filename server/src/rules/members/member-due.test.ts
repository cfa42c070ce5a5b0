import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days.ts';
import type { MemberEvent } from './member-events.ts';
import { type MemberStateEntry, probationDueWithin, transfersNotArrived } from './member-due.ts';
import { replayHistory } from './member-state.ts';

type Draft = MemberEvent extends infer E ? (E extends MemberEvent ? Omit<E, 'sequence'> : never) : never;

function member(memberId: string, drafts: readonly Draft[]): MemberStateEntry {
  return { memberId, state: replayHistory(drafts.map((draft, index) => ({ ...draft, sequence: index + 1 }))) };
}

const admitted = (date: string, cellId = 'c1'): Draft => ({ kind: 'admitted', date, cellId });

describe('probationDueWithin', () => {
  const today = '2025-06-01';
  const members = [
    member('due-in-10', [admitted('2024-06-11')]),
    member('due-in-30', [admitted('2024-07-01')]),
    member('due-in-31', [admitted('2024-07-02')]),
    member('overdue', [admitted('2024-05-01')]),
    member('long-overdue', [admitted('2024-03-01')]),
    member('postponed', [admitted('2024-05-20'), { kind: 'recognition_postponed', date: '2025-05-20', newDueDate: '2025-06-20' }]),
    member('full', [admitted('2024-01-02'), { kind: 'recognised', date: '2025-01-03' }]),
    member('removed', [admitted('2024-06-05'), { kind: 'removed', date: '2025-01-03' }]),
    member('in-transit', [admitted('2024-06-15'), { kind: 'transfer_out', date: '2025-05-01', to: { kind: 'cell', cellId: 'c2' } }]),
  ];

  it('lists the members whose 12 months end within the next N days, overdue ones first and flagged', () => {
    const due = probationDueWithin(members, today, 30);
    expect(due.map((d) => d.memberId)).toEqual(['long-overdue', 'overdue', 'due-in-10', 'in-transit', 'postponed', 'due-in-30']);
    expect(due.find((d) => d.memberId === 'overdue')).toMatchObject({ dueOn: '2025-05-01', daysLeft: -31, overdue: true, postponed: false });
    expect(due.find((d) => d.memberId === 'due-in-30')).toMatchObject({ dueOn: '2025-07-01', daysLeft: 30, overdue: false });
  });

  it('uses the postponed date and shows in-transit members without a cell', () => {
    const due = probationDueWithin(members, today, 30);
    expect(due.find((d) => d.memberId === 'postponed')).toMatchObject({ probationEndsOn: '2025-05-20', dueOn: '2025-06-20', postponed: true, cellId: 'c1' });
    expect(due.find((d) => d.memberId === 'in-transit')).toMatchObject({ cellId: null, dueOn: '2025-06-15' });
  });

  it('gives the cell 30 working days after the 12 months to decide', () => {
    const due = probationDueWithin(members, today, 30);
    const overdue = due.find((d) => d.memberId === 'long-overdue');
    expect(overdue).toMatchObject({ dueOn: '2025-03-01', decisionDeadline: addWorkingDays('2025-03-01', 30), decisionOverdue: true });
    expect(due.find((d) => d.memberId === 'due-in-10')?.decisionOverdue).toBe(false);
  });

  it('is empty for nobody, and lists only the overdue with a window of 0 days', () => {
    expect(probationDueWithin([], today, 30)).toEqual([]);
    expect(probationDueWithin(members, today, 0).map((d) => d.memberId)).toEqual(['long-overdue', 'overdue']);
  });
});

describe('transfersNotArrived', () => {
  const transfer = (memberId: string, since: string, to: 'cell' | 'outside' = 'cell') =>
    member(memberId, [
      admitted('2023-01-10'),
      { kind: 'transfer_out', date: since, to: to === 'cell' ? { kind: 'cell', cellId: 'c2' } : { kind: 'outside', destination: 'Đảng bộ Công an' } },
    ]);
  const members = [
    transfer('left-jan', '2025-01-20'), // deadline 7 Mar 2025 (across Tết)
    transfer('left-feb', '2025-02-20'),
    transfer('left-may', '2025-05-26'),
    transfer('outside', '2025-01-02', 'outside'),
    member('arrived', [admitted('2023-01-10'), { kind: 'transfer_out', date: '2025-01-02', to: { kind: 'cell', cellId: 'c2' } }, { kind: 'transfer_in', date: '2025-01-20', cellId: 'c2' }]),
  ];

  it('lists overdue transfers and those near the 30-working-day deadline, not arrivals or outside moves', () => {
    const late = transfersNotArrived(members, '2025-03-28');
    expect(late.map((t) => t.memberId)).toEqual(['left-jan', 'left-feb']);
    expect(late[0]).toMatchObject({ fromCellId: 'c1', toCellId: 'c2', since: '2025-01-20', deadline: '2025-03-07', overdue: true, workingDaysLeft: -15 });
    expect(late[1]).toMatchObject({ deadline: '2025-04-03', overdue: false, workingDaysLeft: 4 });
  });

  it('treats the deadline day itself as on time', () => {
    const onTheDay = transfersNotArrived(members, '2025-03-07').find((t) => t.memberId === 'left-jan');
    expect(onTheDay).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    expect(transfersNotArrived(members, '2025-03-10').find((t) => t.memberId === 'left-jan')).toMatchObject({ overdue: true, workingDaysLeft: -1 });
  });

  it('takes the warning window and the calendar from the options', () => {
    expect(transfersNotArrived(members, '2025-03-28', { warnWithinWorkingDays: 0 }).map((t) => t.memberId)).toEqual(['left-jan']);
    const plain = transfersNotArrived(members, '2025-03-04', { holidays: [], warnWithinWorkingDays: 0 });
    // Without the Tết days off, 30 working days from Monday 20 Jan are six weeks: Monday 3 Mar.
    expect(plain.find((t) => t.memberId === 'left-jan')).toMatchObject({ deadline: '2025-03-03', overdue: true });
  });
});
