import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { todayIso } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { committeeOf } from '../elections/committee-lines.ts';
import { electionAccountsQuery } from '../elections/elections-api.ts';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { confidenceApi, confidencePath } from './confidence-api.ts';

interface SetupForm {
  readonly unit: UnitChoice | null;
  readonly title: string;
  readonly heldOn: string;
  readonly persons: string;
  readonly convened: number;
  readonly present: number;
  readonly committeeHead: string;
  readonly committeeMembers: string;
  readonly headUserId: string;
  readonly operatorIds: string[];
}

/** "Họ tên; chức vụ" lines, in ballot order. */
const personsOf = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => {
    const [fullName = '', ...post] = l.split(';');
    return { fullName: fullName.trim(), post: post.join(';').trim() };
  });

/** Sets up a confidence vote: unit, persons (one a line, "name; post", in ballot order), convened and present, the counting committee (head and members) and the operators. */
export function ConfidenceNewPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<SetupForm>();
  const unit = Form.useWatch('unit', form) ?? null;
  // The same accounts may count: active, allowed to enter the unit's records.
  const accounts = useQuery(electionAccountsQuery(unit?.value ?? null));
  const options = (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }));
  const create = useMutation({
    mutationFn: (v: SetupForm) => confidenceApi.create({
      unitId: v.unit?.value ?? '', title: v.title, heldOn: v.heldOn, persons: personsOf(v.persons), convened: v.convened, present: v.present,
      committee: committeeOf(v.committeeHead, v.committeeMembers), headUserId: v.headUserId, operatorIds: v.operatorIds,
    }),
    onSuccess: (created) => void navigate(confidencePath(created.id)),
  });
  return (
    <>
      <PageHeader title={t('confidence.new')} />
      <Card>
        <Form<SetupForm> form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={{ heldOn: todayIso(), operatorIds: [] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="unit" label={t('elections.unit')} rules={[{ required: true }]}><UnitSearchSelect /></Form.Item>
          <Form.Item name="title" label={t('confidence.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="heldOn" label={t('elections.heldOnIso')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input /></Form.Item>
          <Form.Item name="persons" label={t('confidence.personLines')} rules={[{ required: true }]}><Input.TextArea rows={6} /></Form.Item>
          <Form.Item name="convened" label={t('elections.convened')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="present" label={t('elections.present')} extra={t('confidence.quorumHelp')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="committeeHead" label={t('elections.committeeHead')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="committeeMembers" label={t('confidence.committeeMemberLines')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="headUserId" label={t('elections.headAccount')} rules={[{ required: true }]}><Select options={options} loading={accounts.isFetching} /></Form.Item>
          <Form.Item name="operatorIds" label={t('elections.operators')} rules={[{ required: true }]}><Select mode="multiple" options={options} loading={accounts.isFetching} /></Form.Item>
          {create.isError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(create.error)} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>{t('common.create')}</Button>
        </Form>
      </Card>
    </>
  );
}
