import { pathWithin } from '../../platform/access.ts';

/** Whether every given unit path lies inside the manager's scope. */
export function allWithin(paths: readonly string[], scope: readonly string[]): boolean {
  return paths.every((p) => scope.some((s) => pathWithin(p, s)));
}

/** Whether one path lies inside the manager's scope. */
export function within(path: string, scope: readonly string[]): boolean {
  return scope.some((s) => pathWithin(path, s));
}
