import type { Role } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { newId, pathLabel } from '../src/platform/ids.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { normalizeSearch } from '../src/platform/search-text.ts';

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Xuân', 'Thu'];
const givenNames = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn'];
const places = ['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế', 'Nghệ An', 'Thanh Hóa', 'Quảng Ninh', 'Lâm Đồng', 'Đắk Lắk', 'Cà Mau', 'An Giang'];

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}
function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** A plausible Vietnamese full name. */
export function fakeFullName(n = next()): string {
  return `${pick(familyNames, n)} ${pick(middleNames, n * 7)} ${pick(givenNames, n * 13)}`;
}

export interface BuiltUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly path: string;
}

/** Inserts an organisation unit (under a parent, or as a top-level unit). */
export async function buildUnit(
  db: Kysely<DB>,
  options: { parent?: BuiltUnit; name?: string; kind?: string; code?: string; validFrom?: string } = {},
): Promise<BuiltUnit> {
  const n = next();
  const id = newId();
  const name = options.name ?? (options.parent ? `Chi bộ ${n}` : `Đảng bộ tỉnh ${pick(places, n)} ${n}`);
  const code = options.code ?? `T${n}-${id.slice(-6)}`;
  const path = options.parent ? `${options.parent.path}.${pathLabel(id)}` : pathLabel(id);
  const kind = options.kind ?? (options.parent ? 'cell' : 'province');
  const validFrom = options.validFrom ?? '2020-01-01';
  await db
    .insertInto('org_unit')
    .values({ id, code, name, kind, parent_id: options.parent?.id ?? null, path, valid_from: validFrom, valid_to: null, search_text: normalizeSearch(`${code} ${name}`) })
    .execute();
  await db
    .insertInto('org_unit_version')
    .values({ id: newId(), unit_id: id, name, kind, parent_id: options.parent?.id ?? null, valid_from: validFrom, valid_to: null, change_id: null })
    .execute();
  return { id, code, name, path };
}

export interface BuiltUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

/** Inserts an account with grants (role over unit) and a known password. */
export async function buildUser(
  db: Kysely<DB>,
  grants: readonly { role: Role; unit: BuiltUnit }[],
  options: { username?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<BuiltUser> {
  const n = next();
  const id = newId();
  const username = options.username ?? `user${n}.${id.slice(-6)}`;
  const password = options.password ?? `Mat-khau-${n}-thu-nghiem`;
  await db
    .insertInto('app_user')
    .values({
      id,
      username,
      full_name: fakeFullName(n),
      email: null,
      locale: 'vi',
      password_hash: await hashPassword(password),
      must_change_password: options.mustChangePassword ?? false,
      password_changed_at: new Date(),
    })
    .execute();
  if (grants.length > 0) {
    await db
      .insertInto('user_grant')
      .values(grants.map((g) => ({ id: newId(), user_id: id, role: g.role, unit_id: g.unit.id })))
      .execute();
  }
  return { id, username, password };
}

export interface BuiltMember {
  readonly id: string;
  readonly fullName: string;
  readonly cardNumber: string;
}

/**
 * Enters a member through the service (so the derived state and periods are real): an
 * existing full member of the cell by default, or a new admission on a date.
 */
export async function buildMember(
  db: Kysely<DB>,
  cell: BuiltUnit,
  options: { fullName?: string; birthDate?: string; sex?: 'male' | 'female'; admittedOn?: string; fullMemberSince?: string | null; openedOn?: string; citizenId?: string | null; religion?: string | null } = {},
): Promise<BuiltMember> {
  const n = next();
  const fullName = options.fullName ?? fakeFullName(n);
  const cardNumber = String(10_000_000 + ((n * 7_919 + Date.now()) % 89_999_999)).slice(0, 8);
  const admittedOn = options.admittedOn ?? '2010-05-19';
  const { createMember } = await import('../src/modules/members/members.service.ts');
  const { systemContext } = await import('../src/platform/context.ts');
  const view = await createMember(db, systemContext('test'), {
    fields: {
      fullName,
      otherNames: null,
      sex: options.sex ?? (n % 2 === 0 ? 'female' : 'male'),
      birthDate: options.birthDate ?? '1985-03-0' + String((n % 9) + 1),
      birthPlace: pick(places, n),
      homeTown: pick(places, n * 3),
      residence: pick(places, n * 5),
      ethnicity: 'Kinh',
      religion: options.religion ?? null,
      citizenId: options.citizenId ?? null,
      educationGeneral: '12/12',
      educationProfessional: 'Cử nhân Luật',
      politicalTheory: 'trung_cap',
      occupation: 'Công chức',
      cardNumber,
      historyNumber: null,
      positions: null,
      awards: null,
      disciplineNote: null,
    },
    opening: {
      kind: 'record_opened',
      date: options.openedOn ?? '2020-01-01',
      cellId: cell.id,
      admittedOn,
      fullMemberSince: options.fullMemberSince === undefined ? '2011-05-19' : options.fullMemberSince,
      note: null,
    },
  });
  return { id: view.id, fullName, cardNumber };
}
