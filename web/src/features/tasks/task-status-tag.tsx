import type { TaskStatus } from '@tcxd/contract';
import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

const colors: Readonly<Record<TaskStatus, string>> = { not_started: 'default', in_progress: 'blue', done: 'green', cancelled: 'default' };

/** A task's status, with "Quá hạn" beside it when it is late. */
export function TaskStatusTag({ status, overdue }: { readonly status: TaskStatus; readonly overdue: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={colors[status]}>{t(`work.status.${status}`)}</Tag>
      {overdue ? <Tag color="red">{t('work.tasks.overdue')}</Tag> : null}
    </Space>
  );
}
