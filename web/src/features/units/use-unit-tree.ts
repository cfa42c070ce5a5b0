import type { UnitSummary } from '@tcxd/contract';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { queryClient } from '../../app/query-client.ts';
import { unitChildrenQuery } from './units-api.ts';

/**
 * The unit tree of the current scope, loaded one level at a time: the scope's top units
 * first, then the children of each unit the user opens. Every level is a cached query, so
 * a scope change (which invalidates all queries) refreshes the opened branches too.
 */
export function useUnitTree() {
  const roots = useQuery(unitChildrenQuery(null));
  const [opened, setOpened] = useState<readonly string[]>([]);
  const levels = useQueries({ queries: opened.map((id) => unitChildrenQuery(id)) });

  const children = new Map<string, readonly UnitSummary[]>();
  const loading = new Set<string>();
  opened.forEach((id, index) => {
    const level = levels[index];
    if (level?.data) children.set(id, level.data);
    else if (level?.isFetching) loading.add(id);
  });

  /** Opens a branch; resolves when its children are loaded. */
  const load = useCallback(async (parentId: string) => {
    setOpened((list) => (list.includes(parentId) ? list : [...list, parentId]));
    await queryClient.ensureQueryData(unitChildrenQuery(parentId));
  }, []);

  return { roots, children, loading, load };
}
