/**
 * A data row of a member sheet → the record to import, or every problem of the row by
 * column. Cells are read by members.sheet-cells.ts, fields are validated with the
 * contract's memberFields schema (the same as the form), and the dates, card number,
 * history number and citizen id with the regulation's field checks (member-fields.ts).
 */
import { type MemberFields, memberFields } from '@tcxd/contract';
import type { z } from 'zod';
import { type MemberField, validateMemberFields } from '../../rules/members/member-fields.ts';
import { parseCell } from './members.sheet-cells.ts';
import { type MemberSheetColumn, type MemberSheetKey, memberSheetColumn, memberSheetColumns, normalizeHeader } from './members.sheet-layout.ts';
import type { RawRow, SheetProblem } from './members.sheet-types.ts';

/** A row ready to import: the record's fields, the cell it belongs to (by code) and its admission dates. */
export interface MemberSheetRecord {
  readonly row: number;
  readonly fields: MemberFields;
  readonly cellCode: string;
  /** As written in the file; the service may compare it with the cell's name. */
  readonly cellName: string | null;
  readonly admittedOn: string;
  readonly fullMemberSince: string | null;
}

export type MemberRowResult =
  | { readonly ok: true; readonly record: MemberSheetRecord; readonly warnings: readonly SheetProblem[] }
  | { readonly ok: false; readonly row: number; readonly problems: readonly SheetProblem[]; readonly warnings: readonly SheetProblem[] };

export interface ParseMemberRowOptions {
  /** Dates after this day are refused (ISO); omitted, dates are not compared with today. */
  readonly today?: string;
}

type FieldKey = keyof MemberFields;
const fieldKeys: readonly FieldKey[] = memberSheetColumns.map((c) => c.key).filter((k): k is FieldKey => k in memberFields.shape);
const CELL_CODE_MAX = 40;

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Vietnamese for the schema's issues that have no message of their own. */
function zodMessage(column: MemberSheetColumn, issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `Chưa nhập ${lowerFirst(column.vi)}` : `${column.vi}: giá trị không hợp lệ`;
    case 'too_big':
      return `${column.vi}: dài quá ${String(issue.maximum)} ký tự`;
    case 'too_small':
      return `Chưa nhập ${lowerFirst(column.vi)}`;
    default:
      return `${column.vi}: giá trị không hợp lệ`;
  }
}

function problem(row: number, key: MemberSheetKey, message: string): SheetProblem {
  return { row, column: memberSheetColumn(key).vi, message };
}

/** Parses and validates one data row; every problem of the row is reported, not only the first. */
export function parseMemberRow(raw: RawRow, options: ParseMemberRowOptions = {}): MemberRowResult {
  const problems: SheetProblem[] = [...raw.problems];
  const warnings: SheetProblem[] = [];
  const unreadable = new Set(raw.problems.map((p) => p.column));
  const values = new Map<MemberSheetKey, string | null>();
  for (const column of memberSheetColumns) {
    const cell = raw.values[column.key];
    if (cell === undefined || unreadable.has(column.vi)) continue;
    const result = parseCell(column, cell);
    if (result.ok) values.set(column.key, result.value);
    else problems.push(problem(raw.row, column.key, result.message));
  }
  const failed = new Set(memberSheetColumns.filter((c) => unreadable.has(c.vi) || problems.some((p) => p.column === c.vi)).map((c) => c.key));

  // Fields of the record: an absent column takes the schema's default; an empty cell of a
  // required text field is '' so that the schema's own message ("Nhập họ và tên") is used.
  const input: Partial<Record<FieldKey, string | null>> = {};
  for (const key of fieldKeys) {
    if (failed.has(key) || !values.has(key)) continue;
    const value = values.get(key) ?? null;
    input[key] = value === null && (key === 'fullName' || key === 'ethnicity') ? '' : value;
    const column = memberSheetColumn(key);
    const result = memberFields.shape[key].safeParse(input[key], { error: (issue) => zodMessage(column, issue) });
    if (!result.success) {
      failed.add(key);
      for (const issue of result.error.issues) problems.push(problem(raw.row, key, issue.message));
    }
  }

  const cellCode = values.get('cellCode') ?? null;
  if (!failed.has('cellCode')) {
    if (cellCode === null) problems.push(problem(raw.row, 'cellCode', 'Chưa nhập mã chi bộ'));
    else if (cellCode.length > CELL_CODE_MAX) problems.push(problem(raw.row, 'cellCode', `Mã chi bộ: dài quá ${CELL_CODE_MAX} ký tự`));
  }
  const admittedOn = values.get('admittedOn') ?? null;
  if (admittedOn === null && !failed.has('admittedOn')) problems.push(problem(raw.row, 'admittedOn', 'Chưa nhập ngày vào Đảng'));
  const fullMemberSince = values.get('fullMemberSince') ?? null;

  // The regulation's checks, on the values that are well-formed (a bad value is reported once).
  const usable = (key: MemberField): string | null => (failed.has(key) ? null : (values.get(key) ?? null));
  const sex = failed.has('sex') ? null : (values.get('sex') ?? null);
  const checks = validateMemberFields(
    {
      historyNumber: usable('historyNumber'),
      citizenId: usable('citizenId'),
      sex: sex === 'male' || sex === 'female' ? sex : null,
      birthDate: usable('birthDate'),
      admittedOn: usable('admittedOn'),
      fullMemberSince: usable('fullMemberSince'),
    },
    options.today,
  );
  for (const issue of checks) (issue.severity === 'error' ? problems : warnings).push(problem(raw.row, issue.field, issue.vi));

  const parsed = memberFields.safeParse(input);
  if (problems.length > 0 || !parsed.success || cellCode === null || admittedOn === null) {
    const schemaProblems = parsed.success || problems.length > 0 ? [] : parsed.error.issues.map((i) => ({ row: raw.row, column: String(i.path[0] ?? ''), message: i.message }));
    return { ok: false, row: raw.row, problems: [...problems, ...schemaProblems], warnings };
  }
  return {
    ok: true,
    record: { row: raw.row, fields: parsed.data, cellCode, cellName: values.get('cellName') ?? null, admittedOn, fullMemberSince },
    warnings,
  };
}

/** A problem as one line for a person: "Ngày sinh: …" unless the message already names its column. */
export function formatProblem(p: SheetProblem): string {
  return p.column === '' || normalizeHeader(p.message).includes(normalizeHeader(p.column)) ? p.message : `${p.column}: ${p.message}`;
}
