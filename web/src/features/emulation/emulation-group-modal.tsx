import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EmulationGroupView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type UnitChoice, unitChoiceOf } from '../units/unit-choice.ts';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { emulationApi, refreshEmulation } from './emulation-api.ts';
import { yearLookupDate } from './emulation-year.ts';
import { useRoleLabel } from './member-role-tag.tsx';

type Kind = EmulationGroupView['kind'];
type Role = EmulationGroupView['members'][number]['role'];

interface MemberField {
  readonly unit?: UnitChoice | null;
  readonly role?: Role;
}

interface GroupForm {
  readonly kind: Kind;
  readonly name: string;
  readonly year: number;
  readonly note?: string | null;
  readonly members: readonly MemberField[];
}

interface Props {
  readonly open: boolean;
  /** The group to edit; null to create one in `year`. */
  readonly group: EmulationGroupView | null;
  readonly year: number;
  readonly onClose: () => void;
  readonly onSaved: (group: EmulationGroupView) => void;
}

function initialOf(group: EmulationGroupView | null, year: number): GroupForm {
  if (!group) return { kind: 'cluster', name: '', year, note: null, members: [{ role: 'head' }, { role: 'member' }] };
  return {
    kind: group.kind,
    name: group.name,
    year: group.year,
    note: group.note,
    members: group.members.map((m) => ({ unit: unitChoiceOf({ id: m.unitId, name: m.name, code: m.code }), role: m.role })),
  };
}

/** Creates or edits a cluster/bloc of a year: name, kind, note and members with their roles. */
export function EmulationGroupModal({ open, group, year, onClose, onSaved }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={group ? t('emulation.editTitle', { name: group.name }) : t('emulation.createTitle')}
      footer={null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <GroupFormBody group={group} year={year} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function GroupFormBody({ group, year, onClose, onSaved }: Omit<Props, 'open'>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<GroupForm>();
  const kind = Form.useWatch('kind', form) ?? group?.kind ?? 'cluster';
  const formYear = Form.useWatch('year', form) ?? year;

  const save = useMutation({
    mutationFn: (values: GroupForm) => {
      const body = {
        kind: values.kind,
        name: values.name.trim(),
        year: values.year,
        note: values.note?.trim() ? values.note.trim() : null,
        members: values.members.flatMap((m) => (m.unit ? [{ unitId: m.unit.value, role: m.role ?? 'member' }] : [])),
      };
      return group ? emulationApi.update(group.id, body) : emulationApi.create(body);
    },
    onSuccess: async (saved) => {
      void message.success(t('emulation.saved', { name: saved.name }));
      onSaved(saved);
      onClose();
      await refreshEmulation();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') form.setFields([{ name: 'name', errors: [t('emulation.nameTaken')] }]);
      else void message.error(errorText(error));
    },
  });

  const roles: readonly Role[] = ['head', 'deputy', 'member'];
  const roleOptions = roles.map((r) => ({ value: r, label: roleLabel(kind, r) }));

  return (
    <Form<GroupForm> form={form} layout="vertical" initialValues={initialOf(group, year)} onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="kind" label={t('emulation.kindLabel')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'cluster', label: t('emulation.kind.cluster') },
                { value: 'bloc', label: t('emulation.kind.bloc') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="year" label={t('emulation.year')} rules={[{ required: true, message: t('emulation.yearRequired') }]}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('emulation.name')} rules={[{ required: true, whitespace: true, message: t('emulation.nameRequired') }]}>
        <Input maxLength={200} placeholder={t('emulation.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('reorg.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.List
        name="members"
        rules={[
          {
            validator: async (_rule, value: unknown) => {
              const rows: readonly MemberField[] = Array.isArray(value) ? value : [];
              if (rows.length < 2) throw new Error(t('emulation.membersMin'));
              if (rows.filter((m) => m.role === 'head').length > 1) throw new Error(t('emulation.oneHead'));
              const ids = rows.flatMap((m) => (m.unit ? [m.unit.value] : []));
              if (new Set(ids).size !== ids.length) throw new Error(t('emulation.duplicateMember'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('emulation.members')} required>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'unit']} rules={[{ required: true, message: t('reorg.unitRequired') }]} style={{ flex: 1, minWidth: 0 }}>
                  <UnitSearchSelect asOf={yearLookupDate(formYear)} />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} style={{ width: 150 }}>
                  <Select options={roleOptions} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
              {t('emulation.addMember')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {group ? t('common.save') : t('common.create')}
        </Button>
      </Flex>
    </Form>
  );
}
