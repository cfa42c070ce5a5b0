import type { AuditEntryView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { auditListQuery, type AuditFilters, noAuditFilters } from './audit-api.ts';
import { AuditEntryDetail } from './audit-entry-detail.tsx';
import { AuditFiltersForm } from './audit-filters-form.tsx';
import { AuditVerifyButton } from './audit-verify-button.tsx';

/** The audit log of the scope with filters, before/after details and the chain check. */
export function AuditPage() {
  const { t, tOr } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>(noAuditFilters);
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const audit = useQuery(auditListQuery(filters, paging.page, paging.pageSize));

  const columns: TableColumnsType<AuditEntryView> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('audit.time'), key: 'at', width: 180, render: (_, e) => formatDateTime(e.at) },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actor', width: 200 },
    {
      title: t('audit.action'),
      key: 'action',
      width: 280,
      render: (_, e) => (
        <>
          {tOr(`auditAction.${e.action}`, e.action)}
          <br />
          <Typography.Text type="secondary" code>
            {e.action}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, e) => (
        <>
          {tOr(`entityType.${e.entityType}`, e.entityType)}
          {e.entityId ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
              {e.entityId}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
  ];

  if (audit.isError && !audit.data) return <PageError error={audit.error} onRetry={() => void audit.refetch()} />;

  return (
    <>
      <PageHeader title={t('audit.title')} extra={<AuditVerifyButton />} />
      <Card>
        <AuditFiltersForm
          onChange={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <Table<AuditEntryView>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
          }}
        />
      </Card>
    </>
  );
}
