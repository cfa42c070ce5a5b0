import { unitKinds, type UnitNode } from '@tcxd/contract';
import { Col, DatePicker, Divider, Form, type FormInstance, Input, Row, Select } from 'antd';
import { dateFormat } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect, UnitsSearchSelect } from '../units/unit-search-select.tsx';
import type { OperationType, ReorgForm } from './reorg-form.ts';
import { NewUnitFields } from './reorg-new-unit-fields.tsx';
import { SplitFields } from './reorg-split-fields.tsx';
import { SuccessorFields } from './reorg-successor-fields.tsx';

interface Props {
  readonly form: FormInstance<ReorgForm>;
  readonly type: OperationType;
  /** The effective date (yyyy-mm-dd): units offered must exist then. */
  readonly asOf: string;
  readonly unitId: string | null;
  readonly splitChildren: readonly UnitNode[] | null;
  readonly splitChildrenLoading: boolean;
}

/** Effective date, document number and note: asked for every operation. */
function DecisionFields() {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="effectiveDate" label={t('reorg.effectiveDate')} rules={[{ required: true, message: t('reorg.dateRequired') }]}>
            <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="documentNumber"
            label={t('reorg.documentNumber')}
            extra={t('reorg.documentHelp')}
            rules={[{ required: true, whitespace: true, message: t('reorg.documentRequired') }]}
          >
            <Input maxLength={60} placeholder="60-NQ/TW" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('reorg.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

function UnitField({ asOf, label }: { readonly asOf: string; readonly label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="unit" label={label} rules={[{ required: true, message: t('reorg.unitRequired') }]}>
      <UnitSearchSelect asOf={asOf} />
    </Form.Item>
  );
}

/** The fields of the chosen operation, then the decision (date, document). */
export function ReorgFields({ form, type, asOf, unitId, splitChildren, splitChildrenLoading }: Props) {
  const { t } = useI18n();
  const kindOptions = unitKinds.filter((k) => k !== 'root').map((k) => ({ value: k, label: t(`unitKind.${k}`) }));
  const exclude = unitId ? [unitId] : [];

  return (
    <>
      <DecisionFields />
      <Divider style={{ marginBlock: 8 }} />
      {type === 'create' ? (
        <>
          <Form.Item name="parent" label={t('reorg.parent')} rules={[{ required: true, message: t('reorg.unitRequired') }]}>
            <UnitSearchSelect asOf={asOf} />
          </Form.Item>
          <NewUnitFields name={['newUnit']} withParent={false} asOf={asOf} />
        </>
      ) : null}
      {type === 'rename' ? (
        <>
          <UnitField asOf={asOf} label={t('reorg.unit')} />
          <Form.Item
            name="name"
            label={t('reorg.newName')}
            dependencies={['kind']}
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if ((typeof value !== 'string' || value.trim() === '') && !form.getFieldValue('kind')) throw new Error(t('reorg.renameRequired'));
                },
              },
            ]}
          >
            <Input maxLength={250} />
          </Form.Item>
          <Form.Item name="kind" label={t('reorg.newKind')} extra={t('reorg.newKindHelp')}>
            <Select allowClear options={kindOptions} popupMatchSelectWidth={false} />
          </Form.Item>
        </>
      ) : null}
      {type === 'move' ? (
        <>
          <UnitField asOf={asOf} label={t('reorg.unit')} />
          <Form.Item name="parent" label={t('reorg.newParent')} rules={[{ required: true, message: t('reorg.unitRequired') }]}>
            <UnitSearchSelect asOf={asOf} exclude={exclude} />
          </Form.Item>
        </>
      ) : null}
      {type === 'merge' ? (
        <>
          <Form.Item name="sources" label={t('reorg.sources')} rules={[{ required: true, type: 'array', min: 1, message: t('reorg.sourcesRequired') }]}>
            <UnitsSearchSelect asOf={asOf} />
          </Form.Item>
          <Form.Item label={t('reorg.target')} required style={{ marginBottom: 0 }}>
            <SuccessorFields name={['target']} path={['target']} asOf={asOf} />
          </Form.Item>
        </>
      ) : null}
      {type === 'split' ? (
        <>
          <UnitField asOf={asOf} label={t('reorg.splitUnit')} />
          <SplitFields form={form} asOf={asOf} unitId={unitId} childUnits={splitChildren} childrenLoading={splitChildrenLoading} />
        </>
      ) : null}
      {type === 'dissolve' ? <UnitField asOf={asOf} label={t('reorg.dissolveUnit')} /> : null}
    </>
  );
}
