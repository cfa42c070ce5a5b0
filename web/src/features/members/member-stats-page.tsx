import { FileExcelOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, formatDate, isIsoDate, toIsoDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AsOfDatePicker } from '../units/as-of-date-picker.tsx';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import { useAsOf } from '../units/use-as-of.ts';
import { countOf } from './member-chart-options.ts';
import { memberFiltersOf } from './member-filters.ts';
import { MemberPeriodTable } from './member-period-table.tsx';
import { membersApi, memberStatsQuery, type StatsParams } from './members-api.ts';

// ECharts is large: the figures show first, the charts follow in their own chunk.
const MemberStatsCharts = lazy(() => import('./member-stats-charts.tsx').then((m) => ({ default: m.MemberStatsCharts })));

/** "Thống kê đảng viên": a unit's subtree on a date (figures and charts) and the movements of a period; Excel export. */
export function MemberStatsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [asOf, setAsOf] = useAsOf();
  const unitId = memberFiltersOf(params).unitId;
  const rawFrom = params.get('from');
  const rawTo = params.get('to');
  const query: StatsParams = { unitId, asOf, from: isIsoDate(rawFrom) ? rawFrom : null, to: isIsoDate(rawTo) ? rawTo : null };
  const stats = useQuery(memberStatsQuery(query));
  const exporting = useMutation({ mutationFn: () => membersApi.exportStats(query), onError: (error) => void message.error(errorText(error)) });
  const groupSeparator = locale === 'en' ? ',' : '.';

  const set = (values: Readonly<Record<string, string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(values)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const data = stats.data;
  const unitValue = data && (unitId === null || data.unit.id === unitId) ? { value: data.unit.id, label: data.unit.name } : null;
  const period = data?.period;
  const from = query.from ?? period?.from ?? null;
  const to = query.to ?? period?.to ?? null;

  return (
    <>
      <PageHeader
        title={t('memberStats.title')}
        subtitle={data ? t('memberStats.subtitle', { unit: data.unit.name, date: formatDate(data.asOf) }) : null}
        extra={
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} disabled={!data} onClick={() => exporting.mutate()}>
            {t('members.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <div style={{ minWidth: 280, flex: 1, maxWidth: 480 }}>
            <UnitTreeSelect value={unitValue} onChange={(choice) => set({ unitId: choice.value })} />
          </div>
          <AsOfDatePicker value={asOf} onChange={setAsOf} />
          <Space size={8} align="center">
            <Typography.Text type="secondary">{t('memberStats.periodLabel')}</Typography.Text>
            <DatePicker.RangePicker
              aria-label={t('memberStats.periodLabel')}
              format={dateFormat}
              value={from && to ? [dayjs(from), dayjs(to)] : null}
              placeholder={[t('audit.dateFrom'), t('audit.dateTo')]}
              onChange={(range) => set({ from: range?.[0] ? toIsoDate(range[0]) : null, to: range?.[1] ? toIsoDate(range[1]) : null })}
            />
          </Space>
        </Flex>
      </Card>
      {stats.isPending ? <PageSpinner /> : null}
      {stats.isError && !data ? <PageError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {data ? (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {(
              [
                ['total', t('memberStats.total'), data.total],
                ['full', t('memberStatus.full'), countOf(data.byStatus, 'full')],
                ['probationary', t('memberStatus.probationary'), countOf(data.byStatus, 'probationary')],
              ] as const
            ).map(([key, title, value]) => (
              <Col xs={24} md={8} key={key}>
                <Card>
                  <Statistic title={title} value={value} groupSeparator={groupSeparator} loading={stats.isFetching && stats.isPlaceholderData} />
                </Card>
              </Col>
            ))}
          </Row>
          <Suspense fallback={<PageSpinner />}>
            <MemberStatsCharts stats={data} />
          </Suspense>
          <Card title={t('memberStats.periodTitle', { from: formatDate(data.period.from), to: formatDate(data.period.to) })}>
            <MemberPeriodTable period={data.period} />
          </Card>
        </Flex>
      ) : null}
    </>
  );
}
