import { describe, expect, it } from 'vitest';
import { checkSignature, decodeTcvn3, detectCsvEncoding, looksLikeTcvn3 } from './members.sheet-encoding.ts';
import { type MemberSheetItem, readMemberSheet } from './members.sheet-read.ts';
import { parseMemberRow } from './members.sheet-values.ts';

// Encoders written independently of the module under test, from the code page tables.

/** Windows-1258: ă â ê ô ơ ư đ are precomposed; the five tones are combining marks after the letter. */
function encodeWindows1258(text: string): Uint8Array {
  const letters: Record<string, number> = { Â: 0xc2, Ă: 0xc3, Ê: 0xca, Ô: 0xd4, Ơ: 0xd5, Ư: 0xdd, Đ: 0xd0, â: 0xe2, ă: 0xe3, ê: 0xea, ô: 0xf4, ơ: 0xf5, ư: 0xfd, đ: 0xf0 };
  const tones: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0309': 0xd2, '\u0303': 0xde, '\u0323': 0xf2 };
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const tone = [...nfd].find((m) => m in tones);
    const letter = [...nfd].filter((m) => !(m in tones)).join('').normalize('NFC');
    const code = letter.charCodeAt(0) < 0x80 ? letter.charCodeAt(0) : letters[letter];
    if (code === undefined) throw new Error(`no Windows-1258 byte for ${letter}`);
    bytes.push(code);
    if (tone !== undefined) bytes.push(tones[tone] ?? 0);
  }
  return Uint8Array.from(bytes);
}

/** TCVN3 (ABC) bytes of the letters used in these tests. */
function encodeTcvn3(text: string): Uint8Array {
  const table: Record<string, number> = { ễ: 0xd4, ă: 0xa8, à: 0xb5, ộ: 0xe9, ầ: 0xc7, ị: 0xde, ì: 0xd7, ư: 0xad, ờ: 0xea, ạ: 0xb9, đ: 0xae, Đ: 0xa7, ả: 0xb6, á: 0xb8, ơ: 0xac, ê: 0xaa, ớ: 0xed, ọ: 0xe4, ẵ: 0xbd };
  return Uint8Array.from([...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (table[ch] ?? 0x3f))));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('checkSignature', () => {
  it('refuses Excel 97-2003, PDF and OpenDocument files with what to do', () => {
    expect(checkSignature(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'xlsx')?.message).toBe(
      'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook)',
    );
    expect(checkSignature(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'csv')?.code).toBe('unsupported_format');
    expect(checkSignature(utf8('%PDF-1.7\n'), 'csv')?.message).toMatch(/^Tệp PDF không nhập được/);
    const ods = new Uint8Array(100);
    ods.set([0x50, 0x4b, 0x03, 0x04]);
    ods.set(utf8('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), 30);
    expect(checkSignature(ods, 'xlsx')?.message).toMatch(/OpenDocument \(\.ods\)/);
  });

  it('refuses a zip as CSV, text as .xlsx, and empty files', () => {
    expect(checkSignature(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 'csv')?.message).toMatch(/tệp nén.*không phải CSV/);
    expect(checkSignature(utf8('Họ và tên,Giới tính\n'), 'xlsx')?.message).toMatch(/có vẻ là tệp văn bản \(CSV\)/);
    expect(checkSignature(new Uint8Array(0), 'csv')?.code).toBe('empty');
    expect(checkSignature(utf8('Họ và tên\n'), 'csv')).toBeNull();
    expect(checkSignature(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 'xlsx')).toBeNull();
  });
});

describe('detectCsvEncoding', () => {
  it('follows a BOM and takes valid UTF-8 as UTF-8', () => {
    expect(detectCsvEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ ok: true, encoding: 'utf-8' });
    expect(detectCsvEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toEqual({ ok: true, encoding: 'utf-16le' });
    expect(detectCsvEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x41]))).toEqual({ ok: true, encoding: 'utf-16be' });
    expect(detectCsvEncoding(utf8('Họ và tên;Nguyễn Văn An'))).toEqual({ ok: true, encoding: 'utf-8' });
    // A sample cut inside a multi-byte character is still UTF-8.
    expect(detectCsvEncoding(utf8('Nguyễn').subarray(0, 5))).toEqual({ ok: true, encoding: 'utf-8' });
  });

  it('recognises Vietnamese in Windows-1258 (tones as combining marks)', () => {
    const bytes = encodeWindows1258('Họ và tên,Giới tính,Quê quán\nNguyễn Văn An,Nam,Hà Nội\nTrần Thị Bình,Nữ,Đà Nẵng\n');
    expect(detectCsvEncoding(bytes)).toEqual({ ok: true, encoding: 'windows-1258' });
    expect(new TextDecoder('windows-1258').decode(encodeWindows1258('Nguyễn Văn An')).normalize('NFC')).toBe('Nguyễn Văn An');
  });

  it('refuses TCVN3 with the way to convert it', () => {
    const bytes = encodeTcvn3('Họ tên,Quê quán\nNguyễn Văn An,Hà Nội\nTrần Thị Bình,Đà Nẵng\n');
    const decision = detectCsvEncoding(bytes);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.failure).toMatchObject({ code: 'encoding', encoding: 'tcvn3' });
    expect(decision.failure.message).toMatch(/TCVN3.*Unikey \(Công cụ chuyển mã.*CSV UTF-8/);
  });

  it('refuses what it cannot recognise, and binary data', () => {
    const vni = Uint8Array.from([...utf8('Nguye'), 0xe3, ...utf8('n Va'), 0xea, ...utf8('n Ngo'), 0xf8, ...utf8(' ng'), 0xf6, 0xf4, 0xf8, ...utf8('i ha'), 0xf8, ...utf8('nh ch'), 0xef, 0xf1]);
    const unknown = detectCsvEncoding(vni);
    expect(unknown.ok === false && unknown.failure).toMatchObject({ code: 'encoding', encoding: 'unknown' });
    const binary = detectCsvEncoding(Uint8Array.from([0x41, 0, 0x42, 0x80]));
    expect(binary.ok === false && binary.failure).toMatchObject({ code: 'encoding', encoding: 'binary' });
  });
});

describe('TCVN3 text', () => {
  it('decodes the test encoder back (the module table and the test table agree)', () => {
    expect(decodeTcvn3(encodeTcvn3('Nguyễn Văn An, Hà Nội, Trần Thị Bình, Đà Nẵng'))).toBe('Nguyễn Văn An, Hà Nội, Trần Thị Bình, Đà Nẵng');
  });

  it('is spotted in a cell read through a Latin-1 font mapping, and real text is not', () => {
    const shown = (text: string) => String.fromCharCode(...encodeTcvn3(text));
    expect(looksLikeTcvn3(shown('Nguyễn Văn An'))).toBe(true);
    expect(looksLikeTcvn3(shown('Hà Nội'))).toBe(true);
    for (const real of ['Nguyễn Văn An', 'Hà Nội', 'Hà', 'Kinh', 'café', 'Lê Thị Hồng Gấm']) expect([real, looksLikeTcvn3(real)]).toEqual([real, false]);
  });
});

async function items(bytes: Uint8Array) {
  const out: MemberSheetItem[] = [];
  for await (const item of readMemberSheet({ buffer: bytes }, 'csv')) out.push(item);
  return out;
}

describe('reading CSV files written in legacy code pages', () => {
  const file = 'Họ và tên;Giới tính;Ngày sinh;Mã chi bộ;Ngày vào Đảng;Quê quán\r\nNguyễn Văn An;Nam;03/02/1980;CB1;19/05/2005;Hà Nội\r\nTrần Thị Bình;Nữ;1/1/1990;CB1;2/9/2015;Đà Nẵng\r\n';

  it('imports a Windows-1258 file with the right letters', async () => {
    const read = await items(encodeWindows1258(file));
    expect(read.map((i) => i.kind)).toEqual(['header', 'row', 'row']);
    const rows = read.filter((i) => i.kind === 'row').map((r) => parseMemberRow(r));
    expect(rows.map((r) => r.ok && [r.record.fields.fullName, r.record.fields.homeTown])).toEqual([
      ['Nguyễn Văn An', 'Hà Nội'],
      ['Trần Thị Bình', 'Đà Nẵng'],
    ]);
  });

  it('refuses a TCVN3 file before reading any row', async () => {
    const read = await items(encodeTcvn3(file));
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ kind: 'fatal', failure: { code: 'encoding', encoding: 'tcvn3' } });
  });

  it('reads UTF-16 files with a BOM (Excel\'s "Unicode text")', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      const read = await items(bytes);
      expect(read.map((i) => (i.kind === 'row' ? i.values.fullName : i.kind))).toEqual(['header', 'Nguyễn Văn An', 'Trần Thị Bình']);
    }
  });

  it('stops with a clear message when non-UTF-8 bytes come after a UTF-8 start', async () => {
    const start = Buffer.from(`Họ và tên,Giới tính,Ngày sinh,Mã chi bộ,Ngày vào Đảng\n${'Nguyễn Văn An,Nam,03/02/1980,CB1,19/05/2005\n'.repeat(2000)}`);
    const read = await items(Buffer.concat([start, Buffer.from(encodeWindows1258('Trần Thị Bình,Nữ,01/01/1990,CB1,02/09/2015\n'))]));
    expect(read.at(-1)).toMatchObject({ kind: 'fatal', failure: { code: 'encoding', encoding: 'invalid_utf8' } });
    expect(read.at(-1)?.kind === 'fatal' && read.at(-1)).toMatchObject({ failure: { message: expect.stringMatching(/không đúng mã UTF-8 \(sau dòng \d+\).*CSV UTF-8/) } });
  });
});
