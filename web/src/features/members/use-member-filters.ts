import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { changeFilters, type MemberFilters, memberFiltersOf, searchParamsOf } from './member-filters.ts';

/** The members list's filters, kept in the address (?q=…&status=…) so that a link shows the same list. */
export function useMemberFilters(): readonly [MemberFilters, (change: Partial<MemberFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => memberFiltersOf(params), [params]);
  const update = useCallback(
    (change: Partial<MemberFilters>) => setParams((current) => searchParamsOf(changeFilters(memberFiltersOf(current), change)), { replace: true }),
    [setParams],
  );
  return [filters, update] as const;
}
