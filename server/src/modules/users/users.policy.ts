import { withinScope } from '../../platform/access.ts';

/** Whether every given unit path lies inside the manager's scope. */
export function allWithin(paths: readonly string[], scope: readonly string[]): boolean {
  return paths.every((p) => withinScope(p, scope));
}
