import { type Region, regions } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { emulationGroupsQuery } from '../emulation/emulation-api.ts';

/** Which units a tracking view keeps: those of one emulation cluster or bloc, or of one region. */
export interface UnitFilter {
  readonly clusterId?: string;
  readonly region?: Region;
}

const regionOf = (value: string | null): Region | undefined => regions.find((r) => r === value);

/** The filter kept in the address (?cluster=…&region=…), so a filtered view can be shared and survives a reload. */
export function useUnitFilter(): [UnitFilter, (next: UnitFilter) => void] {
  const [params, setParams] = useSearchParams();
  const clusterId = params.get('cluster') ?? undefined;
  const region = regionOf(params.get('region'));
  const filter: UnitFilter = { ...(clusterId ? { clusterId } : {}), ...(region ? { region } : {}) };
  const setFilter = (next: UnitFilter) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      for (const [key, value] of [['cluster', next.clusterId], ['region', next.region]] as const) {
        if (value) updated.set(key, value);
        else updated.delete(key);
      }
      return updated;
    });
  return [filter, setFilter];
}

/** "Lọc theo cụm, khối thi đua / vùng": the clusters and blocs (nearest the viewed year first), and the regions of the country. */
export function ReportsUnitFilter({ year, value, onChange }: { readonly year: number; readonly value: UnitFilter; readonly onChange: (next: UnitFilter) => void }) {
  const { t } = useI18n();
  // Every year's clusters, those of the viewed year first: a cluster keeps its units when the view is of another year.
  const groups = useQuery(emulationGroupsQuery());
  const ordered = [...(groups.data ?? [])].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year);
  const regionText = (r: Region) => t(({ north: 'reports.region.north', central: 'reports.region.central', south: 'reports.region.south', central_bodies: 'reports.region.central_bodies' } as const)[r]);
  return (
    <Space wrap>
      <Select
        allowClear
        style={{ minWidth: 260 }}
        aria-label={t('reports.filter.cluster')}
        placeholder={t('reports.filter.cluster')}
        loading={groups.isFetching}
        value={value.clusterId}
        onChange={(clusterId?: string) => onChange({ ...value, clusterId })}
        options={ordered.map((g) => ({ value: g.id, label: `${g.name} (${g.year})` }))}
      />
      <Select
        allowClear
        style={{ minWidth: 200 }}
        aria-label={t('reports.filter.region')}
        placeholder={t('reports.filter.region')}
        value={value.region}
        onChange={(region?: Region) => onChange({ ...value, region })}
        options={regions.map((r) => ({ value: r, label: regionText(r) }))}
      />
    </Space>
  );
}
