import { getTask, listTasks } from '../../server/src/modules/tasks/tasks.service.ts';
import type { Context } from '../../server/src/platform/context.ts';
import { newId, pathLabel } from '../../server/src/platform/ids.ts';
import { normalizeSearch } from '../../server/src/platform/search-text.ts';
import { type BenchDb, timed, withMigratedDatabase } from '../lib/target-db.ts';
import type { Metric, Scenario } from '../lib/types.ts';

interface Unit {
  readonly id: string;
  readonly path: string;
}

const themes = ['Rà soát, kiện toàn ban thường vụ', 'Đề án nâng cao chất lượng sinh hoạt chi bộ', 'Sơ kết thực hiện Kết luận 21-KL/TW', 'Phát triển đảng viên trong doanh nghiệp', 'Quy hoạch cán bộ nhiệm kỳ 2025–2030', 'Đánh giá, xếp loại tổ chức đảng', 'Chuẩn bị đại hội chi bộ', 'Kiểm tra công tác quản lý đảng viên'];
const statuses = ['not_started', 'in_progress', 'done', 'cancelled'] as const;

/** Inserts rows in batches (one statement each), as a data import would. */
async function insertBatches<T>(rows: readonly T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A province with `districts` district committees of `cellsEach` cells each, below a root. */
async function buildProvince(db: BenchDb, root: Unit, code: string, districts: number, cellsEach: number): Promise<{ province: Unit; districts: Unit[]; cells: Unit[] }> {
  const make = (parent: Unit | null, name: string, kind: string, unitCode: string) => {
    const id = newId();
    return { unit: { id, path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id) }, row: { id, code: unitCode, name, kind, parent_id: parent?.id ?? null, valid_from: '2020-01-01', valid_to: null, search_text: normalizeSearch(`${unitCode} ${name}`) } };
  };
  const all: ReturnType<typeof make>[] = [];
  const p = make(root, `Đảng bộ tỉnh ${code}`, 'province', code);
  all.push(p);
  const ds: Unit[] = [];
  const cs: Unit[] = [];
  for (let d = 0; d < districts; d += 1) {
    const district = make(p.unit, `Đảng bộ ${code}-${d}`, 'upper_grassroots', `${code}.${d}`);
    all.push(district);
    ds.push(district.unit);
    for (let c = 0; c < cellsEach; c += 1) {
      const cell = make(district.unit, `Chi bộ ${code}-${d}-${c}`, 'cell', `${code}.${d}.${c}`);
      all.push(cell);
      cs.push(cell.unit);
    }
  }
  await insertBatches(all, 500, (batch) => db.insertInto('org_unit').values(batch.map((b) => ({ ...b.row, path: b.unit.path }))).execute());
  await insertBatches(all, 500, (batch) => db.insertInto('org_unit_version').values(batch.map((b) => ({ id: newId(), unit_id: b.row.id, name: b.row.name, kind: b.row.kind, parent_id: b.row.parent_id, valid_from: b.row.valid_from, valid_to: null, change_id: null }))).execute());
  return { province: p.unit, districts: ds, cells: cs };
}

/** `count` tasks assigned by a province to its districts and cells, due over 2023–2027, some from a document. */
async function buildTasks(db: BenchDb, owner: Unit, leads: readonly Unit[], count: number, documentId: string): Promise<void> {
  const rows = Array.from({ length: count }, (_v, i) => {
    const title = `${themes[i % themes.length] ?? ''} số ${i + 1}`;
    const year = 2023 + (i % 5);
    const dueOn = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const status = statuses[(i * 7) % 4] ?? 'not_started';
    return {
      id: newId(), parent_id: null, owner_unit_id: owner.id, title, description: null, source_kind: i % 10 === 0 ? 'document' : 'manual', source_document_id: i % 10 === 0 ? documentId : null, source_conclusion_id: null,
      lead_unit_id: leads[i % leads.length]?.id ?? owner.id, lead_person: null, starts_on: `${year}-01-01`, due_on: dueOn, status, progress: status === 'done' ? 100 : (i * 13) % 100, completed_on: null, search_text: normalizeSearch(title),
    };
  });
  await insertBatches(rows, 500, (batch) => db.insertInto('work_task').values(batch).execute());
}

/** A user context with one grant over a unit (reads only: the user row need not exist). */
function userOver(unit: Unit, name: string): Context {
  return {
    actor: { kind: 'user', userId: newId(), username: 'bench', fullName: 'Bench', grants: [{ id: newId(), role: 'staff', unitId: unit.id, unitPath: unit.path, unitName: name, unitCode: name }], activeGrantId: null },
    requestId: null, ip: null, locale: 'vi',
  };
}

/**
 * The work programme at a province's scale: a province with 10,000 tasks (beside another
 * province with as many, which its lists must not touch), its task list in the three views and
 * with filters, and the per-unit rollout of one task given to 3,000 cells.
 */
export const scenario: Scenario = {
  name: 'work-programme',
  description: 'Danh sách nhiệm vụ của một tỉnh có 10.000 nhiệm vụ và tiến độ từng đơn vị của một nhiệm vụ giao 3.000 đơn vị. / The task list of a province with 10,000 tasks and the per-unit rollout of a task over 3,000 units.',
  async run(ctx, target) {
    return withMigratedDatabase(target, async ({ db, pool }) => {
      const started = performance.now();
      const rootId = newId();
      const root = { id: rootId, path: pathLabel(rootId) };
      await db.insertInto('org_unit').values({ id: root.id, code: 'TW', name: 'Ban Chấp hành Trung ương', kind: 'root', parent_id: null, path: root.path, valid_from: '1930-02-03', valid_to: null, search_text: 'tw ban chap hanh trung uong' }).execute();
      const a = await buildProvince(db, root, '01', 30, 100);
      const b = await buildProvince(db, root, '02', 10, 20);
      const documentId = newId();
      await db.insertInto('party_document').values({ id: documentId, owner_unit_id: a.province.id, number_text: '05-KH/TU', number: 5, doc_type: 'KH', issuer: 'TU', issued_on: '2023-01-10', subject: 'Kế hoạch thực hiện Kết luận 21-KL/TW', summary: null, search_text: 'ke hoach' }).execute();
      await buildTasks(db, a.province, [...a.districts, ...a.cells.slice(0, 300)], 10_000, documentId);
      await buildTasks(db, b.province, b.districts, 10_000, documentId);
      const rolloutId = newId();
      await db.insertInto('work_task').values({ id: rolloutId, parent_id: null, owner_unit_id: a.province.id, title: 'Tất cả chi bộ rà soát đảng viên', description: null, source_kind: 'manual', source_document_id: null, source_conclusion_id: null, lead_unit_id: a.province.id, lead_person: null, starts_on: '2026-01-01', due_on: '2026-12-31', status: 'in_progress', progress: 0, completed_on: null, search_text: 'tat ca chi bo ra soat dang vien' }).execute();
      await insertBatches(a.cells, 1000, (batch) => db.insertInto('work_task_assignment').values(batch.map((c, i) => ({ task_id: rolloutId, unit_id: c.id, status: i % 10 === 0 ? 'in_progress' : 'done', progress: i % 10 === 0 ? 40 : 100, completed_on: null }))).execute());
      // Fresh bulk-loaded tables: give the planner statistics as autovacuum would soon after.
      await pool.query('analyze');
      const setupMs = performance.now() - started;
      ctx.progress(`built 2 provinces (${a.cells.length + b.cells.length} cells), 20,001 tasks, 3,000 assignments in ${Math.round(setupMs / 1000)} s`);

      const province = userOver(a.province, 'Tỉnh ủy 01');
      const district = userOver(a.districts[3] ?? a.province, 'Đảng bộ 01-3');
      const runs = ctx.runs ?? 60;
      const all: number[] = [];
      const mine: number[] = [];
      const filtered: number[] = [];
      const search: number[] = [];
      const districtAll: number[] = [];
      const rollout: number[] = [];
      let listed = 0;
      let tally = '';
      for (let i = 0; i < runs; i += 1) {
        listed = (await timed(all, () => listTasks(db, province, { view: 'all', limit: 100 }))).length;
        await timed(mine, () => listTasks(db, province, { view: 'unit', limit: 100 }));
        await timed(filtered, () => listTasks(db, province, { view: 'all', year: 2023, overdue: true, limit: 100 }));
        await timed(search, () => listTasks(db, province, { view: 'all', q: 'sinh hoat chi bo', limit: 100 }));
        await timed(districtAll, () => listTasks(db, district, { view: 'mine', limit: 100 }));
        const view = await timed(rollout, () => getTask(db, province, rolloutId));
        tally = `${view.rollout?.completed ?? 0}/${view.rollout?.total ?? 0}`;
      }
      ctx.progress(`list returned ${listed} rows; rollout ${tally}`);
      const metrics: Metric[] = [
        { name: 'setup (units, 20,001 tasks, 3,000 assignments)', unit: 's', samples: [setupMs / 1000] },
        { name: 'task list of a province with 10,000 tasks (all in scope, first 100 by due date)', unit: 'ms', samples: all, targetMax: 100 },
        { name: "task list: the province's own (unit view)", unit: 'ms', samples: mine, targetMax: 100 },
        { name: 'task list: overdue of 2023', unit: 'ms', samples: filtered, targetMax: 100 },
        { name: 'task list: accent-free words', unit: 'ms', samples: search, targetMax: 100 },
        { name: "task list: a district's own tasks (mine)", unit: 'ms', samples: districtAll, targetMax: 100 },
        { name: `rollout view of a task over 3,000 units (${tally})`, unit: 'ms', samples: rollout, targetMax: 100 },
      ];
      return metrics;
    });
  },
};
