import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// fflate is what docx itself zips with, so it is always installed beside it.
import { strFromU8, unzipSync } from 'fflate';
import { buildPartyDocument, formatPartyDate, formatVietnameseNumber, type Block, type PartyDocumentInput } from './party-document.ts';

const report: PartyDocumentInput = {
  parentBody: 'Ban Chấp hành Trung ương',
  issuingBody: 'Ban Tổ chức',
  number: '21-BC/BTCTW',
  place: 'Hà Nội',
  date: '2021-02-05',
  typeName: 'Báo cáo',
  subject: 'Kết quả công tác tổ chức xây dựng Đảng tháng 01 năm 2021',
  body: [
    { kind: 'heading', text: 'I- KẾT QUẢ THỰC HIỆN', level: 1 },
    { kind: 'heading', text: '1- Công tác kiểm điểm', level: 2 },
    { kind: 'paragraph', text: 'Đã có 60/67 tỉnh ủy, thành ủy hoàn thành kiểm điểm.\nCác đơn vị còn lại hoàn thành trong tháng 02.' },
    { kind: 'paragraph', text: 'Ghi chú của Văn phòng.', italic: true },
    {
      kind: 'table',
      caption: 'Bảng 1. Đảng viên theo đơn vị',
      columns: [{ title: 'Đơn vị', width: 3 }, { title: 'Đảng viên' }, { title: 'Tỷ lệ (%)', decimals: 2 }],
      rows: [
        ['Đắk Lắk', 1234567, 85.5],
        ['Thừa Thiên Huế', null, 100],
      ],
      totalRow: ['Tổng cộng', 1234567, 92.75],
    },
    { kind: 'list', items: ['Hoàn thành kiểm điểm', '- Tổng hợp kết quả'] },
  ],
  signature: { authority: 'K/T Trưởng ban', title: 'Phó Trưởng ban', name: 'Nguyễn Thị Ánh Tuyết' },
  recipients: ['Ban Bí thư (để báo cáo)', '- Các tỉnh ủy, thành ủy;', 'Lưu VP.'],
};

interface Parts {
  readonly document: string;
  readonly files: Readonly<Record<string, string>>;
}

async function build(input: PartyDocumentInput): Promise<Parts> {
  const unzipped = unzipSync(new Uint8Array(await buildPartyDocument(input)));
  const files = Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)]));
  return { document: files['word/document.xml'] ?? '', files };
}

function decode(xml: string): string {
  return xml.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

/** The texts of the document, run by run, in reading order. */
function texts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? ''));
}

/** The XML from the start of the element `tag` that holds the run with exactly this text up to the text. */
function around(xml: string, text: string, tag: '<w:r>' | '<w:p>' | '<w:tc>' | '<w:tr>'): string {
  const at = xml.indexOf(`>${text}</w:t>`);
  if (at < 0) throw new Error(`text not found: ${text}`);
  return xml.slice(xml.lastIndexOf(tag, at), at);
}

function expectInOrder(actual: readonly string[], expected: readonly string[]): void {
  let from = 0;
  for (const text of expected) {
    const at = actual.indexOf(text, from);
    expect(at, `"${text}" after position ${from} in ${JSON.stringify(actual)}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe('buildPartyDocument', () => {
  it('writes every part of the Party format in reading order', async () => {
    const { document } = await build(report);
    expectInOrder(texts(document), [
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      'BAN TỔ CHỨC',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 21-BC/BTCTW',
      'Hà Nội, ngày 05 tháng 02 năm 2021',
      'BÁO CÁO',
      'Kết quả công tác tổ chức xây dựng Đảng tháng 01 năm 2021',
      '-----',
      'I- KẾT QUẢ THỰC HIỆN',
      '1- Công tác kiểm điểm',
      'Đã có 60/67 tỉnh ủy, thành ủy hoàn thành kiểm điểm.',
      'Các đơn vị còn lại hoàn thành trong tháng 02.',
      'Ghi chú của Văn phòng.',
      'Bảng 1. Đảng viên theo đơn vị',
      'Đơn vị',
      'Đảng viên',
      'Tỷ lệ (%)',
      'Đắk Lắk',
      '1.234.567',
      '85,50',
      'Thừa Thiên Huế',
      '100,00',
      'Tổng cộng',
      '1.234.567',
      '92,75',
      '- Hoàn thành kiểm điểm',
      '- Tổng hợp kết quả',
      'Nơi nhận:',
      '- Ban Bí thư (để báo cáo),',
      '- Các tỉnh ủy, thành ủy,',
      '- Lưu VP.',
      'K/T TRƯỞNG BAN',
      'PHÓ TRƯỞNG BAN',
      'Nguyễn Thị Ánh Tuyết',
    ]);
  });

  it('sets A4, the 36-HD margins, Times New Roman and 14 pt by default', async () => {
    const { document, files } = await build(report);
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    const fonts = [...document.matchAll(/<w:rFonts ([^/]*)\/>/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(20);
    for (const f of fonts) expect(f).toBe('w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"');
    const defaults = files['word/styles.xml'] ?? '';
    expect(defaults).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/);
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
  });

  it('sizes and styles the header, title and signature as 36-HD/VPTW says', async () => {
    const { document } = await build(report);
    const run = (text: string): string => around(document, text, '<w:r>');
    expect(run('BAN CHẤP HÀNH TRUNG ƯƠNG')).toContain('<w:sz w:val="28"/>');
    expect(run('BAN CHẤP HÀNH TRUNG ƯƠNG')).not.toContain('<w:b/>');
    expect(run('BAN TỔ CHỨC')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    expect(run('ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>.*<w:sz w:val="30"\/>.*<w:u w:val="single"\/>/);
    expect(run('Số 21-BC/BTCTW')).toContain('<w:sz w:val="28"/>');
    expect(run('Hà Nội, ngày 05 tháng 02 năm 2021')).toMatch(/<w:i\/>.*<w:sz w:val="28"\/>/);
    expect(run('BÁO CÁO')).toMatch(/<w:b\/>.*<w:sz w:val="32"\/>/);
    expect(around(document, 'BÁO CÁO', '<w:p>')).toContain('<w:jc w:val="center"/>');
    expect(run('Kết quả công tác tổ chức xây dựng Đảng tháng 01 năm 2021')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    expect(run('Nơi nhận:')).toMatch(/<w:sz w:val="28"\/>.*<w:u w:val="single"\/>/);
    expect(run('- Lưu VP.')).toContain('<w:sz w:val="24"/>');
    expect(run('K/T TRƯỞNG BAN')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    expect(run('Nguyễn Thị Ánh Tuyết')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    // Room for the signature and seal above the name.
    expect(around(document, 'Nguyễn Thị Ánh Tuyết', '<w:p>')).toMatch(/w:before="1680"/);
  });

  it('justifies body paragraphs with a first-line indent and marks headings in the outline', async () => {
    const { document } = await build(report);
    const body = around(document, 'Đã có 60/67 tỉnh ủy, thành ủy hoàn thành kiểm điểm.', '<w:p>');
    expect(body).toContain('<w:ind w:firstLine="567"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('<w:sz w:val="28"/>');
    expect(around(document, 'Ghi chú của Văn phòng.', '<w:r>')).toContain('<w:i/>');
    expect(around(document, 'I- KẾT QUẢ THỰC HIỆN', '<w:p>')).toMatch(/<w:keepNext\/>.*<w:outlineLvl w:val="0"\/>.*<w:b\/>/);
    expect(around(document, '1- Công tác kiểm điểm', '<w:p>')).toContain('<w:outlineLvl w:val="1"/>');
    expect(around(document, '- Tổng hợp kết quả', '<w:p>')).toContain('<w:ind w:firstLine="567"/>');
  });

  it('draws tables with borders, a repeated header row, right-aligned figures and a bold total', async () => {
    const { document } = await build(report);
    const table = document.slice(document.lastIndexOf('<w:tbl>', document.indexOf('>Đơn vị</w:t>')), document.indexOf('>- Hoàn thành kiểm điểm</w:t>'));
    expect(table).toContain('<w:insideV w:val="single" w:color="000000" w:sz="4"/>');
    expect(table).toContain('<w:gridCol w:w="5613"/><w:gridCol w:w="1871"/><w:gridCol w:w="1871"/>');
    expect(around(document, 'Đơn vị', '<w:tr>')).toContain('<w:tblHeader/>');
    expect(around(document, 'Đơn vị', '<w:p>')).toMatch(/<w:jc w:val="center"\/>.*<w:b\/>.*<w:sz w:val="26"\/>/);
    expect(around(document, '85,50', '<w:p>')).toContain('<w:jc w:val="right"/>');
    expect(around(document, 'Đắk Lắk', '<w:p>')).toContain('<w:jc w:val="left"/>');
    expect(around(document, 'Đắk Lắk', '<w:r>')).not.toContain('<w:b/>');
    expect(around(document, '92,75', '<w:r>')).toContain('<w:b/>');
    expect(around(document, 'Tổng cộng', '<w:r>')).toContain('<w:b/>');
    // The null figure of Thừa Thiên Huế is an empty cell, not "0".
    const at = document.indexOf('>Thừa Thiên Huế</w:t>');
    const row = document.slice(document.lastIndexOf('<w:tr>', at), document.indexOf('</w:tr>', at));
    expect(row.match(/<w:tc>/g)).toHaveLength(3);
    expect(texts(row)).toEqual(['Thừa Thiên Huế', '100,00']);
  });

  it('numbers pages after the first at the top centre', async () => {
    const { document, files } = await build(report);
    expect(document).toContain('<w:titlePg/>');
    const headers = Object.entries(files).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.filter((xml) => xml.includes('<w:instrText xml:space="preserve">PAGE</w:instrText>'))).toHaveLength(1);
    expect(headers.some((xml) => !xml.includes('PAGE'))).toBe(true);
  });

  it('keeps Vietnamese text exactly, precomposed', async () => {
    const { document } = await build(report);
    for (const text of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đắk Lắk', 'Thừa Thiên Huế', 'Nguyễn Thị Ánh Tuyết', 'Tỷ lệ (%)']) {
      expect(texts(document)).toContain(text.normalize('NFC'));
    }
    expect(document).not.toMatch(/[\u0300-\u036f]/);
  });

  it('puts the subject of a công văn under its number and leaves a draft number blank', async () => {
    const { document } = await build({ ...report, typeName: undefined, number: undefined, subject: 'triển khai Quy định 366-QĐ/TW', parentBody: undefined });
    const all = texts(document);
    expectInOrder(all, ['BAN TỔ CHỨC', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', `Số ${'\u00a0'.repeat(12)}`, 'V/v triển khai Quy định 366-QĐ/TW', 'Hà Nội, ngày 05 tháng 02 năm 2021', 'I- KẾT QUẢ THỰC HIỆN']);
    expect(around(document, 'V/v triển khai Quy định 366-QĐ/TW', '<w:r>')).toMatch(/<w:i\/>.*<w:sz w:val="24"\/>/);
    expect(all).not.toContain('-----');
    expect(all).not.toContain('BAN CHẤP HÀNH TRUNG ƯƠNG');
  });

  it('signs in the signer’s own capacity without an authority line, and omits an empty recipients list', async () => {
    const { document } = await build({ ...report, signature: { title: 'Trưởng ban', name: 'Lê Văn A' }, recipients: [] });
    expect(texts(document)).not.toContain('Nơi nhận:');
    expect(around(document, 'TRƯỞNG BAN', '<w:r>')).toContain('<w:b/>');
  });

  it('refuses input that cannot make a valid document', async () => {
    const table: Extract<Block, { kind: 'table' }> = { kind: 'table', columns: [{ title: 'A' }, { title: 'B' }], rows: [['x']] };
    await expect(buildPartyDocument({ ...report, body: [table] })).rejects.toThrow(RangeError);
    await expect(buildPartyDocument({ ...report, body: [{ ...table, rows: [], totalRow: ['a', 1, 2] }] })).rejects.toThrow(RangeError);
    await expect(buildPartyDocument({ ...report, body: [{ kind: 'table', columns: [{ title: 'A', width: 0 }], rows: [] }] })).rejects.toThrow(RangeError);
    await expect(buildPartyDocument({ ...report, date: '2021-02-30' })).rejects.toThrow(RangeError);
    await expect(buildPartyDocument({ ...report, issuingBody: ' ' })).rejects.toThrow(RangeError);
  });
});

describe('formatPartyDate', () => {
  it('writes days below 10 and the months 1 and 2 with a leading zero', () => {
    expect(formatPartyDate('Hà Nội', '2021-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2021');
    expect(formatPartyDate('Hà Nội', '2024-01-09')).toBe('Hà Nội, ngày 09 tháng 01 năm 2024');
    expect(formatPartyDate('Hà Nội', '2024-04-01')).toBe('Hà Nội, ngày 01 tháng 4 năm 2024');
    expect(formatPartyDate(' Hà Giang ', '2023-03-10')).toBe('Hà Giang, ngày 10 tháng 3 năm 2023');
    expect(formatPartyDate('Thành phố Hồ Chí Minh', '2025-12-31')).toBe('Thành phố Hồ Chí Minh, ngày 31 tháng 12 năm 2025');
    expect(formatPartyDate('Huế', '2024-10-20')).toBe('Huế, ngày 20 tháng 10 năm 2024');
  });

  it('follows the rule on every day of a leap year', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const [day, month] = [d.getUTCDate(), d.getUTCMonth() + 1];
      const dd = day < 10 ? `0${day}` : `${day}`;
      const mm = month === 1 || month === 2 ? `0${month}` : `${month}`;
      expect(formatPartyDate('Hà Nội', d.toISOString().slice(0, 10))).toBe(`Hà Nội, ngày ${dd} tháng ${mm} năm 2024`);
    }
  });

  it.each(['2021-02-29', '2021-13-01', '2021-00-10', '2021-1-5', '05/02/2021', '2021-02-05T00:00:00Z', ''])('refuses %j', (date) => {
    expect(() => formatPartyDate('Hà Nội', date)).toThrow(RangeError);
  });

  it('refuses an empty place', () => {
    expect(() => formatPartyDate('  ', '2021-02-05')).toThrow(RangeError);
  });
});

describe('formatVietnameseNumber', () => {
  it('groups thousands with dots and writes decimals with a comma', () => {
    expect(formatVietnameseNumber(0)).toBe('0');
    expect(formatVietnameseNumber(999)).toBe('999');
    expect(formatVietnameseNumber(1000)).toBe('1.000');
    expect(formatVietnameseNumber(1234567)).toBe('1.234.567');
    expect(formatVietnameseNumber(1234.5)).toBe('1.234,5');
    expect(formatVietnameseNumber(-1234.56)).toBe('-1.234,56');
    expect(formatVietnameseNumber(0.125, 2)).toBe('0,13');
    expect(formatVietnameseNumber(85, 1)).toBe('85,0');
    expect(formatVietnameseNumber(2.5, 0)).toBe('3');
    expect(formatVietnameseNumber(-0.001)).toBe('0');
    expect(formatVietnameseNumber(-0.001, 2)).toBe('0,00');
  });

  it('refuses what is not a figure', () => {
    expect(() => formatVietnameseNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatVietnameseNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatVietnameseNumber(1, -1)).toThrow(RangeError);
  });

  it('reads back as the same integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = formatVietnameseNumber(n);
        expect(text).toMatch(/^-?\d{1,3}(?:\.\d{3})*$/);
        expect(Number(text.replaceAll('.', ''))).toBe(n);
      }),
    );
  });
});
