import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, toIsoDate } from '../../app/format.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { documentListQuery, documentQuery } from '../documents/documents-api.ts';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect, UnitsSearchSelect } from '../units/unit-search-select.tsx';
import { childUnitsQuery } from '../units/units-api.ts';
import { refreshTasks, tasksApi } from './tasks-api.ts';

interface CreateForm {
  owner?: UnitChoice | null;
  title: string;
  description?: string;
  sourceDocumentId?: string;
  lead?: UnitChoice | null;
  leadPerson?: string;
  coordinating?: UnitChoice[];
  assigned?: UnitChoice[];
  allChildren: boolean;
  startsOn?: dayjs.Dayjs | null;
  dueOn: dayjs.Dayjs;
}

/** Assigns a task by hand, from a document, or as a sub-task; optionally tracked per unit for all units below the assigning one. */
export function TaskCreateModal({ open, documentId, parentId = null, onClose, onCreated }: { readonly open: boolean; readonly documentId: string | null; readonly parentId?: string | null; readonly onClose: () => void; readonly onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<CreateForm>();
  const owner = Form.useWatch('owner', form) ?? null;
  const allChildren = Form.useWatch('allChildren', form) ?? false;
  const children = useQuery({ ...childUnitsQuery(owner?.value ?? null), enabled: owner !== null && allChildren });
  const [docText, setDocText] = useState('');
  const q = useDebouncedValue(docText.trim(), 250);
  const docs = useQuery({ ...documentListQuery({ q }), enabled: q.length > 0 });
  const source = useQuery({ ...documentQuery(documentId ?? ''), enabled: documentId !== null });
  const docOptions = [...(source.data ? [source.data] : []), ...(docs.data ?? []).filter((d) => d.id !== documentId)].map((d) => ({ value: d.id, label: `${d.number} — ${d.subject}` }));
  const create = useMutation({
    mutationFn: (v: CreateForm) => {
      const assigned = v.allChildren ? (children.data ?? []).map((u) => u.id) : (v.assigned ?? []).map((u) => u.value);
      return tasksApi.create({
        ownerUnitId: v.owner?.value ?? '',
        parentId,
        title: v.title,
        description: v.description?.trim() ? v.description.trim() : null,
        sourceDocumentId: v.sourceDocumentId ?? null,
        leadUnitId: v.lead?.value ?? v.owner?.value ?? '',
        leadPerson: v.leadPerson?.trim() ? v.leadPerson.trim() : null,
        coordinatingUnitIds: (v.coordinating ?? []).map((u) => u.value),
        assignedUnitIds: assigned,
        startsOn: v.startsOn ? toIsoDate(v.startsOn) : null,
        dueOn: toIsoDate(v.dueOn),
      });
    },
    onSuccess: async (created) => {
      await refreshTasks();
      form.resetFields();
      onCreated(created.id);
    },
  });
  return (
    <Modal open={open} title={parentId ? t('work.tasks.createSub') : t('work.tasks.create')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={720}>
      <Form<CreateForm> form={form} layout="vertical" initialValues={{ sourceDocumentId: documentId ?? undefined, allChildren: false, coordinating: [], assigned: [] }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="owner" label={t('work.tasks.owner')} rules={[{ required: true, message: t('work.required') }]}><UnitSearchSelect /></Form.Item>
        <Form.Item name="title" label={t('work.tasks.name')} rules={[{ required: true, message: t('work.required') }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('work.tasks.description')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="sourceDocumentId" label={t('work.tasks.sourceDocument')}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setDocText }} options={docOptions} placeholder={t('work.documents.search')} />
        </Form.Item>
        <Form.Item name="lead" label={t('work.tasks.lead')} extra={t('work.tasks.leadHelp')}><UnitSearchSelect /></Form.Item>
        <Form.Item name="leadPerson" label={t('work.tasks.leadPerson')}><Input /></Form.Item>
        <Form.Item name="coordinating" label={t('work.tasks.coordinating')}><UnitsSearchSelect /></Form.Item>
        <Form.Item name="allChildren" valuePropName="checked"><Checkbox>{t('work.tasks.allChildren')}</Checkbox></Form.Item>
        {allChildren ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('work.tasks.allChildrenCount', { count: children.data?.length ?? 0 })} />
        ) : (
          <Form.Item name="assigned" label={t('work.tasks.assigned')} extra={t('work.tasks.assignedHelp')}><UnitsSearchSelect /></Form.Item>
        )}
        <Form.Item name="startsOn" label={t('work.tasks.startsOn')}><DatePicker format={dateFormat} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="dueOn" label={t('work.tasks.dueOn')} rules={[{ required: true, message: t('work.required') }]}><DatePicker format={dateFormat} style={{ width: '100%' }} /></Form.Item>
        {create.error ? <Alert type="error" showIcon message={errorText(create.error)} /> : null}
      </Form>
    </Modal>
  );
}
