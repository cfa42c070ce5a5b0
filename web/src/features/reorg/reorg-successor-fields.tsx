import { Form, Radio } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { NewUnitFields } from './reorg-new-unit-fields.tsx';

type NamePath = readonly (string | number)[];

interface Props {
  /** Where the fields live (relative to the enclosing Form.List, if any). */
  readonly name: NamePath;
  /** The same place from the form's root (to read the chosen mode). */
  readonly path: NamePath;
  readonly asOf: string;
  readonly exclude?: readonly string[];
}

/** A unit that receives others: an existing one, or a new one with code, name, kind and parent. */
export function SuccessorFields({ name, path, asOf, exclude }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={[...name, 'mode']} style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: t('reorg.modeExisting') },
            { value: 'create', label: t('reorg.modeCreate') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue([...path, 'mode']) === 'create' ? (
            <NewUnitFields name={name} withParent asOf={asOf} />
          ) : (
            <Form.Item name={[...name, 'unit']} label={t('reorg.existingUnit')} rules={[{ required: true, message: t('reorg.unitRequired') }]}>
              <UnitSearchSelect asOf={asOf} {...(exclude ? { exclude } : {})} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}
