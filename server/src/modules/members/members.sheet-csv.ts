/**
 * Streaming CSV reading: bytes → text in the detected character set → records (RFC 4180:
 * quoted fields with embedded newlines and doubled quotes, CRLF or LF), one chunk at a
 * time, so that a file of a million rows is never held in memory. platform/csv.ts parses a
 * whole string; this one keeps the unfinished record between chunks.
 */
import { detectCsvEncoding } from './members.sheet-encoding.ts';
import { fatal, type SheetFatal, type SheetRecord } from './members.sheet-types.ts';

/** A record longer than this is refused: most likely a quote that is never closed. */
export const MAX_RECORD_CHARS = 1_000_000;
export const MAX_FIELDS = 1_000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Complete records at the start of `text`, and the unfinished rest (more data may complete it). */
export function parseCsvRecords(text: string, delimiter: string, final: boolean): { readonly records: string[][]; readonly rest: string } {
  const records: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const endOfField = (from: number): number => {
    let e = from;
    while (e < n) {
      const c = text.charCodeAt(e);
      if (c === d || c === LF || c === CR) break;
      e += 1;
    }
    return e;
  };
  let pos = 0;
  while (pos < n) {
    const start = pos;
    const fields: string[] = [];
    let p = pos;
    for (;;) {
      let value = '';
      if (p < n && text.charCodeAt(p) === QUOTE) {
        let q = p + 1;
        for (;;) {
          const close = text.indexOf('"', q);
          if (close === -1) {
            if (!final) return { records, rest: text.slice(start) };
            // An unclosed quote at the end of the file: the rest is the field, as Excel reads it.
            value += text.slice(q);
            p = n;
            break;
          }
          if (close + 1 >= n && !final) return { records, rest: text.slice(start) };
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(q, close + 1);
            q = close + 2;
            continue;
          }
          value += text.slice(q, close);
          p = close + 1;
          break;
        }
        // Characters between the closing quote and the delimiter are kept, as Excel does.
        const e = endOfField(p);
        value += text.slice(p, e);
        p = e;
      } else {
        const e = endOfField(p);
        value = text.slice(p, e);
        p = e;
      }
      fields.push(value);
      if (p >= n) {
        if (!final) return { records, rest: text.slice(start) };
        break;
      }
      const c = text.charCodeAt(p);
      if (c === d) {
        p += 1;
        continue;
      }
      if (c === CR) {
        if (p + 1 >= n && !final) return { records, rest: text.slice(start) };
        p += text.charCodeAt(p + 1) === LF ? 2 : 1;
      } else p += 1;
      break;
    }
    records.push(fields);
    pos = p;
  }
  return { records, rest: '' };
}

/**
 * The delimiter of the file from its first line (',' or ';' — Excel on a Vietnamese
 * Windows writes ';' — or a tab), and how many characters to skip for Excel's "sep=;"
 * line. Null while the first line is not complete.
 */
export function detectDelimiter(text: string, final: boolean): { readonly delimiter: string; readonly skip: number } | null {
  const newline = text.indexOf('\n');
  if (newline === -1 && !final) return null;
  const line = newline === -1 ? text : text.slice(0, newline);
  const sep = /^sep=(.)\r?$/i.exec(line);
  if (sep !== null) return { delimiter: sep[1] ?? ',', skip: newline === -1 ? text.length : newline + 1 };
  const unquoted = line.replace(/"[^"]*"/g, '');
  const count = (ch: string) => unquoted.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((ch) => ({ ch, n: count(ch) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return { delimiter: best.ch, skip: 0 };
}

function record(row: number, cells: readonly string[]): SheetRecord {
  return { kind: 'record', row, cells, cellProblems: [] };
}

function tooLong(row: number): SheetFatal {
  return fatal({ code: 'too_large', message: `Dòng ${row} của tệp CSV quá dài (hơn ${MAX_RECORD_CHARS.toLocaleString('vi-VN')} ký tự hoặc ${MAX_FIELDS} cột); có thể thiếu dấu ngoặc kép (") đóng` });
}

/**
 * The records of a CSV file, read chunk by chunk from `source` (whose first chunk is the
 * file's start, used to detect the character set). Row numbers count records, as Excel
 * shows them; a fatal item ends the stream.
 */
export async function* readCsvRecords(head: Uint8Array, source: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRecord | SheetFatal> {
  const decision = detectCsvEncoding(head);
  if (!decision.ok) {
    yield fatal(decision.failure);
    return;
  }
  // The BOM is dropped by the decoder; Windows-1258 is single-byte, so only UTF-8/16 can be malformed.
  const decoder = new TextDecoder(decision.encoding, { fatal: decision.encoding !== 'windows-1258' });
  let carry = '';
  let delimiter: string | null = null;
  let row = 0;
  const invalid = () =>
    fatal({
      code: 'encoding',
      encoding: 'invalid_utf8',
      message: `Tệp CSV có đoạn không đúng mã ${decision.encoding.toUpperCase()} (sau dòng ${row}); hãy lưu lại từ Excel dạng "CSV UTF-8 (Comma delimited)"`,
    });

  const take = function* (final: boolean): Generator<SheetRecord | SheetFatal> {
    if (delimiter === null) {
      const found = detectDelimiter(carry, final);
      if (found === null) {
        if (carry.length > MAX_RECORD_CHARS) yield tooLong(1);
        return;
      }
      delimiter = found.delimiter;
      carry = carry.slice(found.skip);
    }
    const { records, rest } = parseCsvRecords(carry, delimiter, final);
    carry = rest;
    for (const cells of records) {
      row += 1;
      if (cells.length > MAX_FIELDS) {
        yield tooLong(row);
        return;
      }
      yield record(row, cells);
    }
    if (carry.length > MAX_RECORD_CHARS) yield tooLong(row + 1);
  };

  const chunks = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch {
        yield fatal({ code: 'unreadable', message: 'Không đọc hết được tệp tải lên' });
        return;
      }
      if (next.done === true) break;
      try {
        carry += decoder.decode(next.value, { stream: true });
      } catch {
        yield invalid();
        return;
      }
      for (const item of take(false)) {
        yield item;
        if (item.kind === 'fatal') return;
      }
    }
    try {
      carry += decoder.decode();
    } catch {
      yield invalid();
      return;
    }
    for (const item of take(true)) {
      yield item;
      if (item.kind === 'fatal') return;
    }
  } finally {
    await chunks.return?.();
  }
}
