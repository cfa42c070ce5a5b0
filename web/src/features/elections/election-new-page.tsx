import { electedBodies, type ElectionSetupRequest } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { todayIso } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { electionAccountsQuery, electionPath, electionsApi } from './elections-api.ts';

interface SetupForm {
  readonly unit: UnitChoice | null;
  readonly title: string;
  readonly body: ElectionSetupRequest['body'];
  readonly heldOn: string;
  readonly seats: number;
  readonly candidates: string;
  readonly convened: number;
  readonly votersPresent: number;
  readonly committeeHead: string;
  readonly headUserId: string;
  readonly operatorIds: string[];
  readonly acceptWarnings: boolean;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Sets up an election: unit, body, seats, the ballot list (one name a line, in ballot order), the base, the committee head and the operators. */
export function ElectionNewPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<SetupForm>();
  const unit = Form.useWatch('unit', form) ?? null;
  const accounts = useQuery(electionAccountsQuery(unit?.value ?? null));
  const options = (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }));
  const create = useMutation({
    mutationFn: (v: SetupForm) => electionsApi.create({
      unitId: v.unit?.value ?? '', title: v.title, body: v.body, heldOn: v.heldOn, seats: v.seats,
      candidates: lines(v.candidates).map((fullName) => ({ fullName, memberId: null })), floorNominations: [],
      convened: v.convened, votersPresent: v.votersPresent, exclusions: [],
      committee: [{ fullName: v.committeeHead, memberId: null, role: 'head' }], headUserId: v.headUserId, operatorIds: v.operatorIds,
      tiePolicy: 'further_round', acceptWarnings: v.acceptWarnings,
    }),
    onSuccess: (created) => void navigate(electionPath(created.id)),
  });
  return (
    <>
      <PageHeader title={t('elections.new')} />
      <Card>
        <Form<SetupForm> form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={{ body: 'committee', heldOn: todayIso(), acceptWarnings: false, operatorIds: [] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="unit" label={t('elections.unit')} rules={[{ required: true }]}><UnitSearchSelect /></Form.Item>
          <Form.Item name="title" label={t('elections.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="body" label={t('elections.body')}><Select options={electedBodies.map((b) => ({ value: b, label: t(`elections.bodies.${b}`) }))} /></Form.Item>
          <Form.Item name="heldOn" label={t('elections.heldOnIso')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input /></Form.Item>
          <Form.Item name="seats" label={t('elections.seats')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="candidates" label={t('elections.candidateLines')} rules={[{ required: true }]}><Input.TextArea rows={8} /></Form.Item>
          <Form.Item name="convened" label={t('elections.convened')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="votersPresent" label={t('elections.present')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="committeeHead" label={t('elections.committeeHead')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="headUserId" label={t('elections.headAccount')} rules={[{ required: true }]}><Select options={options} loading={accounts.isFetching} /></Form.Item>
          <Form.Item name="operatorIds" label={t('elections.operators')} rules={[{ required: true }]}><Select mode="multiple" options={options} loading={accounts.isFetching} /></Form.Item>
          <Form.Item name="acceptWarnings" valuePropName="checked"><Checkbox>{t('elections.acceptWarnings')}</Checkbox></Form.Item>
          {create.isError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(create.error)} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>{t('common.create')}</Button>
        </Form>
      </Card>
    </>
  );
}
