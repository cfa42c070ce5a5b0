import type { IndicatorDef } from '@tcxd/contract';
import { Button, Input, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { blankBreakdown, type Breakdown, patchAt } from './template-draft.ts';
import { TemplateItemActions } from './template-item-actions.tsx';

interface Props {
  readonly indicator: IndicatorDef;
  /** 1-based position of the indicator, for labels. */
  readonly n: number;
  readonly onChange: (breakdown: Breakdown[]) => void;
}

/** The parts of an indicator entered separately (e.g. by kind of grassroots organisation); the indicator is their sum. */
export function TemplateBreakdownEditor({ indicator, n, onChange }: Props) {
  const { t } = useI18n();
  const parts = indicator.breakdown;
  return (
    <div style={{ marginLeft: 24 }}>
      {parts.length > 0 && <Typography.Text type="secondary">{t('reports.tpl.breakdownHint', { code: indicator.code })}</Typography.Text>}
      {parts.map((b, k) => {
        const at = `${n}.${k + 1}`;
        return (
          <Space key={k} style={{ display: 'flex', marginTop: 4 }} wrap>
            <Input prefix={`${indicator.code}.`} aria-label={`${t('reports.tpl.breakdownKey')} ${at}`} value={b.key} onChange={(e) => onChange(patchAt(parts, k, { key: e.target.value }))} style={{ width: 260 }} />
            <Input aria-label={`${t('reports.tpl.breakdownLabel')} ${at}`} placeholder={t('reports.tpl.breakdownLabel')} value={b.label} onChange={(e) => onChange(patchAt(parts, k, { label: e.target.value }))} style={{ width: 360 }} />
            <TemplateItemActions list={parts} index={k} onChange={onChange} name={`${t('reports.tpl.breakdownItem')} ${at}`} />
          </Space>
        );
      })}
      <Button size="small" type="dashed" style={{ marginTop: 4 }} aria-label={`${t('reports.tpl.addBreakdown')} ${n}`} disabled={indicator.source !== null || indicator.formula !== null} onClick={() => onChange([...parts, blankBreakdown(parts)])}>
        {t('reports.tpl.addBreakdown')}
      </Button>
    </div>
  );
}
