/**
 * Formats and consistency of the member record's fields (phiếu đảng viên,
 * Mẫu 2-HSĐV), shared by the form and the import so both say the same thing.
 */

import { type MessageCatalog, type RuleMessage, renderMessage } from '../rule-outcome.ts';
import { ageInMonthsOn, formatDate, type IsoDate, isIsoDate } from './dates.ts';
import { probationEndDate } from './member-state.ts';
import { MAX_ADMISSION_AGE_MONTHS, MIN_ADMISSION_AGE_MONTHS } from './member-transitions.ts';

export type Sex = 'male' | 'female';

export type MemberField = 'cardNumber' | 'historyNumber' | 'citizenId' | 'birthDate' | 'admittedOn' | 'fullMemberSince';

export type MemberFieldCode =
  | 'card_number_invalid'
  | 'history_number_invalid'
  | 'citizen_id_invalid'
  | 'citizen_id_mismatch'
  | 'invalid_date'
  | 'date_in_future'
  | 'birth_not_before_admission'
  | 'admission_not_before_full'
  | 'full_before_probation_end'
  | 'too_young_at_admission'
  | 'too_old_at_admission';

/** One problem with one field of a record (or of an imported row's column). */
export interface MemberFieldIssue extends RuleMessage<MemberFieldCode> {
  readonly field: MemberField;
}

const CATALOG: MessageCatalog<MemberFieldCode> = {
  card_number_invalid: { severity: 'error', vi: 'Số thẻ đảng viên "{value}" phải gồm đúng 8 chữ số', en: 'The membership card number "{value}" must be exactly 8 digits' },
  history_number_invalid: {
    severity: 'error',
    vi: 'Số lý lịch "{value}" phải gồm 6 chữ số và ký hiệu cấp ủy (ví dụ 012345-TU, 012345ĐU)',
    en: 'The personal-history number "{value}" must be 6 digits and the committee letters (e.g. 012345-TU, 012345ĐU)',
  },
  citizen_id_invalid: { severity: 'error', vi: 'Số căn cước "{value}" phải gồm đúng 12 chữ số', en: 'The citizen id "{value}" must be exactly 12 digits' },
  citizen_id_mismatch: {
    severity: 'warning',
    vi: 'Số căn cước không khớp với năm sinh hoặc giới tính (chữ số thứ 4 đến thứ 6)',
    en: 'The citizen id does not match the birth year or sex (digits 4 to 6)',
  },
  invalid_date: { severity: 'error', vi: 'Ngày "{value}" không hợp lệ (định dạng YYYY-MM-DD)', en: 'The date "{value}" is not valid (format YYYY-MM-DD)' },
  date_in_future: { severity: 'error', vi: 'Ngày {value} chưa đến (hôm nay là {today})', en: 'The date {value} is in the future (today is {today})' },
  birth_not_before_admission: {
    severity: 'error',
    vi: 'Ngày sinh ({birthDate}) phải trước ngày vào Đảng ({admittedOn})',
    en: 'The birth date ({birthDate}) must be before the admission date ({admittedOn})',
  },
  admission_not_before_full: {
    severity: 'error',
    vi: 'Ngày vào Đảng ({admittedOn}) phải trước ngày chính thức ({fullMemberSince})',
    en: 'The admission date ({admittedOn}) must be before the full-membership date ({fullMemberSince})',
  },
  full_before_probation_end: {
    severity: 'error',
    vi: 'Ngày chính thức ({fullMemberSince}) sớm hơn ngày hết 12 tháng dự bị ({probationEndsOn})',
    en: 'The full-membership date ({fullMemberSince}) is before the end of the 12-month probation ({probationEndsOn})',
  },
  too_young_at_admission: { severity: 'error', vi: 'Chưa đủ 18 tuổi khi vào Đảng ({admittedOn})', en: 'Under 18 at admission ({admittedOn})' },
  too_old_at_admission: {
    // Over 60 is possible with the competent level's approval, so this asks for a check, not a correction.
    severity: 'warning',
    vi: 'Quá 60 tuổi khi vào Đảng ({admittedOn}); kiểm tra văn bản đồng ý của cấp có thẩm quyền',
    en: 'Over 60 at admission ({admittedOn}); check the competent level approved it',
  },
};

function issue(field: MemberField, code: MemberFieldCode, params: Readonly<Record<string, string>>): MemberFieldIssue {
  return { ...renderMessage(CATALOG, code, params), field };
}

/** The card number (số thẻ đảng viên) if it is exactly 8 digits after trimming, else null. */
export function normaliseCardNumber(value: string): string | null {
  const trimmed = value.trim();
  return /^\d{8}$/.test(trimmed) ? trimmed : null;
}

const HISTORY_NUMBER = /^(\d{6})\s*[-./]?\s*([A-ZĐ]{1,6})$/u;

/**
 * The personal-history number (số lý lịch) as 'DDDDDD-LETTERS': six digits, then
 * the issuing committee's letters (A–Z and Đ, 1 to 6 of them, as in 'TU', 'HU',
 * 'ĐU'). Accepts any case and an optional '-', '/', '.' or space between; null if it
 * does not fit. Committees write the separator differently, hence the one stored form.
 */
export function normaliseHistoryNumber(value: string): string | null {
  const match = HISTORY_NUMBER.exec(value.normalize('NFC').trim().toLocaleUpperCase('vi'));
  if (match === null) return null;
  return `${match[1] ?? ''}-${match[2] ?? ''}`;
}

/** The citizen id (số định danh / CCCD) if it is exactly 12 digits after trimming, else null. */
export function normaliseCitizenId(value: string): string | null {
  const trimmed = value.trim();
  return /^\d{12}$/.test(trimmed) ? trimmed : null;
}

/**
 * Whether a 12-digit citizen id agrees with the birth date and sex: its 4th digit
 * codes century and sex (0/1 = 1900s male/female, 2/3 = 2000s, ...) and the 5th–6th
 * the last two digits of the birth year (Thông tư 59/2021/TT-BCA). Years outside
 * 1900–2399 cannot be coded and are not judged (true).
 */
export function citizenIdMatches(citizenId: string, birthDate: IsoDate, sex: Sex): boolean {
  const year = Number(birthDate.slice(0, 4));
  const century = Math.floor(year / 100) - 19;
  if (century < 0 || century > 4) return true;
  const expected = `${century * 2 + (sex === 'female' ? 1 : 0)}${String(year % 100).padStart(2, '0')}`;
  return citizenId.slice(3, 6) === expected;
}

/** The record's fields as entered or imported; absent ones are not checked. */
export interface MemberFieldsInput {
  readonly cardNumber?: string | null;
  readonly historyNumber?: string | null;
  readonly citizenId?: string | null;
  readonly sex?: Sex | null;
  readonly birthDate?: IsoDate | null;
  readonly admittedOn?: IsoDate | null;
  readonly fullMemberSince?: IsoDate | null;
}

type DateField = 'birthDate' | 'admittedOn' | 'fullMemberSince';
const DATE_FIELDS: readonly DateField[] = ['birthDate', 'admittedOn', 'fullMemberSince'];

function present(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value.trim() !== '';
}

function checkDateOrder(birth: IsoDate | null, admitted: IsoDate | null, full: IsoDate | null): readonly MemberFieldIssue[] {
  const issues: MemberFieldIssue[] = [];
  if (birth !== null && admitted !== null) {
    if (birth >= admitted) {
      issues.push(issue('admittedOn', 'birth_not_before_admission', { birthDate: formatDate(birth), admittedOn: formatDate(admitted) }));
    } else {
      const months = ageInMonthsOn(birth, admitted);
      const params = { admittedOn: formatDate(admitted) };
      if (months < MIN_ADMISSION_AGE_MONTHS) issues.push(issue('admittedOn', 'too_young_at_admission', params));
      if (months > MAX_ADMISSION_AGE_MONTHS) issues.push(issue('admittedOn', 'too_old_at_admission', params));
    }
  }
  if (admitted !== null && full !== null) {
    const params = { admittedOn: formatDate(admitted), fullMemberSince: formatDate(full), probationEndsOn: formatDate(probationEndDate(admitted)) };
    if (admitted >= full) issues.push(issue('fullMemberSince', 'admission_not_before_full', params));
    else if (full < probationEndDate(admitted)) issues.push(issue('fullMemberSince', 'full_before_probation_end', params));
  }
  return issues;
}

/**
 * Every problem with the given fields: formats, dates that are not real or lie
 * after `today`, birth < admission < full membership (12 months apart), age at
 * admission, and the citizen id against birth year and sex.
 */
export function validateMemberFields(input: MemberFieldsInput, today?: IsoDate): readonly MemberFieldIssue[] {
  const issues: MemberFieldIssue[] = [];
  if (present(input.cardNumber) && normaliseCardNumber(input.cardNumber) === null) {
    issues.push(issue('cardNumber', 'card_number_invalid', { value: input.cardNumber }));
  }
  if (present(input.historyNumber) && normaliseHistoryNumber(input.historyNumber) === null) {
    issues.push(issue('historyNumber', 'history_number_invalid', { value: input.historyNumber }));
  }
  const citizenId = present(input.citizenId) ? normaliseCitizenId(input.citizenId) : null;
  if (present(input.citizenId) && citizenId === null) issues.push(issue('citizenId', 'citizen_id_invalid', { value: input.citizenId }));

  const dates: Partial<Record<DateField, IsoDate>> = {};
  for (const field of DATE_FIELDS) {
    const value = input[field];
    if (!present(value)) continue;
    if (!isIsoDate(value)) issues.push(issue(field, 'invalid_date', { value }));
    else if (today !== undefined && value > today) issues.push(issue(field, 'date_in_future', { value: formatDate(value), today: formatDate(today) }));
    else dates[field] = value;
  }
  issues.push(...checkDateOrder(dates.birthDate ?? null, dates.admittedOn ?? null, dates.fullMemberSince ?? null));

  const sex = input.sex;
  if (citizenId !== null && dates.birthDate !== undefined && sex !== undefined && sex !== null && !citizenIdMatches(citizenId, dates.birthDate, sex)) {
    issues.push(issue('citizenId', 'citizen_id_mismatch', {}));
  }
  return issues;
}
