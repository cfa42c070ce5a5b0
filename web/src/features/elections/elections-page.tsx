import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { confidenceListPath } from '../confidence/confidence-api.ts';
import { electionListQuery, electionPath } from './elections-api.ts';

/** "Bầu cử": the elections of the units in scope, latest first. */
export function ElectionsPage() {
  const { t } = useI18n();
  const list = useQuery(electionListQuery(null));
  const navigate = useNavigate();
  const writer = can(useCurrentSession(), 'records.write');
  return (
    <>
      <PageHeader title={t('elections.title')} extra={<Space><Button onClick={() => void navigate(confidenceListPath)}>{t('confidence.open')}</Button>{writer ? <Button type="primary" onClick={() => void navigate('/elections/new')}>{t('elections.new')}</Button> : null}</Space>} />
      <Card>
        {list.isError ? <PageError error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table rowKey="id" size="small" loading={list.isFetching} dataSource={list.data ?? []} columns={[
            { title: t('elections.name'), dataIndex: 'title', render: (title: string, row) => <Link to={electionPath(row.id)}>{title}</Link> },
            { title: t('elections.unit'), dataIndex: 'unitName' },
            { title: t('elections.heldOn'), dataIndex: 'heldOn', render: formatDate },
            { title: t('elections.roundCol'), dataIndex: 'round' },
            { title: t('elections.seats'), dataIndex: 'seats' },
            { title: t('elections.stateCol'), dataIndex: 'status', render: (s: 'open' | 'finalised') => <Tag color={s === 'finalised' ? 'green' : 'blue'}>{t(`elections.state.${s}`)}</Tag> },
          ]} />
        )}
      </Card>
    </>
  );
}
