/**
 * How long an account stays locked after `failures` consecutive failed sign-ins:
 * nothing below the threshold, then one minute doubling per further failure, at most an hour.
 */
export function lockoutSeconds(failures: number, lockAfter: number): number {
  if (failures < lockAfter) return 0;
  return Math.min(60 * 2 ** (failures - lockAfter), 3_600);
}

/** The window over which failed sign-ins from one address are counted. */
export const ipWindowSeconds = 15 * 60;
