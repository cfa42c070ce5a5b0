import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, fromDayNumber, toDayNumber } from '../../rules/members/dates.ts';
import { displayCell, parseCell } from './members.sheet-cells.ts';
import { type MemberSheetKey, memberSheetColumn } from './members.sheet-layout.ts';
import type { RawRow, SheetCellValue } from './members.sheet-types.ts';
import { formatProblem, parseMemberRow } from './members.sheet-values.ts';

const cell = (key: MemberSheetKey, value: SheetCellValue) => parseCell(memberSheetColumn(key), value);
const value = (key: MemberSheetKey, v: SheetCellValue) => {
  const r = cell(key, v);
  return r.ok ? r.value : `ERROR ${r.message}`;
};
const message = (key: MemberSheetKey, v: SheetCellValue) => {
  const r = cell(key, v);
  return r.ok ? `OK ${String(r.value)}` : r.message;
};

describe('date cells', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, with - or ., yyyy-mm-dd and a time part', () => {
    expect(value('birthDate', '03/02/1980')).toBe('1980-02-03');
    expect(value('birthDate', '3/2/1980')).toBe('1980-02-03');
    expect(value('birthDate', '03-02-1980')).toBe('1980-02-03');
    expect(value('birthDate', '03.02.1980')).toBe('1980-02-03');
    expect(value('birthDate', ' 1980-02-03 ')).toBe('1980-02-03');
    expect(value('birthDate', '1980-2-3')).toBe('1980-02-03');
    expect(value('birthDate', '1980-02-03T00:00:00Z')).toBe('1980-02-03');
    expect(value('birthDate', '03/02/1980 00:00:00')).toBe('1980-02-03');
  });

  it('reads Excel dates (midnight UTC) and serial numbers', () => {
    expect(value('admittedOn', new Date(Date.UTC(2005, 4, 19)))).toBe('2005-05-19');
    expect(value('admittedOn', 45000)).toBe('2023-03-15');
    expect(value('admittedOn', 45000.75)).toBe('2023-03-15');
    expect(value('admittedOn', 61)).toBe('1900-03-01');
  });

  it('empty is null', () => {
    expect(value('fullMemberSince', null)).toBeNull();
    expect(value('fullMemberSince', '   ')).toBeNull();
  });

  it('refuses dates that do not exist, two-digit years, odd years and other text, naming the column', () => {
    expect(message('birthDate', '31/02/1990')).toBe('Ngày sinh: ngày "31/02/1990" không có thật');
    expect(message('birthDate', '29/02/1991')).toMatch(/không có thật/);
    expect(value('birthDate', '29/02/1992')).toBe('1992-02-29');
    expect(message('birthDate', '03/02/80')).toMatch(/^Ngày sinh: .*năm đủ 4 chữ số/);
    expect(message('birthDate', '03/02/1850')).toBe('Ngày sinh: năm 1850 không hợp lệ');
    expect(message('admittedOn', 'hôm qua')).toMatch(/^Ngày vào Đảng: "hôm qua" không phải ngày/);
    expect(message('admittedOn', 12)).toMatch(/^Ngày vào Đảng: số 12 không phải ngày/);
    expect(message('admittedOn', true)).toMatch(/^Ngày vào Đảng/);
    expect(message('admittedOn', new Date(Number.NaN))).toMatch(/^Ngày vào Đảng/);
  });

  it('every ISO day from 1900 to 2099 survives dd/mm/yyyy, yyyy-mm-dd and the Excel serial number', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-03-01'), max: toDayNumber('2099-12-31') }), (day) => {
        const iso = fromDayNumber(day);
        expect(value('birthDate', formatDate(iso))).toBe(iso);
        expect(value('birthDate', iso)).toBe(iso);
        expect(value('birthDate', day + 25569)).toBe(iso);
      }),
    );
  });
});

describe('sex and political theory cells', () => {
  it('reads Nam/Nữ in any case, with or without accents, and Male/Female', () => {
    for (const text of ['Nam', 'nam', 'NAM', ' Male ']) expect(value('sex', text)).toBe('male');
    for (const text of ['Nữ', 'nữ', 'nu', 'NỮ', 'Nữ'.normalize('NFD'), 'Female']) expect(value('sex', text)).toBe('female');
    expect(value('sex', '')).toBeNull();
    expect(message('sex', 'X')).toBe('Giới tính: "X" không hợp lệ; nhập Nam hoặc Nữ');
    expect(message('sex', 1)).toMatch(/^Giới tính/);
  });

  it('reads the four levels, with words after them, and the English labels', () => {
    expect(value('politicalTheory', 'Sơ cấp')).toBe('so_cap');
    expect(value('politicalTheory', 'trung cap')).toBe('trung_cap');
    expect(value('politicalTheory', 'Cao cấp lý luận chính trị')).toBe('cao_cap');
    expect(value('politicalTheory', 'Cử nhân')).toBe('cu_nhan');
    expect(value('politicalTheory', 'Advanced')).toBe('cao_cap');
    expect(value('politicalTheory', 'so_cap')).toBe('so_cap');
    expect(value('politicalTheory', null)).toBeNull();
    expect(message('politicalTheory', 'Thạc sĩ')).toMatch(/^Lý luận chính trị: "Thạc sĩ" không hợp lệ/);
  });

  it('shows stored values as the import reads them, in both languages', () => {
    expect(displayCell(memberSheetColumn('sex'), 'female', 'vi')).toBe('Nữ');
    expect(displayCell(memberSheetColumn('sex'), 'male', 'en')).toBe('Male');
    expect(displayCell(memberSheetColumn('politicalTheory'), 'cu_nhan', 'vi')).toBe('Cử nhân');
    expect(displayCell(memberSheetColumn('politicalTheory'), 'trung_cap', 'en')).toBe('Intermediate');
    expect(displayCell(memberSheetColumn('birthDate'), '1980-02-03', 'en')).toBe('03/02/1980');
    for (const locale of ['vi', 'en'] as const) {
      for (const stored of ['male', 'female']) expect(value('sex', displayCell(memberSheetColumn('sex'), stored, locale))).toBe(stored);
      for (const stored of ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan']) {
        expect(value('politicalTheory', displayCell(memberSheetColumn('politicalTheory'), stored, locale))).toBe(stored);
      }
    }
  });
});

describe('card number and citizen id cells', () => {
  it('keeps text digits with their leading zeros, without spaces', () => {
    expect(value('cardNumber', '00123456')).toBe('00123456');
    expect(value('cardNumber', ' 0012 3456 ')).toBe('00123456');
    expect(value('citizenId', '001080012345')).toBe('001080012345');
    expect(value('cardNumber', 12345678)).toBe('12345678');
    expect(value('citizenId', 101080012345)).toBe('101080012345');
    expect(value('cardNumber', '')).toBeNull();
  });

  it('refuses a number cell that lost its leading zeros, telling to format the column as text', () => {
    expect(message('cardNumber', 123456)).toBe(
      'Số thẻ đảng viên: 123456 chỉ có 6 chữ số, Excel đã bỏ các số 0 ở đầu vì ô có định dạng số; hãy định dạng cột là Văn bản (Text) rồi nhập lại',
    );
    expect(message('citizenId', 1080012345)).toMatch(/^Số định danh cá nhân: 1080012345 chỉ có 10 chữ số, Excel đã bỏ các số 0/);
    expect(message('citizenId', '1080012345')).toMatch(/chỉ có 10 chữ số, cần đúng 12; nếu số bắt đầu bằng 0, hãy định dạng cột là Văn bản/);
    expect(message('citizenId', '1.08001E+11')).toMatch(/dạng số khoa học/);
    expect(message('cardNumber', 1234.5)).toMatch(/^Số thẻ đảng viên: 1234.5 không phải dãy 8 chữ số/);
  });

  it('passes other text to the schema (which names the rule)', () => {
    expect(value('cardNumber', 'AB123456')).toBe('AB123456');
  });
});

describe('text cells', () => {
  it('trims, composes accents (NFC) and treats empty as null', () => {
    expect(value('birthPlace', '  Hà Nội ')).toBe('Hà Nội');
    expect(value('birthPlace', 'Hà Nội'.normalize('NFD'))).toBe('Hà Nội');
    expect(value('birthPlace', ' ')).toBeNull();
    expect(value('historyNumber', 123456)).toBe('123456');
  });

  it('drops the apostrophe our export puts before formula-like text', () => {
    expect(value('otherNames', "'=1+1")).toBe('=1+1');
    expect(value('otherNames', "'-Ba")).toBe('-Ba');
    expect(value('otherNames', "'Ba")).toBe("'Ba");
  });

  it('refuses a date where text was expected (Excel turned "12/12" into a date) and TCVN3 text', () => {
    expect(message('educationGeneral', new Date(Date.UTC(2026, 11, 12)))).toMatch(/^Trình độ giáo dục phổ thông: Excel đã tự đổi giá trị thành ngày tháng/);
    expect(message('fullName', 'NguyÔn V¨n An')).toMatch(/^Họ và tên: Chữ trong ô có vẻ dùng phông TCVN3/);
    expect(message('birthPlace', 'Hµ Néi')).toMatch(/TCVN3/);
    expect(value('fullName', 'Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(value('birthPlace', 'Hà')).toBe('Hà');
    expect(message('fullName', true)).toMatch(/^Họ và tên: ô chứa giá trị đúng\/sai/);
  });
});

const good = {
  fullName: 'Nguyễn Văn An',
  sex: 'Nam',
  birthDate: '03/02/1980',
  ethnicity: 'Kinh',
  cellCode: 'CB-01',
  admittedOn: '19/05/2005',
  fullMemberSince: '19/05/2006',
  cardNumber: '00123456',
  citizenId: '001080012345',
  historyNumber: '012345-TU',
  politicalTheory: 'Trung cấp',
} as const;

const raw = (values: RawRow['values'], problems: RawRow['problems'] = []): RawRow => ({ kind: 'row', row: 7, values, problems });

describe('parseMemberRow', () => {
  it('turns a good row into the record: fields by the contract, the cell code and the admission dates', () => {
    const r = parseMemberRow(raw({ ...good, religion: null, otherNames: ' ' }));
    expect(r).toEqual({
      ok: true,
      warnings: [],
      record: {
        row: 7,
        cellCode: 'CB-01',
        cellName: null,
        admittedOn: '2005-05-19',
        fullMemberSince: '2006-05-19',
        fields: expect.objectContaining({
          fullName: 'Nguyễn Văn An',
          sex: 'male',
          birthDate: '1980-02-03',
          ethnicity: 'Kinh',
          religion: null,
          otherNames: null,
          citizenId: '001080012345',
          cardNumber: '00123456',
          politicalTheory: 'trung_cap',
          historyNumber: '012345-TU',
        }),
      },
    });
  });

  it('gives absent columns the contract defaults (ethnicity Kinh)', () => {
    const r = parseMemberRow(raw({ fullName: 'Lê Thị Hoa', sex: 'Nữ', birthDate: '1990-01-01', cellCode: 'CB1', admittedOn: '2015-01-01' }));
    expect(r.ok && r.record.fields).toMatchObject({ ethnicity: 'Kinh', cardNumber: null, citizenId: null });
  });

  it('reports every problem of the row by column, in Vietnamese', () => {
    const r = parseMemberRow(raw({ ...good, fullName: null, sex: 'K', birthDate: '31/02/1980', ethnicity: null, religion: 'x'.repeat(61), cardNumber: '1234567a', cellCode: null, admittedOn: null }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.column, p.message])).toEqual([
      ['Giới tính', 'Giới tính: "K" không hợp lệ; nhập Nam hoặc Nữ'],
      ['Ngày sinh', 'Ngày sinh: ngày "31/02/1980" không có thật'],
      ['Họ và tên', 'Nhập họ và tên'],
      ['Dân tộc', 'Nhập dân tộc'],
      ['Tôn giáo', 'Tôn giáo: dài quá 60 ký tự'],
      ['Số thẻ đảng viên', 'Số thẻ đảng viên gồm đúng 8 chữ số'],
      ['Mã chi bộ', 'Chưa nhập mã chi bộ'],
      ['Ngày vào Đảng', 'Chưa nhập ngày vào Đảng'],
    ]);
    expect(r.problems.every((p) => p.row === 7)).toBe(true);
  });

  it('applies the regulation checks: dates in order, age at admission, history number; warnings apart', () => {
    const bad = parseMemberRow(raw({ ...good, admittedOn: '01/01/1979', fullMemberSince: '01/06/1979', historyNumber: 'abc' }));
    expect(!bad.ok && bad.problems.map((p) => p.column)).toEqual(['Số lý lịch', 'Ngày vào Đảng', 'Ngày chính thức']);
    const young = parseMemberRow(raw({ ...good, admittedOn: '01/01/1995', fullMemberSince: null }));
    expect(!young.ok && young.problems.map((p) => p.message)).toEqual(['Chưa đủ 18 tuổi khi vào Đảng (01/01/1995)']);
    const mismatch = parseMemberRow(raw({ ...good, citizenId: '001190012345' }));
    expect(mismatch.ok).toBe(true);
    expect(mismatch.warnings.map((w) => w.column)).toEqual(['Số định danh cá nhân']);
    const future = parseMemberRow(raw({ ...good, fullMemberSince: '19/05/2030' }), { today: '2026-01-01' });
    expect(!future.ok && future.problems.map((p) => p.column)).toEqual(['Ngày chính thức']);
  });

  it('keeps the reading problems (formulas) and does not report those cells twice', () => {
    const r = parseMemberRow(raw({ ...good, fullName: null }, [{ row: 7, column: 'Họ và tên', message: 'Ô chứa công thức' }]));
    expect(!r.ok && r.problems).toEqual([{ row: 7, column: 'Họ và tên', message: 'Ô chứa công thức' }]);
  });
});

describe('formatProblem', () => {
  it('names the column once', () => {
    expect(formatProblem({ row: 2, column: 'Họ và tên', message: 'Nhập họ và tên' })).toBe('Nhập họ và tên');
    expect(formatProblem({ row: 2, column: 'Số thẻ đảng viên', message: 'Trùng với dòng 5' })).toBe('Số thẻ đảng viên: Trùng với dòng 5');
    expect(formatProblem({ row: 2, column: '', message: 'Dòng trùng' })).toBe('Dòng trùng');
  });
});
