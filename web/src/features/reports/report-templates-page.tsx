import { indicatorTypes, templateCheckResult, type IndicatorDef, type IndicatorType, type TemplateDefinition, type TemplateView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate, toIsoDate, today } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { refreshReports, reportsApi, templatesQuery } from './reports-api.ts';

type Rule = TemplateDefinition['rules'][number];

const blankIndicator = (n: number): IndicatorDef => ({ code: `chi_tieu_${n}`, label: '', type: 'integer', group: null, unit: null, breakdown: [], formula: null, source: null, required: false, aggregate: 'sum' });

/** The issues of the definition being edited, from the server's formula parser, shortly after each change. */
function useDefinitionCheck(definition: TemplateDefinition | null) {
  const errorText = useErrorText();
  const settled = useDebouncedValue(definition, 400);
  const check = useQuery({
    queryKey: ['reports', 'check', JSON.stringify(settled)],
    queryFn: () => api.post('/api/reports/templates/check', templateCheckResult, settled),
    enabled: settled !== null,
    retry: false,
  });
  const messages = check.error ? [errorText(check.error)] : (check.data?.issues ?? []).map((i) => i.message);
  return { messages, checked: check.isSuccess && settled === definition, pending: settled !== definition || check.isFetching };
}

/** "Biểu mẫu báo cáo": a template's versions, and a new version edited (indicators, formulas, rules) with live messages, in force from a date. */
export function ReportTemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const templates = useQuery(templatesQuery());
  const managed = (templates.data ?? []).filter((x) => x.manages);
  const template: TemplateView | undefined = managed.find((x) => x.id === params.get('template')) ?? managed[0];
  const latest = template?.versions.reduce<TemplateView['versions'][number] | undefined>((a, v) => (a && a.version > v.version ? a : v), undefined);
  const [draft, setDraft] = useState<TemplateDefinition | null>(null);
  const [validFrom, setValidFrom] = useState<Dayjs | null>(today().add(1, 'month').startOf('month'));
  useEffect(() => setDraft(latest ? latest.definition : null), [latest]);
  const check = useDefinitionCheck(draft);
  if (templates.error) return <PageError error={templates.error} />;
  const setIndicator = (i: number, patch: Partial<IndicatorDef>) => draft && setDraft({ ...draft, indicators: draft.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setRule = (i: number, patch: Partial<Rule>) => draft && setDraft({ ...draft, rules: draft.rules.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const typeText = (type: IndicatorType) => t(({ integer: 'reports.tpl.integer', decimal: 'reports.tpl.decimal', percentage: 'reports.tpl.percentage' } as const)[type]);
  const save = async () => {
    if (!template || !draft || !validFrom) return;
    try {
      const saved = await reportsApi.addVersion(template.id, toIsoDate(validFrom), draft);
      const newest = Math.max(...saved.versions.map((v) => v.version));
      void message.success(t('reports.tpl.saved', { version: newest, from: formatDate(toIsoDate(validFrom)) }));
      await refreshReports();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <>
      <PageHeader
        title={t('reports.tpl.title')}
        extra={<Select style={{ minWidth: 320 }} aria-label={t('reports.tpl.template')} value={template?.id} onChange={(v: string) => setParams({ template: v })} options={managed.map((x) => ({ value: x.id, label: `${x.code} — ${x.name}` }))} />}
      />
      {template && (
        <Card size="small" title={t('reports.tpl.versions')} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...template.versions].sort((a, b) => b.version - a.version)}
            columns={[
              { title: t('reports.tpl.version'), dataIndex: 'version' },
              { title: t('reports.tpl.validFrom'), render: (_, v) => formatDate(v.validFrom) },
              { title: t('reports.indicators'), render: (_, v) => v.definition.indicators.length },
            ]}
          />
        </Card>
      )}
      {draft && (
        <Card size="small" title={t('reports.tpl.newVersion')} data-testid="template-editor">
          <Table<IndicatorDef>
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            dataSource={draft.indicators}
            columns={[
              { title: t('reports.tpl.code'), render: (_, x, i) => <Input aria-label={`${t('reports.tpl.code')} ${i + 1}`} value={x.code} onChange={(e) => setIndicator(i, { code: e.target.value })} style={{ width: 160 }} /> },
              { title: t('reports.tpl.label'), render: (_, x, i) => <Input aria-label={`${t('reports.tpl.label')} ${i + 1}`} value={x.label} onChange={(e) => setIndicator(i, { label: e.target.value })} /> },
              { title: t('reports.tpl.type'), render: (_, x, i) => <Select aria-label={`${t('reports.tpl.type')} ${i + 1}`} value={x.type} style={{ width: 120 }} onChange={(v: IndicatorType) => setIndicator(i, { type: v })} options={indicatorTypes.map((v) => ({ value: v, label: typeText(v) }))} /> },
              { title: t('reports.tpl.formula'), render: (_, x, i) => (x.source ? <Typography.Text type="secondary">{t('reports.filled')}</Typography.Text> : <Input aria-label={`${t('reports.tpl.formula')} ${i + 1}`} value={x.formula ?? ''} placeholder={t('reports.tpl.formulaHint')} onChange={(e) => setIndicator(i, { formula: e.target.value.trim() === '' ? null : e.target.value })} style={{ width: 260 }} />) },
              { title: t('reports.tpl.required'), render: (_, x, i) => <Switch aria-label={`${t('reports.tpl.required')} ${i + 1}`} checked={x.required} onChange={(v) => setIndicator(i, { required: v })} /> },
              { title: '', render: (_, _x, i) => <Button size="small" danger onClick={() => setDraft({ ...draft, indicators: draft.indicators.filter((_y, j) => j !== i) })}>{t('reports.tpl.remove')}</Button> },
            ]}
          />
          <Button style={{ marginTop: 8 }} onClick={() => setDraft({ ...draft, indicators: [...draft.indicators, blankIndicator(draft.indicators.length + 1)] })}>{t('reports.tpl.addIndicator')}</Button>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('reports.tpl.rules')}</Typography.Title>
          {draft.rules.map((r, i) => (
            <Space key={i} style={{ display: 'flex', marginBottom: 8 }} wrap>
              <Input aria-label={`${t('reports.tpl.check')} ${i + 1}`} value={r.check} onChange={(e) => setRule(i, { check: e.target.value })} style={{ width: 320 }} />
              <Input aria-label={`${t('reports.tpl.message')} ${i + 1}`} value={r.message} onChange={(e) => setRule(i, { message: e.target.value })} style={{ width: 420 }} />
              <Button size="small" danger onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_y, j) => j !== i) })}>{t('reports.tpl.remove')}</Button>
            </Space>
          ))}
          <Button onClick={() => setDraft({ ...draft, rules: [...draft.rules, { code: `quy_tac_${draft.rules.length + 1}`, check: '', message: '' }] })}>{t('reports.tpl.addRule')}</Button>
          <div style={{ marginTop: 16 }} data-testid="template-check">
            {check.messages.length > 0 ? (
              <Alert type="error" showIcon message={t('reports.tpl.problems')} description={<ul>{check.messages.map((m) => <li key={m}>{m}</li>)}</ul>} />
            ) : (
              check.checked && <Alert type="success" showIcon message={t('reports.tpl.ok')} />
            )}
          </div>
          <Space style={{ marginTop: 16 }}>
            <span>{t('reports.tpl.validFrom')}</span>
            <DatePicker aria-label={t('reports.tpl.validFrom')} format="DD/MM/YYYY" value={validFrom} onChange={(d) => setValidFrom(d)} />
            <Button type="primary" disabled={check.pending || check.messages.length > 0 || !validFrom} onClick={() => void save()}>{t('reports.tpl.save')}</Button>
          </Space>
        </Card>
      )}
    </>
  );
}
