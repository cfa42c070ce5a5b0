/**
 * The columns of the member sheets: the member register (sổ danh sách đảng viên, Mẫu
 * 7-HSĐV) and the full-record sheet (the fields of the phiếu đảng viên, Mẫu 2-HSĐV, with
 * the cell and the admission dates). One table drives the import's header mapping and the
 * export's layout, so that an exported file imports unchanged.
 */
import type { MemberFields } from '@tcxd/contract';
import { normalizeSearch } from '../../platform/search-text.ts';

/** Column keys in the order of the full-record sheet. */
export const memberSheetKeys = [
  'fullName',
  'otherNames',
  'sex',
  'birthDate',
  'birthPlace',
  'homeTown',
  'residence',
  'ethnicity',
  'religion',
  'citizenId',
  'educationGeneral',
  'educationProfessional',
  'politicalTheory',
  'occupation',
  'admittedOn',
  'fullMemberSince',
  'cardNumber',
  'historyNumber',
  'cellCode',
  'cellName',
  'positions',
  'awards',
  'disciplineNote',
] as const;
export type MemberSheetKey = (typeof memberSheetKeys)[number];

// Every field of the contract's memberFields has a column (checked by the compiler).
type FieldsWithoutColumn = Exclude<keyof MemberFields, MemberSheetKey>;
const _everyFieldHasAColumn: [FieldsWithoutColumn] extends [never] ? true : never = true;

/** How a column's cells are read and written. */
export type MemberColumnKind = 'text' | 'date' | 'sex' | 'politicalTheory' | 'cardNumber' | 'citizenId';

export interface MemberSheetColumn {
  readonly key: MemberSheetKey;
  readonly vi: string;
  readonly en: string;
  readonly kind: MemberColumnKind;
  /**
   * A file without this column cannot be imported. fullName, sex and birthDate have no
   * default in memberFields; a record also needs the cell it belongs to and the admission
   * date (memberOpening). fullMemberSince stays optional: probationary members have none.
   */
  readonly required: boolean;
  /** Part of the member register (Mẫu 7-HSĐV); every column is part of the full-record sheet. */
  readonly register: boolean;
  /** Column width in the exported workbook (characters). */
  readonly width: number;
  /** Other header texts seen in registers kept by hand (compared without accents, case, spaces or punctuation). */
  readonly aliases: readonly string[];
}

type Row = readonly [MemberSheetKey, string, string, MemberColumnKind, 'required' | '', 'register' | '', number, readonly string[]];

const table: readonly Row[] = [
  ['fullName', 'Họ và tên', 'Full name', 'text', 'required', 'register', 28, ['Họ tên', 'Họ và tên khai sinh', 'Họ tên khai sinh', 'Họ và tên đảng viên', 'Name']],
  ['otherNames', 'Tên gọi khác', 'Other names', 'text', '', '', 18, ['Bí danh', 'Tên khác', 'Họ tên thường dùng']],
  ['sex', 'Giới tính', 'Sex', 'sex', 'required', 'register', 10, ['Nam/Nữ', 'Nam nữ', 'Phái', 'Gender']],
  ['birthDate', 'Ngày sinh', 'Date of birth', 'date', 'required', 'register', 13, ['Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Sinh ngày', 'Birth date', 'DOB']],
  ['birthPlace', 'Nơi sinh', 'Place of birth', 'text', '', '', 28, ['Nơi sinh ra']],
  ['homeTown', 'Quê quán', 'Home town', 'text', '', 'register', 28, ['Quê', 'Nguyên quán', 'Hometown']],
  ['residence', 'Nơi ở hiện nay', 'Residence', 'text', '', '', 32, ['Nơi ở hiện tại', 'Chỗ ở hiện nay', 'Nơi thường trú', 'Nơi cư trú', 'Địa chỉ', 'Address']],
  ['ethnicity', 'Dân tộc', 'Ethnicity', 'text', '', 'register', 11, ['Ethnic group']],
  ['religion', 'Tôn giáo', 'Religion', 'text', '', 'register', 12, []],
  [
    'citizenId',
    'Số định danh cá nhân',
    'Personal identification number',
    'citizenId',
    '',
    '',
    17,
    ['Số CCCD', 'CCCD', 'Số căn cước', 'Căn cước', 'Số căn cước công dân', 'Căn cước công dân', 'CMND/CCCD', 'Số CMND/CCCD', 'Mã định danh', 'Số định danh', 'Citizen ID'],
  ],
  ['educationGeneral', 'Trình độ giáo dục phổ thông', 'General education', 'text', '', 'register', 12, ['Giáo dục phổ thông', 'Trình độ văn hóa', 'Văn hóa', 'GDPT']],
  [
    'educationProfessional',
    'Chuyên môn nghiệp vụ',
    'Professional qualification',
    'text',
    '',
    'register',
    24,
    ['Trình độ chuyên môn', 'Trình độ chuyên môn nghiệp vụ', 'Chuyên môn'],
  ],
  ['politicalTheory', 'Lý luận chính trị', 'Political theory', 'politicalTheory', '', 'register', 14, ['Trình độ lý luận chính trị', 'LLCT', 'Trình độ LLCT']],
  ['occupation', 'Nghề nghiệp', 'Occupation', 'text', '', '', 20, ['Nghề nghiệp hiện nay', 'Nghề nghiệp bản thân']],
  ['admittedOn', 'Ngày vào Đảng', 'Admitted on', 'date', 'required', 'register', 13, ['Ngày kết nạp', 'Ngày kết nạp Đảng', 'Ngày kết nạp vào Đảng', 'Admission date']],
  ['fullMemberSince', 'Ngày chính thức', 'Full member since', 'date', '', 'register', 13, ['Ngày công nhận chính thức', 'Ngày được công nhận chính thức', 'Ngày trở thành đảng viên chính thức', 'Full membership date']],
  ['cardNumber', 'Số thẻ đảng viên', 'Party card number', 'cardNumber', '', 'register', 14, ['Số thẻ', 'Số thẻ ĐV', 'Số thẻ Đảng', 'Card number']],
  ['historyNumber', 'Số lý lịch', 'Personal history number', 'text', '', 'register', 13, ['Số LL', 'Số lý lịch đảng viên']],
  ['cellCode', 'Mã chi bộ', 'Cell code', 'text', 'required', 'register', 14, ['Mã CB', 'Mã tổ chức đảng']],
  ['cellName', 'Chi bộ', 'Cell', 'text', '', 'register', 28, ['Tên chi bộ', 'Sinh hoạt tại chi bộ', 'Cell name']],
  ['positions', 'Chức vụ', 'Positions', 'text', '', '', 24, ['Chức vụ hiện nay', 'Chức vụ Đảng, chính quyền, đoàn thể', 'Chức vụ đảng']],
  ['awards', 'Khen thưởng', 'Awards', 'text', '', '', 24, ['Danh hiệu, khen thưởng']],
  ['disciplineNote', 'Kỷ luật', 'Discipline', 'text', '', '', 24, ['Hình thức kỷ luật']],
];

export const memberSheetColumns: readonly MemberSheetColumn[] = table.map(([key, vi, en, kind, required, register, width, aliases]) => ({
  key,
  vi,
  en,
  kind,
  required: required === 'required',
  register: register === 'register',
  width,
  aliases,
}));

const byKey = new Map(memberSheetColumns.map((c) => [c.key, c]));

/** The column of a key. */
export function memberSheetColumn(key: MemberSheetKey): MemberSheetColumn {
  const column = byKey.get(key);
  if (column === undefined) throw new Error(`unknown member sheet column ${key}`);
  return column;
}

/** The columns of the member register (Mẫu 7-HSĐV), in the order of the full-record sheet. */
export const memberRegisterKeys: readonly MemberSheetKey[] = memberSheetColumns.filter((c) => c.register).map((c) => c.key);
export const memberRequiredKeys: readonly MemberSheetKey[] = memberSheetColumns.filter((c) => c.required).map((c) => c.key);

/** Header text compared without accents, case, spaces or punctuation: "Ngày, tháng, năm sinh" → "ngaythangnamsinh". */
export function normalizeHeader(text: string): string {
  return normalizeSearch(text).replace(/[^a-z0-9]/g, '');
}

/** Columns that are never data: row numbers, and the error columns of our own error report. */
const ignoredHeaders = new Set(['STT', 'TT', 'Số TT', 'Số thứ tự', 'No', '#', 'Lỗi', 'Errors', 'Dòng gốc', 'Source row'].map(normalizeHeader));

const keyByHeader = new Map<string, MemberSheetKey>();
for (const c of memberSheetColumns) {
  for (const text of [c.vi, c.en, c.key, ...c.aliases]) keyByHeader.set(normalizeHeader(text), c.key);
}

/** The key a header text names, 'ignored', or null when unknown. Remarks in brackets ("Ngày sinh (dd/mm/yyyy)") do not count. */
export function headerKey(header: string): MemberSheetKey | 'ignored' | null {
  const candidates = [header, header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')];
  for (const candidate of candidates) {
    const normal = normalizeHeader(candidate);
    if (ignoredHeaders.has(normal)) return 'ignored';
    const key = keyByHeader.get(normal);
    if (key !== undefined) return key;
  }
  return null;
}

export interface HeaderMapping {
  /** The key of each column of the file (null: ignored, unknown, empty, or a repeat). */
  readonly columns: readonly (MemberSheetKey | null)[];
  readonly missingRequired: readonly MemberSheetKey[];
  readonly unknown: readonly { readonly index: number; readonly header: string }[];
  /** Keys named by more than one column, with every such column (0-based). */
  readonly duplicates: readonly { readonly key: MemberSheetKey; readonly indexes: readonly number[] }[];
}

/** Maps the header texts of a file to column keys; the first of repeated columns is kept. */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const columns: (MemberSheetKey | null)[] = [];
  const unknown: { index: number; header: string }[] = [];
  const seen = new Map<MemberSheetKey, number[]>();
  headers.forEach((header, index) => {
    const key = header.trim() === '' ? 'ignored' : headerKey(header);
    if (key === null) unknown.push({ index, header: header.trim() });
    if (key === null || key === 'ignored') {
      columns.push(null);
      return;
    }
    const indexes = seen.get(key);
    columns.push(indexes === undefined ? key : null);
    seen.set(key, [...(indexes ?? []), index]);
  });
  return {
    columns,
    missingRequired: memberRequiredKeys.filter((k) => !seen.has(k)),
    unknown,
    duplicates: [...seen].filter(([, indexes]) => indexes.length > 1).map(([key, indexes]) => ({ key, indexes })),
  };
}

/** The spreadsheet letter of a 0-based column index (0 → A, 26 → AA), as users see it in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
