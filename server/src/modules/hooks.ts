import { membersReorgHook } from './members/members.reorg-hook.ts';
import { registerReorgHook } from './units/units.hooks.ts';
import { usersReorgHook } from './users/users.reorg-hook.ts';

/** Registers every module's hooks (idempotent); called by the app and by the CLI. */
export function registerModuleHooks(): void {
  registerReorgHook(usersReorgHook);
  registerReorgHook(membersReorgHook);
}
