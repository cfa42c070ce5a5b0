/** Today's date in Việt Nam (UTC+7, no daylight saving), as yyyy-mm-dd. */
export function todayVn(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
