import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { UnitNode } from '@tcxd/contract';
import { Alert, Button, Card, Flex, Form, type FormInstance, Select, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitKindTag } from '../units/unit-kind-tag.tsx';
import type { ReorgForm, SuccessorField } from './reorg-form.ts';
import { SuccessorFields } from './reorg-successor-fields.tsx';

interface Props {
  readonly form: FormInstance<ReorgForm>;
  readonly asOf: string;
  /** The children of the split unit on the date (null while unknown). */
  readonly childUnits: readonly UnitNode[] | null;
  readonly childrenLoading: boolean;
  readonly unitId: string | null;
}

/** The label of a successor in the assignment lists. */
function useSuccessorLabel() {
  const { t } = useI18n();
  return (field: SuccessorField | undefined, index: number) => {
    const chosen = field?.mode === 'existing' ? field.unit?.label : field?.name?.trim();
    return chosen ? `${index + 1}. ${chosen}` : t('reorg.successorN', { n: index + 1 });
  };
}

/** Split: two or more successors, and the successor each child of the unit goes to. */
export function SplitFields({ form, asOf, childUnits, childrenLoading, unitId }: Props) {
  const { t } = useI18n();
  const successorLabel = useSuccessorLabel();
  const successors = Form.useWatch('successors', form) ?? [];
  const options = successors.map((s, i) => ({ value: i, label: successorLabel(s, i) }));
  const assignAll = (index: number) => form.setFieldValue('assignments', Object.fromEntries((childUnits ?? []).map((c) => [c.id, index])));

  return (
    <>
      <Form.List
        name="successors"
        rules={[
          {
            validator: async (_rule, value: unknown) => {
              if (!Array.isArray(value) || value.length < 2) throw new Error(t('reorg.successorsMin'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('reorg.successors')} required>
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={successorLabel(successors[index], index)}
                  extra={
                    fields.length > 2 ? (
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                    ) : null
                  }
                >
                  <SuccessorFields name={[field.name]} path={['successors', field.name]} asOf={asOf} {...(unitId ? { exclude: [unitId] } : {})} />
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mode: 'create' })}>
                {t('reorg.addSuccessor')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          </Form.Item>
        )}
      </Form.List>

      <Form.Item name="mainSuccessor" label={t('reorg.mainSuccessor')} extra={t('reorg.mainSuccessorHelp')} rules={[{ required: true }]}>
        <Select options={options} popupMatchSelectWidth={false} />
      </Form.Item>

      <Form.Item label={t('reorg.assignments')} required>
        {childUnits === null ? (
          <Typography.Text type="secondary">{childrenLoading ? t('common.loading') : t('reorg.pickUnitFirst')}</Typography.Text>
        ) : childUnits.length === 0 ? (
          <Alert type="info" showIcon title={t('reorg.noChildren')} />
        ) : (
          <Flex vertical gap={8}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{t('reorg.assignAll')}</Typography.Text>
              <Select<number> size="small" options={options} onChange={assignAll} placeholder={t('reorg.goesTo')} style={{ minWidth: 220 }} popupMatchSelectWidth={false} />
            </Flex>
            <Table<UnitNode>
              size="small"
              rowKey="id"
              dataSource={[...childUnits]}
              pagination={false}
              scroll={childUnits.length > 8 ? { y: 320 } : undefined}
              columns={[
                {
                  title: t('reorg.child'),
                  key: 'name',
                  render: (_, child) => (
                    <Flex gap={6} align="center" wrap>
                      {child.name} <UnitKindTag kind={child.kind} />
                    </Flex>
                  ),
                },
                {
                  title: t('reorg.goesTo'),
                  key: 'successor',
                  width: 300,
                  render: (_, child) => (
                    <Form.Item name={['assignments', child.id]} rules={[{ required: true, message: t('reorg.assignmentRequired') }]} style={{ marginBottom: 0 }}>
                      <Select<number> options={options} placeholder={t('reorg.goesTo')} aria-label={`${t('reorg.goesTo')}: ${child.name}`} popupMatchSelectWidth={false} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Flex>
        )}
      </Form.Item>
    </>
  );
}
