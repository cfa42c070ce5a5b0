import { taskCreateRequest } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Context } from '../platform/context.ts';
import { addRelation, createDocument, disseminate, reportDissemination } from '../modules/documents/documents.service.ts';
import { childrenOn } from '../modules/documents/documents.repository.ts';
import { addUpdate, createTask } from '../modules/tasks/tasks.service.ts';
import { findByCode } from '../modules/units/units.repository.ts';

/** Plausible titles for the 17 projects (đề án) assigned for 2023 (conference of 29-12-2022). */
const projects2023 = [
  'Đề án tổng kết 15 năm thực hiện Nghị quyết Trung ương 6 khóa X về nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng',
  'Đề án sửa đổi, bổ sung Quy định về phân cấp quản lý cán bộ',
  'Đề án Quy định về kiểm soát quyền lực trong công tác cán bộ',
  'Đề án xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược',
  'Đề án đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
  'Đề án chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025–2030',
  'Đề án về khung tiêu chuẩn chức danh, tiêu chí đánh giá cán bộ',
  'Đề án luân chuyển cán bộ lãnh đạo, quản lý',
  'Đề án về công tác bảo vệ chính trị nội bộ',
  'Đề án xây dựng cơ sở dữ liệu đảng viên toàn quốc',
  'Đề án sắp xếp tổ chức bộ máy của hệ thống chính trị',
  'Đề án về chế độ, chính sách đối với cán bộ dôi dư sau sắp xếp',
  'Đề án tổng kết công tác phát triển đảng viên trong doanh nghiệp ngoài nhà nước',
  'Đề án về quy hoạch cán bộ lãnh đạo, quản lý các cấp',
  'Đề án đổi mới phương thức sinh hoạt chi bộ',
  'Đề án về thẩm quyền, trách nhiệm người đứng đầu trong công tác cán bộ',
  'Đề án chuyển đổi số trong ngành Tổ chức xây dựng Đảng',
];

/**
 * The work programme's real events (demo-scenarios.md): Kết luận 21-KL/TW with a per-province
 * rollout, the documents disseminated at the Q1 2024 review (137-QĐ/TW, 138-QĐ/TW, 26-HD/BTCTW)
 * with the provinces that have reported, and the 17 projects of 2023, some finished late.
 */
export async function seedDemoProgramme(db: Kysely<DB>, ctx: Context, today: string): Promise<void> {
  const root = await findByCode(db, 'TW');
  if (!root) return;
  const register = (number: string, issuedOn: string, subject: string, summary: string | null = null) => createDocument(db, ctx, { ownerUnitId: root.id, number, issuedOn, subject, summary });
  const kl21 = await register('21-KL/TW', '2021-10-25', 'Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái');
  const kh03 = await register('03-KH/TW', '2021-11-15', 'Kế hoạch thực hiện Kết luận 21-KL/TW');
  await addRelation(db, ctx, kh03.id, { kind: 'implements', targetId: kl21.id });
  const qd137 = await register('137-QĐ/TW', '2023-12-01', 'Quy định về nghiệp vụ công tác đảng viên');
  const qd138 = await register('138-QĐ/TW', '2023-12-01', 'Quy định về quản lý hồ sơ đảng viên');
  const hd26 = await register('26-HD/BTCTW', '2023-11-30', 'Hướng dẫn một số vấn đề cụ thể về nghiệp vụ công tác đảng viên');
  await addRelation(db, ctx, hd26.id, { kind: 'guides', targetId: qd137.id });
  const provinces = await childrenOn(db, root.id, '2024-04-01');
  for (const [k, doc] of [qd137, qd138, hd26].entries()) {
    const view = await disseminate(db, ctx, doc.id, { fromUnitId: root.id, asOf: '2024-04-01', unitIds: [] });
    const dissemination = view.disseminations[0];
    if (!dissemination) continue;
    // Most provinces report within weeks; the last few of each list have not yet.
    const reporting = provinces.slice(0, Math.max(0, provinces.length - 4 - 3 * k));
    for (const [i, p] of reporting.entries()) {
      await reportDissemination(db, ctx, dissemination.id, { unitId: p.id, disseminatedOn: `2024-04-${String(5 + (i % 20)).padStart(2, '0')}`, implementingNumber: `${String(10 + (i % 80))}-KH/TU` });
    }
  }
  const rollout = await createTask(db, ctx, taskCreateRequest.parse({
    ownerUnitId: root.id,
    leadUnitId: root.id,
    title: 'Xây dựng kế hoạch, quán triệt và thực hiện Kết luận 21-KL/TW',
    sourceDocumentId: kl21.id,
    assignedUnitIds: provinces.map((p) => p.id),
    startsOn: '2021-11-15',
    dueOn: '2022-03-31',
  }));
  for (const p of provinces.slice(0, Math.max(0, provinces.length - 7))) await addUpdate(db, ctx, rollout.id, { kind: 'progress', unitId: p.id, status: 'done', progress: 100, note: 'Đã ban hành kế hoạch thực hiện' });
  for (const p of provinces.slice(-7, -3)) await addUpdate(db, ctx, rollout.id, { kind: 'progress', unitId: p.id, status: 'in_progress', progress: 60, note: null });
  for (const [i, title] of projects2023.entries()) {
    const dueOn = `2023-${String(3 + (i % 10)).padStart(2, '0')}-${i % 2 === 0 ? '30' : '15'}`;
    const task = await createTask(db, ctx, taskCreateRequest.parse({ ownerUnitId: root.id, leadUnitId: root.id, title, startsOn: '2023-01-05', dueOn, leadPerson: 'Vụ Tổ chức đảng, đảng viên' }));
    // Twelve finished, three still going (late), two started late and far behind.
    const status = i < 12 ? 'done' : 'in_progress';
    const progress = i < 12 ? 100 : i < 15 ? 80 : 30;
    if (dueOn < today || status === 'done') await addUpdate(db, ctx, task.id, { kind: 'progress', unitId: null, status, progress, note: i < 12 ? 'Đã trình Bộ Chính trị, Ban Bí thư' : 'Đang hoàn thiện dự thảo' });
  }
}
