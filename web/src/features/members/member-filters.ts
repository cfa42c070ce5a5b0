import { type AgeBand, ageBands, type MemberStatus, memberStatuses, type Sex } from '@tcxd/contract';

/** Which members the list shows: 'current' is everyone still on the rolls (the server's default). */
export type StatusFilter = MemberStatus | 'current';

/** The filters, search and page of the members list, as kept in the address. */
export interface MemberFilters {
  readonly q: string;
  readonly unitId: string | null;
  readonly status: StatusFilter;
  readonly sex: Sex | null;
  readonly ageBand: AgeBand | null;
  readonly ethnicity: string;
  readonly page: number;
  readonly pageSize: number;
}

export const pageSizes = [20, 50, 100, 200] as const;
const defaultPageSize = 50;

export const noMemberFilters: MemberFilters = {
  q: '',
  unitId: null,
  status: 'current',
  sex: null,
  ageBand: null,
  ethnicity: '',
  page: 1,
  pageSize: defaultPageSize,
};

export const statusFilters: readonly StatusFilter[] = ['current', ...memberStatuses];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return values.find((v) => v === raw) ?? null;
}

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 ? value : null;
}

/** The filters written in the address; anything missing or malformed takes its default. */
export function memberFiltersOf(params: URLSearchParams): MemberFilters {
  const unitId = params.get('unitId');
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 120),
    unitId: unitId && uuidPattern.test(unitId) ? unitId.toLowerCase() : null,
    status: oneOf(statusFilters, params.get('status')) ?? 'current',
    sex: oneOf<Sex>(['male', 'female'], params.get('sex')),
    ageBand: oneOf(ageBands, params.get('ageBand')),
    ethnicity: (params.get('ethnicity') ?? '').trim().slice(0, 60),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizes.find((s) => s === pageSize) ?? defaultPageSize,
  };
}

/** The address form of the filters: defaults are left out, so a plain list has a plain address. */
export function searchParamsOf(filters: MemberFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.status !== 'current') params.set('status', filters.status);
  if (filters.sex) params.set('sex', filters.sex);
  if (filters.ageBand) params.set('ageBand', filters.ageBand);
  if (filters.ethnicity.trim()) params.set('ethnicity', filters.ethnicity.trim());
  if (filters.page !== 1) params.set('page', String(filters.page));
  if (filters.pageSize !== defaultPageSize) params.set('pageSize', String(filters.pageSize));
  return params;
}

/** The API query of the filters (the export leaves paging out). */
export function memberQueryOf(filters: MemberFilters, withPaging = true) {
  return {
    q: filters.q.trim() || undefined,
    unitId: filters.unitId ?? undefined,
    status: filters.status,
    sex: filters.sex ?? undefined,
    ageBand: filters.ageBand ?? undefined,
    ethnicity: filters.ethnicity.trim() || undefined,
    ...(withPaging ? { page: filters.page, pageSize: filters.pageSize } : {}),
  };
}

/** A change of the filters; any change other than the page itself goes back to page 1. */
export function changeFilters(current: MemberFilters, change: Partial<MemberFilters>): MemberFilters {
  const next = { ...current, ...change };
  const pageOnly = Object.keys(change).every((k) => k === 'page');
  return pageOnly ? next : { ...next, page: change.page ?? 1 };
}
