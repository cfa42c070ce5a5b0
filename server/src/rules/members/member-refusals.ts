/**
 * Why a lifecycle event is refused, in Vietnamese and English. Codes are stable
 * (the UI and tests key on them); dates in the texts are dd/mm/yyyy.
 */

import { type MessageCatalog, type MessageParams, type RuleMessage, renderMessage, type Terms } from '../rule-outcome.ts';

export type MemberRefusalCode =
  | 'invalid_date'
  | 'future_date'
  | 'out_of_order'
  | 'not_member'
  | 'already_member'
  | 'member_ended'
  | 'not_in_a_cell'
  | 'too_young'
  | 'too_old'
  | 'born_after_admission'
  | 'resolution_after_admission'
  | 'admission_after_record'
  | 'full_member_date_invalid'
  | 'already_full'
  | 'probation_not_over'
  | 'not_recognised_during_probation'
  | 'postponement_date_invalid'
  | 'transfer_same_cell'
  | 'destination_missing'
  | 'temporarily_away'
  | 'already_temporary'
  | 'not_temporary'
  | 'not_in_transit'
  | 'already_exempted'
  | 'not_exempted'
  | 'probationary_cannot_be_expelled'
  | 'discipline_form_not_allowed';

/** A refused event: stable code plus the reason in both languages. */
export type MemberRefusal = RuleMessage<MemberRefusalCode>;

const CATALOG: MessageCatalog<MemberRefusalCode> = {
  invalid_date: {
    severity: 'error',
    vi: 'Ngày "{date}" không hợp lệ (định dạng YYYY-MM-DD)',
    en: 'The date "{date}" is not valid (format YYYY-MM-DD)',
  },
  future_date: {
    severity: 'error',
    vi: 'Ngày {date} chưa đến (hôm nay là {today}); không ghi trước sự kiện chưa xảy ra',
    en: 'The date {date} is in the future (today is {today}); events are recorded once they happen',
  },
  out_of_order: {
    severity: 'error',
    vi: 'Ngày {date} sớm hơn sự kiện đã ghi gần nhất ({last}); lịch sử chỉ được ghi tiếp theo thời gian, trừ khi được phép ghi lùi ngày',
    en: 'The date {date} is before the latest recorded event ({last}); history is recorded forward in time unless back-dating is allowed',
  },
  not_member: {
    severity: 'error',
    vi: 'Người này chưa là đảng viên: phải ghi quyết định kết nạp (hoặc mở hồ sơ) trước',
    en: 'This person is not a member yet: record the admission (or open the record) first',
  },
  already_member: {
    severity: 'error',
    vi: 'Đã có hồ sơ đảng viên; không kết nạp hoặc mở hồ sơ lần nữa',
    en: 'A member record already exists; it cannot be admitted or opened again',
  },
  member_ended: {
    severity: 'error',
    vi: 'Đảng viên đã {status} ngày {date}; không ghi thêm sự kiện',
    en: 'The membership ended on {date} ({status}); nothing more can be recorded',
  },
  not_in_a_cell: {
    severity: 'error',
    vi: 'Đảng viên {status}, hiện không sinh hoạt tại chi bộ nào',
    en: 'The member is {status} and belongs to no cell at the moment',
  },
  too_young: {
    severity: 'error',
    vi: 'Chưa đủ 18 tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp {date}',
    en: 'Under 18 (counted in months) on {date}, when the cell considered the admission',
  },
  too_old: {
    severity: 'error',
    vi: 'Quá 60 tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp {date}; cần có ý kiến đồng ý của cấp có thẩm quyền',
    en: 'Over 60 (counted in months) on {date}, when the cell considered the admission; this needs the approval of the competent level',
  },
  born_after_admission: {
    severity: 'error',
    vi: 'Ngày sinh ({birthDate}) phải trước ngày kết nạp ({date})',
    en: 'The birth date ({birthDate}) must be before the admission ({date})',
  },
  resolution_after_admission: {
    severity: 'error',
    vi: 'Ngày chi bộ xét kết nạp ({resolutionDate}) không được sau ngày kết nạp ({date})',
    en: 'The cell resolution ({resolutionDate}) cannot be after the admission ({date})',
  },
  admission_after_record: {
    severity: 'error',
    vi: 'Ngày vào Đảng ({admittedOn}) không được sau ngày mở hồ sơ ({date})',
    en: 'The admission date ({admittedOn}) cannot be after the date the record is opened ({date})',
  },
  full_member_date_invalid: {
    severity: 'error',
    vi: 'Ngày chính thức ({fullMemberSince}) phải từ ngày hết dự bị ({probationEndsOn}) đến ngày ghi ({date})',
    en: 'The full-membership date ({fullMemberSince}) must be between the end of probation ({probationEndsOn}) and the recording date ({date})',
  },
  already_full: {
    severity: 'error',
    vi: 'Đã là đảng viên chính thức',
    en: 'Already a full member',
  },
  probation_not_over: {
    severity: 'error',
    vi: 'Chưa đến ngày xét công nhận chính thức ({due}): phải đủ 12 tháng dự bị',
    en: 'Recognition is not due before {due}: probation lasts 12 months',
  },
  not_recognised_during_probation: {
    severity: 'error',
    vi: 'Chưa hết 12 tháng dự bị (hết ngày {due}); trong thời gian dự bị, đảng viên không đủ tư cách thì ghi xóa tên',
    en: 'Probation runs until {due}; a probationary member found unfit before then is removed from the rolls instead',
  },
  postponement_date_invalid: {
    severity: 'error',
    vi: 'Ngày xét mới ({newDueDate}) phải sau ngày {after}',
    en: 'The new due date ({newDueDate}) must be after {after}',
  },
  transfer_same_cell: {
    severity: 'error',
    vi: 'Nơi chuyển đến trùng với chi bộ đang sinh hoạt',
    en: 'The destination is the cell the member already belongs to',
  },
  destination_missing: {
    severity: 'error',
    vi: 'Chưa ghi nơi chuyển đến',
    en: 'The destination is missing',
  },
  temporarily_away: {
    severity: 'error',
    vi: 'Đảng viên đang sinh hoạt tạm thời ở nơi khác; ghi trở về trước khi chuyển sinh hoạt chính thức',
    en: 'The member is on a temporary transfer; record the return before a permanent transfer',
  },
  already_temporary: {
    severity: 'error',
    vi: 'Đảng viên đang sinh hoạt tạm thời ở nơi khác (từ ngày {since})',
    en: 'The member is already on a temporary transfer (since {since})',
  },
  not_temporary: {
    severity: 'error',
    vi: 'Đảng viên không sinh hoạt tạm thời ở nơi khác',
    en: 'The member is not on a temporary transfer',
  },
  not_in_transit: {
    severity: 'error',
    vi: 'Không có quyết định chuyển sinh hoạt chính thức đi nào đang chờ tiếp nhận',
    en: 'There is no permanent transfer waiting for arrival',
  },
  already_exempted: {
    severity: 'error',
    vi: 'Đảng viên đã được miễn công tác và sinh hoạt đảng (từ ngày {since})',
    en: 'The member is already exempted from party work and activities (since {since})',
  },
  not_exempted: {
    severity: 'error',
    vi: 'Đảng viên không được miễn công tác và sinh hoạt đảng',
    en: 'The member is not exempted from party work and activities',
  },
  probationary_cannot_be_expelled: {
    severity: 'error',
    vi: 'Đảng viên dự bị không áp dụng hình thức khai trừ; nếu vi phạm nghiêm trọng thì xóa tên',
    en: 'A probationary member is not expelled; a serious violation leads to removal from the rolls',
  },
  discipline_form_not_allowed: {
    severity: 'error',
    vi: 'Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo, không áp dụng {form}',
    en: 'A probationary member can only be reprimanded or warned, not given {form}',
  },
};

const TERMS: Terms = {
  vi: {
    not_member: 'chưa là đảng viên',
    probationary: 'là đảng viên dự bị',
    full: 'là đảng viên chính thức',
    in_transit: 'đang chuyển sinh hoạt đảng, chưa đến chi bộ mới',
    transferred_outside: 'đã chuyển sinh hoạt ra ngoài hệ thống',
    removed: 'bị xóa tên',
    expelled: 'bị khai trừ',
    deceased: 'từ trần',
    reprimand: 'khiển trách',
    warning: 'cảnh cáo',
    dismissal: 'cách chức',
  },
  en: {
    not_member: 'not a member',
    probationary: 'a probationary member',
    full: 'a full member',
    in_transit: 'in transit between cells',
    transferred_outside: 'transferred outside the system',
    removed: 'removed from the rolls',
    expelled: 'expelled',
    deceased: 'died',
    reprimand: 'a reprimand',
    warning: 'a warning',
    dismissal: 'dismissal from posts',
  },
};

/** Renders a refusal; status, discipline form and similar values are translated. */
export function memberRefusal(code: MemberRefusalCode, params: MessageParams = {}): MemberRefusal {
  return renderMessage(CATALOG, code, params, TERMS);
}

/** Every refusal code, for exhaustive tests and UI catalogues. */
export const MEMBER_REFUSAL_CODES: readonly MemberRefusalCode[] = Object.freeze(
  Object.keys(CATALOG).filter((key): key is MemberRefusalCode => key in CATALOG),
);
