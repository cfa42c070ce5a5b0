import { describe, expect, it } from 'vitest';
import { type CellInfo, type ExistingMember, ImportChecker, type ImportLookups } from './members.import-check.ts';
import type { RawRow } from './members.sheet-types.ts';
import { parseMemberRow } from './members.sheet-values.ts';

const today = '2026-12-01';
const cells: readonly CellInfo[] = [
  { id: 'c1', code: 'CB1', name: 'Chi bộ 1', isCell: true, open: true, writable: true },
  { id: 'c2', code: 'CB2', name: 'Chi bộ 2', isCell: true, open: true, writable: true },
  { id: 'p1', code: 'DB1', name: 'Đảng bộ xã', isCell: false, open: true, writable: true },
  { id: 'x1', code: 'XA1', name: 'Chi bộ ngoài phạm vi', isCell: true, open: true, writable: false },
];

function lookups(existing: readonly ExistingMember[] = []): ImportLookups & { calls: number } {
  const l = {
    calls: 0,
    cells: async (codes: readonly string[]) => {
      l.calls += 1;
      return cells.filter((c) => codes.includes(c.code));
    },
    existing: async () => existing,
  };
  return l;
}

let rowNumber = 1;
function row(values: Record<string, string>) {
  rowNumber += 1;
  const raw: RawRow = { kind: 'row', row: rowNumber, values: { fullName: 'Trần Văn An', sex: 'Nam', birthDate: '12/04/1985', ethnicity: 'Kinh', admittedOn: '03/02/2010', fullMemberSince: '03/02/2011', cellCode: 'CB1', ...values }, problems: [] };
  return { raw, parsed: parseMemberRow(raw, { today }) };
}

describe('ImportChecker', () => {
  it('accepts good rows with their cell, and looks each cell code up once per file', async () => {
    const l = lookups();
    const checker = new ImportChecker(l, today);
    const first = await checker.check([row({ cardNumber: '10000001' }), row({ cardNumber: '10000002', cellCode: 'CB2' })]);
    expect(first.map((c) => c.outcome)).toEqual(['create', 'create']);
    expect(first[1]).toMatchObject({ member: { cellId: 'c2', openedOn: today, admittedOn: '2010-02-03' } });
    await checker.check([row({ cardNumber: '10000003' })]);
    expect(l.calls).toBe(1);
  });

  it('names the cell column for an unknown, out-of-scope or non-cell code', async () => {
    const checker = new ImportChecker(lookups(), today);
    const checked = await checker.check([row({ cellCode: 'KHONGCO' }), row({ cellCode: 'XA1' }), row({ cellCode: 'DB1' })]);
    const messages = checked.map((c) => (c.outcome === 'error' ? c.problems.map((p) => `${p.column}: ${p.message}`) : []));
    expect(messages[0]).toEqual(['Mã chi bộ: Không có chi bộ mã "KHONGCO" trong phạm vi được giao']);
    expect(messages[1]).toEqual(['Mã chi bộ: Không có chi bộ mã "XA1" trong phạm vi được giao']);
    expect(messages[2]?.[0]).toContain('không phải là chi bộ');
  });

  it('reports duplicates inside the file across batches, naming the first row', async () => {
    const checker = new ImportChecker(lookups(), today);
    const [a] = await checker.check([row({ cardNumber: '10000010', citizenId: '001085012345' })]);
    const [b] = await checker.check([row({ fullName: 'Lê Văn Bình', cardNumber: '10000010', citizenId: '001085012345' })]);
    expect(a?.outcome).toBe('create');
    expect(b?.outcome === 'error' ? b.problems.map((p) => p.message) : []).toEqual([`Số thẻ 10000010 trùng với dòng ${a?.row}`, `Số định danh cá nhân trùng với dòng ${a?.row}`]);
  });

  it('skips a member already in the same cell and refuses a card held by someone else', async () => {
    const existing: ExistingMember[] = [
      { cardNumber: '10000020', citizenId: null, searchName: 'tran van an', birthDate: '1985-04-12', homeCellId: 'c1' },
      { cardNumber: '10000021', citizenId: null, searchName: 'pham thi ha', birthDate: '1970-01-01', homeCellId: 'c2' },
    ];
    const checker = new ImportChecker(lookups(existing), today);
    const checked = await checker.check([row({ cardNumber: '10000020' }), row({ cardNumber: '10000021' })]);
    expect(checked[0]?.outcome).toBe('unchanged');
    expect(checked[1]?.outcome === 'error' ? checked[1].problems[0]?.message : '').toBe('Số thẻ 10000021 đã cấp cho một đảng viên khác trong sổ');
  });

  it('keeps the parse problems of a bad row and adds the cell problem to them', async () => {
    const checker = new ImportChecker(lookups(), today);
    const [bad] = await checker.check([row({ birthDate: '31/02/1985', cellCode: 'KHONGCO' })]);
    expect(bad?.outcome === 'error' ? bad.problems.map((p) => p.column) : []).toEqual(['Ngày sinh', 'Mã chi bộ']);
  });
});
