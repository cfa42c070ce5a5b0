import { memberFields } from '@tcxd/contract';
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  headerKey,
  mapHeaders,
  memberRegisterKeys,
  memberRequiredKeys,
  memberSheetColumns,
  memberSheetKeys,
  normalizeHeader,
} from './members.sheet-layout.ts';

describe('member sheet layout', () => {
  it('has a column for every field of memberFields, and the cell and admission columns', () => {
    for (const key of Object.keys(memberFields.shape)) expect(memberSheetKeys).toContain(key);
    expect(memberSheetKeys).toEqual(expect.arrayContaining(['cellCode', 'cellName', 'admittedOn', 'fullMemberSince']));
    expect(memberSheetColumns.map((c) => c.key)).toEqual([...memberSheetKeys]);
  });

  it('requires name, sex, birth date, cell code and admission date', () => {
    expect([...memberRequiredKeys].sort()).toEqual(['admittedOn', 'birthDate', 'cellCode', 'fullName', 'sex']);
    // The register (Mẫu 7-HSĐV) can always be imported: it carries every required column.
    for (const key of memberRequiredKeys) expect(memberRegisterKeys).toContain(key);
  });

  it('maps every header text, English header and alias back to its own column (no alias is shared)', () => {
    for (const c of memberSheetColumns) {
      for (const text of [c.vi, c.en, ...c.aliases]) expect([text, headerKey(text)]).toEqual([text, c.key]);
    }
  });
});

describe('normalizeHeader', () => {
  it('ignores accents, case, spaces and punctuation', () => {
    expect(normalizeHeader('Ngày, tháng, năm sinh')).toBe('ngaythangnamsinh');
    expect(normalizeHeader('  HỌ VÀ TÊN ')).toBe('hovaten');
    expect(normalizeHeader('Số thẻ Đảng viên (*)')).toBe('sothedangvien');
    // Decomposed accents (files from macOS) and old-style tone placement fold the same way.
    expect(normalizeHeader('Văn hoá'.normalize('NFD'))).toBe(normalizeHeader('Văn hóa'));
  });
});

describe('mapHeaders', () => {
  it('maps Vietnamese headers written in many ways', () => {
    const m = mapHeaders(['STT', 'ho ten', 'Nam/Nữ', 'Ngày, tháng, năm sinh', 'QUÊ QUÁN', 'Dân  tộc', 'Số CCCD', 'Mã chi bộ', 'Ngày kết nạp', 'Ngày chính thức', 'LLCT']);
    expect(m.columns).toEqual([null, 'fullName', 'sex', 'birthDate', 'homeTown', 'ethnicity', 'citizenId', 'cellCode', 'admittedOn', 'fullMemberSince', 'politicalTheory']);
    expect(m.missingRequired).toEqual([]);
    expect(m.unknown).toEqual([]);
    expect(m.duplicates).toEqual([]);
  });

  it('accepts English headers (the English export) and remarks in brackets', () => {
    const m = mapHeaders(['Full name', 'Sex', 'Date of birth (dd/mm/yyyy)', 'Cell code', 'Admitted on [bắt buộc]']);
    expect(m.columns).toEqual(['fullName', 'sex', 'birthDate', 'cellCode', 'admittedOn']);
    expect(m.missingRequired).toEqual([]);
  });

  it('reports unknown columns, ignores empty headers, STT and the error report columns', () => {
    const m = mapHeaders(['Lỗi', 'Dòng gốc', 'Họ và tên', '', 'Ghi chú', 'Số TT']);
    expect(m.columns).toEqual([null, null, 'fullName', null, null, null]);
    expect(m.unknown).toEqual([{ index: 4, header: 'Ghi chú' }]);
  });

  it('lists the missing required columns', () => {
    expect(mapHeaders(['Họ và tên', 'Ngày sinh']).missingRequired).toEqual(['sex', 'admittedOn', 'cellCode']);
    expect(mapHeaders([]).missingRequired).toEqual(memberRequiredKeys);
  });

  it('reports a column named twice, with every position, and keeps the first', () => {
    const m = mapHeaders(['Họ và tên', 'Ngày sinh', 'Họ tên', 'Ngày tháng năm sinh', 'Ho va ten']);
    expect(m.columns).toEqual(['fullName', 'birthDate', null, null, null]);
    expect(m.duplicates).toEqual([
      { key: 'fullName', indexes: [0, 2, 4] },
      { key: 'birthDate', indexes: [1, 3] },
    ]);
  });
});

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
