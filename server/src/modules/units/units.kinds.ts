import type { UnitKind } from '@tcxd/contract';

/** Which kinds of organisation each kind may hold directly (Điều lệ Đảng; depth varies). */
const holds: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  root: ['central_committee', 'province'],
  central_committee: ['upper_grassroots', 'grassroots_committee', 'grassroots_cell'],
  province: ['upper_grassroots', 'grassroots_committee', 'grassroots_cell'],
  upper_grassroots: ['upper_grassroots', 'grassroots_committee', 'grassroots_cell'],
  grassroots_committee: ['sub_committee', 'cell'],
  sub_committee: ['cell'],
  grassroots_cell: [],
  cell: [],
};

/** Whether a unit of one kind may sit directly under a unit of another kind. */
export function canContain(parent: UnitKind, child: UnitKind): boolean {
  return holds[parent].includes(child);
}

/** Vietnamese names of the kinds (for messages; the web has its own message files). */
export const kindLabels: Readonly<Record<UnitKind, string>> = {
  root: 'Trung ương',
  central_committee: 'Đảng bộ trực thuộc Trung ương',
  province: 'Tỉnh ủy, thành ủy',
  upper_grassroots: 'Đảng bộ cấp trên cơ sở',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  sub_committee: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
};
