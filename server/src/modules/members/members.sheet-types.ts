/**
 * Shapes shared by the member sheet reader, value parser and writer (import and export of
 * the member register). The reader yields a header item, then one item per data row, or a
 * fatal item that ends the stream (a file that cannot be imported at all).
 */
import type { SheetProblem } from '../../documents/spreadsheet.ts';
import type { MemberSheetKey } from './members.sheet-layout.ts';

export type { SheetProblem };

/** A cell as the file held it: CSV gives text; Excel also numbers, dates and true/false. */
export type SheetCellValue = string | number | boolean | Date | null;

/** The cells of one data row by column key; a column absent from the file has no entry. */
export type MemberSheetValues = Readonly<Partial<Record<MemberSheetKey, SheetCellValue>>>;

/** One data row: its row number in the file (as Excel shows it), its cells, and what was wrong while reading them. */
export interface RawRow {
  readonly kind: 'row';
  readonly row: number;
  readonly values: MemberSheetValues;
  /** Cells that could not be read as values (formulas, Excel error values); their value is null. */
  readonly problems: readonly SheetProblem[];
}

/** The header row, found and mapped; comes before the first data row. */
export interface SheetHeader {
  readonly kind: 'header';
  readonly row: number;
  /** The header texts as they were in the file. */
  readonly headers: readonly string[];
  /** The columns of the file that were recognised, in file order. */
  readonly keys: readonly MemberSheetKey[];
  /** Not fatal: unknown columns that will be ignored, and the like. */
  readonly warnings: readonly SheetProblem[];
}

/** Why a file cannot be imported at all. `message` is ready to show (Vietnamese). */
export type SheetFailure =
  | { readonly code: 'unsupported_format'; readonly message: string }
  | { readonly code: 'unreadable'; readonly message: string }
  | { readonly code: 'encoding'; readonly encoding: 'tcvn3' | 'unknown' | 'binary' | 'invalid_utf8'; readonly message: string }
  | { readonly code: 'empty'; readonly message: string }
  | { readonly code: 'too_large'; readonly message: string }
  | { readonly code: 'missing_columns'; readonly missing: readonly MemberSheetKey[]; readonly headerRow: number; readonly message: string }
  | {
      readonly code: 'duplicate_columns';
      readonly duplicates: readonly { readonly key: MemberSheetKey; readonly indexes: readonly number[] }[];
      readonly message: string;
    };

/** The last item of a stream that could not be read; no rows follow it. */
export interface SheetFatal {
  readonly kind: 'fatal';
  readonly failure: SheetFailure;
}

export type MemberSheetItem = SheetHeader | RawRow | SheetFatal;

/** One physical row of a sheet before the header is applied (internal to the readers). */
export interface SheetRecord {
  readonly kind: 'record';
  readonly row: number;
  readonly cells: readonly SheetCellValue[];
  /** Cells (by 0-based column index) that could not be read as values. */
  readonly cellProblems: readonly { readonly index: number; readonly message: string }[];
}

/** Bytes of an upload: a file on disk, a buffer, or a stream (a multipart upload). */
export type SheetInput = { readonly path: string } | { readonly buffer: Uint8Array } | { readonly stream: AsyncIterable<Uint8Array> };

/** A fatal item with the given failure. */
export function fatal(failure: SheetFailure): SheetFatal {
  return { kind: 'fatal', failure };
}
