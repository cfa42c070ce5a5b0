import { describe, expect, it } from 'vitest';
import { changeFilters, memberFiltersOf, memberQueryOf, noMemberFilters, searchParamsOf } from './member-filters.ts';

const unitId = '0196a3b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b';

describe('member filters in the address', () => {
  it('reads the defaults from an empty address and writes none back', () => {
    const filters = memberFiltersOf(new URLSearchParams());
    expect(filters).toEqual(noMemberFilters);
    expect(searchParamsOf(filters).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const filters = { q: 'nguyen van an', unitId, status: 'probationary', sex: 'female', ageBand: '31-40', ethnicity: 'Tày', page: 3, pageSize: 100 } as const;
    const params = searchParamsOf(filters);
    expect(params.get('q')).toBe('nguyen van an');
    expect(params.get('status')).toBe('probationary');
    expect(memberFiltersOf(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('ignores malformed values', () => {
    const filters = memberFiltersOf(new URLSearchParams('status=nobody&sex=x&ageBand=5-10&page=-2&pageSize=7&unitId=not-a-uuid'));
    expect(filters).toEqual(noMemberFilters);
  });

  it('goes back to page 1 when anything but the page changes', () => {
    const onPage4 = { ...noMemberFilters, page: 4 };
    expect(changeFilters(onPage4, { sex: 'male' }).page).toBe(1);
    expect(changeFilters(onPage4, { page: 5 }).page).toBe(5);
    expect(changeFilters(onPage4, { page: 2, pageSize: 100 })).toMatchObject({ page: 2, pageSize: 100 });
  });

  it('gives the API query, without paging for the export', () => {
    const filters = { ...noMemberFilters, q: '  01234567 ', unitId };
    expect(memberQueryOf(filters)).toEqual({ q: '01234567', unitId, status: 'current', sex: undefined, ageBand: undefined, ethnicity: undefined, page: 1, pageSize: 50 });
    expect(memberQueryOf(filters, false)).not.toHaveProperty('page');
  });
});
