import { PlusOutlined } from '@ant-design/icons';
import type { UserView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { TemporaryPasswordModal, type TemporaryPassword } from './temporary-password-modal.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserEditModal } from './user-edit-modal.tsx';
import { UserGrantsModal } from './user-grants-modal.tsx';
import { UserRowActions } from './user-row-actions.tsx';
import { usersQuery, type UsersListParams } from './users-api.ts';

/** Accounts of the scope: search, paging, create, edit, grants, disable/enable, password reset. */
export function UsersPage() {
  const { t } = useI18n();
  const [params, setParams] = useState<UsersListParams>({ page: 1, pageSize: 20, q: '' });
  const users = useQuery(usersQuery(params));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [granting, setGranting] = useState<UserView | null>(null);
  const [password, setPassword] = useState<TemporaryPassword | null>(null);

  const status = (u: UserView) => {
    if (u.disabled) return <Tag>{t('users.statusDisabled')}</Tag>;
    if (u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs())) return <Tag color="orange">{t('users.statusLocked', { time: formatDateTime(u.lockedUntil) })}</Tag>;
    return <Tag color="green">{t('users.statusActive')}</Tag>;
  };

  const columns: TableColumnsType<UserView> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username', width: 140, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: t('users.fullName'),
      key: 'fullName',
      width: 200,
      render: (_, u) => (
        <>
          {u.fullName}
          {u.email ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
              {u.email}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('users.grants'),
      key: 'grants',
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.grants.map((g) => (
            <Tag key={g.id} color={g.role === 'admin' ? 'red' : 'blue'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>{`${t(`role.${g.role}`)} — ${g.unitName}`}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 170,
      render: (_, u) => (
        <>
          {status(u)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} title={t('users.lastLogin')}>
            {u.lastLoginAt ? `${t('users.lastLogin')}: ${formatDateTime(u.lastLoginAt)}` : t('users.never')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, u) => <UserRowActions user={u} onEdit={setEditing} onGrants={setGranting} onPassword={setPassword} />,
    },
  ];

  if (users.isError && !users.data) return <PageError error={users.error} onRetry={() => void users.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common.search')}
          enterButton={t('common.search')}
          onSearch={(q) => setParams((p) => ({ ...p, q, page: 1 }))}
          style={{ maxWidth: 480, marginBottom: 16 }}
        />
        <Table<UserView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 960 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page: pageSize === p.pageSize ? page : 1, pageSize })),
          }}
        />
      </Card>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} onCreated={setPassword} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <UserGrantsModal user={granting} onClose={() => setGranting(null)} />
      <TemporaryPasswordModal shown={password} onClose={() => setPassword(null)} />
    </>
  );
}
