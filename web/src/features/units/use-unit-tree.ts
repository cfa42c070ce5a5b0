import type { UnitNode } from '@tcxd/contract';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { queryClient } from '../../app/query-client.ts';
import { childUnitsQuery } from './units-api.ts';

/**
 * The unit tree of the current scope on a date (null: today), loaded one level at a time:
 * the scope's top units first, then the children of each unit the user opens. Every level
 * is a cached query, so a scope change or a reorganisation (which invalidate the queries)
 * refreshes the opened branches too. Give the hook's owner a new key when the date changes.
 */
export function useUnitTree(asOf: string | null = null) {
  const roots = useQuery(childUnitsQuery(null, asOf));
  const [opened, setOpened] = useState<readonly string[]>([]);
  const levels = useQueries({ queries: opened.map((id) => childUnitsQuery(id, asOf)) });

  const children = new Map<string, readonly UnitNode[]>();
  const loading = new Set<string>();
  opened.forEach((id, index) => {
    const level = levels[index];
    if (level?.data) children.set(id, level.data);
    else if (level?.isFetching) loading.add(id);
  });

  /** Opens a branch; resolves when its children are loaded. */
  const load = useCallback(
    async (parentId: string) => {
      setOpened((list) => (list.includes(parentId) ? list : [...list, parentId]));
      await queryClient.ensureQueryData(childUnitsQuery(parentId, asOf));
    },
    [asOf],
  );

  return { roots, children, loading, load };
}
