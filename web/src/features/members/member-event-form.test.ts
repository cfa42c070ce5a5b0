import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { checkEvent, eventExtra, eventFieldOfIssue, isBackdated, offeredEvents, recordableEvents } from './member-event-form.ts';

const cell = { value: '0196a3b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b', label: 'Chi bộ 2 (CB2)' };
const date = dayjs('2026-02-10');

describe('offeredEvents', () => {
  it('keeps the allowed events in menu order and leaves out the opening events', () => {
    expect(offeredEvents(['died', 'admitted', 'recognised', 'transfer_out'])).toEqual(['recognised', 'transfer_out', 'died']);
  });

  it('has an extra-field decision for every recordable event', () => {
    for (const kind of recordableEvents) expect(eventExtra(kind) === null || typeof eventExtra(kind) === 'string').toBe(true);
  });
});

describe('checkEvent', () => {
  it('builds a transfer to a cell of the registry', () => {
    const checked = checkEvent('transfer_out', { date, documentNumber: ' 45-QĐ/ĐU ', targetKind: 'cell', cell });
    expect(checked).toEqual({ ok: true, value: { kind: 'transfer_out', date: '2026-02-10', documentNumber: '45-QĐ/ĐU', note: null, to: { kind: 'cell', cellId: cell.value } } });
  });

  it('builds a temporary transfer to an organisation outside the registry', () => {
    const checked = checkEvent('temporary_transfer_out', { date, targetKind: 'outside', destination: ' Đảng bộ Học viện Chính trị quốc gia Hồ Chí Minh ' });
    expect(checked.ok && checked.value).toMatchObject({ host: { kind: 'outside', destination: 'Đảng bộ Học viện Chính trị quốc gia Hồ Chí Minh' } });
    expect(checked.ok && 'documentNumber' in checked.value ? checked.value.documentNumber : undefined).toBeUndefined();
  });

  it('builds the arrival in a cell, the recognition date and the discipline form', () => {
    expect(checkEvent('transfer_in', { date, cell })).toMatchObject({ ok: true, value: { kind: 'transfer_in', cellId: cell.value } });
    expect(checkEvent('recognised', { date, fullMemberSince: dayjs('2026-01-20') })).toMatchObject({ ok: true, value: { fullMemberSince: '2026-01-20' } });
    expect(checkEvent('recognised', { date })).toMatchObject({ ok: true, value: { kind: 'recognised' } });
    expect(checkEvent('discipline', { date, form: 'warning' })).toMatchObject({ ok: true, value: { form: 'warning' } });
  });

  it('puts the contract messages on the dialog fields', () => {
    const outside = checkEvent('transfer_out', { date, targetKind: 'outside', destination: ' ' });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.issues).toContainEqual({ name: ['destination'], message: 'Nhập nơi chuyển đến' });
    const noCell = checkEvent('transfer_in', { date });
    expect(!noCell.ok && noCell.issues.map((i) => i.name.join('.'))).toEqual(['cell']);
    const noDate = checkEvent('died', {});
    expect(!noDate.ok && noDate.issues.map((i) => i.name.join('.'))).toEqual(['date']);
  });
});

describe('isBackdated', () => {
  const events = [{ date: '2025-01-10' }, { date: '2026-01-05' }, { date: '2025-07-01' }];
  it('compares with the latest event', () => {
    expect(isBackdated(dayjs('2025-12-31'), events)).toBe(true);
    expect(isBackdated(dayjs('2026-01-05'), events)).toBe(false);
    expect(isBackdated(null, events)).toBe(false);
    expect(isBackdated(dayjs('2020-01-01'), [])).toBe(false);
  });
});

describe('eventFieldOfIssue', () => {
  it('finds the dialog field of a server issue', () => {
    expect(eventFieldOfIssue('body.event.to.cellId')).toEqual(['cell']);
    expect(eventFieldOfIssue('body.event.date')).toEqual(['date']);
    expect(eventFieldOfIssue('body.event.host.destination')).toEqual(['destination']);
    expect(eventFieldOfIssue('body.rowVersion')).toBeNull();
    expect(eventFieldOfIssue('out_of_order')).toBeNull();
  });
});
