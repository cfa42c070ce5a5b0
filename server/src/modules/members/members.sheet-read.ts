/**
 * Reading an uploaded member sheet (.xlsx or CSV) as a stream of rows: the file's kind is
 * checked from its first bytes, the header row is found and mapped, then each data row is
 * yielded as it is read, so that memory stays flat whatever the file's size. The caller
 * parses rows with parseMemberRow (members.sheet-values.ts) and stops when it wants.
 */
import { createReadStream } from 'node:fs';
import { checkSignature } from './members.sheet-encoding.ts';
import { readCsvRecords } from './members.sheet-csv.ts';
import { columnLetter, headerKey, type HeaderMapping, mapHeaders, type MemberSheetKey, memberRequiredKeys, memberSheetColumn } from './members.sheet-layout.ts';
import {
  fatal,
  type MemberSheetItem,
  type RawRow,
  type SheetCellValue,
  type SheetFatal,
  type SheetHeader,
  type SheetInput,
  type SheetProblem,
  type SheetRecord,
} from './members.sheet-types.ts';
import { readXlsxRecords } from './members.sheet-xlsx.ts';

export type { MemberSheetItem, RawRow, SheetFailure, SheetFatal, SheetHeader, SheetInput } from './members.sheet-types.ts';

const CHUNK = 64 * 1024;
/** Title rows (the form's heading, the unit's name) may stand above the header row. */
const HEADER_SEARCH_ROWS = 10;
const PROGRESS_EVERY = 1_000;

async function* chunksOf(input: SheetInput): AsyncGenerator<Uint8Array> {
  if ('path' in input) yield* createReadStream(input.path, { highWaterMark: CHUNK });
  else if ('buffer' in input) {
    for (let i = 0; i < input.buffer.length; i += CHUNK) yield input.buffer.subarray(i, i + CHUNK);
  } else yield* input.stream;
}

/** The first bytes of a source (for the signature and the character set) and the whole source again. */
async function peek(source: AsyncIterable<Uint8Array>, size: number): Promise<{ readonly head: Uint8Array; readonly all: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await it.next();
    if (next.done === true) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      if (head.length > 0) yield head;
      while (!done) {
        const next = await it.next();
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      // Stopping early closes the file.
      if (!done) await it.return?.();
    }
  }
  return { head, all: all() };
}

function headerText(cell: SheetCellValue | undefined): string {
  return typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
}

function isBlank(cell: SheetCellValue | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function recognised(texts: readonly string[]): number {
  return texts.filter((t) => {
    const key = headerKey(t);
    return key !== null && key !== 'ignored';
  }).length;
}

/**
 * A second header row under the first (Mẫu 7-HSĐV groups "Trình độ" over "Văn hóa",
 * "Chuyên môn", "LLCT"): its known headers replace the group titles above them. Null when
 * the row below is data.
 */
function subHeader(top: readonly string[], below: readonly string[]): readonly string[] | null {
  const filled = below.filter((t) => t !== '').length;
  const known = recognised(below);
  if (known < 2 || known * 2 < filled) return null;
  const width = Math.max(top.length, below.length);
  return Array.from({ length: width }, (_, i) => {
    const sub = below[i] ?? '';
    const key = headerKey(sub);
    return key !== null && key !== 'ignored' ? sub : (top[i] ?? '');
  });
}

/** The row of column numbers that forms print under the header ("1", "2", … or "(1)", "(2)", …). */
function isColumnNumbers(texts: readonly string[]): boolean {
  const numbers = texts.filter((t) => t !== '').map((t) => /^\(?(\d{1,3})\)?$/.exec(t)?.[1]);
  return numbers.length >= 3 && numbers.every((n, i) => n !== undefined && (i === 0 || Number(n) > Number(numbers[i - 1])));
}

function headerFailure(mapping: HeaderMapping, row: number): SheetFatal | null {
  if (mapping.missingRequired.length > 0) {
    const names = mapping.missingRequired.map((k) => `"${memberSheetColumn(k).vi}"`).join(', ');
    const required = memberRequiredKeys.map((k) => memberSheetColumn(k).vi).join(', ');
    return fatal({
      code: 'missing_columns',
      missing: mapping.missingRequired,
      headerRow: row,
      message: `Thiếu cột bắt buộc ${names} ở dòng tiêu đề (dòng ${row}). Tệp phải có các cột: ${required}.`,
    });
  }
  if (mapping.duplicates.length > 0) {
    const list = mapping.duplicates.map((d) => `"${memberSheetColumn(d.key).vi}" (các cột ${d.indexes.map(columnLetter).join(', ')})`).join('; ');
    return fatal({ code: 'duplicate_columns', duplicates: mapping.duplicates, message: `Có cột lặp lại: ${list}; hãy giữ lại một cột cho mỗi thông tin.` });
  }
  return null;
}

function rawRow(record: SheetRecord, columns: readonly (MemberSheetKey | null)[]): RawRow | null {
  const values: Partial<Record<MemberSheetKey, SheetCellValue>> = {};
  const problems: SheetProblem[] = [];
  let empty = true;
  columns.forEach((key, index) => {
    if (key === null) return;
    const cell = record.cells[index];
    values[key] = isBlank(cell) || cell === undefined ? null : cell;
    if (!isBlank(cell)) empty = false;
  });
  for (const p of record.cellProblems) {
    const key = columns[p.index];
    if (key === undefined || key === null) continue;
    problems.push({ row: record.row, column: memberSheetColumn(key).vi, message: p.message });
    empty = false;
  }
  return empty ? null : { kind: 'row', row: record.row, values, problems };
}

/** Finds the header among the first rows, then turns records into rows; see readMemberSheet. */
async function* assemble(records: AsyncIterable<SheetRecord | SheetFatal>, onProgress?: (rowsRead: number) => void): AsyncGenerator<MemberSheetItem> {
  const it = records[Symbol.asyncIterator]();
  try {
    const ahead: (SheetRecord | SheetFatal)[] = [];
    const next = async (): Promise<SheetRecord | SheetFatal | null> => {
      const item = ahead.shift();
      if (item !== undefined) return item;
      const r = await it.next();
      return r.done === true ? null : r.value;
    };

    // The header: the first of the first rows that names at least three known columns, else the first non-empty row.
    const candidates: SheetRecord[] = [];
    let header: SheetRecord | undefined;
    while (header === undefined && candidates.length < HEADER_SEARCH_ROWS) {
      const r = await it.next();
      if (r.done === true) break;
      if (r.value.kind === 'fatal') {
        yield r.value;
        return;
      }
      if (r.value.cells.every(isBlank)) continue;
      candidates.push(r.value);
      if (recognised(r.value.cells.map(headerText)) >= 3) header = r.value;
    }
    header ??= candidates[0];
    if (header === undefined) {
      yield fatal({ code: 'empty', message: 'Tệp không có dữ liệu' });
      return;
    }
    ahead.push(...candidates.slice(candidates.indexOf(header) + 1));

    let texts: readonly string[] = header.cells.map(headerText);
    let below = await next();
    while (below !== null && below.kind === 'record' && below.cells.every(isBlank)) below = await next();
    if (below !== null && below.kind === 'record') {
      const merged = subHeader(texts, below.cells.map(headerText));
      if (merged !== null) texts = merged;
      else ahead.unshift(below);
    } else if (below !== null) ahead.unshift(below);
    const numbers = await next();
    if (numbers !== null && (numbers.kind === 'fatal' || !isColumnNumbers(numbers.cells.map(headerText)))) ahead.unshift(numbers);

    const headerRow = header.row;
    const mapping = mapHeaders(texts);
    const failure = headerFailure(mapping, headerRow);
    if (failure !== null) {
      yield failure;
      return;
    }
    const keys = mapping.columns.filter((k): k is MemberSheetKey => k !== null);
    const warnings = mapping.unknown.map((u) => ({
      row: headerRow,
      column: u.header,
      message: `Cột "${u.header}" (cột ${columnLetter(u.index)}) không có trong mẫu, sẽ bỏ qua`,
    }));
    const headerItem: SheetHeader = { kind: 'header', row: headerRow, headers: texts, keys, warnings };
    yield headerItem;

    let read = 0;
    for (let item = await next(); item !== null; item = await next()) {
      if (item.kind === 'fatal') {
        yield item;
        return;
      }
      read += 1;
      if (onProgress !== undefined && read % PROGRESS_EVERY === 0) onProgress(read);
      const row = rawRow(item, mapping.columns);
      if (row !== null) yield row;
    }
    onProgress?.(read);
  } finally {
    // A caller that stops early closes the file.
    await it.return?.();
  }
}

/**
 * Reads a member sheet as a stream: first a `header` item (the header row and the columns
 * recognised), then one `row` item per non-empty data row, in file order. A file that
 * cannot be imported (wrong kind, unknown character set, missing or repeated required
 * columns, unreadable) yields a single `fatal` item with a message for the user, and
 * nothing after it. `onProgress` receives the count of data rows read, every thousand rows
 * and at the end. Only the first worksheet of a workbook is read.
 */
export async function* readMemberSheet(input: SheetInput, format: 'xlsx' | 'csv', onProgress?: (rowsRead: number) => void): AsyncGenerator<MemberSheetItem> {
  let opened: { readonly head: Uint8Array; readonly all: AsyncIterable<Uint8Array> };
  try {
    opened = await peek(chunksOf(input), CHUNK);
  } catch {
    yield fatal({ code: 'unreadable', message: 'Không đọc được tệp tải lên' });
    return;
  }
  const refused = checkSignature(opened.head, format);
  if (refused !== null) {
    yield fatal(refused);
    return;
  }
  const records = format === 'csv' ? readCsvRecords(opened.head, opened.all) : readXlsxRecords(opened.all);
  yield* assemble(records, onProgress);
}
