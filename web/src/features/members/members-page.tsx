import { DownOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberFiltersBar } from './member-filters-bar.tsx';
import { MemberImportModal } from './member-import-modal.tsx';
import { memberListQuery, membersApi } from './members-api.ts';
import { MembersTable } from './members-table.tsx';
import { useMemberFilters } from './use-member-filters.ts';

/** "Danh sách đảng viên": search and filters kept in the address, paged list, add, import and export. */
export function MembersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const writer = can(useCurrentSession(), 'records.write');
  const [filters, setFilters] = useMemberFilters();
  const list = useQuery(memberListQuery(filters));
  const [importing, setImporting] = useState(false);
  const exporting = useMutation({
    mutationFn: (layout: 'record' | 'register') => membersApi.exportList(filters, layout),
    onError: (error) => void message.error(errorText(error)),
  });

  return (
    <>
      <PageHeader
        title={t('members.title')}
        subtitle={t('members.note')}
        extra={
          <Space wrap>
            <Dropdown
              menu={{
                items: [
                  { key: 'record', label: t('members.exportRecord') },
                  { key: 'register', label: t('members.exportRegister') },
                ],
                onClick: ({ key }) => exporting.mutate(key === 'register' ? 'register' : 'record'),
              }}
            >
              <Button icon={<FileExcelOutlined />} loading={exporting.isPending}>
                {t('members.export')} <DownOutlined />
              </Button>
            </Dropdown>
            {writer ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t('members.import')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/members/new')}>
                  {t('members.add')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      <Card>
        <MemberFiltersBar filters={filters} onChange={setFilters} />
        {list.isError && !list.data ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <MembersTable
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            totalCapped={list.data?.totalCapped ?? false}
            page={filters.page}
            pageSize={filters.pageSize}
            loading={list.isFetching}
            onPage={(page, pageSize) => setFilters({ page, pageSize })}
          />
        )}
      </Card>
      {writer ? <MemberImportModal open={importing} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
