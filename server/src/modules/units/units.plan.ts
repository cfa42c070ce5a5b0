import type { Locale, ReorgOperation, Refusal, UnitKind } from '@tcxd/contract';
import { type Version, type VersionStore } from './units.history.ts';
import { canContain, kindLabels } from './units.kinds.ts';

export type UnitEventKind = 'created' | 'renamed' | 'kind_changed' | 'moved' | 'merged_into' | 'absorbed' | 'split_into' | 'split_from' | 'dissolved';

export interface PlannedEvent {
  readonly unitId: string;
  readonly event: UnitEventKind;
  readonly relatedUnitIds: readonly string[];
  readonly detail: Readonly<Record<string, string>>;
}

export interface PlannedUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export interface Plan {
  readonly refusals: Refusal[];
  readonly events: PlannedEvent[];
  readonly createdUnits: PlannedUnit[];
  readonly endedUnits: { unitId: string; successorId: string | null }[];
  readonly movedChildren: { id: string; from: string; to: string }[];
}

/** What the planner needs besides the versions: pure lookups and id generation. */
export interface PlanContext {
  readonly store: VersionStore;
  readonly changeId: string;
  readonly locale: Locale;
  newId(): string;
  codeTaken(code: string): boolean;
  nameOf(unitId: string): string;
  /** The latest date a recorded change touched the unit (also as the target of a merge), if any. */
  lastChangeOf?(unitId: string): string | null;
}

type Target = { existingId: string } | { create: { code: string; name: string; kind: UnitKind }; parentId: string };

/**
 * Checks a reorganisation against the history and, when nothing is refused, applies it to
 * the store (which records the changed versions). Pure: no I/O.
 */
export function planOperation(ctx: PlanContext, op: ReorgOperation): Plan {
  const plan: Plan = { refusals: [], events: [], createdUnits: [], endedUnits: [], movedChildren: [] };
  const p = new Planner(ctx, op.effectiveDate, op.confirmBackdated, plan);
  switch (op.type) {
    case 'create':
      p.create(op.unit, op.parentId);
      break;
    case 'rename':
      p.rename(op.unitId, op.name, op.kind);
      break;
    case 'move':
      p.move(op.unitId, op.parentId);
      break;
    case 'merge':
      p.merge(op.sourceIds, op.target);
      break;
    case 'split':
      p.split(op.unitId, op.successors, op.childAssignments, op.mainSuccessor);
      break;
    case 'dissolve':
      p.dissolve(op.unitId);
      break;
  }
  return plan;
}

class Planner {
  private readonly store: VersionStore;

  constructor(
    private readonly ctx: PlanContext,
    private readonly date: string,
    private readonly confirmBackdated: boolean,
    private readonly plan: Plan,
  ) {
    this.store = ctx.store;
  }

  private refuse(code: string, vi: string, en: string, unitId: string | null = null): void {
    this.plan.refusals.push({ code, message: this.ctx.locale === 'en' ? en : vi, unitId });
  }

  private get ok(): boolean {
    return this.plan.refusals.length === 0;
  }

  private name(id: string): string {
    return this.ctx.nameOf(id);
  }

  /** The unit's version on the date, or a refusal saying why there is none. */
  private existing(unitId: string): Version | null {
    const v = this.store.versionAt(unitId, this.date);
    if (v) return v;
    const life = this.store.lifetime(unitId);
    const n = this.name(unitId);
    if (!life) this.refuse('unknown_unit', `Không tìm thấy đơn vị ${n}`, `Unit ${n} not found`, unitId);
    else if (this.date < life.from)
      this.refuse('before_start', `Ngày hiệu lực ${vn(this.date)} trước ngày thành lập ${n} (${vn(life.from)})`, `Effective date ${this.date} is before ${n} existed (${life.from})`, unitId);
    else this.refuse('ended', `${n} đã chấm dứt hoạt động từ ${vn(life.to ?? '')}`, `${n} ended on ${life.to}`, unitId);
    return null;
  }

  /** Refuses when later changes of the unit exist, unless the user confirmed back-dating. */
  private checkLater(unitId: string): void {
    if (this.confirmBackdated) return;
    const lastChange = this.ctx.lastChangeOf?.(unitId) ?? null;
    if (this.store.versionsOf(unitId).some((v) => v.validFrom > this.date) || (lastChange !== null && lastChange > this.date)) {
      const n = this.name(unitId);
      this.refuse('backdated', `${n} đã có thay đổi sau ngày ${vn(this.date)}; cần xác nhận ghi lùi ngày`, `${n} has changes after ${this.date}; confirm to back-date`, unitId);
    }
  }

  /** A unit that will end on the date: it must have started before and have nothing after. */
  private endable(unitId: string): Version | null {
    const v = this.existing(unitId);
    if (!v) return null;
    const n = this.name(unitId);
    if (this.store.lifetime(unitId)?.from === this.date) {
      this.refuse('before_start', `${n} mới thành lập ngày ${vn(this.date)}`, `${n} only starts on ${this.date}`, unitId);
    }
    // A change starting on the same day counts too: ending would leave it an empty version.
    if (this.store.lifetime(unitId)?.from !== this.date && this.store.versionsOf(unitId).some((x) => x.validFrom >= this.date)) {
      this.refuse('later_changes', `${n} có thay đổi từ ngày ${vn(this.date)} trở về sau; không thể chấm dứt vào ngày đó`, `${n} changes on or after ${this.date}; it cannot end then`, unitId);
    }
    const later = this.store.childVersionsFrom(unitId, this.date).filter((c) => c.validFrom > this.date && this.store.versionAt(c.unitId, this.date)?.parentId !== unitId);
    for (const c of later) {
      this.refuse('later_child', `${this.name(c.unitId)} được đặt trực thuộc ${n} sau ngày ${vn(this.date)}`, `${this.name(c.unitId)} is placed under ${n} after ${this.date}`, c.unitId);
    }
    return v;
  }

  private checkContain(parent: Version | { kind: UnitKind; unitId: string }, childKind: UnitKind, childName: string): void {
    if (!canContain(parent.kind, childKind)) {
      this.refuse(
        'kind_not_allowed',
        `${this.name(parent.unitId)} (${kindLabels[parent.kind]}) không thể có đơn vị trực thuộc loại ${kindLabels[childKind]} (${childName})`,
        `${this.name(parent.unitId)} (${parent.kind}) cannot hold a ${childKind} (${childName})`,
        parent.unitId,
      );
    }
  }

  /** The parent must exist for the whole period the child will be under it. */
  private checkParentLife(parentId: string, until: string | null): void {
    const life = this.store.lifetime(parentId);
    if (life && life.to !== null && (until === null || life.to < until)) {
      const n = this.name(parentId);
      this.refuse('parent_ends', `${n} chấm dứt từ ${vn(life.to)}, không thể nhận đơn vị trực thuộc đến sau ngày đó`, `${n} ends on ${life.to} and cannot hold units beyond that`, parentId);
    }
  }

  /** No date in [date, until) may see the unit among the new parent's ancestors. */
  private checkNoCycle(unitId: string, parentId: string, until: string | null): void {
    if (unitId === parentId) {
      this.refuse('cycle', `Không thể đặt ${this.name(unitId)} trực thuộc chính nó`, `${this.name(unitId)} cannot be placed under itself`, unitId);
      return;
    }
    const dates = new Set([this.date]);
    for (const id of this.store.unitIds())
      for (const v of this.store.versionsOf(id)) if (v.validFrom > this.date && (until === null || v.validFrom < until)) dates.add(v.validFrom);
    for (const d of dates) {
      const { chain, cycle } = this.store.ancestorsAt(parentId, d);
      if (cycle || chain.includes(unitId)) {
        this.refuse('cycle', `${this.name(parentId)} là đơn vị cấp dưới của ${this.name(unitId)} (ngày ${vn(d)}): tạo vòng lặp`, `${this.name(parentId)} is below ${this.name(unitId)} on ${d}: this would make a cycle`, unitId);
        return;
      }
    }
  }

  private newUnit(spec: { code: string; name: string; kind: UnitKind }, parentId: string): string | null {
    const parent = this.existing(parentId);
    if (this.ctx.codeTaken(spec.code) || this.plan.createdUnits.some((u) => u.code === spec.code)) {
      this.refuse('code_taken', `Mã đơn vị ${spec.code} đã được dùng`, `Unit code ${spec.code} is already used`);
    }
    if (!parent) return null;
    this.checkContain(parent, spec.kind, spec.name);
    this.checkParentLife(parentId, null);
    const id = this.ctx.newId();
    this.plan.createdUnits.push({ id, ...spec });
    return id;
  }

  private applyNewUnit(id: string, parentId: string): void {
    const spec = this.plan.createdUnits.find((u) => u.id === id);
    if (!spec) return;
    this.store.create({ id: this.ctx.newId(), unitId: id, name: spec.name, kind: spec.kind, parentId, validFrom: this.date, validTo: null, changeId: this.ctx.changeId });
    this.event(id, 'created', [parentId], { name: spec.name, code: spec.code });
  }

  private event(unitId: string, event: UnitEventKind, related: readonly string[], detail: Record<string, string> = {}): void {
    this.plan.events.push({ unitId, event, relatedUnitIds: related, detail });
  }

  create(spec: { code: string; name: string; kind: UnitKind }, parentId: string): void {
    const id = this.newUnit(spec, parentId);
    if (id && this.ok) this.applyNewUnit(id, parentId);
  }

  rename(unitId: string, name: string | undefined, kind: UnitKind | undefined): void {
    const v = this.existing(unitId);
    if (!v) return;
    const nameChanges = name !== undefined && name !== v.name;
    const kindChanges = kind !== undefined && kind !== v.kind;
    if (!nameChanges && !kindChanges) this.refuse('no_change', `Tên và loại của ${v.name} không thay đổi`, `Name and kind of ${v.name} are unchanged`, unitId);
    if (kind && kindChanges) {
      if (v.parentId) this.checkContain(this.store.versionAt(v.parentId, this.date) ?? { kind: 'cell', unitId: v.parentId }, kind, v.name);
      for (const child of this.store.childrenAt(unitId, this.date)) {
        const cv = this.store.versionAt(child, this.date);
        if (cv) this.checkContain({ kind, unitId }, cv.kind, cv.name);
      }
    }
    this.checkLater(unitId);
    if (!this.ok) return;
    if (name !== undefined && nameChanges) {
      this.store.setFrom(unitId, this.date, 'name', name, this.ctx.changeId);
      this.event(unitId, 'renamed', [], { from: v.name, to: name });
    }
    if (kind !== undefined && kindChanges) {
      this.store.setFrom(unitId, this.date, 'kind', kind, this.ctx.changeId);
      this.event(unitId, 'kind_changed', [], { from: v.kind, to: kind });
    }
  }

  move(unitId: string, parentId: string): void {
    const v = this.existing(unitId);
    const parent = this.existing(parentId);
    if (!v || !parent) return;
    if (v.parentId === parentId) this.refuse('no_change', `${v.name} đã trực thuộc ${parent.name}`, `${v.name} is already under ${parent.name}`, unitId);
    const until = this.store.attributeUntil(unitId, this.date, 'parentId');
    this.checkNoCycle(unitId, parentId, until);
    this.checkContain(parent, v.kind, v.name);
    this.checkParentLife(parentId, until);
    this.checkLater(unitId);
    if (!this.ok) return;
    this.store.setFrom(unitId, this.date, 'parentId', parentId, this.ctx.changeId);
    this.plan.movedChildren.push({ id: unitId, from: v.parentId ?? '', to: parentId });
    this.event(unitId, 'moved', [v.parentId ?? '', parentId].filter(Boolean), { from: v.parentId ?? '', to: parentId });
  }

  /** Resolves a target (existing or to create); returns its id and kind. */
  private target(t: Target, ending: readonly string[]): { id: string; kind: UnitKind } | null {
    if ('existingId' in t) {
      const v = this.existing(t.existingId);
      if (!v) return null;
      if (ending.includes(t.existingId)) this.refuse('cycle', `${v.name} không thể vừa là đơn vị nguồn vừa là đơn vị đích`, `${v.name} cannot be both source and target`, t.existingId);
      const { chain } = this.store.ancestorsAt(t.existingId, this.date);
      for (const e of ending) if (chain.includes(e)) this.refuse('cycle', `${v.name} là đơn vị cấp dưới của ${this.name(e)}`, `${v.name} is below ${this.name(e)}`, t.existingId);
      this.checkParentLife(t.existingId, null);
      this.checkLater(t.existingId);
      return { id: t.existingId, kind: v.kind };
    }
    if (ending.includes(t.parentId) || ending.some((e) => this.store.ancestorsAt(t.parentId, this.date).chain.includes(e))) {
      this.refuse('cycle', `Đơn vị mới không thể trực thuộc đơn vị sắp chấm dứt`, `The new unit cannot sit under a unit that is ending`, t.parentId);
    }
    const id = this.newUnit(t.create, t.parentId);
    return id ? { id, kind: t.create.kind } : null;
  }

  private moveChildren(from: string, to: { id: string; kind: UnitKind }, children: readonly string[]): void {
    for (const child of children) {
      this.store.setFrom(child, this.date, 'parentId', to.id, this.ctx.changeId);
      this.plan.movedChildren.push({ id: child, from, to: to.id });
      this.event(child, 'moved', [from, to.id], { from, to: to.id });
    }
  }

  merge(sourceIds: readonly string[], t: Target): void {
    if (new Set(sourceIds).size !== sourceIds.length) this.refuse('duplicate', 'Một đơn vị được chọn hai lần', 'A unit is chosen twice');
    const sources = sourceIds.map((id) => this.endable(id));
    const target = this.target(t, sourceIds);
    if (!target || sources.some((s) => !s)) return;
    const childrenOf = new Map(sourceIds.map((s) => [s, this.store.childrenAt(s, this.date)]));
    for (const children of childrenOf.values())
      for (const c of children) {
        const cv = this.store.versionAt(c, this.date);
        if (cv) this.checkContain({ kind: target.kind, unitId: target.id }, cv.kind, cv.name);
      }
    if (!this.ok) return;
    if ('create' in t) this.applyNewUnit(target.id, t.parentId);
    for (const s of sourceIds) {
      this.moveChildren(s, target, childrenOf.get(s) ?? []);
      this.store.endAt(s, this.date);
      this.plan.endedUnits.push({ unitId: s, successorId: target.id });
      this.event(s, 'merged_into', [target.id]);
    }
    this.event(target.id, 'absorbed', sourceIds);
  }

  split(unitId: string, successors: readonly Target[], assignments: Readonly<Record<string, number>>, main: number): void {
    const source = this.endable(unitId);
    const targets = successors.map((s) => this.target(s, [unitId]));
    if (!source || targets.some((x) => !x)) return;
    const resolved = targets.filter((x): x is { id: string; kind: UnitKind } => x !== null);
    if (new Set(resolved.map((r) => r.id)).size !== resolved.length) this.refuse('duplicate', 'Một đơn vị kế thừa được chọn hai lần', 'A successor is chosen twice');
    if (main >= resolved.length) this.refuse('bad_assignment', 'Đơn vị kế thừa chính không hợp lệ', 'Invalid main successor');
    const children = this.store.childrenAt(unitId, this.date);
    for (const c of children) {
      const index = assignments[c];
      const to = index === undefined ? undefined : resolved[index];
      const cv = this.store.versionAt(c, this.date);
      if (!to) this.refuse('unassigned_child', `Chưa chọn đơn vị kế thừa cho ${this.name(c)}`, `No successor chosen for ${this.name(c)}`, c);
      else if (cv) this.checkContain({ kind: to.kind, unitId: to.id }, cv.kind, cv.name);
    }
    for (const id of Object.keys(assignments)) {
      if (!children.includes(id)) this.refuse('not_a_child', `${this.name(id)} không trực thuộc ${source.name} ngày ${vn(this.date)}`, `${this.name(id)} is not under ${source.name} on ${this.date}`, id);
    }
    if (!this.ok) return;
    successors.forEach((s, i) => {
      const r = resolved[i];
      if (r && 'create' in s) this.applyNewUnit(r.id, s.parentId);
    });
    for (const c of children) {
      const to = resolved[assignments[c] ?? -1];
      if (to) this.moveChildren(unitId, to, [c]);
    }
    this.store.endAt(unitId, this.date);
    this.plan.endedUnits.push({ unitId, successorId: resolved[main]?.id ?? null });
    this.event(unitId, 'split_into', resolved.map((r) => r.id));
    for (const r of resolved) this.event(r.id, 'split_from', [unitId]);
  }

  dissolve(unitId: string): void {
    const v = this.endable(unitId);
    if (!v) return;
    const children = this.store.childrenAt(unitId, this.date);
    if (children.length > 0) {
      const names = children.slice(0, 5).map((c) => this.name(c)).join(', ');
      this.refuse('has_children', `${v.name} còn ${children.length} đơn vị trực thuộc (${names}…); chuyển hoặc sáp nhập trước`, `${v.name} still has ${children.length} units under it (${names}…); move or merge them first`, unitId);
    }
    if (!this.ok) return;
    this.store.endAt(unitId, this.date);
    this.plan.endedUnits.push({ unitId, successorId: null });
    this.event(unitId, 'dissolved', []);
  }
}

/** dd/mm/yyyy of an ISO date, for messages. */
export function vn(date: string): string {
  const [y, m, d] = date.split('-');
  return y && m && d ? `${d}/${m}/${y}` : date;
}
