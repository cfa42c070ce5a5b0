import type { TemplateDefinition } from '@tcxd/contract';
import { Button, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { blankIndicator } from './template-draft.ts';
import { TemplateIndicatorRow } from './template-indicator-row.tsx';
import { TemplateItemActions } from './template-item-actions.tsx';
import { TemplateRulesEditor } from './template-rules-editor.tsx';
import { TemplateSectionsEditor } from './template-sections-editor.tsx';

interface Props {
  readonly value: TemplateDefinition;
  readonly onChange: (definition: TemplateDefinition) => void;
}

/** A whole template definition: narrative sections, indicators (with their parts), validation rules. */
export function TemplateDefinitionEditor({ value, onChange }: Props) {
  const { t } = useI18n();
  const { indicators } = value;
  const setIndicators = (list: TemplateDefinition['indicators']) => onChange({ ...value, indicators: list });
  return (
    <>
      <TemplateSectionsEditor sections={value.sections} onChange={(sections) => onChange({ ...value, sections })} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('reports.indicators')}</Typography.Title>
      <div data-testid="template-indicators">
        {indicators.map((x, i) => (
          <TemplateIndicatorRow
            key={i}
            indicator={x}
            n={i + 1}
            onChange={(changed) => setIndicators(indicators.map((y, j) => (j === i ? changed : y)))}
            actions={<TemplateItemActions list={indicators} index={i} onChange={setIndicators} name={`${t('reports.tpl.indicator')} ${i + 1}`} />}
          />
        ))}
      </div>
      <Button style={{ marginTop: 8 }} onClick={() => setIndicators([...indicators, blankIndicator(indicators)])}>{t('reports.tpl.addIndicator')}</Button>
      <TemplateRulesEditor rules={value.rules} onChange={(rules) => onChange({ ...value, rules })} />
    </>
  );
}
