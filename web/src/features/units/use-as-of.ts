import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from '../../app/format.ts';

/**
 * The date the structure is viewed on, kept in the address (?asOf=yyyy-mm-dd) so that a
 * link or a reload shows the same day; today when absent or invalid.
 */
export function useAsOf(): readonly [string, (date: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = isIsoDate(raw) ? raw : todayIso();
  const setAsOf = useCallback(
    (date: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (date === todayIso()) next.delete('asOf');
          else next.set('asOf', date);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [asOf, setAsOf] as const;
}

/** The address of a unit's page on a date (today's date is left out of the address). */
export function unitPath(id: string, asOf?: string | null): string {
  return asOf && asOf !== todayIso() ? `/units/${id}?asOf=${asOf}` : `/units/${id}`;
}

/** The address of the structure page on a date. */
export function unitsPath(asOf?: string | null): string {
  return asOf && asOf !== todayIso() ? `/units?asOf=${asOf}` : '/units';
}
