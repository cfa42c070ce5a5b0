import { reportFrequencies, type ReportFrequency, type UnitKind, unitKinds } from '@tcxd/contract';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import type { HeaderField, TemplateHeader } from './template-draft.ts';

interface Props {
  readonly header: TemplateHeader;
  readonly owner: UnitChoice | null;
  readonly onChange: (header: TemplateHeader, owner: UnitChoice | null) => void;
  /** Fields shown as still to fill (after a first attempt to create). */
  readonly missing: readonly HeaderField[];
}

/** Code, name, frequency, owner unit, which units report, first version date of a new template. */
export function TemplateHeaderFields({ header, owner, onChange, missing }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<TemplateHeader>) => onChange({ ...header, ...patch }, owner);
  const status = (field: HeaderField) => (missing.includes(field) ? 'error' : undefined);
  const help = (field: HeaderField) => (missing.includes(field) ? t('reports.tpl.fill') : undefined);
  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 820 }}>
      <Form.Item label={t('reports.tpl.templateCode')} htmlFor="tpl-code" required validateStatus={status('code')} help={help('code')}>
        <Input id="tpl-code" value={header.code} maxLength={40} placeholder="BC-QUY-TCCS" onChange={(e) => set({ code: e.target.value })} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label={t('reports.tpl.templateName')} htmlFor="tpl-name" required validateStatus={status('name')} help={help('name')}>
        <Input id="tpl-name" value={header.name} maxLength={300} onChange={(e) => set({ name: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('reports.tpl.frequency')} htmlFor="tpl-frequency" required>
        <Select<ReportFrequency> id="tpl-frequency" value={header.frequency} onChange={(v) => set({ frequency: v })} options={reportFrequencies.map((f) => ({ value: f, label: t(`reports.tpl.freq.${f}`) }))} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label={t('reports.tpl.owner')} htmlFor="tpl-owner" required validateStatus={status('owner')} help={help('owner')}>
        <UnitTreeSelect id="tpl-owner" value={owner} onChange={(u) => onChange({ ...header, ownerUnitId: u.value }, u)} />
      </Form.Item>
      <Form.Item label={t('reports.tpl.assignment')} required validateStatus={status('unitKinds')} help={help('unitKinds')}>
        <Radio.Group value={header.assignment} onChange={(e) => set({ assignment: e.target.value === 'children' ? 'children' : 'subtree_kinds' })}>
          <Radio value="children">{t('reports.tpl.assign.children')}</Radio>
          <Radio value="subtree_kinds">{t('reports.tpl.assign.subtreeKinds')}</Radio>
        </Radio.Group>
        {header.assignment === 'subtree_kinds' && (
          <Select<UnitKind[]>
            mode="multiple"
            aria-label={t('reports.tpl.unitKinds')}
            placeholder={t('reports.tpl.unitKinds')}
            value={[...header.unitKinds]}
            onChange={(v) => set({ unitKinds: v })}
            options={unitKinds.filter((k) => k !== 'root').map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
            style={{ width: '100%', marginTop: 8 }}
          />
        )}
      </Form.Item>
      <Form.Item label={t('reports.tpl.validFrom')} htmlFor="tpl-valid-from" required validateStatus={status('validFrom')} help={help('validFrom')}>
        <DatePicker id="tpl-valid-from" format="DD/MM/YYYY" value={header.validFrom ? dayjs(header.validFrom) : null} onChange={(d) => set({ validFrom: d ? toIsoDate(d) : null })} />
      </Form.Item>
    </Form>
  );
}
