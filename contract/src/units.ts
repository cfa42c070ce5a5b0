import { type UnitNode, unitChildrenAsOfQuery, unitNode } from './org.ts';

/** @deprecated use unitNode: the same shape, with the kind as the unitKind enum. */
export const unitSummary = unitNode;
/** @deprecated use UnitNode. */
export type UnitSummary = UnitNode;
/** @deprecated use unitChildrenAsOfQuery. */
export const unitChildrenQuery = unitChildrenAsOfQuery;
