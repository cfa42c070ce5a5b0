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

/** Today in the browser's time zone, as the API expects it (yyyy-mm-dd). */
export function todayIso(): string {
  return toIsoDate(dayjs());
}

/** Whether a string is a real calendar date written yyyy-mm-dd. */
export function isIsoDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;
}
