import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { confidenceListPath, confidenceListQuery, confidencePath } from './confidence-api.ts';

/** "Lấy phiếu tín nhiệm": the confidence votes of the units in scope, latest first. */
export function ConfidenceVotesPage() {
  const { t } = useI18n();
  const list = useQuery(confidenceListQuery());
  const navigate = useNavigate();
  const writer = can(useCurrentSession(), 'records.write');
  return (
    <>
      <PageHeader title={t('confidence.title')} extra={writer ? <Button type="primary" onClick={() => void navigate(`${confidenceListPath}/new`)}>{t('confidence.new')}</Button> : null} />
      <Card>
        {list.isError ? <PageError error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table rowKey="id" size="small" loading={list.isFetching} dataSource={list.data ?? []} columns={[
            { title: t('confidence.name'), dataIndex: 'title', render: (title: string, row) => <Link to={confidencePath(row.id)}>{title}</Link> },
            { title: t('elections.unit'), dataIndex: 'unitName' },
            { title: t('elections.heldOn'), dataIndex: 'heldOn', render: formatDate },
            { title: t('elections.convened'), dataIndex: 'convened' },
            { title: t('elections.stateCol'), dataIndex: 'status', render: (s: 'open' | 'finalised') => <Tag color={s === 'finalised' ? 'green' : 'blue'}>{t(`elections.state.${s}`)}</Tag> },
          ]} />
        )}
      </Card>
    </>
  );
}
