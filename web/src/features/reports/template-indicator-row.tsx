import { indicatorSources, indicatorTypes, type IndicatorDef, type IndicatorSource, type IndicatorType } from '@tcxd/contract';
import { Input, Select, Space, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { optionalText, withSource } from './template-draft.ts';
import { TemplateBreakdownEditor } from './template-breakdown-editor.tsx';

type Aggregate = IndicatorDef['aggregate'];
const entered = 'entered';

interface Props {
  readonly indicator: IndicatorDef;
  /** 1-based position, for labels. */
  readonly n: number;
  readonly onChange: (indicator: IndicatorDef) => void;
  /** Move and remove buttons. */
  readonly actions: ReactNode;
}

/** One indicator of a template: code, name, group, unit, type, how it is got (entered, computed, from the registry), aggregation, parts. */
export function TemplateIndicatorRow({ indicator: x, n, onChange, actions }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<IndicatorDef>) => onChange({ ...x, ...patch });
  const label = (key: MessageKey) => `${t(key)} ${n}`;
  const typeText = (type: IndicatorType) => t(({ integer: 'reports.tpl.integer', decimal: 'reports.tpl.decimal', percentage: 'reports.tpl.percentage' } as const)[type]);
  const sourceText = (source: IndicatorSource) => t(({ members_at_end: 'reports.tpl.source.members_at_end', admissions_in_period: 'reports.tpl.source.admissions_in_period' } as const)[source]);
  const pickSource = (v: string) => onChange(withSource(x, indicatorSources.find((s) => s === v) ?? null));
  return (
    <div data-testid={`template-indicator-${n}`} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', padding: '8px 0' }}>
      <Space style={{ display: 'flex' }} wrap align="center">
        <Typography.Text strong>{n}.</Typography.Text>
        <Input aria-label={label('reports.tpl.code')} value={x.code} onChange={(e) => set({ code: e.target.value })} style={{ width: 160 }} />
        <Input aria-label={label('reports.tpl.label')} placeholder={t('reports.tpl.label')} value={x.label} onChange={(e) => set({ label: e.target.value })} style={{ width: 320 }} />
        <Input aria-label={label('reports.tpl.group')} placeholder={t('reports.tpl.group')} value={x.group ?? ''} onChange={(e) => set({ group: optionalText(e.target.value) })} style={{ width: 220 }} />
        <Input aria-label={label('reports.tpl.unit')} placeholder={t('reports.tpl.unit')} value={x.unit ?? ''} onChange={(e) => set({ unit: optionalText(e.target.value) })} style={{ width: 120 }} />
        <Select aria-label={label('reports.tpl.type')} value={x.type} style={{ width: 130 }} onChange={(v: IndicatorType) => set({ type: v })} options={indicatorTypes.map((v) => ({ value: v, label: typeText(v) }))} />
        {actions}
      </Space>
      <Space style={{ display: 'flex', marginTop: 6, marginLeft: 24 }} wrap align="center">
        <Select
          aria-label={label('reports.tpl.sourceLabel')}
          value={x.source ?? entered}
          style={{ width: 300 }}
          onChange={pickSource}
          options={[{ value: entered, label: t('reports.tpl.source.entered') }, ...indicatorSources.map((s) => ({ value: s, label: sourceText(s) }))]}
        />
        {x.source ? (
          <Typography.Text type="secondary">{t('reports.filled')}</Typography.Text>
        ) : (
          <Input aria-label={label('reports.tpl.formula')} value={x.formula ?? ''} placeholder={t('reports.tpl.formulaHint')} onChange={(e) => set({ formula: optionalText(e.target.value) })} style={{ width: 300 }} />
        )}
        <Select
          aria-label={label('reports.tpl.aggregateLabel')}
          value={x.aggregate}
          style={{ width: 200 }}
          onChange={(v: Aggregate) => set({ aggregate: v })}
          options={[{ value: 'sum', label: t('reports.tpl.aggregate.sum') }, { value: 'mean', label: t('reports.tpl.aggregate.mean') }]}
        />
        <Space size={4}>
          <Switch aria-label={label('reports.tpl.required')} checked={x.required} onChange={(v) => set({ required: v })} />
          <span>{t('reports.tpl.required')}</span>
        </Space>
      </Space>
      <TemplateBreakdownEditor indicator={x} n={n} onChange={(breakdown) => set({ breakdown })} />
    </div>
  );
}
