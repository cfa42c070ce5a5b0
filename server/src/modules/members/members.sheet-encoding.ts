/**
 * What kind of file an upload is, and in which character set a CSV file is written.
 * Registers kept in Vietnam for decades come as Excel 97-2003 files, Windows-1258 CSV
 * (Excel's "CSV" on a Vietnamese Windows) and text in the TCVN3 (ABC, .VnTime) font
 * encoding; each is recognised so that the user is told what to do instead of seeing
 * garbled names imported.
 */
import type { SheetFailure } from './members.sheet-types.ts';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export type EncodingDecision =
  | { readonly ok: true; readonly encoding: CsvEncoding }
  | { readonly ok: false; readonly failure: SheetFailure };

const CONVERT_HINT =
  'Hãy chuyển dữ liệu sang Unicode bằng Unikey (Công cụ chuyển mã, Ctrl+Shift+F6), rồi trong Excel chọn Lưu thành (Save As) kiểu "CSV UTF-8 (Comma delimited)" hoặc "Excel Workbook (.xlsx)".';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** Refuses a file whose first bytes show it is not of the chosen format (or not a spreadsheet at all); null when it may be. */
export function checkSignature(prefix: Uint8Array, format: 'xlsx' | 'csv'): SheetFailure | null {
  if (prefix.length === 0) return { code: 'empty', message: 'Tệp rỗng, không có dữ liệu' };
  if (startsWith(prefix, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { code: 'unsupported_format', message: 'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook)' };
  }
  if (startsWith(prefix, [0x25, 0x50, 0x44, 0x46])) {
    return { code: 'unsupported_format', message: 'Tệp PDF không nhập được; hãy dùng tệp Excel (.xlsx) hoặc CSV theo mẫu sổ danh sách đảng viên' };
  }
  const zip = startsWith(prefix, [0x50, 0x4b, 0x03, 0x04]);
  if (zip && ascii(prefix, 30, 38) === 'mimetype' && ascii(prefix, 38, 90).includes('opendocument')) {
    return { code: 'unsupported_format', message: 'Tệp OpenDocument (.ods) chưa được hỗ trợ; hãy lưu lại dạng .xlsx (Excel Workbook)' };
  }
  if (format === 'csv' && zip) {
    return { code: 'unsupported_format', message: 'Tệp này là tệp nén (có thể là Excel .xlsx), không phải CSV; hãy chọn định dạng Excel (.xlsx)' };
  }
  if (format === 'xlsx' && !zip) {
    if (startsWith(prefix, [0x50, 0x4b, 0x05, 0x06])) return { code: 'empty', message: 'Tệp nén rỗng, không phải tệp Excel (.xlsx)' };
    const text = !prefix.subarray(0, 512).includes(0);
    return {
      code: 'unsupported_format',
      message: text ? 'Tệp không phải Excel (.xlsx); có vẻ là tệp văn bản (CSV): hãy chọn định dạng CSV' : 'Tệp không phải Excel (.xlsx) hay CSV',
    };
  }
  return null;
}

// TCVN3 (TCVN 5712:1993, VN3): the lower-case letters and the seven upper-case letters with
// vowel marks sit in 0xA1–0xFE, where Windows-1258 has symbols and other Latin letters.
const TCVN3_BYTES = [
  0xb5, 0xb8, 0xb6, 0xb7, 0xb9, 0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6, 0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb, 0xae, 0xcc, 0xd0, 0xce, 0xcf, 0xd1, 0xaa, 0xd2, 0xd5,
  0xd3, 0xd4, 0xd6, 0xd7, 0xdd, 0xd8, 0xdc, 0xde, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4, 0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9, 0xac, 0xea, 0xed, 0xeb, 0xec, 0xee, 0xef,
  0xf3, 0xf1, 0xf2, 0xf4, 0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe, 0xa1, 0xa2, 0xa7, 0xa3, 0xa4, 0xa5, 0xa6,
] as const;
const TCVN3_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
const tcvn3 = new Map<number, string>(TCVN3_BYTES.map((b, i) => [b, [...TCVN3_LETTERS][i] ?? '\ufffd']));

/** Text of TCVN3 bytes (bytes outside the table become U+FFFD so that they count against it). */
export function decodeTcvn3(bytes: Iterable<number>): string {
  let text = '';
  for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : (tcvn3.get(b) ?? '\ufffd');
  return text;
}

const LOWER_VIETNAMESE = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const vietnameseLetters = new Set([...LOWER_VIETNAMESE, ...LOWER_VIETNAMESE.toUpperCase()]);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
// Words are cut at ASCII punctuation and at the typographic marks Windows text carries.
const SEPARATORS = /[\p{Cc}\s!-/:-@[-`{-~\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022]+/u;

/**
 * How much of a text reads as Vietnamese: among the words with a non-ASCII character, how
 * many are made of Vietnamese letters only, carry at most one tone mark (one syllable) and
 * have no capital after a small letter. Text decoded with the wrong table fails these.
 */
function plausibility(text: string): { readonly scored: number; readonly plausible: number } {
  let scored = 0;
  let plausible = 0;
  for (const word of text.normalize('NFC').split(SEPARATORS)) {
    if (!/[^\p{ASCII}]/u.test(word)) continue;
    scored += 1;
    const chars = [...word];
    const letters = chars.every((ch) => /[A-Za-z0-9]/.test(ch) || vietnameseLetters.has(ch));
    const tones = chars.filter((ch) => TONES.test(ch.normalize('NFD'))).length;
    const caseBreak = /\p{Ll}\p{Lu}/u.test(word);
    if (letters && tones <= 1 && !caseBreak) plausible += 1;
  }
  return { scored, plausible };
}

function ratio(p: { scored: number; plausible: number }): number {
  return p.scored === 0 ? 1 : p.plausible / p.scored;
}

function validUtf8Prefix(prefix: Uint8Array): boolean {
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The character set of a CSV file from its first bytes (a BOM, else UTF-8 if the sample is
 * valid UTF-8, else Windows-1258 if the sample reads as Vietnamese in it). TCVN3 and
 * anything else are refused with the way to convert the file.
 */
export function detectCsvEncoding(prefix: Uint8Array): EncodingDecision {
  if (startsWith(prefix, [0xef, 0xbb, 0xbf])) return { ok: true, encoding: 'utf-8' };
  if (startsWith(prefix, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le' };
  if (startsWith(prefix, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be' };
  if (prefix.includes(0)) {
    return {
      ok: false,
      failure: { code: 'encoding', encoding: 'binary', message: 'Tệp không phải văn bản CSV (có byte nhị phân); hãy lưu lại từ Excel dạng "CSV UTF-8 (Comma delimited)"' },
    };
  }
  if (validUtf8Prefix(prefix)) return { ok: true, encoding: 'utf-8' };
  const asWindows = plausibility(new TextDecoder('windows-1258').decode(prefix));
  const asTcvn3 = plausibility(decodeTcvn3(prefix));
  if (ratio(asWindows) >= 0.8 && ratio(asWindows) >= ratio(asTcvn3)) return { ok: true, encoding: 'windows-1258' };
  if (ratio(asTcvn3) >= 0.8) {
    return {
      ok: false,
      failure: { code: 'encoding', encoding: 'tcvn3', message: `Tệp CSV dùng bảng mã TCVN3 (phông .VnTime, ABC), không nhập được. ${CONVERT_HINT}` },
    };
  }
  return {
    ok: false,
    failure: {
      code: 'encoding',
      encoding: 'unknown',
      message: `Không nhận ra bảng mã của tệp CSV (không phải UTF-8, Windows-1258 hay TCVN3; có thể là VNI). ${CONVERT_HINT}`,
    },
  };
}

/**
 * Whether a cell's Unicode text is TCVN3 text shown through a Latin-1 font mapping (what
 * Excel keeps for cells typed in .VnTime fonts): "NguyÔn V¨n An" instead of "Nguyễn Văn An".
 */
export function looksLikeTcvn3(text: string): boolean {
  if (!/[\u00a1-\u00ff]/.test(text) || [...text].some((ch) => ch.charCodeAt(0) > 0xff)) return false;
  const asIs = plausibility(text);
  const decoded = plausibility(decodeTcvn3([...text].map((ch) => ch.charCodeAt(0))));
  return ratio(asIs) < 1 && ratio(decoded) >= 0.8 && ratio(decoded) > ratio(asIs);
}

/** The message for a cell that looks like TCVN3 text. */
export const TCVN3_CELL_MESSAGE = `Chữ trong ô có vẻ dùng phông TCVN3 (.VnTime), sẽ bị lỗi dấu. ${CONVERT_HINT}`;
