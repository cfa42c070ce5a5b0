import type { EmulationGroupView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { emulationApi, refreshEmulation } from './emulation-api.ts';

interface ElectionForm {
  readonly headUnitId: string;
  readonly deputyUnitIds?: readonly string[];
  readonly note?: string;
}

interface Props {
  /** The group of this year whose members elect next year's head and deputies. */
  readonly group: EmulationGroupView | null;
  readonly onClose: () => void;
  readonly onElected: (next: EmulationGroupView) => void;
}

const maxDeputies = 5;

/** "Bầu cụm trưởng, cụm phó năm sau": creates next year's group with the elected head and deputies. */
export function EmulationElectionModal({ group, onClose, onElected }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ElectionForm>();
  const head = Form.useWatch('headUnitId', form);

  const elect = useMutation({
    mutationFn: (values: ElectionForm) =>
      emulationApi.electNextYear(group?.id ?? '', {
        headUnitId: values.headUnitId,
        deputyUnitIds: (values.deputyUnitIds ?? []).filter((id) => id !== values.headUnitId),
        note: values.note?.trim() ? values.note.trim() : null,
      }),
    onSuccess: async (next) => {
      void message.success(t('emulation.elected', { name: next.name, year: next.year }));
      onElected(next);
      onClose();
      await refreshEmulation();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') void message.error(t('emulation.nextYearExists'));
      else void message.error(errorText(error));
    },
  });

  const options = (group?.members ?? []).map((m) => ({ value: m.unitId, label: m.name }));
  const kind = group?.kind ?? 'cluster';
  return (
    <Modal
      open={group !== null}
      title={group ? t(`emulation.electTitle.${kind}`, { name: group.name, year: group.year + 1 }) : ''}
      okText={t('emulation.electSubmit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={elect.isPending}
      destroyOnHidden
    >
      {group ? (
        <Form<ElectionForm> form={form} layout="vertical" onFinish={(v) => elect.mutate(v)} disabled={elect.isPending} preserve={false}>
          <Alert type="info" showIcon title={t('emulation.electHelp', { year: group.year + 1 })} style={{ marginBottom: 16 }} />
          <Form.Item name="headUnitId" label={t(`emulation.role.${kind}.head`)} rules={[{ required: true, message: t('emulation.headRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
          </Form.Item>
          <Form.Item
            name="deputyUnitIds"
            label={t(`emulation.role.${kind}.deputy`)}
            rules={[{ type: 'array', max: maxDeputies, message: t('emulation.deputiesMax', { max: maxDeputies }) }]}
          >
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options.filter((o) => o.value !== head)} />
          </Form.Item>
          <Form.Item name="note" label={t('reorg.note')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('emulation.electNotePlaceholder')} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
