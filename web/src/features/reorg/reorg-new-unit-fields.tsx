import { unitKinds } from '@tcxd/contract';
import { Col, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';

type NamePath = readonly (string | number)[];

interface Props {
  /** Where the fields live (relative to the enclosing Form.List, if any). */
  readonly name: NamePath;
  /** Also ask for the parent of the new unit. */
  readonly withParent: boolean;
  /** Units offered as parent must exist on this date. */
  readonly asOf: string;
}

/** Code, name and kind of a unit to be founded (and its parent). */
export function NewUnitFields({ name, withParent, asOf }: Props) {
  const { t } = useI18n();
  const kindOptions = unitKinds.filter((k) => k !== 'root').map((k) => ({ value: k, label: t(`unitKind.${k}`) }));
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={7}>
          <Form.Item name={[...name, 'code']} label={t('reorg.code')} rules={[{ required: true, whitespace: true, message: t('reorg.codeRequired') }]}>
            <Input maxLength={40} placeholder="08.X1" />
          </Form.Item>
        </Col>
        <Col xs={24} md={17}>
          <Form.Item name={[...name, 'name']} label={t('reorg.name')} rules={[{ required: true, whitespace: true, message: t('reorg.nameRequired') }]}>
            <Input maxLength={250} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={withParent ? 10 : 24}>
          <Form.Item name={[...name, 'kind']} label={t('reorg.kind')} rules={[{ required: true, message: t('reorg.kindRequired') }]}>
            <Select options={kindOptions} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        {withParent ? (
          <Col xs={24} md={14}>
            <Form.Item name={[...name, 'parent']} label={t('reorg.parent')} rules={[{ required: true, message: t('reorg.unitRequired') }]}>
              <UnitSearchSelect asOf={asOf} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
