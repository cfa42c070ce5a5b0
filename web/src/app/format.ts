import type { Locale } from '@tcxd/contract';
import dayjs from 'dayjs';

export const dateFormat = 'DD/MM/YYYY';
export const dateTimeFormat = 'DD/MM/YYYY HH:mm:ss';

/** A calendar date or timestamp shown as dd/mm/yyyy (empty for null). */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format(dateFormat) : '';
}

/** A timestamp shown as dd/mm/yyyy HH:mm:ss in the browser's time zone (empty for null). */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format(dateTimeFormat) : '';
}

/** A date as the API expects it (yyyy-mm-dd). */
export function toIsoDate(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}

const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today in Vietnam (UTC+7), as the API expects it (yyyy-mm-dd): the server dates events by
 * Vietnam's calendar, so a browser in another time zone must not propose yesterday.
 */
export function todayIso(): string {
  return vietnamDate.format(new Date());
}

/** Today in Vietnam as a date-picker value (for defaults and "not in the future" checks). */
export function today(): dayjs.Dayjs {
  return dayjs(todayIso());
}

/** Whether a string is a real calendar date written yyyy-mm-dd. */
export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}

const numberFormats: Readonly<Record<Locale, Intl.NumberFormat>> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

/** A count with the language's digit grouping (10.000 in Vietnamese, 10,000 in English). */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}
