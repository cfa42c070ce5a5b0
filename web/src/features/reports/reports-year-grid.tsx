import type { TrackingStatus, YearGridView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { EChartView } from '../../app/echart-view.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { yearGridQuery } from './reports-api.ts';
import { ReportsUnitFilter, type UnitFilter } from './reports-unit-filter.tsx';

type Cell = TrackingStatus | 'not_expected';
type Row = YearGridView['rows'][number];

const mark: Readonly<Record<Cell, { text: string; color: string }>> = {
  on_time: { text: '✓', color: 'green' },
  late: { text: 'M', color: 'orange' },
  returned: { text: 'T', color: 'red' },
  missing: { text: '—', color: 'default' },
  not_expected: { text: '', color: 'default' },
};

/** "Theo dõi cả năm": each unit × each period of a year of one template, with the "N/M" of each column and a bar chart, for one cluster or region when filtered. */
export function ReportsYearGrid({ templateId, initialYear, filter, onFilter }: { readonly templateId: string; readonly initialYear: number; readonly filter: UnitFilter; readonly onFilter: (next: UnitFilter) => void }) {
  const { t } = useI18n();
  const [year, setYear] = useState(initialYear);
  const grid = useQuery(yearGridQuery(templateId, year, filter));
  const statusText = (s: Cell) => t(({ on_time: 'reports.status.on_time', late: 'reports.status.late', returned: 'reports.status.returned', missing: 'reports.status.missing', not_expected: 'reports.year.notExpected' } as const)[s]);
  const view = grid.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <span>{t('reports.year.year')}</span>
        <InputNumber aria-label={t('reports.year.year')} min={2000} max={2100} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} />
        <ReportsUnitFilter year={year} value={filter} onChange={onFilter} />
      </Space>
      <span>{t('reports.year.legend')}</span>
      {view && view.periods.length > 0 && (
        <EChartView
          height={200}
          label={t('reports.year.chart')}
          testId="reports-year-chart"
          option={{ tooltip: {}, legend: {}, grid: { left: 40, right: 10, top: 30, bottom: 30 }, xAxis: { type: 'category', data: view.periods.map((p) => p.label) }, yAxis: { type: 'value' }, series: [{ name: t('reports.reportedOf'), type: 'bar', data: view.periods.map((p) => p.reported) }, { name: t('reports.year.expected'), type: 'bar', data: view.periods.map((p) => p.expected) }] }}
        />
      )}
      <Table<Row>
        data-testid="reports-year-grid"
        rowKey={(r) => r.unit.id}
        dataSource={view?.rows ?? []}
        loading={grid.isLoading}
        pagination={{ pageSize: 80 }}
        size="small"
        scroll={{ x: true }}
        columns={[
          { title: t('reports.unit'), fixed: 'left', render: (_, r) => r.unit.name },
          ...(view?.periods ?? []).map((p, i) => ({
            title: <span>{p.label}<br />{`${p.reported}/${p.expected}`}</span>,
            key: p.id,
            align: 'center' as const,
            render: (_: unknown, r: Row) => {
              const cell = r.cells[i] ?? 'not_expected';
              return cell === 'not_expected' ? null : <Tooltip title={statusText(cell)}><Tag color={mark[cell].color} aria-label={statusText(cell)}>{mark[cell].text}</Tag></Tooltip>;
            },
          })),
        ]}
      />
    </Space>
  );
}
