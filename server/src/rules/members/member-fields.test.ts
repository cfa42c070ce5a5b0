import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdMatches, type MemberFieldsInput, normaliseCardNumber, normaliseCitizenId, normaliseHistoryNumber, validateMemberFields } from './member-fields.ts';

describe('formats', () => {
  it('accepts a card number of exactly 8 digits', () => {
    expect(normaliseCardNumber(' 01234567 ')).toBe('01234567');
    expect(normaliseCardNumber('1234567')).toBeNull();
    expect(normaliseCardNumber('123456789')).toBeNull();
    expect(normaliseCardNumber('1234 5678')).toBeNull();
    expect(normaliseCardNumber('１２３４５６７８')).toBeNull(); // full-width digits are not digits here
  });

  it('reads a personal-history number as 6 digits and committee letters, in one stored form', () => {
    expect(normaliseHistoryNumber('012345-TU')).toBe('012345-TU');
    expect(normaliseHistoryNumber('012345tu')).toBe('012345-TU');
    expect(normaliseHistoryNumber('012345 / đu')).toBe('012345-ĐU');
    expect(normaliseHistoryNumber('012345.ĐUK')).toBe('012345-ĐUK');
    expect(normaliseHistoryNumber('12345-TU')).toBeNull();
    expect(normaliseHistoryNumber('012345')).toBeNull();
    expect(normaliseHistoryNumber('012345-T1')).toBeNull();
    expect(normaliseHistoryNumber('012345-TỈNH')).toBeNull();
  });

  it('normalises every accepted history number to a fixed point', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}[-/. ]?[A-Za-zĐđ]{1,6}$/), (value) => {
        const normal = normaliseHistoryNumber(value);
        return normal !== null && normaliseHistoryNumber(normal) === normal && /^\d{6}-[A-ZĐ]{1,6}$/u.test(normal);
      }),
    );
  });

  it('accepts a 12-digit citizen id and checks it against birth year and sex', () => {
    expect(normaliseCitizenId('001090012345')).toBe('001090012345');
    expect(normaliseCitizenId('00109001234')).toBeNull();
    expect(citizenIdMatches('001090012345', '1990-06-15', 'male')).toBe(true);
    expect(citizenIdMatches('001190012345', '1990-06-15', 'female')).toBe(true);
    expect(citizenIdMatches('001190012345', '1990-06-15', 'male')).toBe(false);
    expect(citizenIdMatches('001305012345', '2005-01-01', 'female')).toBe(true);
    expect(citizenIdMatches('001091012345', '1990-06-15', 'male')).toBe(false);
  });
});

describe('validateMemberFields', () => {
  const good: MemberFieldsInput = {
    cardNumber: '12345678',
    historyNumber: '012345-TU',
    citizenId: '001090012345',
    sex: 'male',
    birthDate: '1990-06-15',
    admittedOn: '2015-03-10',
    fullMemberSince: '2016-03-10',
  };

  it('finds nothing wrong with a good record, or with absent fields', () => {
    expect(validateMemberFields(good, '2025-05-26')).toEqual([]);
    expect(validateMemberFields({})).toEqual([]);
    expect(validateMemberFields({ cardNumber: ' ', citizenId: null })).toEqual([]);
  });

  it('reports every problem with its field', () => {
    const issues = validateMemberFields({ ...good, cardNumber: '123', historyNumber: 'TU', citizenId: '0010900123' });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['cardNumber', 'card_number_invalid'],
      ['historyNumber', 'history_number_invalid'],
      ['citizenId', 'citizen_id_invalid'],
    ]);
    for (const issue of issues) {
      expect(issue.vi).toMatch(/[À-ỹĐđ]/u);
      expect(issue.en).not.toBe('');
    }
  });

  it('keeps dates in order: birth < admission < full membership, 12 months apart', () => {
    const codes = (input: MemberFieldsInput) => validateMemberFields(input, '2025-05-26').map((i) => i.code);
    expect(codes({ birthDate: '2015-03-10', admittedOn: '2015-03-10' })).toEqual(['birth_not_before_admission']);
    expect(codes({ admittedOn: '2016-03-10', fullMemberSince: '2016-03-10' })).toEqual(['admission_not_before_full']);
    expect(codes({ admittedOn: '2015-03-10', fullMemberSince: '2016-03-09' })).toEqual(['full_before_probation_end']);
    expect(codes({ birthDate: '2000-01-01', admittedOn: '2017-12-31' })).toEqual(['too_young_at_admission']);
    expect(codes({ birthDate: '1950-01-01', admittedOn: '2015-03-10' })).toEqual(['too_old_at_admission']);
    expect(codes({ admittedOn: '2025-02-30' })).toEqual(['invalid_date']);
    expect(codes({ admittedOn: '2026-01-01' })).toEqual(['date_in_future']);
  });

  it('warns, without refusing, when the citizen id disagrees with birth year or sex', () => {
    const issues = validateMemberFields({ ...good, sex: 'female' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'citizenId', code: 'citizen_id_mismatch', severity: 'warning' });
  });
});
