import { conferenceKind, type ConferenceKind, conferenceMode, type ConferenceMode } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { dateFormat, today, todayIso, toIsoDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { effectiveGrants } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { periodsQuery } from '../reports/reports-api.ts';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitsSearchSelect } from '../units/unit-search-select.tsx';
import { conferencePath, conferencesApi } from './conferences-api.ts';

interface NewForm {
  readonly hostUnitId: string;
  readonly kind: ConferenceKind;
  readonly title: string;
  readonly startsAt: dayjs.Dayjs;
  readonly hostPoint: string;
  readonly mode: ConferenceMode;
  readonly videoLink?: string;
  readonly reportPeriodId?: string | null;
  readonly units?: readonly UnitChoice[];
  readonly confirmBy?: dayjs.Dayjs | null;
  readonly chairName?: string;
  readonly chairTitle?: string;
}

const writingRoles = new Set(['admin', 'staff', 'clerk']);

/** Creates a conference; its connection points default to the units expected for the chosen reporting period. */
export function ConferenceNewPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const hosts = effectiveGrants(session).filter((g) => writingRoles.has(g.role));
  const periods = useQuery(periodsQuery());
  const now = todayIso();
  const current = (periods.data ?? []).find((p) => p.startsOn <= now && now <= p.endsOn) ?? null;
  const create = useMutation({
    mutationFn: (v: NewForm) => conferencesApi.create({
      hostUnitId: v.hostUnitId, kind: v.kind, title: v.title, startsAt: v.startsAt.toISOString(), hostPoint: v.hostPoint, mode: v.mode,
      videoLink: v.videoLink?.trim() ? v.videoLink.trim() : null, reportPeriodId: v.reportPeriodId ?? null, unitIds: v.units && v.units.length > 0 ? v.units.map((u) => u.value) : null,
      confirmBy: v.confirmBy ? toIsoDate(v.confirmBy) : null, chairName: v.chairName?.trim() || null, chairTitle: v.chairTitle?.trim() || null,
    }),
    onSuccess: (created) => void navigate(conferencePath(created.id)),
  });
  if (periods.isPending) return null;
  return (
    <>
      <PageHeader title={t('conferences.new')} />
      <Card>
        <Form<NewForm>
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ hostUnitId: hosts[0]?.unitId, kind: 'monthly_briefing', mode: 'online', startsAt: today().hour(8), reportPeriodId: current?.id ?? null }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="hostUnitId" label={t('conferences.host')} rules={[{ required: true }]}><Select options={hosts.map((g) => ({ value: g.unitId, label: g.unitName }))} /></Form.Item>
          <Form.Item name="kind" label={t('conferences.kind')}><Select options={conferenceKind.options.map((k) => ({ value: k, label: t(`conferences.kinds.${k}`) }))} /></Form.Item>
          <Form.Item name="reportPeriodId" label={t('conferences.period')} extra={t('conferences.periodHint')}>
            <Select allowClear options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.label} — ${p.templateName}` }))} />
          </Form.Item>
          <Form.Item name="units" label={t('conferences.points')} extra={t('conferences.pointsHint')}><UnitsSearchSelect /></Form.Item>
          <Form.Item name="title" label={t('conferences.name')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
          <Form.Item name="startsAt" label={t('conferences.startsAt')} rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format={`${dateFormat} HH:mm`} /></Form.Item>
          <Form.Item name="hostPoint" label={t('conferences.hostPoint')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
          <Form.Item name="mode" label={t('conferences.mode')}><Select options={conferenceMode.options.map((m) => ({ value: m, label: t(`conferences.modes.${m}`) }))} /></Form.Item>
          <Form.Item name="videoLink" label={t('conferences.videoLink')} rules={[{ type: 'url' }]}><Input placeholder="https://" /></Form.Item>
          <Form.Item name="confirmBy" label={t('conferences.confirmBy')}><DatePicker format={dateFormat} /></Form.Item>
          <Form.Item name="chairName" label={t('conferences.chairName')}><Input /></Form.Item>
          <Form.Item name="chairTitle" label={t('conferences.chairTitle')}><Input /></Form.Item>
          {create.isError ? <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>{t('common.create')}</Button>
        </Form>
      </Card>
    </>
  );
}
