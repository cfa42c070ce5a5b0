import { registerReorgHook } from './units/units.hooks.ts';
import { usersReorgHook } from './users/users.reorg-hook.ts';

/** Registers every module's hooks (idempotent); called by the app and by the CLI. */
export function registerModuleHooks(): void {
  registerReorgHook(usersReorgHook);
}
