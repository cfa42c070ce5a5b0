import type { TemplateDefinition, TemplateView } from '@tcxd/contract';
import { App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { toIsoDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { refreshReports, reportsApi } from './reports-api.ts';
import { canSave, TemplateCheckPanel, useDefinitionCheck } from './template-check.tsx';
import { TemplateDefinitionEditor } from './template-definition-editor.tsx';
import { blankDefinition, createRequestOf, type HeaderField, type TemplateHeader } from './template-draft.ts';
import { TemplateHeaderFields } from './template-header-fields.tsx';

const firstHeader = (): TemplateHeader => ({ code: '', name: '', frequency: 'quarter', ownerUnitId: null, assignment: 'children', unitKinds: [], validFrom: toIsoDate(today().add(1, 'month').startOf('month')) });

interface Props {
  readonly onCreated: (template: TemplateView) => void;
  readonly onCancel: () => void;
}

/** "Tạo biểu mẫu mới": the template's header and its first version's definition, checked while editing. */
export function TemplateCreateForm({ onCreated, onCancel }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [header, setHeader] = useState<TemplateHeader>(firstHeader);
  const [owner, setOwner] = useState<UnitChoice | null>(null);
  const [definition, setDefinition] = useState<TemplateDefinition>(blankDefinition);
  const [missing, setMissing] = useState<readonly HeaderField[]>([]);
  const [busy, setBusy] = useState(false);
  const check = useDefinitionCheck(definition);
  const create = async () => {
    const built = createRequestOf(header, definition);
    if (!built.ok) {
      setMissing(built.missing);
      return;
    }
    setBusy(true);
    try {
      const created = await reportsApi.createTemplate(built.request);
      void message.success(t('reports.tpl.created', { code: created.code }));
      await refreshReports();
      onCreated(created);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('reports.tpl.create')} data-testid="template-create">
      <TemplateHeaderFields
        header={header}
        owner={owner}
        missing={missing}
        onChange={(h, o) => {
          setHeader(h);
          setOwner(o);
          if (missing.length === 0) return;
          const again = createRequestOf(h, definition);
          setMissing(again.ok ? [] : again.missing);
        }}
      />
      <TemplateDefinitionEditor value={definition} onChange={setDefinition} />
      <TemplateCheckPanel check={check} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={busy} disabled={!canSave(check)} onClick={() => void create()}>{t('reports.tpl.createSave')}</Button>
        <Button onClick={onCancel}>{t('reports.tpl.cancel')}</Button>
      </Space>
    </Card>
  );
}
