import { electedBodies, type ElectionSetupRequest, type ElectionView, exclusionKinds } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { todayIso } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { electionAccountsQuery, electionPath, electionQuery, electionsApi, refreshElection } from './elections-api.ts';
import { committeeOf, textLines } from './committee-lines.ts';

type Exclusion = ElectionSetupRequest['exclusions'][number];

interface SetupForm {
  readonly unit: UnitChoice | null;
  readonly title: string;
  readonly body: ElectionSetupRequest['body'];
  readonly heldOn: string;
  readonly seats: number;
  readonly candidates: string;
  readonly nominations: string;
  readonly convened: number;
  readonly votersPresent: number;
  readonly exclusions: Exclusion[];
  readonly committeeHead: string;
  readonly committeeMembers: string;
  readonly headUserId: string;
  readonly operatorIds: string[];
  readonly acceptWarnings: boolean;
}

/** "Họ tên; số đồng ý" per line; a line without a number counts nobody agreeing (the rules then refuse it). */
function nominationsOf(text: string | undefined): ElectionSetupRequest['floorNominations'] {
  return textLines(text).map((line) => {
    const at = line.lastIndexOf(';');
    const agreeing = at < 0 ? 0 : Number.parseInt(line.slice(at + 1).trim(), 10);
    return { fullName: (at < 0 ? line : line.slice(0, at)).trim(), agreeing: Number.isNaN(agreeing) ? 0 : agreeing };
  });
}

function requestOf(v: SetupForm): ElectionSetupRequest {
  return {
    unitId: v.unit?.value ?? '', title: v.title, body: v.body, heldOn: v.heldOn, seats: v.seats,
    candidates: textLines(v.candidates).map((fullName) => ({ fullName, memberId: null })), floorNominations: nominationsOf(v.nominations),
    convened: v.convened, votersPresent: v.votersPresent, exclusions: v.exclusions ?? [],
    committee: committeeOf(v.committeeHead, v.committeeMembers).map((c) => ({ ...c, memberId: null })),
    headUserId: v.headUserId, operatorIds: v.operatorIds, tiePolicy: 'further_round', acceptWarnings: v.acceptWarnings,
  };
}

/** The form's values of an existing election (floor-admitted names go back to the nominations). */
function formOf(e: ElectionView): SetupForm {
  return {
    unit: { value: e.unitId, label: e.unitName }, title: e.title, body: e.body, heldOn: e.heldOn, seats: e.seats,
    candidates: e.candidates.filter((c) => c.source === 'list').map((c) => c.fullName).join('\n'),
    nominations: e.floorNominations.map((n) => `${n.fullName}; ${n.agreeing}`).join('\n'),
    convened: e.base.convened, votersPresent: e.base.votersPresent, exclusions: e.base.exclusions.map((x) => ({ ...x })),
    committeeHead: e.committee.find((c) => c.role === 'head')?.fullName ?? '',
    committeeMembers: e.committee.filter((c) => c.role !== 'head').map((c) => c.fullName).join('\n'),
    headUserId: e.headUserId, operatorIds: [...e.operatorIds], acceptWarnings: false,
  };
}

/**
 * Sets up an election, or edits one before any ballot is keyed (at /elections/:id/edit):
 * unit, body, seats, the ballot list in order, floor nominations with their agreement, the
 * base (convened minus each exclusion with its reason, shown as it is typed), the counting
 * committee and the operators. The server's rules decide; their refusal is shown.
 */
export function ElectionNewPage() {
  const id = useParams().id;
  const existing = useQuery({ ...electionQuery(id ?? ''), enabled: id !== undefined });
  if (id === undefined) return <SetupPage />;
  if (existing.isError) return <PageError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!existing.data) return <PageSpinner />;
  return <SetupPage election={existing.data} />;
}

function SetupPage({ election }: { readonly election?: ElectionView }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<SetupForm>();
  const unit = Form.useWatch('unit', form) ?? null;
  const convened = Form.useWatch('convened', form) ?? 0;
  const excluded = (Form.useWatch('exclusions', form) ?? []).length;
  const accounts = useQuery(electionAccountsQuery(unit?.value ?? null));
  const options = (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.fullName} (${a.username})` }));
  const save = useMutation({
    mutationFn: (v: SetupForm) => (election ? electionsApi.update(election.id, requestOf(v)) : electionsApi.create(requestOf(v))),
    onSuccess: async (saved) => {
      await refreshElection(saved.id);
      void navigate(electionPath(saved.id));
    },
  });
  const base = Math.max(0, convened - excluded);
  const initial = election ? formOf(election) : { body: 'committee', heldOn: todayIso(), acceptWarnings: false, operatorIds: [], exclusions: [] };
  return (
    <>
      <PageHeader title={election ? t('elections.edit') : t('elections.new')} />
      <Card>
        <Form<SetupForm> form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={initial} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="unit" label={t('elections.unit')} rules={[{ required: true }]}><UnitSearchSelect disabled={election !== undefined} /></Form.Item>
          <Form.Item name="title" label={t('elections.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="body" label={t('elections.body')}><Select options={electedBodies.map((b) => ({ value: b, label: t(`elections.bodies.${b}`) }))} /></Form.Item>
          <Form.Item name="heldOn" label={t('elections.heldOnIso')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input /></Form.Item>
          <Form.Item name="seats" label={t('elections.seats')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="candidates" label={t('elections.candidateLines')} rules={[{ required: true }]}><Input.TextArea rows={8} /></Form.Item>
          <Form.Item name="nominations" label={t('elections.nominationLines')} extra={t('elections.nominationRule')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="convened" label={t('elections.convened')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
          <Form.Item name="votersPresent" label={t('elections.present')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
          <Typography.Title level={5}>{t('elections.exclusions')}</Typography.Title>
          <Form.List name="exclusions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, 'person']} rules={[{ required: true }]} style={{ flex: 2 }}><Input aria-label={t('elections.exclusionPerson')} placeholder={t('elections.exclusionPerson')} /></Form.Item>
                    <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} style={{ flex: 2 }}><Select aria-label={t('elections.exclusionKind')} placeholder={t('elections.exclusionKind')} options={exclusionKinds.map((k) => ({ value: k, label: t(`elections.exclusionKinds.${k}`) }))} /></Form.Item>
                    <Form.Item name={[field.name, 'reason']} rules={[{ required: true }]} style={{ flex: 3 }}><Input aria-label={t('elections.exclusionReason')} placeholder={t('elections.exclusionReason')} /></Form.Item>
                    <Button onClick={() => remove(field.name)}>{t('elections.exclusionRemove')}</Button>
                  </Flex>
                ))}
                <Button onClick={() => add({ person: '', reason: '' })} style={{ marginBottom: 12 }}>{t('elections.exclusionAdd')}</Button>
              </>
            )}
          </Form.List>
          <Alert data-testid="setup-base" type="info" style={{ marginBottom: 16 }} title={t('elections.baseShown', { convened, excluded, base, needed: Math.floor(base / 2) + 1 })} />
          <Form.Item name="committeeHead" label={t('elections.committeeHead')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="committeeMembers" label={t('elections.committeeMemberLines')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="headUserId" label={t('elections.headAccount')} rules={[{ required: true }]}><Select options={options} loading={accounts.isFetching} /></Form.Item>
          <Form.Item name="operatorIds" label={t('elections.operators')} rules={[{ required: true }]}><Select mode="multiple" options={options} loading={accounts.isFetching} /></Form.Item>
          <Form.Item name="acceptWarnings" valuePropName="checked"><Checkbox>{t('elections.acceptWarnings')}</Checkbox></Form.Item>
          {save.isError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(save.error)} /> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending}>{election ? t('common.save') : t('common.create')}</Button>
        </Form>
      </Card>
    </>
  );
}
