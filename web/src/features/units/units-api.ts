import { unitSummary } from '@tcxd/contract';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client.ts';

const unitList = z.array(unitSummary);

/** The units directly below a unit, or the top units of the current scope when parentId is null. */
export function unitChildrenQuery(parentId: string | null) {
  return queryOptions({
    queryKey: ['units', 'children', parentId ?? 'scope-roots'],
    queryFn: ({ signal }) => api.get('/api/units', unitList, parentId ? { parentId } : undefined, signal),
  });
}
