import type { ValidationRuleDef } from '@tcxd/contract';
import { Button, Input, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { blankRule, patchAt } from './template-draft.ts';
import { TemplateItemActions } from './template-item-actions.tsx';

interface Props {
  readonly rules: readonly ValidationRuleDef[];
  readonly onChange: (rules: ValidationRuleDef[]) => void;
}

/** The validation rules of a template: a comparison over indicators and the message when it fails. */
export function TemplateRulesEditor({ rules, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="template-rules">
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('reports.tpl.rules')}</Typography.Title>
      {rules.map((r, i) => {
        const n = i + 1;
        const set = (patch: Partial<ValidationRuleDef>) => onChange(patchAt(rules, i, patch));
        return (
          <Space key={i} style={{ display: 'flex', marginBottom: 8 }} wrap>
            <Input aria-label={`${t('reports.tpl.ruleCode')} ${n}`} value={r.code} onChange={(e) => set({ code: e.target.value })} style={{ width: 140 }} />
            <Input aria-label={`${t('reports.tpl.check')} ${n}`} placeholder={t('reports.tpl.checkHint')} value={r.check} onChange={(e) => set({ check: e.target.value })} style={{ width: 320 }} />
            <Input aria-label={`${t('reports.tpl.message')} ${n}`} placeholder={t('reports.tpl.message')} value={r.message} onChange={(e) => set({ message: e.target.value })} style={{ width: 420 }} />
            <TemplateItemActions list={rules} index={i} onChange={onChange} name={`${t('reports.tpl.rule')} ${n}`} />
          </Space>
        );
      })}
      <Button onClick={() => onChange([...rules, blankRule(rules)])}>{t('reports.tpl.addRule')}</Button>
    </div>
  );
}
