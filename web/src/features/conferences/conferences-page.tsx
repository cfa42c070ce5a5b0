import type { ConferenceKind } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { conferenceListQuery, conferencePath } from './conferences-api.ts';

/** "Hội nghị giao ban": conferences the user's units host or take part in, latest first. */
export function ConferencesPage() {
  const { t } = useI18n();
  const list = useQuery(conferenceListQuery());
  const navigate = useNavigate();
  const writer = can(useCurrentSession(), 'records.write');
  return (
    <>
      <PageHeader title={t('conferences.title')} extra={writer ? <Button type="primary" onClick={() => void navigate('/conferences/new')}>{t('conferences.new')}</Button> : null} />
      <Card>
        {list.isError ? <PageError error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table rowKey="id" size="small" loading={list.isFetching} dataSource={list.data ?? []} columns={[
            { title: t('conferences.name'), dataIndex: 'title', render: (title: string, row) => <Link to={conferencePath(row.id)}>{title}</Link> },
            { title: t('conferences.kind'), dataIndex: 'kind', render: (k: ConferenceKind) => <Tag>{t(`conferences.kinds.${k}`)}</Tag> },
            { title: t('conferences.startsAt'), dataIndex: 'startsAt', render: formatDateTime },
            { title: t('conferences.host'), dataIndex: 'hostUnitName' },
            { title: t('conferences.connectedCol'), key: 'connected', render: (_: unknown, row) => `${row.connected}/${row.points}` },
          ]} />
        )}
      </Card>
    </>
  );
}
