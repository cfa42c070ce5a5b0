/**
 * Writing member sheets (.xlsx) in the layout the import reads: the export of a filtered
 * list, and the error report of an import (the uploaded rows with a "Lỗi" column and the
 * faulty cells in light red). exceljs's streaming WorkbookWriter commits each row as it is
 * written, so a million-row export does not build the workbook in memory.
 */
import { PassThrough, type Writable } from 'node:stream';
import type { Locale } from '@tcxd/contract';
import type ExcelJS from 'exceljs';
import { safeCell } from '../../documents/spreadsheet.ts';
import { formatDate } from '../../rules/members/dates.ts';
import { displayCell } from './members.sheet-cells.ts';
import { headerKey, type MemberSheetColumn, type MemberSheetKey, memberSheetColumn, memberSheetKeys } from './members.sheet-layout.ts';
import type { MemberSheetValues, SheetCellValue, SheetProblem } from './members.sheet-types.ts';
import { formatProblem } from './members.sheet-values.ts';

export type MemberSheetWriteValue = string | number | Date | null;
/** A member as exported: stored values (ISO dates, 'male', 'so_cap', …) by column key. */
export type MemberSheetWriteRow = Readonly<Partial<Record<MemberSheetKey, MemberSheetWriteValue>>>;
export type RowSource<T> = AsyncIterable<T> | Iterable<T>;

export interface MemberSheetWriteOptions {
  readonly locale: Locale;
  /** The worksheet's name (Excel allows 31 characters). */
  readonly title?: string;
  /** Which columns, in order; the full-record sheet by default (memberRegisterKeys for Mẫu 7-HSĐV). */
  readonly columns?: readonly MemberSheetKey[];
}

/** An uploaded row with everything wrong with it, for the error report. */
export interface ErrorReportRow {
  readonly row: number;
  readonly values: MemberSheetValues;
  readonly problems: readonly SheetProblem[];
}

export interface ErrorReportOptions {
  /** The columns of the uploaded file (the header item's keys); all columns by default. */
  readonly columns?: readonly MemberSheetKey[];
  readonly title?: string;
}

type OutCell = string | number | null;

interface TableRow {
  readonly cells: readonly OutCell[];
  /** 0-based indexes of the cells to highlight. */
  readonly marked: readonly number[];
}

interface TableSpec {
  readonly title: string;
  readonly headers: readonly { readonly text: string; readonly width: number; readonly asText: boolean; readonly wrap?: boolean }[];
  /** Leading columns kept in view when scrolling right (the error column). */
  readonly frozenColumns: number;
  readonly rows: AsyncIterable<TableRow>;
}

const LIGHT_RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const YIELD_EVERY = 1_000;

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** A worksheet name Excel accepts: no []:*?/\ and at most 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

async function* each<T>(rows: RowSource<T>): AsyncGenerator<T> {
  yield* rows;
}

async function writeTable(output: Writable, spec: TableSpec): Promise<void> {
  const Excel = await loadExcel();
  // Styles are needed for the bold header, text formats and fills; shared strings would keep every text in memory.
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'TCXD';
  const sheet = workbook.addWorksheet(sheetName(spec.title), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: spec.frozenColumns }],
  });
  // '@' (Text) keeps leading zeros and dates as typed when the user edits the file and imports it again.
  sheet.columns = spec.headers.map((h) => ({
    width: h.width,
    style: { ...(h.asText ? { numFmt: '@' } : {}), ...(h.wrap === true ? { alignment: { wrapText: true, vertical: 'top' } } : {}) },
  }));
  const header = sheet.addRow(spec.headers.map((h) => h.text));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  header.commit();
  let count = 0;
  for await (const r of spec.rows) {
    const row = sheet.addRow([...r.cells]);
    for (const index of r.marked) row.getCell(index + 1).fill = LIGHT_RED;
    row.commit();
    count += 1;
    // Lets the zip stream drain between batches instead of queueing the whole sheet.
    if (count % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

async function collect(write: (output: Writable) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await write(output);
  await ended;
  return Buffer.concat(chunks);
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A value as it goes into a cell: shown as the import reads it, and never as a formula. */
function outCell(column: MemberSheetColumn, value: MemberSheetWriteValue | boolean | undefined, locale: Locale): OutCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : formatDate(isoOf(value));
  if (typeof value === 'number') return column.kind === 'cardNumber' || column.kind === 'citizenId' ? String(value) : value;
  return safeCell(displayCell(column, value, locale));
}

function headersOf(columns: readonly MemberSheetColumn[], locale: Locale): TableSpec['headers'] {
  return columns.map((c) => ({ text: locale === 'vi' ? c.vi : c.en, width: c.width, asText: c.kind !== 'text' || c.key === 'historyNumber' || c.key === 'cellCode' }));
}

/** Writes members as .xlsx to a stream (an HTTP response, a file); resolves when the workbook is complete. */
export async function writeMemberSheetTo(output: Writable, rows: RowSource<MemberSheetWriteRow>, options: MemberSheetWriteOptions): Promise<void> {
  const columns = (options.columns ?? memberSheetKeys).map(memberSheetColumn);
  const { locale } = options;
  async function* tableRows(): AsyncGenerator<TableRow> {
    for await (const row of each(rows)) yield { cells: columns.map((c) => outCell(c, row[c.key], locale)), marked: [] };
  }
  await writeTable(output, {
    title: options.title ?? (locale === 'vi' ? 'Danh sách đảng viên' : 'Party members'),
    headers: headersOf(columns, locale),
    frozenColumns: 0,
    rows: tableRows(),
  });
}

/**
 * Members as an .xlsx file in the layout of the import (bold frozen header, dates as
 * dd/mm/yyyy text, card numbers and citizen ids as text, formula-like text prefixed with an
 * apostrophe). For very large exports prefer writeMemberSheetTo, which does not buffer.
 */
export async function writeMemberSheet(rows: RowSource<MemberSheetWriteRow>, options: MemberSheetWriteOptions): Promise<Buffer> {
  return collect((output) => writeMemberSheetTo(output, rows, options));
}

function reportCell(column: MemberSheetColumn, value: SheetCellValue | undefined): OutCell {
  // The report shows what was uploaded, not a corrected value, so that the user fixes it in place.
  if (typeof value === 'string') return safeCell(value);
  return outCell(column, value, 'vi');
}

/** Writes the error report of an import to a stream; see writeErrorReport. */
export async function writeErrorReportTo(output: Writable, rows: RowSource<ErrorReportRow>, options: ErrorReportOptions = {}): Promise<void> {
  const columns = (options.columns ?? memberSheetKeys).map(memberSheetColumn);
  const indexOf = new Map(columns.map((c, i) => [c.key, i]));
  const markedCell = (p: SheetProblem): number | undefined => {
    const key = columns.find((c) => c.vi === p.column)?.key ?? headerKey(p.column);
    return key === null || key === 'ignored' ? undefined : indexOf.get(key);
  };
  async function* tableRows(): AsyncGenerator<TableRow> {
    for await (const r of each(rows)) {
      const marked = [...new Set(r.problems.map(markedCell).filter((i) => i !== undefined))].map((i) => i + 2);
      const errors = [...new Set(r.problems.map(formatProblem))].join('\n');
      yield { cells: [errors === '' ? null : errors, r.row, ...columns.map((c) => reportCell(c, r.values[c.key]))], marked: errors === '' ? marked : [0, ...marked] };
    }
  }
  await writeTable(output, {
    title: options.title ?? 'Báo cáo lỗi',
    headers: [{ text: 'Lỗi', width: 60, asText: false, wrap: true }, { text: 'Dòng gốc', width: 9, asText: false }, ...headersOf(columns, 'vi')],
    frozenColumns: 1,
    rows: tableRows(),
  });
}

/**
 * The error report of an import as .xlsx: every uploaded row given, with a first column
 * "Lỗi" listing each problem of the row ("column: message"), the original row number, then
 * the uploaded cells, the faulty ones in light red. It uses the import's layout, so the user
 * can correct it and import it again (the "Lỗi" and "Dòng gốc" columns are ignored then).
 */
export async function writeErrorReport(rows: RowSource<ErrorReportRow>, options: ErrorReportOptions = {}): Promise<Buffer> {
  return collect((output) => writeErrorReportTo(output, rows, options));
}
