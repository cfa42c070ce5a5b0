import type * as Docx from 'docx';
import { formatPartyDate } from './party-document-text.ts';
import { bodyBlock, font, headerTable, margins, pageHeaders, pageSize, signatureTable, titleBlock } from './party-document-parts.ts';

export { formatPartyDate, formatVietnameseNumber } from './party-document-text.ts';

/** A table cell: text as given, a number formatted the Vietnamese way, or null for an empty cell. */
export type CellValue = string | number | null;

export interface TableColumn {
  readonly title: string;
  /** Default: numbers right, text left. */
  readonly align?: 'left' | 'right' | 'center';
  /** Relative width (a share of the text width, default 1): [1, 4, 2] gives the second column half the table. */
  readonly width?: number;
  /** Fixed fraction digits of the numbers in this column (default: up to two). */
  readonly decimals?: number;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean; readonly italic?: boolean }
  /** Level 1 for "I- ..." sections, 2 for "1- ..." items; the caller writes the numbering and capitals. */
  | { readonly kind: 'heading'; readonly text: string; readonly level: 1 | 2 }
  | {
      readonly kind: 'table';
      readonly caption?: string;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly CellValue[])[];
      /** Printed bold after the rows, e.g. ['Tổng cộng', 1234, 56]. */
      readonly totalRow?: readonly CellValue[];
    }
  | { readonly kind: 'list'; readonly items: readonly string[] };

export interface PartySignature {
  /** "T/M BAN TỔ CHỨC", "K/T TRƯỞNG BAN"; absent when the signer signs in their own capacity. */
  readonly authority?: string;
  /** "PHÓ TRƯỞNG BAN", "TRƯỞNG BAN". */
  readonly title: string;
  readonly name: string;
}

export interface PartyDocumentInput {
  /** The body directly above the issuer, e.g. "BAN CHẤP HÀNH TRUNG ƯƠNG", "TỈNH ỦY HÀ GIANG". */
  readonly parentBody?: string;
  readonly issuingBody: string;
  /** Already formatted ("21-KL/TW", see formatPartyNumber); absent on a draft, leaving room to write it by hand. */
  readonly number?: string;
  readonly place: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** "BÁO CÁO", "THÔNG BÁO", "GIẤY MỜI"; absent for a công văn, whose subject goes under the number as "V/v ...". */
  readonly typeName?: string;
  readonly subject: string;
  readonly body: readonly Block[];
  readonly signature: PartySignature;
  readonly recipients: readonly string[];
}

/** Refuses input that would produce a broken document; these are programming errors, not user errors. */
function check(input: PartyDocumentInput): void {
  if (input.issuingBody.trim() === '') throw new RangeError('The issuing body is empty');
  if (input.subject.trim() === '') throw new RangeError('The subject is empty');
  if (input.signature.title.trim() === '' || input.signature.name.trim() === '') throw new RangeError('The signature needs a title and a name');
  formatPartyDate(input.place, input.date);
  for (const block of input.body) {
    if (block.kind !== 'table') continue;
    if (block.columns.length === 0) throw new RangeError('A table needs at least one column');
    for (const row of [...block.rows, ...(block.totalRow ? [block.totalRow] : [])]) {
      if (row.length !== block.columns.length) throw new RangeError(`A table row has ${row.length} cells for ${block.columns.length} columns`);
    }
    for (const column of block.columns) {
      if (column.width !== undefined && !(column.width > 0 && Number.isFinite(column.width))) throw new RangeError(`Bad column width: ${column.width}`);
    }
  }
}

/** docx is large; it is loaded on the first Word document, not at start-up. */
async function loadDocx(): Promise<typeof Docx> {
  return await import('docx');
}

/**
 * Builds a .docx in the Party document format of Hướng dẫn 36-HD/VPTW (2018): A4, Times New Roman,
 * the two-column header with "ĐẢNG CỘNG SẢN VIỆT NAM", number, place and date, type name and subject,
 * the body blocks, then recipients on the left and the signature on the right. Pages after the first
 * are numbered at the top centre. Throws RangeError on input that cannot make a valid document.
 */
export async function buildPartyDocument(input: PartyDocumentInput): Promise<Buffer> {
  check(input);
  const d = await loadDocx();
  const document = new d.Document({
    creator: 'TCXD',
    title: input.typeName ? `${input.typeName} ${input.subject}` : input.subject,
    styles: { default: { document: { run: { font, size: 28, language: { value: 'vi-VN' } } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: pageSize, margin: margins } },
        headers: pageHeaders(d),
        children: [headerTable(d, input), ...titleBlock(d, input), ...input.body.flatMap((b) => bodyBlock(d, b)), signatureTable(d, input)],
      },
    ],
  });
  return await d.Packer.toBuffer(document);
}
