import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Context } from '../../platform/context.ts';

/**
 * The extension point through which data tied to units follows a reorganisation.
 *
 * A module that owns such data (members of a cell, open reports of a unit, tasks led by a
 * unit, accounts granted on a unit …) registers one hook at start-up with
 * `registerReorgHook`. For every reorganisation the registry calls `preview` to show the
 * user what will follow (or needs attention) before committing, and `apply` inside the same
 * transaction as the structural change, after the new versions are written; whatever
 * `apply` throws rolls the whole reorganisation back.
 */
export interface ReorgEffect {
  readonly changeId: string;
  readonly effectiveDate: string;
  /** Units that end on the date, each with the unit that takes over (null: dissolved). */
  readonly ended: readonly { readonly unitId: string; readonly successorId: string | null }[];
  /** Units that move to another parent on the date. */
  readonly moved: readonly { readonly unitId: string; readonly from: string; readonly to: string }[];
  /** Units created by the operation. */
  readonly created: readonly { readonly unitId: string; readonly name: string }[];
}

export interface ReorgDependent {
  readonly kind: string;
  readonly label: string;
  readonly count: number;
  readonly examples: readonly string[];
}

export interface ReorgHook {
  readonly name: string;
  preview(trx: Transaction<DB>, effect: ReorgEffect): Promise<ReorgDependent[]>;
  apply(trx: Transaction<DB>, ctx: Context, effect: ReorgEffect): Promise<void>;
}

const hooks: ReorgHook[] = [];

/** Registers a module's hook (once per name). */
export function registerReorgHook(hook: ReorgHook): void {
  if (!hooks.some((h) => h.name === hook.name)) hooks.push(hook);
}

/** The registered hooks, in registration order. */
export function reorgHooks(): readonly ReorgHook[] {
  return hooks;
}
