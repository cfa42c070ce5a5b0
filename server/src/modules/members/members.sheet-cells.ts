/**
 * One cell of a member sheet → the value of its field, or a Vietnamese message naming the
 * column. Cells come from CSV (text) or Excel (also numbers, dates, true/false), and carry
 * what spreadsheets do to data: dates stored as serial numbers, leading zeros dropped from
 * card numbers typed into number cells, "12/12" turned into a date.
 */
import type { Locale, MemberFields, Sex } from '@tcxd/contract';
import { unguardCell } from '../../documents/cell-guard.ts';
import { formatDate, fromDayNumber, isIsoDate } from '../../rules/members/dates.ts';
import { looksLikeTcvn3, TCVN3_CELL_MESSAGE } from './members.sheet-encoding.ts';
import { type MemberSheetColumn, normalizeHeader } from './members.sheet-layout.ts';
import type { SheetCellValue } from './members.sheet-types.ts';

export type PoliticalTheory = NonNullable<MemberFields['politicalTheory']>;

export type CellResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

const TEXT_FORMAT_HINT = 'hãy định dạng cột là Văn bản (Text) rồi nhập lại';

/** Text of a cell, trimmed, in NFC (files from macOS carry decomposed accents); empty → null. */
export function parseTextCell(column: MemberSheetColumn, cell: SheetCellValue): CellResult<string | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean') return fail(`${column.vi}: ô chứa giá trị đúng/sai (TRUE/FALSE), không phải chữ`);
  if (cell instanceof Date) return fail(`${column.vi}: Excel đã tự đổi giá trị thành ngày tháng; ${TEXT_FORMAT_HINT}`);
  if (typeof cell === 'number') return ok(String(cell));
  const text = unguardCell(cell).trim().normalize('NFC');
  if (looksLikeTcvn3(text)) return fail(`${column.vi}: ${TCVN3_CELL_MESSAGE}`);
  return ok(text === '' ? null : text);
}

// Excel counts days from 1899-12-30 (serial 61 is 1900-03-01, after its fictitious 29-02-1900).
const EXCEL_EPOCH_DAY = -25569;
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
const MAX_SERIAL = 2958465; // 31-12-9999, Excel's last day

function pad2(n: string): string {
  return n.padStart(2, '0');
}

function dayFromParts(column: MemberSheetColumn, text: string, year: string, month: string, day: string): CellResult<string> {
  const y = Number(year);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`${column.vi}: năm ${year} không hợp lệ`);
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  return isIsoDate(iso) ? ok(iso) : fail(`${column.vi}: ngày "${text}" không có thật`);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A date as ISO 'yyyy-mm-dd' from dd/mm/yyyy (also with '-' or '.'), yyyy-mm-dd, an Excel date or an Excel serial number. */
export function parseDateCell(column: MemberSheetColumn, cell: SheetCellValue): CellResult<string | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean') return fail(`${column.vi}: ô chứa giá trị đúng/sai, không phải ngày`);
  if (cell instanceof Date) {
    // exceljs gives Excel dates as midnight UTC.
    if (Number.isNaN(cell.getTime())) return fail(`${column.vi}: ngày không hợp lệ`);
    const year = String(cell.getUTCFullYear());
    const month = String(cell.getUTCMonth() + 1);
    const day = String(cell.getUTCDate());
    return dayFromParts(column, `${day}/${month}/${year}`, year, month, day);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 61 || cell > MAX_SERIAL) return fail(`${column.vi}: số ${cell} không phải ngày; nhập dạng ngày/tháng/năm, ví dụ 02/09/1975`);
    const iso = fromDayNumber(Math.floor(cell) + EXCEL_EPOCH_DAY);
    return dayFromParts(column, String(cell), iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10));
  }
  const text = cell.trim();
  if (text === '') return ok(null);
  const ymd = YMD.exec(text);
  if (ymd !== null) return dayFromParts(column, text, ymd[1] ?? '', ymd[2] ?? '', ymd[3] ?? '');
  const dmy = DMY.exec(text);
  if (dmy !== null) {
    const year = dmy[3] ?? '';
    if (year.length !== 4) return fail(`${column.vi}: "${text}" phải ghi năm đủ 4 chữ số, ví dụ 02/09/1975`);
    return dayFromParts(column, text, year, dmy[2] ?? '', dmy[1] ?? '');
  }
  return fail(`${column.vi}: "${text}" không phải ngày; nhập dạng ngày/tháng/năm, ví dụ 02/09/1975`);
}

const sexWords: ReadonlyMap<string, Sex> = new Map([
  ['nam', 'male'],
  ['male', 'male'],
  ['nu', 'female'],
  ['female', 'female'],
]);

/** 'Nam'/'Nữ' (any case, with or without accents) or 'Male'/'Female'. */
export function parseSexCell(column: MemberSheetColumn, cell: SheetCellValue): CellResult<Sex | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
  const sex = typeof cell === 'string' ? sexWords.get(normalizeHeader(cell)) : undefined;
  return sex === undefined ? fail(`${column.vi}: "${String(cell)}" không hợp lệ; nhập Nam hoặc Nữ`) : ok(sex);
}

const theoryWords: readonly (readonly [string, PoliticalTheory])[] = [
  ['socap', 'so_cap'],
  ['trungcap', 'trung_cap'],
  ['caocap', 'cao_cap'],
  ['cunhan', 'cu_nhan'],
  ['elementary', 'so_cap'],
  ['intermediate', 'trung_cap'],
  ['advanced', 'cao_cap'],
  ['bachelor', 'cu_nhan'],
];

/** 'Sơ cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân' (also followed by words, e.g. 'Cao cấp LLCT'), or the English labels. */
export function parsePoliticalTheoryCell(column: MemberSheetColumn, cell: SheetCellValue): CellResult<PoliticalTheory | null> {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
  const normal = typeof cell === 'string' ? normalizeHeader(cell) : '';
  const found = theoryWords.find(([word]) => normal.startsWith(word));
  return found === undefined ? fail(`${column.vi}: "${String(cell)}" không hợp lệ; nhập Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân`) : ok(found[1]);
}

/**
 * A number written as a fixed count of digits (card number: 8, citizen id: 12), kept as
 * text. A number cell that is too short lost its leading zeros in Excel: refused with the
 * fix, since padding would guess.
 */
export function parseDigitsCell(column: MemberSheetColumn, cell: SheetCellValue, digits: number): CellResult<string | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'boolean' || cell instanceof Date) return fail(`${column.vi}: phải là dãy ${digits} chữ số`);
  if (typeof cell === 'number') {
    const text = Number.isSafeInteger(cell) && cell >= 0 ? String(cell) : null;
    if (text === null) return fail(`${column.vi}: ${cell} không phải dãy ${digits} chữ số; ${TEXT_FORMAT_HINT}`);
    if (text.length < digits) {
      return fail(`${column.vi}: ${text} chỉ có ${text.length} chữ số, Excel đã bỏ các số 0 ở đầu vì ô có định dạng số; ${TEXT_FORMAT_HINT}`);
    }
    return ok(text);
  }
  const text = unguardCell(cell).trim().replace(/\s+/g, '');
  if (text === '') return ok(null);
  if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(text)) {
    return fail(`${column.vi}: "${text}" đã bị Excel đổi sang dạng số khoa học và mất chữ số; ${TEXT_FORMAT_HINT}`);
  }
  if (/^\d+$/.test(text) && text.length < digits) {
    return fail(`${column.vi}: "${text}" chỉ có ${text.length} chữ số, cần đúng ${digits}; nếu số bắt đầu bằng 0, ${TEXT_FORMAT_HINT}`);
  }
  // Anything else is judged by the contract's schema (its message names the rule).
  return ok(text);
}

/** The value of a cell for its column, as the text the field schema takes (null when empty). */
export function parseCell(column: MemberSheetColumn, cell: SheetCellValue): CellResult<string | null> {
  switch (column.kind) {
    case 'text':
      return parseTextCell(column, cell);
    case 'date':
      return parseDateCell(column, cell);
    case 'sex':
      return parseSexCell(column, cell);
    case 'politicalTheory':
      return parsePoliticalTheoryCell(column, cell);
    case 'cardNumber':
      return parseDigitsCell(column, cell, 8);
    case 'citizenId':
      return parseDigitsCell(column, cell, 12);
  }
}

const sexLabels: Readonly<Record<Locale, Readonly<Record<Sex, string>>>> = {
  vi: { male: 'Nam', female: 'Nữ' },
  en: { male: 'Male', female: 'Female' },
};

const theoryLabels: Readonly<Record<Locale, Readonly<Record<PoliticalTheory, string>>>> = {
  vi: { so_cap: 'Sơ cấp', trung_cap: 'Trung cấp', cao_cap: 'Cao cấp', cu_nhan: 'Cử nhân' },
  en: { so_cap: 'Elementary', trung_cap: 'Intermediate', cao_cap: 'Advanced', cu_nhan: 'Bachelor' },
};

/** How a stored value is shown in an exported sheet (the inverse of parseCell); values already shown are kept. */
export function displayCell(column: MemberSheetColumn, value: string, locale: Locale): string {
  switch (column.kind) {
    case 'date':
      return isIsoDate(value) ? formatDate(value) : value;
    case 'sex':
      return value === 'male' || value === 'female' ? sexLabels[locale][value] : value;
    case 'politicalTheory': {
      const labels = theoryLabels[locale];
      return value === 'so_cap' || value === 'trung_cap' || value === 'cao_cap' || value === 'cu_nhan' ? labels[value] : value;
    }
    case 'text':
    case 'cardNumber':
    case 'citizenId':
      return value;
  }
}
