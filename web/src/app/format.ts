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
