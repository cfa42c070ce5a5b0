/**
 * Streaming .xlsx reading with exceljs's WorkbookReader: rows of the first worksheet as
 * they are unzipped, never the whole workbook in memory (shared strings are cached, as
 * cells refer to them by index). Formulas are never evaluated: a formula cell is reported
 * even when the file carries its last result, since that result may be stale or crafted.
 *
 * Merged cells: the streaming reader does not expose merged ranges (Excel writes them after
 * the rows, and exceljs skips them), so a merged block reads as its value in the top-left
 * cell and empty cells elsewhere; a required column merged over several rows is therefore
 * reported as missing on the following rows, which points the user at the merged block.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { fatal, type SheetCellValue, type SheetFatal, type SheetRecord } from './members.sheet-types.ts';

/** Columns beyond this are ignored (no member sheet has that many; a hostile file might). */
export const MAX_XLSX_COLUMNS = 1_000;

export const FORMULA_MESSAGE = 'Ô chứa công thức; hãy sao chép và dán giá trị (Paste Values) thay cho công thức — công thức không được tính khi nhập';

/** exceljs is large; it is loaded on the first spreadsheet, not at start-up. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** The value of a cell as read, or why it cannot be used. */
export function xlsxCellValue(value: ExcelJS.CellValue): { readonly value: SheetCellValue; readonly problem: string | null } {
  if (value === null || value === undefined) return { value: null, problem: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { value, problem: null } : { value: null, problem: 'Ô chứa số không hợp lệ' };
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return { value, problem: null };
  // A dependent cell of a shared formula comes as { formula: '' } or { sharedFormula }: still a formula.
  if ('formula' in value || 'sharedFormula' in value) return { value: null, problem: FORMULA_MESSAGE };
  if ('error' in value) return { value: null, problem: `Ô có giá trị lỗi ${String(value.error)} của Excel` };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join(''), problem: null };
  if ('text' in value) return { value: String(value.text), problem: null };
  return { value: null, problem: 'Không đọc được giá trị của ô' };
}

function recordOf(row: ExcelJS.Row): SheetRecord {
  const cells: SheetCellValue[] = [];
  const cellProblems: { index: number; message: string }[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (col > MAX_XLSX_COLUMNS) return;
    const { value, problem } = xlsxCellValue(cell.value);
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
    if (problem !== null) cellProblems.push({ index: col - 1, message: problem });
  });
  return { kind: 'record', row: row.number, cells, cellProblems };
}

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  for await (const _row of rows) {
    // A sheet that is skipped is still read through: exceljs reads entries in order.
  }
}

/** Buffers for the unzipper; errors of the source are kept for the caller instead of breaking the pipe. */
function toReadable(source: AsyncIterable<Uint8Array>, onError: (error: unknown) => void): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of source) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } catch (error) {
      onError(error);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

const UNREADABLE = 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng';

/** The rows of the first worksheet of an .xlsx file (in workbook order), streamed; a fatal item ends the stream. */
export async function* readXlsxRecords(source: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRecord | SheetFatal> {
  const Excel = await loadExcel();
  let sourceError: unknown = null;
  const input = toReadable(source, (error) => (sourceError = error));
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell which numbers are dates; without them a date cell reads as a serial number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      const first = reader.model?.sheets?.[0]?.name;
      const name = 'name' in sheet ? sheet.name : undefined;
      if (first !== undefined && name !== undefined && name !== first) {
        await drain(sheet);
        continue;
      }
      found = true;
      for await (const row of sheet) yield recordOf(row);
      break;
    }
  } catch {
    yield fatal({ code: 'unreadable', message: UNREADABLE });
    return;
  } finally {
    input.destroy();
  }
  if (sourceError !== null) yield fatal({ code: 'unreadable', message: 'Không đọc hết được tệp tải lên' });
  else if (!found) yield fatal({ code: 'unsupported_format', message: 'Tệp nén này không phải tệp Excel (.xlsx): không có trang tính nào' });
}
