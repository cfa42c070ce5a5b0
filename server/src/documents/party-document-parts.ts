/**
 * The Word layout of a Party document (Hướng dẫn 36-HD/VPTW). docx is passed in by
 * buildPartyDocument, which loads it lazily; nothing here imports it at run time.
 */
import type * as Docx from 'docx';
import type { Block, CellValue, PartyDocumentInput, TableColumn } from './party-document.ts';
import { cellText, formatPartyDate, recipientLines } from './party-document-text.ts';

type D = typeof Docx;
type Align = 'left' | 'right' | 'center' | 'both';

export const font = 'Times New Roman';
/** A4 in twips. */
export const pageSize = { width: 11906, height: 16838 };
/** 36-HD/VPTW allows top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the smallest leave tables the most room. */
export const margins = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
export const contentWidth = pageSize.width - margins.left - margins.right;

/** First-line indent of body text: 1 cm, inside the 1–1.27 cm of 36-HD/VPTW. */
const indent = 567;
/** Room for the signature and the seal between the title and the name. */
const signatureSpace = 1680;
/** The header and the signature block split the text width 45/55: the place-and-date line is the longest. */
const leftWidth = Math.round(contentWidth * 0.45);
const rightWidth = contentWidth - leftWidth;

interface TextStyle {
  /** Points; docx wants half-points. */
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

interface ParagraphStyle extends TextStyle {
  readonly align: Align;
  readonly before?: number;
  readonly after?: number;
  readonly firstLine?: boolean;
  readonly keepNext?: boolean;
  readonly outlineLevel?: number;
}

function upper(text: string): string {
  return text.trim().toLocaleUpperCase('vi');
}

function run(d: D, text: string, style: TextStyle): Docx.TextRun {
  return new d.TextRun({
    text,
    font,
    size: style.size * 2,
    // Only what is set is written, so a run inherits the rest instead of repeating "not bold".
    bold: style.bold === true ? true : undefined,
    italics: style.italic === true ? true : undefined,
    underline: style.underline ? { type: d.UnderlineType.SINGLE } : undefined,
  });
}

function paragraph(d: D, text: string, style: ParagraphStyle): Docx.Paragraph {
  return new d.Paragraph({
    alignment: style.align,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 288 },
    indent: style.firstLine ? { firstLine: indent } : undefined,
    keepNext: style.keepNext,
    outlineLevel: style.outlineLevel,
    children: text === '' ? [] : [run(d, text, style)],
  });
}

/** One paragraph per line, so that text with line breaks keeps them. */
function lines(d: D, text: string, style: ParagraphStyle): Docx.Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => paragraph(d, l, style));
}

function spacer(d: D): Docx.Paragraph {
  return paragraph(d, '', { size: 14, align: 'left', after: 120 });
}

function cell(d: D, width: number, children: readonly Docx.Paragraph[], options: { readonly padded?: boolean } = {}): Docx.TableCell {
  return new d.TableCell({
    width: { size: width, type: d.WidthType.DXA },
    // Figures sit in the middle of their row; the header and signature columns line up at the top.
    verticalAlign: options.padded ? d.VerticalAlignTable.CENTER : d.VerticalAlignTable.TOP,
    margins: options.padded ? { left: 80, right: 80, top: 30, bottom: 30 } : { left: 0, right: 0, top: 0, bottom: 0 },
    // A cell must end with a paragraph, even an empty one.
    children: children.length > 0 ? children : [new d.Paragraph({})],
  });
}

function layoutTable(d: D, rows: readonly Docx.TableRow[], widths: readonly number[], borders: Docx.ITableBordersOptions): Docx.Table {
  return new d.Table({
    width: { size: contentWidth, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    borders,
    rows,
  });
}

/** Left: parent body, issuing body, "*", number; right: "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date on the number's line. */
export function headerTable(d: D, input: PartyDocumentInput): Docx.Table {
  const center: ParagraphStyle = { size: 14, align: 'center' };
  const issuer = [
    ...(input.parentBody && input.parentBody.trim() !== '' ? lines(d, upper(input.parentBody), center) : []),
    ...lines(d, upper(input.issuingBody), { ...center, bold: true }),
    paragraph(d, '*', center),
  ];
  // A draft has no number yet: the clerk writes it by hand when the document is issued.
  const number = [paragraph(d, `Số ${input.number?.trim() || '\u00a0'.repeat(12)}`, center)];
  if (input.typeName === undefined || input.typeName.trim() === '') {
    number.push(paragraph(d, `V/v ${input.subject.trim()}`, { size: 12, italic: true, align: 'center', before: 60 }));
  }
  const party = [paragraph(d, 'ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true, underline: true, align: 'center' })];
  const date = [paragraph(d, formatPartyDate(input.place, input.date), { size: 14, italic: true, align: 'center' })];
  const topRow = new d.TableRow({ children: [cell(d, leftWidth, issuer), cell(d, rightWidth, party)] });
  const numberRow = new d.TableRow({ children: [cell(d, leftWidth, number), cell(d, rightWidth, date)] });
  return layoutTable(d, [topRow, numberRow], [leftWidth, rightWidth], d.TableBorders.NONE);
}

/** Type name and subject, centred, closed by the short dashed line; a công văn has neither (its subject is in the header). */
export function titleBlock(d: D, input: PartyDocumentInput): Docx.Paragraph[] {
  if (input.typeName === undefined || input.typeName.trim() === '') return [spacer(d)];
  return [
    paragraph(d, upper(input.typeName), { size: 16, bold: true, align: 'center', before: 360, keepNext: true }),
    ...lines(d, input.subject, { size: 14, bold: true, align: 'center', keepNext: true }),
    paragraph(d, '-----', { size: 14, align: 'center', after: 240 }),
  ];
}

const body: ParagraphStyle = { size: 14, align: 'both', firstLine: true, after: 120 };

/** The Word elements of one body block. */
export function bodyBlock(d: D, block: Block): Docx.FileChild[] {
  switch (block.kind) {
    case 'paragraph':
      return lines(d, block.text, { ...body, bold: block.bold, italic: block.italic });
    case 'heading':
      return lines(d, block.text, { ...body, bold: true, before: 120, keepNext: true, outlineLevel: block.level - 1 });
    case 'list':
      // Party documents mark list items with a dash at the paragraph indent, not with Word bullets.
      return block.items.flatMap((item) => lines(d, `- ${item.trim().replace(/^[-–•+]\s*/u, '')}`, body));
    case 'table':
      return [
        ...(block.caption ? lines(d, block.caption, { size: 14, bold: true, align: 'center', after: 120, keepNext: true }) : []),
        dataTable(d, block.columns, block.rows, block.totalRow),
        // Two tables in a row would merge into one; the spacer also keeps the text off the table.
        spacer(d),
      ];
  }
}

/** Integer twips per column, in proportion to the weights, adding up to the text width exactly. */
function columnWidths(columns: readonly TableColumn[]): number[] {
  const weights = columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((contentWidth * w) / total));
  const rest = contentWidth - widths.reduce((a, b) => a + b, 0);
  return widths.map((w, i) => (i === widths.length - 1 ? w + rest : w));
}

const tableText = 13;

function dataRow(d: D, columns: readonly TableColumn[], widths: readonly number[], values: readonly CellValue[], bold: boolean): Docx.TableRow {
  return new d.TableRow({
    cantSplit: true,
    children: columns.map((column, i) => {
      const value = values[i] ?? null;
      const align = column.align ?? (typeof value === 'number' ? 'right' : 'left');
      return cell(d, widths[i] ?? 0, lines(d, cellText(value, column.decimals), { size: tableText, bold, align }), { padded: true });
    }),
  });
}

function dataTable(d: D, columns: readonly TableColumn[], rows: readonly (readonly CellValue[])[], totalRow: readonly CellValue[] | undefined): Docx.Table {
  const widths = columnWidths(columns);
  const header = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(d, widths[i] ?? 0, lines(d, c.title, { size: tableText, bold: true, align: 'center' }), { padded: true })),
  });
  const body = rows.map((r) => dataRow(d, columns, widths, r, false));
  const total = totalRow ? [dataRow(d, columns, widths, totalRow, true)] : [];
  const line = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
  return layoutTable(d, [header, ...body, ...total], widths, borders);
}

/** Recipients on the left ("Nơi nhận:" 14 underlined, the list in 12), the signature centred on the right. */
export function signatureTable(d: D, input: PartyDocumentInput): Docx.Table {
  const listed = recipientLines(input.recipients);
  const recipients = listed.length === 0 ? [] : [paragraph(d, 'Nơi nhận:', { size: 14, underline: true, align: 'left', before: 120 }), ...listed.map((r) => paragraph(d, r, { size: 12, align: 'left' }))];
  const { authority, title, name } = input.signature;
  const signer: ParagraphStyle = { size: 14, bold: true, align: 'center', keepNext: true };
  const hasAuthority = authority !== undefined && authority.trim() !== '';
  const signature = [
    ...(hasAuthority ? [paragraph(d, upper(authority), { ...signer, before: 120 })] : []),
    paragraph(d, upper(title), { ...signer, before: hasAuthority ? 0 : 120 }),
    paragraph(d, name.trim(), { size: 14, bold: true, align: 'center', before: signatureSpace }),
  ];
  const row = new d.TableRow({ cantSplit: true, children: [cell(d, leftWidth, recipients), cell(d, rightWidth, signature)] });
  return layoutTable(d, [row], [leftWidth, rightWidth], d.TableBorders.NONE);
}

/** Page numbers at the top centre from the second page on; the first page (with the header) has none. */
export function pageHeaders(d: D): { readonly default: Docx.Header; readonly first: Docx.Header } {
  const number = new d.TextRun({ children: [d.PageNumber.CURRENT], font, size: 28 });
  return {
    default: new d.Header({ children: [new d.Paragraph({ alignment: 'center', children: [number] })] }),
    first: new d.Header({ children: [new d.Paragraph({})] }),
  };
}
