import type { TrackingRow, TrackingStatus } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { EChartView } from '../../app/echart-view.tsx';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { periodsQuery, refreshReports, reportsApi, trackingQuery } from './reports-api.ts';
import { ReportsAggregatePanel } from './reports-aggregate-panel.tsx';
import { ReportsUnitFilter, useUnitFilter } from './reports-unit-filter.tsx';
import { ReportsUnlockButton } from './reports-unlock-button.tsx';
import { ReportsYearGrid } from './reports-year-grid.tsx';

const statusColor: Readonly<Record<TrackingStatus, string>> = { on_time: 'green', late: 'orange', returned: 'red', missing: 'default' };

/** "Báo cáo định kỳ": choose a period, see "N/M", who is late or missing, remind them, open reports, download the consolidated report. */
export function ReportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const periods = useQuery(periodsQuery());
  const periodId = params.get('period') ?? periods.data?.[0]?.id ?? '';
  const [filter, setFilter] = useUnitFilter();
  const tracking = useQuery(trackingQuery(periodId, filter));
  if (periods.error) return <PageError error={periods.error} />;
  const view = tracking.data;
  const statusText = (s: TrackingStatus) => t(({ on_time: 'reports.status.on_time', late: 'reports.status.late', returned: 'reports.status.returned', missing: 'reports.status.missing' } as const)[s]);
  const openRow = async (row: TrackingRow) => {
    try {
      const report = row.submissionId ? { id: row.submissionId } : await reportsApi.open(periodId, row.unit.id);
      void navigate(`/reports/submissions/${report.id}`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const remind = async () => {
    try {
      const result = await reportsApi.remind(periodId);
      void message.success(t('reports.reminded', { units: result.units, emailed: result.emailed }));
      await refreshReports();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const tracked = view && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <ReportsUnitFilter year={Number(view.period.startsOn.slice(0, 4))} value={filter} onChange={setFilter} />
          <Card>
            <Space size="large" wrap>
              <Statistic title={t('reports.reportedOf')} value={`${view.reported}/${view.expected}`} />
              <Statistic title={statusText('on_time')} value={view.onTime} />
              <Statistic title={statusText('late')} value={view.late} />
              <Statistic title={statusText('returned')} value={view.returned} />
              <Statistic title={statusText('missing')} value={view.missing} />
              <Statistic title={t('reports.due')} value={formatDate(view.period.dueOn)} />
              <Statistic title={t('reports.locks')} value={formatDate(view.period.locksOn)} />
            </Space>
            <EChartView
              height={220}
              label={t('reports.chart')}
              testId="reports-chart"
              option={{ tooltip: {}, series: [{ type: 'pie', radius: ['40%', '70%'], data: (['on_time', 'late', 'returned', 'missing'] as const).map((s) => ({ name: statusText(s), value: view[s === 'on_time' ? 'onTime' : s] })) }] }}
            />
          </Card>
          <Table<TrackingRow>
            rowKey={(r) => r.unit.id}
            dataSource={view.rows}
            pagination={{ pageSize: 50 }}
            size="small"
            columns={[
              { title: t('reports.unit'), render: (_, r) => <a onClick={() => void openRow(r)}>{r.unit.name}</a> },
              { title: t('reports.state'), render: (_, r) => <Tag color={statusColor[r.status]}>{statusText(r.status)}{r.accepted ? ` · ${t('reports.accepted')}` : ''}</Tag> },
              { title: t('reports.sentAt'), render: (_, r) => formatDateTime(r.firstSubmittedAt) },
              ...(view.period.manages && view.window === 'locked'
                ? [{ title: t('reports.unlock.column'), render: (_: unknown, r: TrackingRow) => (r.status === 'missing' || r.status === 'returned' ? <Space>{r.unlockedUntil && <span>{t('reports.unlock.untilShort', { until: formatDate(r.unlockedUntil) })}</span>}<ReportsUnlockButton periodId={periodId} unit={r.unit} /></Space> : null) }]
                : []),
            ]}
          />
        </Space>
  );
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        extra={
          <Space wrap>
            <Select style={{ minWidth: 240 }} aria-label={t('reports.period')} value={periodId || undefined} onChange={(v: string) => setParams((current) => { const next = new URLSearchParams(current); next.set('period', v); return next; })} options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.label} — ${p.templateName}` }))} />
            {view?.period.manages && <Button onClick={() => void navigate('/reports/templates')}>{t('reports.tpl.open')}</Button>}
            {view?.period.manages && <Button onClick={() => void remind()}>{t('reports.remindMissing')}</Button>}
            {periodId && <Button href={`/api/reports/periods/${periodId}/consolidated.docx`}>{t('reports.downloadWord')}</Button>}
            {periodId && <Button href={`/api/reports/periods/${periodId}/indicators.xlsx`}>{t('reports.downloadExcel')}</Button>}
          </Space>
        }
      />
      {view && (
        <Tabs
          defaultActiveKey={params.get('tab') ?? 'tracking'}
          destroyOnHidden
          items={[
            { key: 'tracking', label: t('reports.tab.tracking'), children: tracked },
            { key: 'year', label: t('reports.tab.year'), children: <ReportsYearGrid templateId={view.period.templateId} initialYear={Number(view.period.startsOn.slice(0, 4))} filter={filter} onFilter={setFilter} /> },
            { key: 'aggregate', label: t('reports.tab.aggregate'), children: <ReportsAggregatePanel periodId={periodId} /> },
          ]}
        />
      )}
    </>
  );
}
