import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Context } from '../platform/context.ts';
import { createConference, recordConclusion, setAgenda } from '../modules/conferences/conferences.service.ts';
import { conclusionsToTasks } from '../modules/conferences/conferences.tasks.service.ts';
import { addUpdate } from '../modules/tasks/tasks.service.ts';
import { findByCode } from '../modules/units/units.repository.ts';

const hostPoint = 'Hội trường Ban Tổ chức Trung ương, số 2 Hoàng Văn Thụ, Hà Nội';

/** The monthly period of the demo template starting on a date, if the reports demo created it. */
async function monthPeriod(db: Kysely<DB>, startsOn: string): Promise<string | null> {
  const row = await db.selectFrom('report_period as p').innerJoin('report_template as t', 't.id', 'p.template_id').select('p.id').where('t.code', '=', 'BC-THANG').where('p.starts_on', '=', startsOn).where('p.kind', '=', 'month').executeTakeFirst();
  return row?.id ?? null;
}

/** Marks every point of a past conference confirmed and connected, as the day's roll call recorded it. */
async function rollCall(db: Kysely<DB>, ctx: Context, conferenceId: string, hostUnitId: string, startsAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const at = new Date(startsAt);
    const points = await trx
      .updateTable('conference_point')
      .set({ invited_at: new Date(at.getTime() - 5 * 86_400_000), confirmed_at: new Date(at.getTime() - 2 * 86_400_000), connected_at: new Date(at.getTime() - 15 * 60_000), chair: 'Đồng chí Trưởng ban Tổ chức', attendees: 25, contact: 'Văn phòng Ban Tổ chức' })
      .where('conference_id', '=', conferenceId)
      .returning('unit_id')
      .execute();
    await recordAudit(trx, ctx, { action: 'conference.demo_roll_call', entityType: 'conference', entityId: conferenceId, unitId: hostUnitId, after: { connected: points.length } });
  });
}

async function unitIdOf(db: Kysely<DB>, code: string): Promise<string | null> {
  return (await findByCode(db, code))?.id ?? null;
}

/**
 * The real briefings of demo-scenarios.md: the online briefing of 5-2-2021 on January 2021
 * (67 points; the key tasks of February 2021 as conclusion items made tasks) and the Q1 2024
 * review of 1-4-2024 (67 points) that disseminated 137-QĐ/TW, 138-QĐ/TW and 26-HD/BTCTW from
 * the documents register.
 */
export async function seedDemoConferences(db: Kysely<DB>, ctx: Context): Promise<void> {
  const root = await findByCode(db, 'TW');
  if (!root) return;
  const [hanoi, hcm, quangninh, nghean] = await Promise.all(['01', '79', '22', '40'].map((code) => unitIdOf(db, code)));

  const jan = await createConference(db, ctx, {
    hostUnitId: root.id, kind: 'monthly_briefing', title: 'Hội nghị giao ban trực tuyến Ngành Tổ chức xây dựng Đảng tháng 1-2021',
    startsAt: '2021-02-05T01:30:00.000Z', hostPoint, mode: 'online', videoLink: null, reportPeriodId: await monthPeriod(db, '2021-01-01'),
    unitIds: null, confirmBy: '2021-02-03', chairName: 'Thường trực Ban Tổ chức Trung ương', chairTitle: 'Phó Trưởng ban Thường trực',
  });
  await setAgenda(db, ctx, jan.id, {
    items: [
      { kind: 'report', title: 'Báo cáo kết quả công tác tổ chức xây dựng Đảng tháng 1-2021: 60/67 đảng bộ trực thuộc Trung ương và 37/67 bộ, ngành đã hoàn thành kiểm điểm tập thể, cá nhân Ban Thường vụ năm 2020', documentId: null, unitId: null, speaker: null },
      ...(hanoi ? [{ kind: 'contribution' as const, title: 'Kinh nghiệm kiểm điểm, đánh giá, xếp loại tập thể, cá nhân Ban Thường vụ năm 2020', documentId: null, unitId: hanoi, speaker: 'Trưởng ban Tổ chức Thành ủy' }] : []),
      { kind: 'conclusion', title: 'Kết luận của đồng chí chủ trì hội nghị', documentId: null, unitId: null, speaker: null },
    ],
  });
  await recordConclusion(db, ctx, jan.id, {
    summary: 'Hội nghị thống nhất các nhiệm vụ trọng tâm tháng 2-2021.',
    items: [
      { text: 'Tham mưu phân công công tác đối với các đồng chí Ủy viên Trung ương khóa XIII', leadUnitId: root.id, dueOn: '2021-02-28' },
      { text: 'Chuẩn bị nhân sự bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026 theo Chỉ thị 45-CT/TW và Hướng dẫn 36-HD/BTCTW', leadUnitId: root.id, dueOn: '2021-03-31' },
      { text: 'Xây dựng cơ sở dữ liệu cá nhân và tổ chức của ngành', leadUnitId: root.id, dueOn: '2021-06-30' },
    ],
  });
  await rollCall(db, ctx, jan.id, root.id, '2021-02-05T01:30:00.000Z');
  const janTasks = await conclusionsToTasks(db, ctx, jan.id);
  for (const taskId of janTasks.taskIds) await addUpdate(db, ctx, taskId, { kind: 'progress', unitId: null, status: 'done', progress: 100, note: 'Đã hoàn thành' });

  const documents = await db.selectFrom('party_document').select(['id', 'number_text', 'subject']).where('number_text', 'in', ['137-QĐ/TW', '138-QĐ/TW', '26-HD/BTCTW']).orderBy('number_text').execute();
  const q1 = await createConference(db, ctx, {
    hostUnitId: root.id, kind: 'quarterly_review', title: 'Hội nghị trực tuyến sơ kết công tác tổ chức xây dựng Đảng quý I, triển khai nhiệm vụ quý II năm 2024',
    startsAt: '2024-04-01T01:30:00.000Z', hostPoint, mode: 'online', videoLink: null, reportPeriodId: null,
    unitIds: null, confirmBy: '2024-03-29', chairName: 'Thường trực Ban Tổ chức Trung ương', chairTitle: 'Phó Trưởng ban Thường trực',
  });
  await setAgenda(db, ctx, q1.id, {
    items: [
      { kind: 'report', title: 'Báo cáo sơ kết công tác tổ chức xây dựng Đảng quý I năm 2024', documentId: null, unitId: null, speaker: null },
      ...documents.map((d) => ({ kind: 'document' as const, title: `Quán triệt ${d.number_text}`, documentId: d.id, unitId: null, speaker: null })),
      ...(hcm ? [{ kind: 'contribution' as const, title: 'Công tác phát triển đảng viên, kết nạp đảng viên trong doanh nghiệp ngoài nhà nước', documentId: null, unitId: hcm, speaker: null }] : []),
      ...(quangninh ? [{ kind: 'contribution' as const, title: 'Giải quyết cán bộ dôi dư sau sắp xếp đơn vị hành chính cấp huyện, cấp xã', documentId: null, unitId: quangninh, speaker: null }] : []),
      ...(nghean ? [{ kind: 'contribution' as const, title: 'Chuẩn bị nhân sự đại hội đảng bộ các cấp tiến tới Đại hội XIV của Đảng', documentId: null, unitId: nghean, speaker: null }] : []),
      { kind: 'conclusion', title: 'Kết luận của đồng chí chủ trì hội nghị', documentId: null, unitId: null, speaker: null },
    ],
  });
  await recordConclusion(db, ctx, q1.id, {
    summary: 'Các cấp ủy tổ chức quán triệt, triển khai Quy định 137-QĐ/TW, 138-QĐ/TW và Hướng dẫn 26-HD/BTCTW; tập trung các nhiệm vụ quý II năm 2024.',
    items: [
      { text: 'Hoàn thành quán triệt, ban hành kế hoạch thực hiện Quy định 137-QĐ/TW, 138-QĐ/TW và Hướng dẫn 26-HD/BTCTW', leadUnitId: root.id, dueOn: '2024-06-30' },
      { text: 'Chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025–2030', leadUnitId: root.id, dueOn: '2024-12-31' },
    ],
  });
  await rollCall(db, ctx, q1.id, root.id, '2024-04-01T01:30:00.000Z');
  await conclusionsToTasks(db, ctx, q1.id);
}
