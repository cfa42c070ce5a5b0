import { ApartmentOutlined, LaptopOutlined, TeamOutlined } from '@ant-design/icons';
import { unitKinds } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Statistic, Tag } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { formatNumber } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { effectiveGrants } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { homeSummaryQuery } from './home-api.ts';

// ECharts is large: the figures show first, the chart follows in its own chunk.
const AuditActivityChart = lazy(() => import('./audit-activity-chart.tsx').then((m) => ({ default: m.AuditActivityChart })));

const kindOrder = new Map<string, number>(unitKinds.map((kind, index) => [kind, index]));

/** Kinds from the Centre down to the cell (unknown kinds last). */
function byHierarchy<T extends { readonly kind: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99));
}

interface FigureProps {
  readonly title: string;
  readonly value: number;
  readonly icon: ReactNode;
  readonly groupSeparator: string;
}

function Figure({ title, value, icon, groupSeparator }: FigureProps) {
  return (
    <Card>
      <Statistic title={title} value={value} prefix={icon} groupSeparator={groupSeparator} />
    </Card>
  );
}

/** The home page: real figures of the current scope, nothing invented. */
export function HomePage() {
  const { t, tOr, locale } = useI18n();
  const session = useCurrentSession();
  const summary = useQuery(homeSummaryQuery);
  const groupSeparator = locale === 'en' ? ',' : '.';

  const active = session.activeGrantId ? effectiveGrants(session)[0] : undefined;
  const scope = active ? t('home.scopeOne', { scope: `${t(`role.${active.role}`)} — ${active.unitName}` }) : t('home.scopeAll');
  const header = <PageHeader title={t('home.welcome', { name: session.user.fullName })} subtitle={scope} />;

  if (summary.isPending) return (<>{header}<PageSpinner /></>);
  if (summary.isError) return (<>{header}<PageError error={summary.error} onRetry={() => void summary.refetch()} /></>);
  const data = summary.data;

  return (
    <>
      {header}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Figure title={t('home.unitCount')} value={data.unitCount} icon={<ApartmentOutlined />} groupSeparator={groupSeparator} />
        </Col>
        <Col xs={24} md={8}>
          <Figure title={t('home.userCount')} value={data.userCount} icon={<TeamOutlined />} groupSeparator={groupSeparator} />
        </Col>
        <Col xs={24} md={8}>
          <Figure title={t('home.sessionCount')} value={data.activeSessionCount} icon={<LaptopOutlined />} groupSeparator={groupSeparator} />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.unitsByKind')} style={{ height: '100%' }}>
            {data.unitsByKind.length === 0 ? (
              <Empty description={t('home.noUnits')} />
            ) : (
              <List
                dataSource={byHierarchy(data.unitsByKind)}
                renderItem={(row) => (
                  <List.Item extra={<strong>{formatNumber(row.count, locale)}</strong>}>{tOr(`unitKind.${row.kind}`, row.kind)}</List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.scopeUnits')} style={{ height: '100%' }}>
            {data.scopeUnits.length === 0 ? (
              <Empty description={t('home.noUnits')} />
            ) : (
              <List dataSource={data.scopeUnits} renderItem={(unit) => <List.Item><Tag color="red">{unit.name}</Tag></List.Item>} />
            )}
          </Card>
        </Col>
        {data.auditLast7Days === null ? null : (
          <Col span={24}>
            <Card title={t('home.auditChart')}>
              <Suspense fallback={<div style={{ height: 260 }} />}>
                <AuditActivityChart rows={data.auditLast7Days} seriesName={t('home.auditSeries')} />
              </Suspense>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
