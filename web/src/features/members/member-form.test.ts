import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { bannerLines, checkMemberFields, checkOpening, formNameOfIssue, formValuesOf, memberFieldError, type MemberFormValues, splitIssues } from './member-form.ts';

const valid: MemberFormValues = {
  fullName: '  Nguyễn Văn An ',
  sex: 'male',
  birthDate: dayjs('1990-05-17'),
  ethnicity: 'Kinh',
  cardNumber: '01234567',
  citizenId: '',
  otherNames: '   ',
};

describe('checkMemberFields', () => {
  it('gives the contract fields: trimmed, empty optional fields as null, the date as yyyy-mm-dd', () => {
    const checked = checkMemberFields(valid);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.fullName).toBe('Nguyễn Văn An');
    expect(checked.value.birthDate).toBe('1990-05-17');
    expect(checked.value.citizenId).toBeNull();
    expect(checked.value.otherNames).toBeNull();
    expect(checked.value.politicalTheory).toBeNull();
  });

  it('names each wrong field with the contract message', () => {
    const checked = checkMemberFields({ ...valid, fullName: ' ', cardNumber: '1234', citizenId: '0123' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const byField = new Map(checked.issues.map((i) => [i.name.join('.'), i.message]));
    expect(byField.get('fullName')).toBe('Nhập họ và tên');
    expect(byField.get('cardNumber')).toBe('Số thẻ đảng viên gồm đúng 8 chữ số');
    expect(byField.get('citizenId')).toBe('Số định danh cá nhân (CCCD) gồm đúng 12 chữ số');
  });

  it('checks one field at a time for the form rules', () => {
    expect(memberFieldError('cardNumber', { cardNumber: '1234567a' })).toBe('Số thẻ đảng viên gồm đúng 8 chữ số');
    expect(memberFieldError('cardNumber', { cardNumber: '' })).toBeNull();
    expect(memberFieldError('ethnicity', { ethnicity: ' ' })).toBe('Nhập dân tộc');
  });

  it('round-trips a stored record through the form', () => {
    const checked = checkMemberFields(valid);
    if (!checked.ok) throw new Error('expected valid');
    const again = checkMemberFields(formValuesOf(checked.value));
    expect(again).toEqual(checked);
  });
});

describe('checkOpening', () => {
  const cell = { value: '0196a3b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b', label: 'Chi bộ 1 (CB1)' };

  it('builds an admission with the cell id and the document number', () => {
    const checked = checkOpening({ kind: 'admitted', date: dayjs('2025-03-02'), cell, documentNumber: ' 12-QĐ/ĐU ', resolutionDate: dayjs('2025-02-20') });
    expect(checked).toEqual({
      ok: true,
      value: { kind: 'admitted', date: '2025-03-02', cellId: cell.value, resolutionDate: '2025-02-20', documentNumber: '12-QĐ/ĐU', note: null },
    });
  });

  it('builds the record of a serving member; full membership may be empty (still probationary)', () => {
    const checked = checkOpening({ kind: 'record_opened', date: dayjs('2026-01-05'), cell, admittedOn: dayjs('2025-06-01') });
    expect(checked.ok && checked.value).toMatchObject({ kind: 'record_opened', admittedOn: '2025-06-01', fullMemberSince: null });
  });

  it('puts a missing cell and document number on their form fields', () => {
    const checked = checkOpening({ kind: 'admitted', date: dayjs('2025-03-02'), documentNumber: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const names = checked.issues.map((i) => i.name.join('.'));
    expect(names).toContain('opening.cell');
    expect(names).toContain('opening.documentNumber');
    expect(checked.issues.find((i) => i.name.join('.') === 'opening.documentNumber')?.message).toBe('Nhập số văn bản quyết định');
  });
});

describe('formNameOfIssue', () => {
  it('finds the form field of a server issue', () => {
    expect(formNameOfIssue('body.fields.cardNumber')).toEqual(['cardNumber']);
    expect(formNameOfIssue('citizenId')).toEqual(['citizenId']);
    expect(formNameOfIssue('body.opening.cellId')).toEqual(['opening', 'cell']);
    expect(formNameOfIssue('body.opening.admittedOn')).toEqual(['opening', 'admittedOn']);
    expect(formNameOfIssue('body.rowVersion')).toBeNull();
    expect(formNameOfIssue('body.opening')).toBeNull();
  });
});

describe('splitIssues', () => {
  it('keeps field issues beside their fields and the rest for the banner', () => {
    const split = splitIssues([
      { path: 'body.fields.cardNumber', message: 'Số thẻ đảng viên đã được dùng' },
      { path: 'refused', message: 'Chưa đủ 18 tuổi' },
    ]);
    expect(split.fields).toEqual([{ name: ['cardNumber'], message: 'Số thẻ đảng viên đã được dùng' }]);
    expect(split.others).toEqual(['Chưa đủ 18 tuổi']);
  });
});

describe('bannerLines', () => {
  it('says nothing above the form when every issue sits beside a field', () => {
    expect(bannerLines('Dữ liệu không hợp lệ', [], 2)).toEqual([]);
  });
  it('gives the sentence and the other issues once each', () => {
    expect(bannerLines('Thao tác bị từ chối: Chưa đủ 18 tuổi', ['Chưa đủ 18 tuổi'], 0)).toEqual(['Thao tác bị từ chối: Chưa đủ 18 tuổi', 'Chưa đủ 18 tuổi']);
    expect(bannerLines('Lỗi', ['Lỗi'], 0)).toEqual(['Lỗi']);
  });
});
