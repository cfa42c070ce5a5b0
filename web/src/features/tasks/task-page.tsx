import type { TaskSummary } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { documentQuery } from '../documents/documents-api.ts';
import { TaskCreateModal } from './task-create-modal.tsx';
import { TaskEditModal } from './task-edit-modal.tsx';
import { TaskStatusTag } from './task-status-tag.tsx';
import { TaskUpdates } from './task-updates.tsx';
import { taskQuery } from './tasks-api.ts';

/** A task: particulars, derived progress, sub-tasks, per-unit tracking "60/67 đã hoàn thành" with those behind, updates and comments. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const task = useQuery(taskQuery(id));
  const source = useQuery({ ...documentQuery(task.data?.sourceDocumentId ?? ''), enabled: Boolean(task.data?.sourceDocumentId) });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  if (task.error) return <PageError error={task.error} />;
  if (!task.data) return <PageSpinner />;
  const v = task.data;
  const writer = can(session, 'records.write');
  const derived = v.subTasks.length > 0 ? t('work.tasks.derivedFromSub') : v.rollout ? t('work.tasks.derivedFromUnits') : null;
  return (
    <>
      <PageHeader title={v.title} subtitle={<TaskStatusTag status={v.status} overdue={v.overdue} />} extra={writer ? <Space><Button onClick={() => setEditing(true)}>{t('work.tasks.edit')}</Button><Button onClick={() => setAdding(true)}>{t('work.tasks.createSub')}</Button></Space> : null} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('work.tasks.lead')}>{v.leadUnitName}{v.leadPerson ? ` — ${v.leadPerson}` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('work.tasks.coordinating')}>{v.coordinatingUnits.map((c) => c.name).join(', ')}</Descriptions.Item>
            <Descriptions.Item label={t('work.tasks.startsOn')}>{formatDate(v.startsOn)}</Descriptions.Item>
            <Descriptions.Item label={t('work.tasks.dueOn')}>{formatDate(v.dueOn)}</Descriptions.Item>
            <Descriptions.Item label={t('work.tasks.sourceDocument')}>{v.sourceDocumentId ? <Link to={`/documents/${v.sourceDocumentId}`}>{source.data?.number ?? '…'}</Link> : t(`work.source.${v.sourceKind}`)}</Descriptions.Item>
            {v.parentId ? <Descriptions.Item label={t('work.tasks.parent')}><Link to={`/tasks/${v.parentId}`}>{t('work.tasks.openParent')}</Link></Descriptions.Item> : null}
            <Descriptions.Item label={t('work.tasks.progress')} span={2}>
              <Space>
                <Progress percent={v.progress} style={{ width: 240 }} />
                {derived ? <Typography.Text type="secondary">{derived}</Typography.Text> : null}
              </Space>
            </Descriptions.Item>
            {v.description ? <Descriptions.Item label={t('work.tasks.description')} span={2}>{v.description}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        {v.rollout ? (
          <Card size="small" title={<span data-testid="rollout-count">{t('work.tasks.rolloutCount', { completed: v.rollout.completed, total: v.rollout.total })}</span>}>
            <Typography.Text strong>{t('work.tasks.behind', { count: v.rollout.total - v.rollout.completed })}</Typography.Text>
            <Table
              size="small"
              rowKey="unitId"
              dataSource={v.rollout.behind}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('work.unit'), dataIndex: 'name' },
                { title: t('work.tasks.status'), dataIndex: 'status', render: (_x, r) => <TaskStatusTag status={r.status} overdue={v.overdue} /> },
                { title: t('work.tasks.progress'), dataIndex: 'progress', width: 160, render: (p: number) => <Progress percent={p} size="small" /> },
              ]}
            />
          </Card>
        ) : null}
        {v.subTasks.length > 0 ? (
          <Card size="small" title={t('work.tasks.subTasks')}>
            <Table<TaskSummary>
              size="small"
              rowKey="id"
              dataSource={v.subTasks}
              pagination={false}
              onRow={(row) => ({ onDoubleClick: () => void navigate(`/tasks/${row.id}`) })}
              columns={[
                { title: t('work.tasks.name'), dataIndex: 'title', render: (x: string, row) => <Link to={`/tasks/${row.id}`}>{x}</Link> },
                { title: t('work.tasks.lead'), dataIndex: 'leadUnitName' },
                { title: t('work.tasks.dueOn'), dataIndex: 'dueOn', render: (x: string) => formatDate(x) },
                { title: t('work.tasks.status'), dataIndex: 'status', render: (_x, row) => <TaskStatusTag status={row.status} overdue={row.overdue} /> },
                { title: t('work.tasks.progress'), dataIndex: 'progress', width: 160, render: (p: number) => <Progress percent={p} size="small" /> },
              ]}
            />
          </Card>
        ) : null}
        <TaskUpdates task={v} />
      </Space>
      {editing ? <TaskEditModal task={v} open onClose={() => setEditing(false)} /> : null}
      <TaskCreateModal open={adding} documentId={v.sourceDocumentId} parentId={v.id} onClose={() => setAdding(false)} onCreated={(created) => { setAdding(false); void navigate(`/tasks/${created}`); }} />
    </>
  );
}
