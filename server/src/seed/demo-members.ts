import type { MemberFields } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Context } from '../platform/context.ts';
import { type BulkMember, fullMemberSinceFor, insertMembersInBulk } from '../modules/members/members.bulk.ts';
import { type DemoScale, seededRandom } from './demo-structure.ts';
import { historyStart } from './reference.ts';

/** Members per cell at each scale (national: ≈ 5.6 million members in ≈ 265,000 cells). */
export const membersPerCell: Readonly<Record<DemoScale, number>> = { small: 8, medium: 12, national: 21 };

const families = [['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 4], ['Phan', 4], ['Vũ', 4], ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 2], ['Ngô', 2], ['Dương', 2], ['Lý', 1]] as const;
const middlesMale = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Xuân', 'Công', 'Thanh', 'Ngọc', 'Trọng'];
const middlesFemale = ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Kim', 'Hồng', 'Phương', 'Bích'];
const givenMale = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Trung', 'Tuấn', 'Việt', 'Vinh'];
const givenFemale = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Yến'];
const ethnicities = [['Kinh', 86], ['Tày', 3], ['Thái', 2], ['Mường', 2], ['Khmer', 1], ['Nùng', 1], ['Hoa', 1], ['H\'Mông', 1], ['Dao', 1], ['Gia Rai', 1], ['Ê Đê', 1]] as const;
const religions = [[null, 90], ['Phật giáo', 5], ['Công giáo', 3], ['Cao Đài', 1], ['Tin Lành', 1]] as const;
const theories = [[null, 20], ['so_cap', 45], ['trung_cap', 25], ['cao_cap', 9], ['cu_nhan', 1]] as const;
const occupations = ['Công chức', 'Viên chức', 'Giáo viên', 'Công nhân', 'Nông dân', 'Kỹ sư', 'Bác sĩ', 'Quân nhân', 'Hưu trí', 'Doanh nhân', 'Sinh viên'];
const professional = [null, 'Trung cấp', 'Cao đẳng', 'Cử nhân', 'Kỹ sư', 'Thạc sĩ', 'Tiến sĩ'];

function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return (table[0] ?? [table[0]])[0] as T;
}

const pickOf = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** ISO date from a day count since 1970-01-01. */
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * A citizen id in the real layout (province code, century and sex, year of birth, serial),
 * unique for every sequence number below 96 million: seq fixes the pair (province, serial)
 * as (seq mod 96, seq div 96), so no two members share one.
 */
export function demoCitizenId(seq: number, birthYear: number, female: boolean): string {
  const province = String((seq % 96) + 1).padStart(3, '0');
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const serial = String(Math.floor(seq / 96)).padStart(6, '0');
  return `${province}${centurySex}${String(birthYear % 100).padStart(2, '0')}${serial}`;
}

/**
 * One plausible member of a cell, deterministic for the sequence number: a name in the
 * usual pattern, birth between 1945 and 2006, admission between 18 and 60, probation of 12
 * months; card number and citizen id unique by construction.
 */
export function demoMember(random: () => number, cellId: string, seq: number, today: string): BulkMember {
  const female = random() < 0.38;
  const family = weighted(random, families);
  const fullName = `${family} ${pickOf(random, female ? middlesFemale : middlesMale)} ${pickOf(random, female ? givenFemale : givenMale)}`;
  const birthDay = dayOf('1945-01-01') + Math.floor(random() * (dayOf('2006-12-31') - dayOf('1945-01-01')));
  const birthDate = isoOf(birthDay);
  const earliest = birthDay + Math.ceil(18.1 * 365.25);
  const latest = Math.min(birthDay + Math.floor(59.5 * 365.25), dayOf(today) - 1);
  const admittedOn = isoOf(earliest + Math.floor(random() * Math.max(1, latest - earliest)));
  const fullMemberSince = fullMemberSinceFor(admittedOn, today);
  const year = Number(birthDate.slice(0, 4));
  const fields: MemberFields = {
    fullName,
    otherNames: null,
    sex: female ? 'female' : 'male',
    birthDate,
    birthPlace: null,
    homeTown: null,
    residence: null,
    ethnicity: weighted(random, ethnicities),
    religion: weighted(random, religions),
    citizenId: demoCitizenId(seq, year, female),
    educationGeneral: random() < 0.9 ? '12/12' : '9/12',
    educationProfessional: pickOf(random, professional),
    politicalTheory: weighted(random, theories),
    occupation: pickOf(random, occupations),
    cardNumber: String(10_000_000 + seq).slice(-8),
    historyNumber: null,
    positions: null,
    awards: null,
    disciplineNote: null,
  };
  const openedOn = admittedOn > historyStart ? admittedOn : historyStart;
  return { fields, cellId, admittedOn, fullMemberSince, openedOn, documentNumber: 'Dữ liệu minh họa' };
}

/**
 * Members for every cell that exists today, deterministic for the scale, committed in
 * batches of cells (one transaction each) with progress.
 */
export async function seedDemoMembers(db: Kysely<DB>, ctx: Context, scale: DemoScale, today: string, progress?: (done: number, total: number) => void): Promise<number> {
  const cells = await db
    .selectFrom('org_unit')
    .select(['id', 'valid_from'])
    .where('kind', 'in', ['cell', 'grassroots_cell'])
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  const perCell = membersPerCell[scale];
  const random = seededRandom(1930);
  const batchCells = 500;
  let seq = 0;
  for (let start = 0; start < cells.length; start += batchCells) {
    const batch: BulkMember[] = [];
    for (const cell of cells.slice(start, start + batchCells)) {
      for (let i = 0; i < perCell; i += 1) {
        const m = demoMember(random, cell.id, (seq += 1), today);
        // Nobody is recorded in a cell before it existed (the demo's cells date from 2021).
        batch.push(m.openedOn < cell.valid_from ? { ...m, openedOn: cell.valid_from, admittedOn: m.admittedOn < cell.valid_from ? m.admittedOn : cell.valid_from } : m);
      }
    }
    await db.transaction().execute(async (trx) => {
      const ids = await insertMembersInBulk(trx, batch, null);
      await recordAudit(trx, ctx, { action: 'member.import', entityType: 'party_member', entityId: ids[0] ?? null, unitId: null, after: { source: 'Dữ liệu minh họa', scale, members: ids.length } });
    });
    progress?.(Math.min(start + batchCells, cells.length), cells.length);
  }
  return seq;
}
