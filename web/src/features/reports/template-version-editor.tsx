import type { TemplateDefinition, TemplateView } from '@tcxd/contract';
import { App, Button, Card, DatePicker, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate, toIsoDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { refreshReports, reportsApi } from './reports-api.ts';
import { canSave, TemplateCheckPanel, useDefinitionCheck } from './template-check.tsx';
import { TemplateDefinitionEditor } from './template-definition-editor.tsx';

/** A new version of a template, started from its latest one, checked while editing, in force from a date. */
export function TemplateVersionEditor({ template }: { readonly template: TemplateView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const latest = template.versions.reduce<TemplateView['versions'][number] | undefined>((a, v) => (a && a.version > v.version ? a : v), undefined);
  const [draft, setDraft] = useState<TemplateDefinition | null>(null);
  const [validFrom, setValidFrom] = useState<Dayjs | null>(today().add(1, 'month').startOf('month'));
  useEffect(() => setDraft(latest ? latest.definition : null), [latest]);
  const check = useDefinitionCheck(draft);
  if (!draft) return null;
  const save = async () => {
    if (!validFrom) return;
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
    <Card size="small" title={t('reports.tpl.newVersion')} data-testid="template-editor">
      <TemplateDefinitionEditor value={draft} onChange={setDraft} />
      <TemplateCheckPanel check={check} />
      <Space style={{ marginTop: 16 }}>
        <span>{t('reports.tpl.validFrom')}</span>
        <DatePicker aria-label={t('reports.tpl.validFrom')} format="DD/MM/YYYY" value={validFrom} onChange={(d) => setValidFrom(d)} />
        <Button type="primary" disabled={!canSave(check) || !validFrom} onClick={() => void save()}>{t('reports.tpl.save')}</Button>
      </Space>
    </Card>
  );
}
