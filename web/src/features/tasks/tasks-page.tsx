import { type TaskStatus, type TaskSummary, taskStatus } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, InputNumber, Progress, Segmented, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { documentQuery } from '../documents/documents-api.ts';
import { TaskCreateModal } from './task-create-modal.tsx';
import { TaskStatusTag } from './task-status-tag.tsx';
import { TaskTimeline } from './task-timeline.tsx';
import { type TaskFilter, taskListQuery } from './tasks-api.ts';

type View = TaskFilter['view'];
const isView = (v: string | null): v is View => v === 'mine' || v === 'unit' || v === 'all';

/** "Nhiệm vụ, đề án": my tasks, my unit's, all in scope; filters by status, due, overdue, source document, year; list or timeline. */
export function TasksPage() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: View = isView(viewParam) ? viewParam : 'all';
  const documentId = params.get('documentId') ?? undefined;
  const [status, setStatus] = useState<TaskStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [year, setYear] = useState<number | null>(null);
  const [dueBefore, setDueBefore] = useState('');
  const [text, setText] = useState('');
  const [shape, setShape] = useState<'list' | 'timeline'>('list');
  const q = useDebouncedValue(text.trim(), 250);
  const filter: TaskFilter = { view, ...(status ? { status } : {}), ...(overdue ? { overdue: 'true' } : {}), ...(year ? { year } : {}), ...(/^\d{4}-\d{2}-\d{2}$/.test(dueBefore) ? { dueBefore } : {}), ...(documentId ? { documentId } : {}), ...(q ? { q } : {}) };
  const list = useQuery(taskListQuery(filter));
  const source = useQuery({ ...documentQuery(documentId ?? ''), enabled: documentId !== undefined });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  if (list.error) return <PageError error={list.error} />;
  const tasks = list.data ?? [];
  const done = tasks.filter((x) => x.status === 'done').length;
  const late = tasks.filter((x) => x.overdue).length;
  return (
    <>
      <PageHeader
        title={t('work.tasks.title')}
        subtitle={t('work.tasks.counts', { total: tasks.length, done, late })}
        extra={can(session, 'records.write') ? <Button type="primary" onClick={() => setParam('new', '1')}>{t('work.tasks.create')}</Button> : null}
      />
      <Tabs activeKey={view} onChange={(k) => setParam('view', k)} items={(['mine', 'unit', 'all'] as const).map((k) => ({ key: k, label: t(`work.tasks.view.${k}`) }))} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear style={{ width: 260 }} aria-label={t('work.tasks.search')} placeholder={t('work.tasks.search')} value={text} onChange={(e) => setText(e.target.value)} />
        <Select allowClear style={{ width: 180 }} aria-label={t('work.tasks.status')} placeholder={t('work.tasks.status')} value={status} onChange={setStatus} options={taskStatus.options.map((s) => ({ value: s, label: t(`work.status.${s}`) }))} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('work.tasks.overdueOnly')}</Checkbox>
        <InputNumber aria-label={t('work.year')} placeholder={t('work.year')} min={1990} max={2100} value={year} onChange={(v) => setYear(v)} />
        <Input style={{ width: 170 }} aria-label={t('work.tasks.dueBefore')} placeholder={t('work.tasks.dueBefore')} value={dueBefore} onChange={(e) => setDueBefore(e.target.value)} />
        {documentId ? <Tag closable onClose={() => setParam('documentId', null)}>{t('work.tasks.fromSource', { number: source.data?.number ?? '…' })}</Tag> : null}
        <Segmented value={shape} onChange={(v) => setShape(v === 'timeline' ? 'timeline' : 'list')} options={[{ value: 'list', label: t('work.tasks.list') }, { value: 'timeline', label: t('work.tasks.timeline') }]} />
      </Space>
      {shape === 'timeline' ? (
        <TaskTimeline tasks={tasks} />
      ) : (
        <Table<TaskSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={tasks}
          pagination={{ pageSize: 50 }}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/tasks/${row.id}`) })}
          columns={[
            { title: t('work.tasks.name'), dataIndex: 'title', render: (v: string, row) => <Link to={`/tasks/${row.id}`}>{v}</Link> },
            { title: t('work.tasks.lead'), dataIndex: 'leadUnitName' },
            { title: t('work.tasks.dueOn'), dataIndex: 'dueOn', render: (v: string) => formatDate(v) },
            { title: t('work.tasks.status'), dataIndex: 'status', render: (_v, row) => <TaskStatusTag status={row.status} overdue={row.overdue} /> },
            { title: t('work.tasks.progress'), dataIndex: 'progress', width: 160, render: (v: number) => <Progress percent={v} size="small" /> },
          ]}
        />
      )}
      <TaskCreateModal open={params.get('new') === '1'} documentId={documentId ?? null} onClose={() => setParam('new', null)} onCreated={(id) => void navigate(`/tasks/${id}`)} />
    </>
  );
}
