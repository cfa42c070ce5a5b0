import { BellOutlined } from '@ant-design/icons';
import { notificationList, okResponse, type NotificationView } from '@tcxd/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api-client.ts';
import { formatDateTime } from '../../app/format.ts';
import { queryClient } from '../../app/query-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

const notificationsQuery = () =>
  queryOptions({ queryKey: ['notifications'], queryFn: ({ signal }) => api.get('/api/notifications', notificationList, {}, signal), refetchInterval: 60_000 });

async function markRead(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await api.post('/api/notifications/read', okResponse, { ids });
  await queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

/** The header bell: the signed-in user's in-app notifications (a report sent or returned, reminders), unread counted; opening one marks it read and follows its link. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notes = useQuery(notificationsQuery());
  const items = notes.data?.items ?? [];
  const unread = notes.data?.unread ?? 0;
  const follow = async (n: NotificationView) => {
    setOpen(false);
    await markRead(n.readAt ? [] : [n.id]);
    if (n.link) void navigate(n.link);
  };
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      <List<NotificationView>
        size="small"
        dataSource={items}
        locale={{ emptyText: t('notifications.empty') }}
        renderItem={(n) => (
          <List.Item style={{ cursor: n.link ? 'pointer' : 'default', background: n.readAt ? undefined : '#fff7e6' }} onClick={() => void follow(n)}>
            <List.Item.Meta title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>} description={<>{n.body && <div>{n.body}</div>}<Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text></>} />
          </List.Item>
        )}
      />
      {unread > 0 && <Button size="small" type="link" onClick={() => void markRead(items.filter((n) => !n.readAt).map((n) => n.id))}>{t('notifications.markRead')}</Button>}
    </div>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('notifications.title')} content={content} placement="bottomRight">
      <Badge count={unread} size="small">
        <Button type="text" aria-label={`${t('notifications.title')} (${unread})`} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} />
      </Badge>
    </Popover>
  );
}
