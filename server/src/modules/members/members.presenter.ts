import { type Locale, type MemberEventKind, memberEventKind, type MemberListItem, memberStatus, type MemberView, politicalTheory, sex } from '@tcxd/contract';
import { formatDate } from '../../rules/members/index.ts';
import type { EventRow, MemberRecordRow } from './members.repository.ts';

/** The columns the list selects (listColumns). */
interface ListRow {
  id: string;
  full_name: string;
  sex: string;
  birth_date: string;
  ethnicity: string;
  card_number: string | null;
  status: string;
  exempted: boolean;
  admission_date: string;
  full_member_date: string | null;
  cell_id: string;
  cell_name: string;
}

/** A row of the members list. */
export function presentListItem(row: ListRow): MemberListItem {
  return {
    id: row.id,
    fullName: row.full_name,
    sex: sex.parse(row.sex),
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    cardNumber: row.card_number,
    status: memberStatus.parse(row.status),
    exempted: row.exempted,
    admissionDate: row.admission_date,
    fullMemberDate: row.full_member_date,
    cell: { id: row.cell_id, name: row.cell_name },
  };
}

const disciplineNames: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: { reprimand: 'khiển trách', warning: 'cảnh cáo', dismissal: 'cách chức' },
  en: { reprimand: 'reprimand', warning: 'warning', dismissal: 'dismissal from post' },
};

interface SentenceParts {
  readonly cell: string;
  readonly destination: string;
  readonly detail: Readonly<Record<string, string>>;
  readonly locale: Locale;
}

const day = (iso: string | undefined) => (iso ? formatDate(iso) : '');

const sentences: Readonly<Record<Locale, Readonly<Record<MemberEventKind, (p: SentenceParts) => string>>>> = {
  vi: {
    admitted: (p) => `Kết nạp vào Đảng tại ${p.cell}`,
    record_opened: (p) => `Lập hồ sơ trên hệ thống, sinh hoạt tại ${p.cell} (vào Đảng ngày ${day(p.detail.admittedOn)}${p.detail.fullMemberSince ? `, chính thức ngày ${day(p.detail.fullMemberSince)}` : ''})`,
    recognised: (p) => `Công nhận đảng viên chính thức${p.detail.fullMemberSince ? ` từ ngày ${day(p.detail.fullMemberSince)}` : ''}`,
    recognition_postponed: (p) => `Hoãn xét công nhận chính thức đến ngày ${day(p.detail.newDueDate)}`,
    not_recognised: () => 'Không công nhận đảng viên chính thức (xóa tên)',
    transfer_out: (p) => `Chuyển sinh hoạt đảng chính thức đến ${p.cell || p.destination}`,
    transfer_in: (p) => `Đến sinh hoạt tại ${p.cell}`,
    temporary_transfer_out: (p) => `Chuyển sinh hoạt đảng tạm thời đến ${p.cell || p.destination}`,
    temporary_return: () => 'Trở về sinh hoạt tại chi bộ chính thức',
    exempted: (p) => `Miễn công tác và sinh hoạt đảng${p.detail.reason ? ` (lý do: ${p.detail.reason})` : ''}`,
    exemption_ended: () => 'Thôi miễn công tác và sinh hoạt đảng',
    discipline: (p) => `Kỷ luật: ${disciplineNames.vi[p.detail.form ?? ''] ?? p.detail.form ?? ''}`,
    removed: () => 'Xóa tên khỏi danh sách đảng viên',
    expelled: () => 'Khai trừ ra khỏi Đảng',
    died: () => 'Từ trần',
  },
  en: {
    admitted: (p) => `Admitted to the Party in ${p.cell}`,
    record_opened: (p) => `Record opened, member of ${p.cell} (admitted ${day(p.detail.admittedOn)}${p.detail.fullMemberSince ? `, full member ${day(p.detail.fullMemberSince)}` : ''})`,
    recognised: (p) => `Recognised as a full member${p.detail.fullMemberSince ? ` from ${day(p.detail.fullMemberSince)}` : ''}`,
    recognition_postponed: (p) => `Recognition postponed to ${day(p.detail.newDueDate)}`,
    not_recognised: () => 'Not recognised as a full member (removed)',
    transfer_out: (p) => `Permanent transfer to ${p.cell || p.destination}`,
    transfer_in: (p) => `Arrived in ${p.cell}`,
    temporary_transfer_out: (p) => `Temporary transfer to ${p.cell || p.destination}`,
    temporary_return: () => 'Back in the home cell',
    exempted: (p) => `Exempted from party work and activities${p.detail.reason ? ` (reason: ${p.detail.reason})` : ''}`,
    exemption_ended: () => 'Exemption ended',
    discipline: (p) => `Discipline: ${disciplineNames.en[p.detail.form ?? ''] ?? p.detail.form ?? ''}`,
    removed: () => 'Removed from the rolls',
    expelled: () => 'Expelled from the Party',
    died: () => 'Died',
  },
};

const maskedValue = '••••';

const strings = (value: unknown): Readonly<Record<string, string>> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** A history entry with a sentence in the reader's language; an exemption's reason (often health) only for viewers of sensitive data. */
export function presentEvent(row: EventRow, names: ReadonlyMap<string, string>, locale: Locale, seeSensitive: boolean): MemberView['events'][number] {
  const kind = memberEventKind.parse(row.kind);
  const detail = strings(row.detail);
  const shown = seeSensitive || detail.reason === undefined ? detail : { ...detail, reason: maskedValue };
  const parts = { cell: row.cell_id ? names.get(row.cell_id) ?? '' : '', destination: row.destination ?? '', detail: shown, locale };
  return {
    id: row.id,
    kind,
    date: row.effective_date,
    sentence: sentences[locale][kind](parts),
    documentNumber: row.document_number,
    note: row.note,
    enteredBy: row.entered_by_name,
    enteredAt: new Date(row.entered_at).toISOString(),
  };
}


/** The full record; sensitive fields masked unless the viewer may see them. */
export function presentMember(
  row: MemberRecordRow,
  extra: { events: MemberView['events']; names: ReadonlyMap<string, string>; seeSensitive: boolean; allowedEvents: MemberEventKind[] },
): MemberView {
  const ref = (id: string | null) => (id ? { id, name: extra.names.get(id) ?? '' } : null);
  const mask = (value: string | null) => (extra.seeSensitive || value === null ? value : maskedValue);
  return {
    id: row.id,
    fields: {
      fullName: row.full_name,
      otherNames: row.other_names,
      sex: sex.parse(row.sex),
      birthDate: row.birth_date,
      birthPlace: row.birth_place,
      homeTown: row.home_town,
      residence: row.residence,
      ethnicity: row.ethnicity,
      religion: mask(row.religion),
      citizenId: mask(row.citizen_id),
      educationGeneral: row.education_general,
      educationProfessional: row.education_professional,
      politicalTheory: row.political_theory === null ? null : politicalTheory.parse(row.political_theory),
      occupation: row.occupation,
      cardNumber: row.card_number,
      historyNumber: row.history_number,
      positions: row.positions,
      awards: row.awards,
      disciplineNote: row.discipline_note,
    },
    masked: extra.seeSensitive ? [] : ['citizenId', 'religion'],
    status: memberStatus.parse(row.status),
    exempted: row.exempted,
    cell: ref(row.cell_id),
    homeCell: ref(row.home_cell_id) ?? { id: row.home_cell_id, name: '' },
    transitTo: ref(row.transit_to_cell_id),
    temporaryAt: ref(row.temporary_cell_id),
    admissionDate: row.admission_date,
    fullMemberDate: row.full_member_date,
    probationEndsOn: row.probation_ends_on,
    rowVersion: row.row_version,
    events: extra.events,
    allowedEvents: extra.allowedEvents,
  };
}
