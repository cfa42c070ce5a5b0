import ExcelJS from 'exceljs';

/** Opens .xlsx bytes (an HTTP answer, a file) with exceljs. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** The cell values of the first worksheet, row by row (without exceljs's empty first slot). */
export function firstSheetRows(workbook: ExcelJS.Workbook): unknown[][] {
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push(Array.isArray(row.values) ? row.values.slice(1) : []));
  return rows;
}
