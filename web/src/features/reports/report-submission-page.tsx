import type { IndicatorDef, ReportNarrative, ReportValues, SubmissionView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { periodsQuery, refreshReports, reportsApi, submissionQuery } from './reports-api.ts';
import { ReportVersionsCard } from './report-versions-card.tsx';

/** The value keys a clerk types: breakdown parts, or the indicator itself (not computed, not filled). */
function inputsOf(indicator: IndicatorDef): { key: string; label: string }[] {
  if (indicator.formula !== null || indicator.source !== null) return [];
  if (indicator.breakdown.length > 0) return indicator.breakdown.map((b) => ({ key: `${indicator.code}.${b.key}`, label: `${indicator.label} — ${b.label}` }));
  return [{ key: indicator.code, label: indicator.label }];
}

/** A unit's report of a period: indicators and narrative, autosaved, sent; returned or accepted by the managing unit. */
export function ReportSubmissionPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const report = useQuery(submissionQuery(id));
  const periods = useQuery(periodsQuery());
  const [current, setCurrent] = useState<SubmissionView | null>(null);
  const [values, setValues] = useState<ReportValues>({});
  const [narrative, setNarrative] = useState<ReportNarrative>({});
  const [comment, setComment] = useState('');
  const [conflict, setConflict] = useState<string | null>(null);
  const dirty = useRef(false);

  useEffect(() => {
    if (report.data && !dirty.current) {
      setCurrent(report.data);
      setValues(report.data.values);
      setNarrative(report.data.narrative);
    }
  }, [report.data]);

  const save = async (): Promise<SubmissionView | null> => {
    if (!current) return null;
    try {
      const saved = await reportsApi.save(current.id, { version: current.version, values, narrative });
      dirty.current = false;
      setCurrent(saved);
      setValues(saved.values);
      return saved;
    } catch (error) {
      setConflict(errorText(error));
      return null;
    }
  };
  // Autosave a moment after the last keystroke.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save(), 1500);
    return () => clearTimeout(timer);
  });

  if (report.error) return <PageError error={report.error} />;
  const period = periods.data?.find((p) => p.id === current?.periodId);
  if (!current || !period) return null;
  const definition = period.version.definition;
  const act = async (run: (view: SubmissionView) => Promise<SubmissionView>, done: string) => {
    const base = dirty.current ? await save() : current;
    if (!base) return;
    try {
      const next = await run(base);
      setCurrent(next);
      void message.success(done);
      await refreshReports();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const edit = current.can.edit;
  return (
    <>
      <PageHeader title={`${current.unit.name} — ${period.label}`} subtitle={`${period.templateName} · ${t('reports.due')} ${formatDate(period.dueOn)}`} extra={<Tag>{t(({ draft: 'reports.sub.draft', submitted: 'reports.sub.submitted', returned: 'reports.sub.returned', accepted: 'reports.sub.accepted' } as const)[current.status])}</Tag>} />
      {conflict && <Alert type="error" showIcon message={conflict} style={{ marginBottom: 16 }} />}
      {current.status === 'returned' && current.returnComment && <Alert type="warning" showIcon message={t('reports.returnedWith')} description={current.returnComment} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Card title={t('reports.indicators')} size="small" style={{ marginBottom: 16 }}>
          {definition.indicators.map((indicator) => {
            const inputs = inputsOf(indicator);
            if (inputs.length === 0) return <Form.Item key={indicator.code} label={indicator.label}><Typography.Text strong>{current.values[indicator.code] ?? '—'}</Typography.Text> <Typography.Text type="secondary">({indicator.source ? t('reports.filled') : t('reports.computed')})</Typography.Text></Form.Item>;
            return inputs.map((input) => (
              <Form.Item key={input.key} label={input.label} htmlFor={`v-${input.key}`}>
                <InputNumber id={`v-${input.key}`} disabled={!edit} value={values[input.key] ?? null} onChange={(v) => { dirty.current = true; setValues({ ...values, [input.key]: typeof v === 'number' ? v : null }); }} style={{ width: 200 }} />
              </Form.Item>
            ));
          })}
        </Card>
        <Card title={t('reports.narrative')} size="small" style={{ marginBottom: 16 }}>
          {definition.sections.map((s) => (
            <Form.Item key={s.key} label={s.title} htmlFor={`n-${s.key}`} required={s.required}>
              <Input.TextArea id={`n-${s.key}`} disabled={!edit} rows={3} value={narrative[s.key] ?? ''} onChange={(e) => { dirty.current = true; setNarrative({ ...narrative, [s.key]: e.target.value }); }} />
            </Form.Item>
          ))}
        </Card>
      </Form>
      {current.issues.length > 0 && edit && <Alert type="info" style={{ marginBottom: 16 }} message={t('reports.issues')} description={<ul>{current.issues.map((i) => <li key={i.code + i.field}>{i.message}</li>)}</ul>} />}
      <Space wrap>
        {edit && <Button onClick={() => void save().then((s) => s && message.success(t('reports.saved')))}>{t('reports.save')}</Button>}
        {current.can.submit && <Button type="primary" onClick={() => void act((v) => reportsApi.submit(v.id, v.version), t('reports.sentOk'))}>{t('reports.submit')}</Button>}
        {current.can.review && (
          <>
            <Input aria-label={t('reports.comment')} placeholder={t('reports.comment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 360 }} />
            <Button danger disabled={comment.trim() === ''} onClick={() => void act((v) => reportsApi.returnIt(v.id, v.version, comment), t('reports.returnedOk'))}>{t('reports.return')}</Button>
            <Button onClick={() => void act((v) => reportsApi.accept(v.id, v.version), t('reports.acceptedOk'))}>{t('reports.accept')}</Button>
          </>
        )}
      </Space>
      <ReportVersionsCard submissionId={current.id} indicators={definition.indicators} sections={definition.sections} />
    </>
  );
}
