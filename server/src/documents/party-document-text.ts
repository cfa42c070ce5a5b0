/** Text conventions of Party documents (Hướng dẫn 36-HD/VPTW), kept apart from the Word layout so they load without docx. */

/** Parses YYYY-MM-DD into a real calendar date, or null (no time zone involved). */
function calendarDate(iso: string): { readonly year: number; readonly month: number; readonly day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The place-and-date line: "Hà Nội, ngày 05 tháng 02 năm 2021". 36-HD/VPTW writes days below 10
 * and the months 1 and 2 with a leading zero (so that "tháng 1" cannot be extended into "tháng 12");
 * months 3 to 12 are written as they are ("ngày 25 tháng 3 năm 2024").
 */
export function formatPartyDate(place: string, isoDate: string): string {
  const date = calendarDate(isoDate);
  if (date === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  const where = place.trim();
  if (where === '') throw new RangeError('The place of issue is empty');
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return `${where}, ngày ${day} tháng ${month} năm ${date.year}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minimum: number, maximum: number): Intl.NumberFormat {
  const key = `${minimum}:${maximum}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: minimum, maximumFractionDigits: maximum, useGrouping: true });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A number as Vietnamese documents write it: "1.234.567", "12,5", "-1.234,56". With `decimals`
 * every value shows exactly that many fraction digits (a column of percentages lines up);
 * otherwise up to two. Throws RangeError on NaN or infinities: a missing figure is `null`
 * in the table, never a number.
 */
export function formatVietnameseNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 10)) throw new RangeError(`Bad decimals: ${decimals}`);
  const text = (decimals === undefined ? formatter(0, 2) : formatter(decimals, decimals)).format(value);
  // Rounding can leave "-0" or "-0,00"; a document never shows a signed zero.
  return /^-0(?:,0+)?$/.test(text) ? text.slice(1) : text;
}

/** The text of a table cell: numbers grouped the Vietnamese way, null as an empty cell. */
export function cellText(value: string | number | null, decimals?: number): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatVietnameseNumber(value, decimals) : value;
}

/**
 * The recipient lines under "Nơi nhận:": each starts with "- ", ends with a comma, the last with a
 * full stop (36-HD/VPTW). Punctuation the caller already wrote is replaced, not doubled.
 */
export function recipientLines(recipients: readonly string[]): readonly string[] {
  const items = recipients.map((r) => r.trim().replace(/^[-–—•+]\s*/u, '').replace(/[,.;]+$/u, '').trim()).filter((r) => r !== '');
  return items.map((r, i) => `- ${r}${i === items.length - 1 ? '.' : ','}`);
}
