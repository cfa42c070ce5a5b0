import type { AggregateStructure, AggregateView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Card, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { EChartView } from '../../app/echart-view.tsx';
import { formatNumber } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { aggregateQuery } from './reports-api.ts';

type Group = AggregateView['groups'][number];

/** "Tổng hợp số liệu": every indicator added up by sub-unit, as of the period or today's structure, compared with the previous period and the same period last year; one indicator charted by sub-unit. */
export function ReportsAggregatePanel({ periodId }: { readonly periodId: string }) {
  const { t, locale } = useI18n();
  const [structure, setStructure] = useState<AggregateStructure>('period');
  const [charted, setCharted] = useState<string | null>(null);
  const aggregate = useQuery(aggregateQuery(periodId, structure));
  const view = aggregate.data;
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, locale));
  const code = charted ?? view?.indicators[0]?.code ?? '';
  const chartedLabel = view?.indicators.find((i) => i.code === code)?.label ?? '';
  const groups = [...(view?.groups ?? [])].sort((a, b) => (b.values[code] ?? 0) - (a.values[code] ?? 0));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Radio.Group value={structure} onChange={(e) => setStructure(e.target.value === 'today' ? 'today' : 'period')} optionType="button" aria-label={t('reports.agg.structure')}>
        <Radio.Button value="period">{t('reports.agg.asOfPeriod')}</Radio.Button>
        <Radio.Button value="today">{t('reports.agg.today')}</Radio.Button>
      </Radio.Group>
      {view && (
        <>
          <Typography.Text>{t('reports.agg.basis', { reported: view.reported, expected: view.expected })}</Typography.Text>
          <Table
            data-testid="reports-aggregate-total"
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={view.indicators}
            columns={[
              { title: t('reports.indicators'), dataIndex: 'label' },
              { title: view.period.label, align: 'right', render: (_, i) => shown(view.total[i.code]) },
              { title: view.previous?.label ?? t('reports.agg.previous'), align: 'right', render: (_, i) => shown(view.previous?.values[i.code]) },
              { title: view.lastYear?.label ?? t('reports.agg.lastYear'), align: 'right', render: (_, i) => shown(view.lastYear?.values[i.code]) },
            ]}
          />
          <Card size="small" title={t('reports.agg.byUnit')} extra={<Select style={{ minWidth: 280 }} aria-label={t('reports.agg.charted')} value={code} onChange={(v: string) => setCharted(v)} options={view.indicators.map((i) => ({ value: i.code, label: i.label }))} />}>
            <EChartView
              height={Math.max(240, groups.length * 18)}
              label={`${t('reports.agg.byUnit')}: ${chartedLabel}`}
              testId="reports-aggregate-chart"
              option={{ tooltip: {}, grid: { left: 220, right: 30, top: 10, bottom: 20 }, xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.unit.name) }, series: [{ type: 'bar', name: chartedLabel, data: groups.map((g) => g.values[code] ?? 0) }] }}
            />
            <Table<Group>
              data-testid="reports-aggregate-groups"
              rowKey={(g) => g.unit.id}
              size="small"
              pagination={{ pageSize: 50 }}
              dataSource={groups}
              columns={[
                { title: t('reports.unit'), render: (_, g) => g.unit.name },
                { title: t('reports.reportedOf'), render: (_, g) => `${g.reported}/${g.expected}` },
                { title: chartedLabel, align: 'right', render: (_, g) => shown(g.values[code]) },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
