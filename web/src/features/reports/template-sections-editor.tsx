import type { NarrativeSectionDef } from '@tcxd/contract';
import { Button, Input, Space, Switch, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { blankSection, patchAt } from './template-draft.ts';
import { TemplateItemActions } from './template-item-actions.tsx';

interface Props {
  readonly sections: readonly NarrativeSectionDef[];
  readonly onChange: (sections: NarrativeSectionDef[]) => void;
}

/** The narrative sections of a template (phần nội dung báo cáo bằng lời): key, title, required, order. */
export function TemplateSectionsEditor({ sections, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="template-sections">
      <Typography.Title level={5}>{t('reports.tpl.sections')}</Typography.Title>
      {sections.length === 0 && <Typography.Paragraph type="secondary">{t('reports.tpl.noSections')}</Typography.Paragraph>}
      {sections.map((s, i) => {
        const n = i + 1;
        const set = (patch: Partial<NarrativeSectionDef>) => onChange(patchAt(sections, i, patch));
        return (
          <Space key={i} style={{ display: 'flex', marginBottom: 8 }} wrap>
            <Input aria-label={`${t('reports.tpl.sectionKey')} ${n}`} value={s.key} onChange={(e) => set({ key: e.target.value })} style={{ width: 160 }} />
            <Input aria-label={`${t('reports.tpl.sectionTitle')} ${n}`} placeholder={t('reports.tpl.sectionTitle')} value={s.title} onChange={(e) => set({ title: e.target.value })} style={{ width: 420 }} />
            <Space size={4}>
              <Switch aria-label={`${t('reports.tpl.required')} ${t('reports.tpl.section')} ${n}`} checked={s.required} onChange={(v) => set({ required: v })} />
              <span>{t('reports.tpl.required')}</span>
            </Space>
            <TemplateItemActions list={sections} index={i} onChange={onChange} name={`${t('reports.tpl.section')} ${n}`} />
          </Space>
        );
      })}
      <Button onClick={() => onChange([...sections, blankSection(sections)])}>{t('reports.tpl.addSection')}</Button>
    </div>
  );
}
