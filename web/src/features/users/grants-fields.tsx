import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type Role, roles } from '@tcxd/contract';
import { Button, Flex, Form, Select } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import type { GrantInput } from './users-api.ts';

/** One grant row as edited in a form: the unit keeps its label for display. */
export interface GrantField {
  readonly role?: Role;
  readonly unit?: UnitChoice;
}

/** The grants of a form as the API takes them (rows left incomplete are dropped by validation first). */
export function grantsOf(fields: readonly GrantField[]): GrantInput[] {
  return fields.flatMap((f) => (f.role && f.unit ? [{ role: f.role, unitId: f.unit.value }] : []));
}

/** Editable list of role + unit grants under the form field "grants". */
export function GrantsFields() {
  const { t } = useI18n();
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_rule, value: unknown) => {
            if (!Array.isArray(value) || value.length === 0) throw new Error(t('users.grantsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('users.grants')} required>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('users.roleRequired') }]} style={{ width: 210, flex: 'none' }}>
                <Select options={roleOptions} placeholder={t('users.role')} aria-label={t('users.role')} />
              </Form.Item>
              <Form.Item name={[field.name, 'unit']} rules={[{ required: true, message: t('users.unitRequired') }]} style={{ flex: 1, minWidth: 0 }}>
                <UnitTreeSelect />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('common.remove')} title={t('common.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'viewer' })} block>
            {t('users.addGrant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
