import { describe, expect, it } from 'vitest';
import type { MemberEvent } from './member-events.ts';
import { MEMBER_REFUSAL_CODES, type MemberRefusalCode, memberRefusal } from './member-refusals.ts';
import { replayHistory } from './member-state.ts';
import { checkTransition, type TransitionContext, validateWholeHistory } from './member-transitions.ts';

type Draft = MemberEvent extends infer E ? (E extends MemberEvent ? Omit<E, 'sequence'> : never) : never;

function numbered(drafts: readonly Draft[]): MemberEvent[] {
  return drafts.map((draft, index) => ({ ...draft, sequence: index + 1 }));
}

const TODAY = '2026-11-25';
const BASE: TransitionContext = { today: TODAY, birthDate: '1990-06-15' };

function attempt(history: readonly Draft[], draft: Draft, context: Partial<TransitionContext> = {}) {
  const events = numbered(history);
  return checkTransition(events, { ...draft, sequence: events.length + 1 }, { ...BASE, ...context });
}

function refusalCode(history: readonly Draft[], draft: Draft, context: Partial<TransitionContext> = {}): string | null {
  const result = attempt(history, draft, context);
  return result.ok ? null : (result.errors[0]?.code ?? 'no message');
}

const admitted: Draft = { kind: 'admitted', date: '2024-01-10', cellId: 'c1' };
const recognised: Draft = { kind: 'recognised', date: '2025-01-15' };

interface Case {
  readonly code: MemberRefusalCode;
  readonly why: string;
  readonly history: readonly Draft[];
  readonly event: Draft;
  readonly context?: Partial<TransitionContext>;
}

const CASES: readonly Case[] = [
  { code: 'invalid_date', why: 'a date that does not exist', history: [admitted], event: { kind: 'exempted', date: '2025-02-30' } },
  { code: 'invalid_date', why: 'a malformed birth date', history: [], event: admitted, context: { birthDate: '15/06/1990' } },
  { code: 'future_date', why: 'an event after today', history: [admitted], event: { kind: 'exempted', date: '2026-11-26' } },
  {
    code: 'out_of_order',
    why: 'an event before a recorded one',
    history: [admitted, { kind: 'exempted', date: '2024-05-01' }],
    event: { kind: 'discipline', date: '2024-03-01', form: 'warning' },
  },
  { code: 'not_member', why: 'recognising someone never admitted', history: [], event: recognised },
  { code: 'already_member', why: 'admitting a member twice', history: [admitted], event: { ...admitted, date: '2024-02-01' } },
  { code: 'already_member', why: 'opening a record for a member', history: [admitted], event: { kind: 'record_opened', date: '2024-02-01', cellId: 'c1', admittedOn: '2024-01-10', fullMemberSince: null } },
  { code: 'member_ended', why: 'anything after death', history: [admitted, { kind: 'died', date: '2024-06-01' }], event: { kind: 'exempted', date: '2024-07-01' } },
  { code: 'member_ended', why: 'anything after expulsion', history: [admitted, recognised, { kind: 'expelled', date: '2025-06-01' }], event: { kind: 'transfer_in', date: '2025-07-01', cellId: 'c2' } },
  { code: 'member_ended', why: 'anything after removal', history: [admitted, { kind: 'removed', date: '2024-06-01' }], event: { ...admitted, date: '2024-07-01' } },
  { code: 'not_in_a_cell', why: 'exempting a member in transit', history: [admitted, { kind: 'transfer_out', date: '2024-03-01', to: { kind: 'cell', cellId: 'c2' } }], event: { kind: 'exempted', date: '2024-03-05' } },
  { code: 'not_in_a_cell', why: 'a death outside the system', history: [admitted, { kind: 'transfer_out', date: '2024-03-01', to: { kind: 'outside', destination: 'Đảng bộ Công an' } }], event: { kind: 'died', date: '2024-03-05' } },
  { code: 'too_young', why: 'admission at 17 years 11 months', history: [], event: { kind: 'admitted', date: '2025-12-31', cellId: 'c1' }, context: { birthDate: '2008-01-01' } },
  { code: 'too_old', why: 'admission at 60 years 1 month', history: [], event: { kind: 'admitted', date: '2020-02-01', cellId: 'c1' }, context: { birthDate: '1960-01-01' } },
  { code: 'born_after_admission', why: 'a birth after the admission', history: [], event: admitted, context: { birthDate: '2024-01-10' } },
  { code: 'born_after_admission', why: 'an opened record admitted before birth', history: [], event: { kind: 'record_opened', date: '2025-01-01', cellId: 'c1', admittedOn: '1989-01-01', fullMemberSince: null } },
  { code: 'resolution_after_admission', why: 'the cell voting after the ceremony', history: [], event: { ...admitted, resolutionDate: '2024-02-01' } },
  { code: 'admission_after_record', why: 'an admission after the record was opened', history: [], event: { kind: 'record_opened', date: '2024-01-01', cellId: 'c1', admittedOn: '2024-02-01', fullMemberSince: null } },
  { code: 'full_member_date_invalid', why: 'an opened record full before 12 months', history: [], event: { kind: 'record_opened', date: '2024-01-01', cellId: 'c1', admittedOn: '2020-01-01', fullMemberSince: '2020-06-01' } },
  { code: 'full_member_date_invalid', why: 'a full-membership date after the decision', history: [admitted], event: { kind: 'recognised', date: '2025-02-01', fullMemberSince: '2025-03-01' } },
  { code: 'already_full', why: 'recognising a full member', history: [admitted, recognised], event: { kind: 'recognised', date: '2025-02-01' } },
  { code: 'already_full', why: 'not recognising a full member', history: [admitted, recognised], event: { kind: 'not_recognised', date: '2025-02-01' } },
  { code: 'probation_not_over', why: 'recognition a day before 12 months', history: [admitted], event: { kind: 'recognised', date: '2025-01-09' } },
  { code: 'not_recognised_during_probation', why: 'not recognising during probation', history: [admitted], event: { kind: 'not_recognised', date: '2024-12-01' } },
  { code: 'postponement_date_invalid', why: 'postponing to the current due date', history: [admitted], event: { kind: 'recognition_postponed', date: '2025-01-05', newDueDate: '2025-01-10' } },
  { code: 'transfer_same_cell', why: 'a transfer to the same cell', history: [admitted], event: { kind: 'transfer_out', date: '2024-03-01', to: { kind: 'cell', cellId: 'c1' } } },
  { code: 'transfer_same_cell', why: 'a temporary stay in the home cell', history: [admitted], event: { kind: 'temporary_transfer_out', date: '2024-03-01', host: { kind: 'cell', cellId: 'c1' } } },
  { code: 'destination_missing', why: 'a blank outside destination', history: [admitted], event: { kind: 'transfer_out', date: '2024-03-01', to: { kind: 'outside', destination: '  ' } } },
  { code: 'temporarily_away', why: 'a permanent transfer during a temporary one', history: [admitted, { kind: 'temporary_transfer_out', date: '2024-02-01', host: { kind: 'cell', cellId: 'c2' } }], event: { kind: 'transfer_out', date: '2024-03-01', to: { kind: 'cell', cellId: 'c3' } } },
  { code: 'already_temporary', why: 'two temporary transfers at once', history: [admitted, { kind: 'temporary_transfer_out', date: '2024-02-01', host: { kind: 'cell', cellId: 'c2' } }], event: { kind: 'temporary_transfer_out', date: '2024-03-01', host: { kind: 'cell', cellId: 'c3' } } },
  { code: 'not_temporary', why: 'returning without leaving', history: [admitted], event: { kind: 'temporary_return', date: '2024-03-01' } },
  { code: 'not_in_transit', why: 'arriving without a transfer out', history: [admitted], event: { kind: 'transfer_in', date: '2024-03-01', cellId: 'c2' } },
  { code: 'already_exempted', why: 'exempting twice', history: [admitted, { kind: 'exempted', date: '2024-02-01' }], event: { kind: 'exempted', date: '2024-03-01' } },
  { code: 'not_exempted', why: 'ending an exemption that does not exist', history: [admitted], event: { kind: 'exemption_ended', date: '2024-03-01' } },
  { code: 'probationary_cannot_be_expelled', why: 'expelling a probationary member', history: [admitted], event: { kind: 'expelled', date: '2024-03-01' } },
  { code: 'discipline_form_not_allowed', why: 'dismissing a probationary member', history: [admitted], event: { kind: 'discipline', date: '2024-03-01', form: 'dismissal' } },
];

describe('refusals', () => {
  it.each(CASES)('$code: $why', ({ code, history, event, context }) => {
    expect(refusalCode(history, event, context)).toBe(code);
  });

  it('has a case for every refusal code', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(MEMBER_REFUSAL_CODES));
  });

  it.each(MEMBER_REFUSAL_CODES)('%s has a Vietnamese (with diacritics) and an English text', (code) => {
    const message = memberRefusal(code, { date: '26/05/2025', status: 'in_transit', form: 'dismissal' });
    expect(message.vi.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    expect(message.vi).toMatch(/[À-ỹĐđ]/u);
    expect(message.vi).not.toBe(message.en);
    expect(message.vi).not.toMatch(/\{(date|status|form)\}/);
  });

  it('explains in both languages, with dates as dd/mm/yyyy', () => {
    const result = attempt([admitted], { kind: 'recognised', date: '2025-01-09' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'probation_not_over', severity: 'error' });
    expect(result.errors[0]?.vi).toContain('10/01/2025');
    expect(result.errors[0]?.en).toContain('10/01/2025');
    const ended = attempt([admitted, { kind: 'died', date: '2024-06-01' }], { kind: 'exempted', date: '2024-07-01' });
    expect(ended.ok ? '' : ended.errors[0]?.vi).toBe('Đảng viên đã từ trần ngày 01/06/2024; không ghi thêm sự kiện');
  });
});

describe('admission age (18 to 60 years, counted in months)', () => {
  const admit = (date: string, birthDate: string, extra: Partial<TransitionContext> = {}) =>
    refusalCode([], { kind: 'admitted', date, cellId: 'c1' }, { birthDate, ...extra });

  it('accepts the 18th birthday and 60 years plus a few days', () => {
    expect(admit('2025-06-15', '2007-06-15')).toBeNull();
    expect(admit('2025-06-14', '2007-06-15')).toBe('too_young');
    expect(admit('2025-06-20', '1965-06-15')).toBeNull();
    expect(admit('2025-07-15', '1965-06-15')).toBe('too_old');
  });

  it('judges the age on the day the cell voted, when given', () => {
    const draft: Draft = { kind: 'admitted', date: '2025-08-20', resolutionDate: '2025-06-20', cellId: 'c1' };
    expect(refusalCode([], draft, { birthDate: '1965-06-15' })).toBeNull();
  });

  it('accepts over 60 as an approved exception, and skips the check without a birth date', () => {
    expect(admit('2025-07-15', '1965-06-15', { allowAdmissionOver60: true })).toBeNull();
    expect(refusalCode([], admitted, { birthDate: null })).toBeNull();
  });
});

describe('back-dating', () => {
  const history: readonly Draft[] = [admitted, { kind: 'exempted', date: '2024-05-01' }, { kind: 'discipline', date: '2024-09-01', form: 'warning' }];

  it('inserts an event before recorded ones when allowed, re-validating everything', () => {
    const result = attempt(history, { kind: 'temporary_transfer_out', date: '2024-03-01', host: { kind: 'cell', cellId: 'c2' } }, { allowBackdating: true });
    expect(result.ok && result.value.temporaryAt).toEqual({ kind: 'cell', cellId: 'c2' });
  });

  it('refuses an insertion that makes a later recorded event invalid, naming that event', () => {
    const result = attempt(history, { kind: 'died', date: '2024-03-01' }, { allowBackdating: true });
    expect(result.ok ? null : result.errors[0]?.code).toBe('member_ended');
  });

  it('re-validates a same-day event recorded with a lower sequence', () => {
    const events = numbered(history);
    const result = checkTransition(events, { kind: 'exemption_ended', date: '2024-09-01', sequence: 0 }, BASE);
    expect(result.ok).toBe(true);
    // Sorted before the exemption recorded that same day, it ends an exemption that does not exist yet.
    const before = checkTransition(events.slice(0, 2), { kind: 'exemption_ended', date: '2024-05-01', sequence: 0 }, BASE);
    expect(before.ok ? null : before.errors[0]?.code).toBe('not_exempted');
  });
});

describe('validateWholeHistory', () => {
  it('returns the first event that breaks a rule, in (date, sequence) order', () => {
    const events = numbered([admitted, { kind: 'recognised', date: '2024-06-01' }, { kind: 'died', date: '2024-07-01' }]);
    const found = validateWholeHistory([...events].reverse(), { birthDate: '1990-06-15' });
    expect(found).toMatchObject({ index: 1, event: { kind: 'recognised' }, refusal: { code: 'probation_not_over' } });
  });

  it('accepts an empty history and refuses future events only when told today', () => {
    expect(validateWholeHistory([])).toBeNull();
    const events = numbered([{ kind: 'admitted', date: '2030-01-01', cellId: 'c1' }]);
    expect(validateWholeHistory(events)).toBeNull();
    expect(validateWholeHistory(events, { today: TODAY })?.refusal.code).toBe('future_date');
  });

  it('is what checkTransition applies: the accepted state is the replayed history', () => {
    const events = numbered([admitted, recognised]);
    const result = checkTransition(events, { kind: 'exempted', date: '2025-03-01', sequence: 3 }, BASE);
    expect(result).toEqual({ ok: true, value: replayHistory([...events, { kind: 'exempted', date: '2025-03-01', sequence: 3 }]) });
  });
});
