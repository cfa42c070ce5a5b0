import { type EmulationGroupInput, emulationGroupView } from '@tcxd/contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { queryClient } from '../../app/query-client.ts';

const groupList = z.array(emulationGroupView);

/** The clusters and blocs of a year (of every year without one) that include a unit of the current scope, newest year first. */
export function emulationGroupsQuery(year?: number) {
  return queryOptions({
    queryKey: ['emulation', 'groups', year ?? 'all'],
    queryFn: ({ signal }) => api.get('/api/emulation-groups', groupList, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface NextYearInput {
  readonly headUnitId: string;
  readonly deputyUnitIds: readonly string[];
  readonly note: string | null;
}

export const emulationApi = {
  create: (body: EmulationGroupInput) => api.post('/api/emulation-groups', emulationGroupView, body),
  update: (id: string, body: EmulationGroupInput) => api.put(`/api/emulation-groups/${id}`, emulationGroupView, body),
  electNextYear: (id: string, body: NextYearInput) => api.post(`/api/emulation-groups/${id}/next-year`, emulationGroupView, body),
};

/** Refetches the groups of every year. */
export function refreshEmulation(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['emulation'] });
}
