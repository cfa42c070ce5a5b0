import type ExcelJS from 'exceljs';
import { parseCsv } from '../platform/csv.ts';

export type SheetFormat = 'xlsx' | 'csv';

/** exceljs is large; it is loaded on the first spreadsheet, not at start-up. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** One data row of an uploaded table: its row number in the file and its cells by column index. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export interface SheetProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface ReadSheet {
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
  readonly problems: readonly SheetProblem[];
}

/** Refuses text that is not UTF-8 (Windows-1258 or TCVN3 files), naming the likely cause. */
function decodeUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text of an Excel cell; formulas are never evaluated (reported instead). */
function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (value instanceof Date) return { text: isoDate(value), formula: false };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { text: '', formula: true };
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in value) return { text: String(value.text), formula: false };
    if ('error' in value) return { text: '', formula: false };
  }
  return { text: String(value), formula: false };
}

/** Reads the first sheet of an .xlsx file or a UTF-8 CSV file into a header row and data rows. */
export async function readSheet(buffer: Buffer, format: SheetFormat): Promise<ReadSheet> {
  if (format === 'csv') {
    const text = decodeUtf8(buffer);
    if (text === null) {
      return { headers: [], rows: [], problems: [{ row: 0, column: '', message: 'Tệp CSV không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); hãy lưu lại dạng "CSV UTF-8"' }] };
    }
    const delimiter = (text.split('\n')[0] ?? '').split(';').length > (text.split('\n')[0] ?? '').split(',').length ? ';' : ',';
    const [header, ...rest] = parseCsv(text, delimiter);
    return { headers: (header ?? []).map((h) => h.trim()), rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => unguard(c.trim())) })), problems: [] };
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { headers: [], rows: [], problems: [{ row: 0, column: '', message: 'Không đọc được tệp Excel (.xlsx); tệp hỏng hoặc sai định dạng' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [], problems: [{ row: 0, column: '', message: 'Tệp Excel không có trang tính nào' }] };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).text.trim()));
  const rows: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: string[] = [];
    for (let col = 1; col <= headers.length; col += 1) {
      const { text, formula } = cellText(row.getCell(col).value);
      if (formula) problems.push({ row: rowNumber, column: headers[col - 1] ?? String(col), message: 'Ô chứa công thức; hãy dán giá trị (công thức không được tính)' });
      cells.push(unguard(text.trim()));
    }
    if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  return { headers, rows, problems };
}

/** Undoes safeCell on the way back in, so that an exported file imports unchanged. */
function unguard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** A cell that a spreadsheet would take for a formula gets a leading apostrophe. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes a table as .xlsx (bold header, frozen first row) or UTF-8 CSV with BOM (opens in Excel). */
export async function writeSheet(title: string, headers: readonly string[], rows: readonly (readonly string[])[], format: SheetFormat): Promise<Buffer> {
  if (format === 'csv') {
    const lines = [headers, ...rows].map((r) => r.map((c) => csvField(safeCell(c))).join(','));
    return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow([...headers]).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map(safeCell));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
