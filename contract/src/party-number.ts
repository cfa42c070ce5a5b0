/**
 * Party document numbers ("số và ký hiệu"): `number-TYPE/ISSUER`, e.g. `21-KL/TW`,
 * `137-QĐ/TW`, `26-HD/BTCTW` (Hướng dẫn 36-HD/VPTW). State documents write the reverse
 * (`123/2025/NĐ-CP`); those are refused with a hint, never guessed at.
 */

/** Bilingual text, Vietnamese first. */
export interface ViEn {
  readonly vi: string;
  readonly en: string;
}

/**
 * The type abbreviations of /work/shared/data/document-types.csv (the sector's common usage),
 * plus GM (giấy mời), which the Party format uses for invitations to conferences.
 */
export const partyDocTypes = {
  NQ: { vi: 'Nghị quyết', en: 'resolution' },
  CT: { vi: 'Chỉ thị', en: 'directive' },
  KL: { vi: 'Kết luận', en: 'conclusion' },
  // The Party uses QĐ for both; the subject tells which one a document is.
  QĐ: { vi: 'Quyết định / Quy định', en: 'decision / regulation' },
  QC: { vi: 'Quy chế', en: 'rules of procedure' },
  HD: { vi: 'Hướng dẫn', en: 'guidance' },
  KH: { vi: 'Kế hoạch', en: 'plan' },
  CTr: { vi: 'Chương trình', en: 'programme' },
  TB: { vi: 'Thông báo', en: 'notice' },
  BC: { vi: 'Báo cáo', en: 'report' },
  TTr: { vi: 'Tờ trình', en: 'submission' },
  ĐA: { vi: 'Đề án', en: 'project' },
  BB: { vi: 'Biên bản', en: 'minutes' },
  CV: { vi: 'Công văn', en: 'official letter' },
  TT: { vi: 'Thông tri', en: 'circular' },
  GM: { vi: 'Giấy mời', en: 'invitation' },
} as const satisfies Readonly<Record<string, ViEn>>;

export type PartyDocType = keyof typeof partyDocTypes;

/** The known abbreviations in their usual order. */
export const partyDocTypeList: readonly PartyDocType[] = ['NQ', 'CT', 'KL', 'QĐ', 'QC', 'HD', 'KH', 'CTr', 'TB', 'BC', 'TTr', 'ĐA', 'BB', 'CV', 'TT', 'GM'];

/** The largest number accepted: the busiest series (công văn of the central offices) stay well below it. */
export const partyNumberMax = 999_999;

const issuerMaxLength = 20;

export interface PartyNumber {
  readonly number: number;
  /** The number as written, leading zero kept ('03'), since the register shows what the paper says. */
  readonly numberText: string;
  readonly type: PartyDocType;
  readonly typeName: ViEn;
  readonly issuer: string;
}

export type PartyNumberErrorCode =
  | 'empty'
  | 'state_style'
  | 'malformed'
  | 'missing_number'
  | 'bad_number'
  | 'number_zero'
  | 'number_too_large'
  | 'missing_type'
  | 'unknown_type'
  | 'missing_issuer'
  | 'bad_issuer';

export interface PartyNumberError extends ViEn {
  readonly code: PartyNumberErrorCode;
}

export type PartyNumberResult = { readonly ok: true; readonly value: PartyNumber } | { readonly ok: false; readonly error: PartyNumberError };

/** Type guard for a canonical abbreviation (exact spelling, e.g. 'CTr', 'QĐ'). */
export function isPartyDocType(text: string): text is PartyDocType {
  return Object.hasOwn(partyDocTypes, text);
}

/**
 * Lower-case spellings to canonical types. The plain-D spellings of QĐ and ĐA ('QD', 'DA') are
 * accepted because keyboards without Vietnamese input produce them and no other type collides;
 * the reverse (HĐ for HD) is not, as HĐ is not a Party type and guessing would hide a real typo.
 */
const typeBySpelling: ReadonlyMap<string, PartyDocType> = new Map(
  partyDocTypeList.flatMap((t) => {
    const lower = t.toLocaleLowerCase('vi');
    const plain = lower.replaceAll('đ', 'd');
    return plain === lower ? [[lower, t]] : [[lower, t], [plain, t]];
  }),
);

const dashes = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const slashes = /[\u2044\u2215\uFF0F]/g;
const hint: ViEn = {
  vi: 'văn bản của Đảng có dạng số-LOẠI/CƠ QUAN, ví dụ 21-KL/TW',
  en: 'a Party document number has the form number-TYPE/ISSUER, e.g. 21-KL/TW',
};

function fail(code: PartyNumberErrorCode, vi: string, en: string): PartyNumberResult {
  return { ok: false, error: { code, vi, en } };
}

function malformed(text: string): PartyNumberResult {
  return fail('malformed', `Số hiệu "${text}" không đúng dạng; ${hint.vi}`, `"${text}" is not a document number; ${hint.en}`);
}

/**
 * Parses a Party document number such as `21-KL/TW` or `03-KH/TW`. Tolerates surrounding and
 * inner spaces, a leading "Số"/"Số:", any dash or slash look-alike, lower-case type letters and
 * issuers, and 'QD'/'DA' without Đ; all are normalised (compare formatPartyNumber of the value with
 * the input to tell the user). State-style numbers (`123/2025/NĐ-CP`, `12/QĐ-TTg`) are refused with a hint.
 */
export function parsePartyNumber(text: string): PartyNumberResult {
  const cleaned = text
    .normalize('NFC')
    .trim()
    .replace(/^s[ốôo]\s*[:.]?\s*/iu, '')
    .replace(dashes, '-')
    .replace(slashes, '/')
    .replace(/\s*([-/])\s*/g, '$1');
  if (cleaned === '') return fail('empty', 'Chưa nhập số hiệu văn bản', 'The document number is empty');
  // State numbers put the number before a slash and join type and issuer with a dash.
  if (/^\d+\//.test(cleaned) && cleaned.includes('-')) {
    return fail('state_style', `Số hiệu văn bản nhà nước; ${hint.vi}`, `This is a State document number; ${hint.en}`);
  }
  const match = /^([^-/]*)-([^-/]*)(?:\/(.*))?$/u.exec(cleaned);
  if (!match) return malformed(text.trim());
  const [, numberText = '', typeText = '', issuerText] = match;
  if (numberText === '') return fail('missing_number', `Thiếu số thứ tự trước dấu gạch nối; ${hint.vi}`, `The number before the dash is missing; ${hint.en}`);
  if (!/^\d+$/.test(numberText)) return fail('bad_number', `Số thứ tự "${numberText}" phải là chữ số; ${hint.vi}`, `The number "${numberText}" must be digits; ${hint.en}`);
  const number = Number(numberText);
  if (number > partyNumberMax) {
    return fail('number_too_large', `Số thứ tự ${numberText} quá lớn (tối đa ${partyNumberMax})`, `The number ${numberText} is too large (at most ${partyNumberMax})`);
  }
  if (numberText.length > String(partyNumberMax).length) return fail('bad_number', `Số thứ tự "${numberText}" có quá nhiều chữ số 0 ở đầu`, `The number "${numberText}" has too many leading zeros`);
  if (number === 0) return fail('number_zero', 'Số thứ tự bắt đầu từ 01, không thể là 0', 'Numbers start at 01; 0 is not a document number');
  if (typeText === '') return fail('missing_type', `Thiếu ký hiệu loại văn bản; ${hint.vi}`, `The document type is missing; ${hint.en}`);
  const type = typeBySpelling.get(typeText.toLocaleLowerCase('vi'));
  if (type === undefined) {
    const known = partyDocTypeList.join(', ');
    return fail('unknown_type', `Loại văn bản "${typeText}" không có trong danh mục (${known})`, `Unknown document type "${typeText}" (known: ${known})`);
  }
  if (issuerText === undefined || issuerText === '') return fail('missing_issuer', `Thiếu ký hiệu cơ quan ban hành sau dấu "/"; ${hint.vi}`, `The issuer after "/" is missing; ${hint.en}`);
  const issuer = issuerText.toLocaleUpperCase('vi');
  if (!isIssuer(issuer)) {
    return fail('bad_issuer', `Ký hiệu cơ quan ban hành "${issuerText}" chỉ gồm chữ và số (tối đa ${issuerMaxLength} ký tự)`, `The issuer "${issuerText}" must be letters and digits (at most ${issuerMaxLength})`);
  }
  return { ok: true, value: { number, numberText, type, typeName: partyDocTypes[type], issuer } };
}

/** Issuers are capital abbreviations (TW, BTCTW, ĐU, ĐUK, HU); a dash may join parts (ĐU-QS). */
function isIssuer(issuer: string): boolean {
  return issuer.length <= issuerMaxLength && /^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*$/u.test(issuer);
}

/** The parts formatPartyNumber needs; numberText, when it spells the same number, is kept as written. */
export interface PartyNumberParts {
  readonly number: number;
  readonly numberText?: string;
  readonly type: PartyDocType;
  readonly issuer: string;
}

/**
 * The canonical text of a Party number: `21-KL/TW`. Without numberText, numbers below 10 get a
 * leading zero, as 36-HD/VPTW numbers documents from 01. Throws RangeError on a number or issuer
 * that parsePartyNumber would refuse, so nothing unparsable is ever written.
 */
export function formatPartyNumber(value: PartyNumberParts): string {
  const { number, numberText, type, issuer } = value;
  if (!Number.isSafeInteger(number) || number < 1 || number > partyNumberMax) throw new RangeError(`Party document number out of range: ${number}`);
  const digits = numberText !== undefined && /^\d+$/.test(numberText) && Number(numberText) === number ? numberText : String(number).padStart(2, '0');
  const upperIssuer = issuer.toLocaleUpperCase('vi');
  if (!isIssuer(upperIssuer)) throw new RangeError(`Not a Party issuer abbreviation: ${issuer}`);
  return `${digits}-${type}/${upperIssuer}`;
}
