import { FilterOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { dateFormat, toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type AuditFilters, noAuditFilters } from './audit-api.ts';

interface FilterForm {
  readonly action?: string;
  readonly entityType?: string;
  readonly period?: readonly [Dayjs | null, Dayjs | null] | null;
}

const entityTypes = ['user', 'unit', 'org_change', 'emulation_group', 'session'] as const;
const actionPrefixes = ['auth.', 'user.', 'unit.', 'emulation.'] as const;

/** The filter row of the audit page: action prefix, entity type, date range. */
export function AuditFiltersForm({ onChange }: { readonly onChange: (filters: AuditFilters) => void }) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<FilterForm>();

  const apply = (values: FilterForm) =>
    onChange({
      action: values.action?.trim() ?? '',
      entityType: values.entityType?.trim() ?? '',
      from: values.period?.[0] ? toIsoDate(values.period[0]) : '',
      to: values.period?.[1] ? toIsoDate(values.period[1]) : '',
    });

  return (
    <Form<FilterForm> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="action" label={t('audit.actionPrefix')}>
        <AutoComplete options={actionPrefixes.map((value) => ({ value }))} style={{ width: 180 }}>
          <Input allowClear placeholder="user." />
        </AutoComplete>
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <AutoComplete
          options={entityTypes.map((value) => ({ value, label: `${tOr(`entityType.${value}`, value)} (${value})` }))}
          style={{ width: 200 }}
        >
          <Input allowClear />
        </AutoComplete>
      </Form.Item>
      <Form.Item name="period" label={t('audit.dateRange')}>
        <DatePicker.RangePicker format={dateFormat} allowEmpty={[true, true]} placeholder={[t('audit.dateFrom'), t('audit.dateTo')]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<FilterOutlined />}>
          {t('audit.filter')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange(noAuditFilters);
          }}
        >
          {t('audit.resetFilter')}
        </Button>
      </Space>
    </Form>
  );
}
