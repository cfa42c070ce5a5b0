import fs from 'node:fs';
import { once } from 'node:events';
import type { MemberFields } from '@tcxd/contract';
import { memberSearchText } from '../../server/src/modules/members/members.repository.ts';
import { demoMember } from '../../server/src/seed/demo-members.ts';
import { seededRandom } from '../../server/src/seed/demo-structure.ts';

/** The columns of the generated register file (Vietnamese headers, as a province would send it). */
const header = 'Họ và tên,Giới tính,Ngày sinh,Dân tộc,Tôn giáo,Số định danh cá nhân,Trình độ giáo dục phổ thông,Chuyên môn nghiệp vụ,Lý luận chính trị,Nghề nghiệp,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Mã chi bộ';
const theory: Readonly<Record<string, string>> = { so_cap: 'Sơ cấp', trung_cap: 'Trung cấp', cao_cap: 'Cao cấp', cu_nhan: 'Cử nhân' };
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** A generated member as drawn by the demo generator; sequence numbers from 20,000,001 never clash with the demo's. */
export function generatedMember(random: () => number, index: number, today: string): { fields: MemberFields; admittedOn: string; fullMemberSince: string | null } {
  const m = demoMember(random, '', 20_000_001 + index, today);
  return { fields: m.fields, admittedOn: m.admittedOn, fullMemberSince: m.fullMemberSince };
}

function line(m: ReturnType<typeof generatedMember>, cellCode: string): string {
  const f = m.fields;
  return [
    f.fullName,
    f.sex === 'female' ? 'Nữ' : 'Nam',
    vnDate(f.birthDate),
    f.ethnicity,
    f.religion ?? '',
    f.citizenId ?? '',
    f.educationGeneral ?? '',
    f.educationProfessional ?? '',
    f.politicalTheory ? (theory[f.politicalTheory] ?? '') : '',
    f.occupation ?? '',
    vnDate(m.admittedOn),
    vnDate(m.fullMemberSince),
    f.cardNumber ?? '',
    cellCode,
  ].join(',');
}

/** Writes a CSV member register of `rows` deterministic members spread over the cells; resolves with its size in bytes. */
export async function writeMemberCsv(file: string, rows: number, cellCodes: readonly string[], today: string): Promise<number> {
  const out = fs.createWriteStream(file);
  const random = seededRandom(2026);
  out.write(`${header}\r\n`);
  // A million draws over a thousand cells give a few real namesakes born on the same day in
  // the same cell (names compared without diacritics, as the import compares them), which the
  // import rightly refuses as duplicates: draw again for those.
  const people = new Set<string>();
  for (let i = 0, seq = 0; i < rows; seq += 1) {
    const member = generatedMember(random, seq, today);
    const cellCode = cellCodes[i % cellCodes.length] ?? '';
    const person = [memberSearchText(member.fields), member.fields.birthDate, cellCode].join('|');
    if (people.has(person)) continue;
    people.add(person);
    i += 1;
    if (!out.write(`${line(member, cellCode)}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
