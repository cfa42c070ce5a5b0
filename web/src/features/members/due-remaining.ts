/** How a deadline stands: passed by some days, due today, or some days left. */
export type Remaining = { readonly kind: 'overdue'; readonly days: number } | { readonly kind: 'today' } | { readonly kind: 'left'; readonly days: number };

/** The standing of a deadline from the server's days left (negative once passed) and its overdue flag. */
export function remainingOf(daysLeft: number, overdue: boolean): Remaining {
  if (overdue || daysLeft < 0) return { kind: 'overdue', days: Math.abs(daysLeft) };
  if (daysLeft === 0) return { kind: 'today' };
  return { kind: 'left', days: daysLeft };
}

/** The days choices of the due lists (the address may hold another valid number, which is kept). */
export function dayChoices(current: number): number[] {
  return [...new Set([7, 15, 30, 60, 90, current])].sort((a, b) => a - b);
}

/** The number of days from the address: 1–365, 30 when absent or malformed. */
export function daysOf(raw: string | null): number {
  if (raw === null || !/^\d{1,3}$/.test(raw)) return 30;
  const days = Number(raw);
  return days >= 1 && days <= 365 ? days : 30;
}
