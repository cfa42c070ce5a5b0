import type { Locale, ReorgOperation } from '@tcxd/contract';
import type { Plan } from './units.plan.ts';
import { vn } from './units.plan.ts';

/** Plain-language lines saying what a planned reorganisation does. */
export function describePlan(op: ReorgOperation, plan: Plan, names: ReadonlyMap<string, string>, locale: Locale): string[] {
  const n = (id: string) => names.get(id) ?? id;
  const en = locale === 'en';
  const when = en ? `from ${op.effectiveDate}` : `từ ngày ${vn(op.effectiveDate)}`;
  const doc = `(${op.documentNumber})`;
  const lines: string[] = [];
  switch (op.type) {
    case 'create':
      lines.push(en ? `Create ${op.unit.name} under ${n(op.parentId)} ${when} ${doc}` : `Thành lập ${op.unit.name} trực thuộc ${n(op.parentId)} ${when} ${doc}`);
      break;
    case 'rename':
      lines.push(en ? `Rename ${n(op.unitId)}${op.name ? ` to ${op.name}` : ''} ${when} ${doc}` : `Đổi tên ${n(op.unitId)}${op.name ? ` thành ${op.name}` : ''} ${when} ${doc}`);
      break;
    case 'move':
      lines.push(en ? `Move ${n(op.unitId)} under ${n(op.parentId)} ${when} ${doc}` : `Chuyển ${n(op.unitId)} về trực thuộc ${n(op.parentId)} ${when} ${doc}`);
      break;
    case 'merge': {
      const target = plan.endedUnits[0]?.successorId ?? '';
      const sources = op.sourceIds.map(n).join(', ');
      lines.push(en ? `Merge ${sources} into ${n(target)} ${when} ${doc}` : `Sáp nhập ${sources} vào ${n(target)} ${when} ${doc}`);
      break;
    }
    case 'split': {
      const successors = [...new Set(plan.movedChildren.map((m) => m.to))].map(n).join(', ');
      lines.push(en ? `Split ${n(op.unitId)} into ${successors} ${when} ${doc}` : `Chia tách ${n(op.unitId)} thành ${successors} ${when} ${doc}`);
      break;
    }
    case 'dissolve':
      lines.push(en ? `Dissolve ${n(op.unitId)} ${when} ${doc}` : `Giải thể ${n(op.unitId)} ${when} ${doc}`);
      break;
  }
  if (plan.movedChildren.length > 0 && op.type !== 'move') {
    lines.push(en ? `${plan.movedChildren.length} units under them move with them` : `${plan.movedChildren.length} đơn vị trực thuộc được chuyển theo`);
  }
  return lines;
}
