import { type AggregateStructure, reportNarrative, reportValues } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Block, buildPartyDocument, type CellValue } from '../../documents/party-document.ts';
import { scopePaths } from '../../platform/access.ts';
import type { Context } from '../../platform/context.ts';
import { todayVn } from '../../platform/today.ts';
import { aggregatePeriod } from './reports.aggregate.service.ts';
import { expectedUnits } from './reports.expected.ts';
import * as repo from './reports.repository.ts';
import { compiledOf } from './reports.submissions.service.ts';
import { trackPeriod } from './reports.tracking.service.ts';
import { visiblePeriod } from './reports.templates.service.ts';

export interface ConsolidatedOptions {
  readonly structure: AggregateStructure;
  readonly narrative: 'per_unit' | 'by_section';
  readonly number?: string;
  readonly signerTitle?: string;
  readonly signerName?: string;
}

/** How the issuing committee is named above its organisation board ("TỈNH ỦY HÀ GIANG" for "Đảng bộ tỉnh Hà Giang"). */
export function committeeOf(unitName: string, isRoot: boolean): string {
  if (isRoot) return 'BAN CHẤP HÀNH TRUNG ƯƠNG';
  const name = unitName.replace(/^Đảng bộ\s+/u, '');
  if (/^tỉnh\s/u.test(name)) return `Tỉnh ủy ${name.replace(/^tỉnh\s+/u, '')}`;
  if (/^thành phố\s/u.test(name)) return `Thành ủy ${name.replace(/^thành phố\s+/u, '')}`;
  return `Đảng ủy ${name}`;
}

const ratio = (n: number, m: number) => (m === 0 ? '0' : `${n}/${m}`);

/**
 * The consolidated report (báo cáo tổng hợp) of a period as a Word document in the Party
 * format: who reported, the aggregated indicators against the previous period and the same
 * period last year, the figures by unit, the narrative compiled by section or per unit, the
 * units that did not report, signature and recipients.
 */
export async function consolidatedReport(db: Kysely<DB>, ctx: Context, periodId: string, options: ConsolidatedOptions): Promise<{ fileName: string; buffer: Buffer }> {
  const period = await visiblePeriod(db, ctx, periodId);
  const compiled = compiledOf(period);
  const [tracking, aggregate] = await Promise.all([trackPeriod(db, ctx, periodId, {}), aggregatePeriod(db, ctx, periodId, { structure: options.structure })]);
  const owner = await db.selectFrom('org_unit').select(['id', 'name', 'parent_id']).where('id', '=', period.owner_unit_id).executeTakeFirstOrThrow();
  const isRoot = owner.parent_id === null;
  const indicators = compiled.definition.indicators;
  const today = todayVn();
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Tính đến ngày ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}, ${ratio(tracking.reported, tracking.expected)} đơn vị đã gửi báo cáo ${period.label.toLocaleLowerCase('vi')} (đúng hạn ${tracking.onTime}, muộn ${tracking.late}); ${tracking.missing + tracking.returned} đơn vị chưa báo cáo hoặc đang hoàn thiện báo cáo bị trả lại. Số liệu tổng hợp theo ${options.structure === 'period' ? 'cơ cấu tổ chức tại thời điểm kỳ báo cáo' : 'cơ cấu tổ chức hiện nay'}.`,
    },
    { kind: 'heading', level: 1, text: 'I- SỐ LIỆU TỔNG HỢP' },
    {
      kind: 'table',
      columns: [{ title: 'TT', width: 0.5, align: 'center' }, { title: 'Chỉ tiêu', width: 4 }, { title: period.label, width: 1.3 }, { title: aggregate.previous?.label ?? 'Kỳ trước', width: 1.3 }, { title: aggregate.lastYear?.label ?? 'Cùng kỳ năm trước', width: 1.3 }],
      rows: indicators.map((i, n): CellValue[] => [n + 1, i.unit ? `${i.label} (${i.unit})` : i.label, aggregate.total[i.code] ?? null, aggregate.previous?.values[i.code] ?? null, aggregate.lastYear?.values[i.code] ?? null]),
    },
  ];
  const shown = indicators.slice(0, 5);
  body.push({ kind: 'heading', level: 2, text: '1- Số liệu theo đơn vị' });
  body.push({
    kind: 'table',
    columns: [{ title: 'TT', width: 0.5, align: 'center' }, { title: 'Đơn vị', width: 3 }, { title: 'Đã báo cáo', width: 1, align: 'center' }, ...shown.map((i) => ({ title: i.label, width: 1.2 }))],
    rows: aggregate.groups.map((g, n): CellValue[] => [n + 1, g.unit.name, ratio(g.reported, g.expected), ...shown.map((i) => g.values[i.code] ?? null)]),
    totalRow: ['', 'Tổng cộng', ratio(aggregate.reported, aggregate.expected), ...shown.map((i) => aggregate.total[i.code] ?? null)],
  });
  body.push(...(await narrativeBlocks(db, period, tracking.rows.filter((r) => r.status === 'on_time' || r.status === 'late').map((r) => ({ id: r.unit.id, name: r.unit.name })), compiled.definition.sections, options.narrative)));
  const missing = tracking.rows.filter((r) => r.status === 'missing' || r.status === 'returned');
  body.push({ kind: 'heading', level: 1, text: `III- ĐƠN VỊ CHƯA BÁO CÁO (${missing.length})` });
  body.push(missing.length === 0 ? { kind: 'paragraph', text: 'Tất cả các đơn vị đã gửi báo cáo.' } : { kind: 'list', items: missing.map((r) => `${r.unit.name}${r.status === 'returned' ? ' (báo cáo bị trả lại, đang hoàn thiện)' : ''}`) });
  const buffer = await buildPartyDocument({
    parentBody: committeeOf(owner.name, isRoot),
    issuingBody: isRoot ? 'BAN TỔ CHỨC TRUNG ƯƠNG' : 'BAN TỔ CHỨC',
    number: options.number,
    place: isRoot ? 'Hà Nội' : owner.name.replace(/^Đảng bộ\s+(tỉnh|thành phố)\s+/u, ''),
    date: today,
    typeName: 'BÁO CÁO',
    subject: `tổng hợp kết quả công tác tổ chức xây dựng Đảng ${period.label.toLocaleLowerCase('vi')}`.replace(/^./u, (c) => c.toLocaleUpperCase('vi')),
    body,
    signature: { authority: 'K/T TRƯỞNG BAN', title: options.signerTitle ?? 'PHÓ TRƯỞNG BAN', name: options.signerName ?? (ctx.actor.kind === 'user' ? ctx.actor.fullName : 'Người ký') },
    recipients: ['Các đồng chí lãnh đạo Ban', 'Ban tổ chức các tỉnh ủy, thành ủy, đảng ủy trực thuộc', 'Lưu Văn phòng'],
  });
  return { fileName: `bao-cao-tong-hop-${period.starts_on}.docx`, buffer };
}

async function narrativeBlocks(
  db: Kysely<DB>,
  period: repo.PeriodRow,
  reported: readonly { id: string; name: string }[],
  sections: readonly { key: string; title: string }[],
  mode: 'per_unit' | 'by_section',
): Promise<Block[]> {
  const reports = await repo.sentReports(db, period.id, reported.map((u) => u.id));
  const texts = new Map(reports.map((r) => [r.unit_id, reportNarrative.parse(r.narrative)]));
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'II- TÌNH HÌNH, KẾT QUẢ THỰC HIỆN' }];
  if (mode === 'by_section') {
    sections.forEach((s, i) => {
      blocks.push({ kind: 'heading', level: 2, text: `${i + 1}- ${s.title}` });
      const items = reported.flatMap((u) => {
        const text = texts.get(u.id)?.[s.key]?.trim();
        return text ? [`${u.name}: ${text}`] : [];
      });
      blocks.push(items.length === 0 ? { kind: 'paragraph', text: 'Chưa có nội dung.', italic: true } : { kind: 'list', items });
    });
    return blocks;
  }
  reported.forEach((u, i) => {
    const narrative = texts.get(u.id) ?? {};
    blocks.push({ kind: 'heading', level: 2, text: `${i + 1}- ${u.name}` });
    for (const s of sections) {
      const text = narrative[s.key]?.trim();
      if (text) blocks.push({ kind: 'paragraph', text: `${s.title}: ${text}` });
    }
  });
  return blocks;
}

/** An Excel workbook of every indicator (and breakdown part) by expected unit, with the status of each unit's report. */
export async function indicatorsWorkbook(db: Kysely<DB>, ctx: Context, periodId: string): Promise<{ fileName: string; buffer: Buffer }> {
  const period = await visiblePeriod(db, ctx, periodId);
  const compiled = compiledOf(period);
  const units = await expectedUnits(db, scopePaths(ctx, 'read'), period);
  const tracking = await trackPeriod(db, ctx, periodId, {});
  const statusOf = new Map(tracking.rows.map((r) => [r.unit.id, r.status]));
  const reports = new Map((await repo.sentReports(db, periodId, units.map((u) => u.id))).map((r) => [r.unit_id, reportValues.parse(r.values)]));
  const columns = compiled.definition.indicators.flatMap((i) => [{ key: i.code, title: i.label }, ...i.breakdown.map((b) => ({ key: `${i.code}.${b.key}`, title: `${i.label} — ${b.label}` }))]);
  const statusText = { on_time: 'Đúng hạn', late: 'Muộn', returned: 'Bị trả lại', missing: 'Chưa báo cáo' } as const;
  const Excel = (await import('exceljs')).default;
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(period.label.slice(0, 31));
  sheet.addRow(['Mã đơn vị', 'Đơn vị', 'Tình trạng', ...columns.map((c) => c.title)]).font = { bold: true };
  for (const unit of units) {
    const values = reports.get(unit.id);
    sheet.addRow([unit.code, unit.name, statusText[statusOf.get(unit.id) ?? 'missing'], ...columns.map((c) => values?.[c.key] ?? null)]);
  }
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  sheet.getColumn(2).width = 40;
  return { fileName: `chi-tieu-${period.starts_on}.xlsx`, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
