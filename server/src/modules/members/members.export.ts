/**
 * Exports of the member registry: a filtered list in the layout of the import (the
 * full-record sheet, or the member register Mẫu 7-HSĐV), streamed row by row, and the
 * statistics of a unit as a workbook. Sensitive fields are left empty for rows outside the
 * viewer's sensitive scope; every export is logged like a read of the records it holds.
 */
import type { Writable } from 'node:stream';
import type { Locale, MemberListQuery, MemberStats, memberStatsQuery } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { safeCell } from '../../documents/spreadsheet.ts';
import { requireUnit, scopePaths, withinScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Context } from '../../platform/context.ts';
import { todayVn } from '../../platform/today.ts';
import { streamMembers } from './members.repository.ts';
import { memberRegisterKeys, memberSheetKeys } from './members.sheet-layout.ts';
import { type MemberSheetWriteRow, writeMemberSheetTo } from './members.sheet-write.ts';
import { memberStatistics } from './members.stats.ts';

export type ExportLayout = 'record' | 'register';
type StreamedRow = ReturnType<typeof streamMembers> extends AsyncGenerator<infer R> ? R : never;

function sheetRowOf(r: StreamedRow, seeSensitive: boolean): MemberSheetWriteRow {
  return {
    fullName: r.full_name,
    otherNames: r.other_names,
    sex: r.sex,
    birthDate: r.birth_date,
    birthPlace: r.birth_place,
    homeTown: r.home_town,
    residence: r.residence,
    ethnicity: r.ethnicity,
    religion: seeSensitive ? r.religion : null,
    citizenId: seeSensitive ? r.citizen_id : null,
    educationGeneral: r.education_general,
    educationProfessional: r.education_professional,
    politicalTheory: r.political_theory,
    occupation: r.occupation,
    admittedOn: r.admission_date,
    fullMemberSince: r.full_member_date,
    cardNumber: r.card_number,
    historyNumber: r.history_number,
    cellCode: r.cell_code,
    cellName: r.cell_name,
    positions: r.positions,
    awards: r.awards,
    disciplineNote: r.discipline_note,
  };
}

/**
 * Checks the request and audits the export (in its own transaction, with the filters used),
 * then answers the writer that streams every matching member (in Vietnamese name order) as
 * .xlsx: a refusal comes before anything is sent.
 */
export async function exportMembers(db: Kysely<DB>, ctx: Context, query: Omit<MemberListQuery, 'page' | 'pageSize'>, layout: ExportLayout): Promise<(output: Writable) => Promise<void>> {
  const unitPath = query.unitId ? (await requireUnit(db, ctx, query.unitId, 'read')).path : null;
  const sensitiveScope = scopePaths(ctx, 'members.sensitive');
  await db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'member.export', entityType: 'party_member', entityId: null, unitId: query.unitId ?? null, after: { query, layout } }));
  return async (output) => {
    const rows = streamMembers(db, scopePaths(ctx, 'read'), query, unitPath, sensitiveScope.length > 0, todayVn());
    async function* sheetRows(): AsyncGenerator<MemberSheetWriteRow> {
      for await (const r of rows) yield sheetRowOf(r, withinScope(r.cell_path, sensitiveScope));
    }
    await writeMemberSheetTo(output, sheetRows(), { locale: ctx.locale, columns: layout === 'register' ? memberRegisterKeys : memberSheetKeys });
  };
}

const statusLabels: Readonly<Record<string, string>> = { full: 'Đảng viên chính thức', probationary: 'Đảng viên dự bị', in_transit: 'Đang chuyển sinh hoạt' };
const sexLabels: Readonly<Record<string, string>> = { male: 'Nam', female: 'Nữ' };
const theoryLabels: Readonly<Record<string, string>> = { so_cap: 'Sơ cấp', trung_cap: 'Trung cấp', cao_cap: 'Cao cấp', cu_nhan: 'Cử nhân' };
const ageLabel = (band: string) => (band.endsWith('+') ? `Trên ${Number(band.slice(0, -1)) - 1} tuổi` : `${band.replace('-', '–')} tuổi`);

/** The statistics as rows of (section, item, count), in the order the page shows them. */
export function statsRows(stats: MemberStats): readonly (readonly [string, string, number])[] {
  const label = (labels: Readonly<Record<string, string>>) => (key: string) => labels[key] ?? (key === '' ? 'Chưa có thông tin' : key);
  const section = (title: string, tally: MemberStats['byStatus'] | null, name: (key: string) => string) => (tally ?? []).map((t) => [title, name(t.key), t.count] as const);
  const p = stats.period;
  return [
    ['Tổng số', 'Tổng số đảng viên', stats.total],
    ...section('Theo loại đảng viên', stats.byStatus, label(statusLabels)),
    ...section('Theo giới tính', stats.bySex, label(sexLabels)),
    ...section('Theo độ tuổi', stats.byAgeBand, ageLabel),
    ...section('Theo dân tộc', stats.byEthnicity, label({})),
    ...section('Theo tôn giáo', stats.byReligion, (k) => (k === '' ? 'Không' : k)),
    ...section('Theo trình độ giáo dục phổ thông', stats.byEducation, label({})),
    ...section('Theo trình độ lý luận chính trị', stats.byPoliticalTheory, label(theoryLabels)),
    ...stats.byChild.map((c) => ['Theo đơn vị trực thuộc', c.name, c.full + c.probationary] as const),
    ...(
      [
        ['Kết nạp', p.admitted],
        ['Công nhận đảng viên chính thức', p.recognised],
        ['Chuyển sinh hoạt đến', p.transferredIn],
        ['Chuyển sinh hoạt đi', p.transferredOut],
        ['Xóa tên', p.removed],
        ['Khai trừ', p.expelled],
        ['Từ trần', p.died],
      ] as const
    ).map(([item, n]) => [`Biến động từ ${formatVn(p.from)} đến ${formatVn(p.to)}`, item, n] as const),
  ];
}

function formatVn(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The statistics of a unit's subtree as an .xlsx workbook (numbers as numbers). */
export async function exportStats(db: Kysely<DB>, ctx: Context, query: z.infer<typeof memberStatsQuery>, locale: Locale): Promise<Buffer> {
  const stats = await memberStatistics(db, ctx, query);
  const Excel = (await import('exceljs')).default;
  const workbook = new Excel.Workbook();
  workbook.creator = 'TCXD';
  const sheet = workbook.addWorksheet('Thống kê đảng viên');
  sheet.columns = [{ width: 44 }, { width: 40 }, { width: 16 }];
  sheet.addRow([`Thống kê đảng viên — ${stats.unit.name}`]).font = { bold: true, size: 13 };
  sheet.addRow([`Số liệu ngày ${formatVn(stats.asOf)}`]);
  sheet.addRow([]);
  const header = sheet.addRow(locale === 'en' ? ['Breakdown', 'Item', 'Members'] : ['Chỉ tiêu', 'Nội dung', 'Số đảng viên']);
  header.font = { bold: true };
  for (const [group, item, n] of statsRows(stats)) sheet.addRow([safeCell(group), safeCell(item), n]).getCell(3).numFmt = '#,##0';
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
