/**
 * The checks of a member import that need more than the row itself: the cell named by its
 * code (it must exist today, be a cell, and lie in the importer's scope), duplicates inside
 * the file (card number, citizen id, or name + birth date in the same cell), and members
 * already in the registry (the same person in the same cell is "unchanged", so re-importing
 * a file changes nothing; a card number or citizen id held by someone else is an error).
 * Lookups are passed in, so the logic is tested without a database.
 */
import { checkTransition } from '../../rules/members/index.ts';
import { type BulkMember, openingEvents } from './members.bulk.ts';
import { ruleEventOf } from './members.history.ts';
import { digitKey, SeenKeys, textKey } from './members.import-seen.ts';
import { memberSearchText } from './members.repository.ts';
import { memberSheetColumn, type MemberSheetKey } from './members.sheet-layout.ts';
import type { RawRow, SheetProblem } from './members.sheet-types.ts';
import type { MemberRowResult, MemberSheetRecord } from './members.sheet-values.ts';

/** A unit found by its code, as the checker needs it. */
export interface CellInfo {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly isCell: boolean;
  /** Exists today (not ended, already started). */
  readonly open: boolean;
  /** Inside the importer's write scope. */
  readonly writable: boolean;
}

/** A member of the registry sharing a card number, citizen id or name + birth date with a row. */
export interface ExistingMember {
  readonly cardNumber: string | null;
  readonly citizenId: string | null;
  readonly searchName: string;
  readonly birthDate: string;
  readonly homeCellId: string;
}

export interface ImportLookups {
  /** Units by code (any code may be missing from the answer). */
  cells(codes: readonly string[]): Promise<readonly CellInfo[]>;
  /** Members holding any of the identities. */
  existing(rows: readonly { cardNumber: string | null; citizenId: string | null; searchName: string; birthDate: string }[]): Promise<readonly ExistingMember[]>;
}

/** What became of a checked row. */
export type CheckedRow =
  | { readonly row: number; readonly outcome: 'create'; readonly member: BulkMember }
  | { readonly row: number; readonly outcome: 'unchanged' }
  | { readonly row: number; readonly outcome: 'error'; readonly raw: RawRow; readonly problems: readonly SheetProblem[] };

function problem(row: number, key: MemberSheetKey, message: string): SheetProblem {
  return { row, column: memberSheetColumn(key).vi, message };
}

/** The code in the row's cell-code column, as typed (for rows whose other cells are faulty). */
function rawCellCode(raw: RawRow): string | null {
  const value = raw.values.cellCode;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

interface ExistingIndex {
  readonly byCard: ReadonlyMap<string, ExistingMember>;
  readonly byCitizen: ReadonlyMap<string, ExistingMember>;
  readonly byPerson: ReadonlyMap<string, readonly ExistingMember[]>;
}

function indexExisting(found: readonly ExistingMember[]): ExistingIndex {
  const byPerson = new Map<string, ExistingMember[]>();
  for (const m of found) {
    const key = `${m.searchName}|${m.birthDate}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), m]);
  }
  return {
    byCard: new Map(found.flatMap((m) => (m.cardNumber ? [[m.cardNumber, m] as const] : []))),
    byCitizen: new Map(found.flatMap((m) => (m.citizenId ? [[m.citizenId, m] as const] : []))),
    byPerson,
  };
}

/**
 * Checks rows of one file in batches; keeps what it has seen of the file (identities and the
 * cells found) between batches. One checker per import.
 */
export class ImportChecker {
  // What the file has shown so far, identity -> first row, off the heap (members.import-seen.ts).
  private readonly cards = new SeenKeys();
  private readonly citizens = new SeenKeys();
  private readonly people = new SeenKeys();
  private readonly cellCache = new Map<string, CellInfo | null>();

  constructor(
    private readonly lookups: ImportLookups,
    readonly today: string,
  ) {}

  /** Checks a batch of parsed rows, in file order; answers one outcome per row, in the same order. */
  async check(batch: readonly { readonly raw: RawRow; readonly parsed: MemberRowResult }[]): Promise<CheckedRow[]> {
    await this.loadCells(batch.map((b) => (b.parsed.ok ? b.parsed.record.cellCode : rawCellCode(b.raw))).filter((c) => c !== null));
    const good = batch.flatMap((b) => (b.parsed.ok ? [{ record: b.parsed.record, searchName: memberSearchText(b.parsed.record.fields) }] : []));
    const searchNames = new Map(good.map((g) => [g.record.row, g.searchName]));
    const found = good.length > 0 ? await this.lookups.existing(good.map(({ record, searchName }) => ({ cardNumber: record.fields.cardNumber, citizenId: record.fields.citizenId, searchName, birthDate: record.fields.birthDate }))) : [];
    const existing = indexExisting(found);
    return batch.map(({ raw, parsed }) => {
      if (!parsed.ok) {
        const code = rawCellCode(raw);
        const cellProblem = code !== null && !parsed.problems.some((p) => p.column === memberSheetColumn('cellCode').vi) ? this.cellProblem(raw.row, code) : null;
        return { row: raw.row, outcome: 'error', raw, problems: cellProblem ? [...parsed.problems, cellProblem] : parsed.problems };
      }
      return this.checkRecord(raw, parsed.record, searchNames.get(parsed.record.row) ?? memberSearchText(parsed.record.fields), existing);
    });
  }

  private async loadCells(codes: readonly string[]): Promise<void> {
    const wanted = [...new Set(codes)].filter((c) => !this.cellCache.has(c));
    if (wanted.length === 0) return;
    const found = await this.lookups.cells(wanted);
    // Keyed by the database's copy of the code when there is one, so the cache does not hold
    // the file's lines alive through the sliced cell strings.
    const byCode = new Map(found.map((c) => [c.code, c]));
    for (const code of wanted) {
      const cell = byCode.get(code) ?? null;
      this.cellCache.set(cell?.code ?? code, cell);
    }
  }

  /** Why the cell of this code cannot take members from this importer, or null. Out of scope reads as unknown. */
  private cellProblem(row: number, code: string): SheetProblem | null {
    const cell = this.cellCache.get(code) ?? null;
    if (cell === null || !cell.writable) return problem(row, 'cellCode', `Không có chi bộ mã "${code}" trong phạm vi được giao`);
    if (!cell.isCell) return problem(row, 'cellCode', `${cell.name} (mã ${code}) không phải là chi bộ`);
    if (!cell.open) return problem(row, 'cellCode', `${cell.name} (mã ${code}) không còn hoạt động (đã giải thể hoặc hợp nhất)`);
    return null;
  }

  private checkRecord(raw: RawRow, record: MemberSheetRecord, searchName: string, existing: ExistingIndex): CheckedRow {
    const { row, fields } = record;
    const problems: SheetProblem[] = [];
    const cellProblem = this.cellProblem(row, record.cellCode);
    if (cellProblem) problems.push(cellProblem);
    const cell = cellProblem ? null : (this.cellCache.get(record.cellCode) ?? null);
    const person = [searchName, fields.birthDate, record.cellCode].join('|');

    const sameCell = (m: ExistingMember) => cell !== null && m.homeCellId === cell.id && m.searchName === searchName && m.birthDate === fields.birthDate;
    const byCard = fields.cardNumber ? existing.byCard.get(fields.cardNumber) : undefined;
    const byCitizen = fields.citizenId ? existing.byCitizen.get(fields.citizenId) : undefined;
    const byPerson = (existing.byPerson.get(`${searchName}|${fields.birthDate}`) ?? []).find((m) => sameCell(m) && (m.cardNumber === null || m.cardNumber === fields.cardNumber));
    if (byCard && !sameCell(byCard)) problems.push(problem(row, 'cardNumber', `Số thẻ ${fields.cardNumber ?? ''} đã cấp cho một đảng viên khác trong sổ`));
    if (byCitizen && !sameCell(byCitizen)) problems.push(problem(row, 'citizenId', 'Số định danh cá nhân này đã thuộc về một đảng viên khác trong sổ'));

    const seen = (keys: SeenKeys, key: [number, number] | null, column: MemberSheetKey, label: string) => {
      if (key === null) return;
      const first = keys.firstOrRecord(key[0], key[1], row);
      if (first !== undefined) problems.push(problem(row, column, `${label} trùng với dòng ${first}`));
    };
    seen(this.cards, fields.cardNumber === null ? null : digitKey(fields.cardNumber), 'cardNumber', `Số thẻ ${fields.cardNumber ?? ''}`);
    seen(this.citizens, fields.citizenId === null ? null : digitKey(fields.citizenId), 'citizenId', 'Số định danh cá nhân');
    seen(this.people, textKey(person), 'fullName', 'Cùng họ tên, ngày sinh và chi bộ');

    if (problems.length === 0 && (byPerson || (byCard && sameCell(byCard)) || (byCitizen && sameCell(byCitizen)))) return { row, outcome: 'unchanged' };
    const member: BulkMember | null = cell ? { fields, cellId: cell.id, admittedOn: record.admittedOn, fullMemberSince: record.fullMemberSince, openedOn: this.today, documentNumber: null } : null;
    if (member) {
      const [first] = openingEvents(member).map((c, i) => ruleEventOf(c, i + 1));
      const check = first ? checkTransition([], first, { today: this.today, birthDate: fields.birthDate }) : null;
      if (check && !check.ok) for (const e of check.errors) problems.push(problem(row, 'admittedOn', e.vi));
    }
    if (problems.length > 0 || member === null) return { row, outcome: 'error', raw, problems };
    return { row, outcome: 'create', member };
  }
}
