import type { MemberView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Modal } from 'antd';
import { today } from '../../app/format.ts';
import { useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { queryClient } from '../../app/query-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ConflictAlert } from './conflict-alert.tsx';
import { checkEvent, eventFieldOfIssue, graveEvents, type EventFormValues, isBackdated, type RecordableEvent } from './member-event-form.ts';
import { MemberEventFields } from './member-event-fields.tsx';
import { ModalButtons } from './modal-buttons.tsx';
import { memberQuery, membersApi, refreshMembers } from './members-api.ts';
import { showFormIssues } from './show-form-issues.ts';

/** Why the server refused the event: its sentence, and the codes that ask for a confirmation. */
interface Refusal {
  readonly message: string;
  readonly reasons: readonly string[];
  readonly backdated: boolean;
}

interface Props {
  readonly member: MemberView;
  /** The event being recorded; null: the dialog is closed. */
  readonly kind: RecordableEvent | null;
  readonly onClose: () => void;
}

/** "Ghi nhận biến động": one event of the member's history, refused inline with the rule's reason. */
export function MemberEventModal({ member, kind, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={kind !== null}
      title={kind ? t('memberEvent.title', { event: t(`memberEventKind.${kind}`), name: member.fields.fullName }) : null}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
      maskClosable={false}
    >
      {kind ? <MemberEventForm member={member} kind={kind} onClose={onClose} /> : null}
    </Modal>
  );
}

function initialValues(kind: RecordableEvent, member: MemberView): EventFormValues {
  const arrival = kind === 'transfer_in' && member.transitTo ? { cell: { value: member.transitTo.id, label: member.transitTo.name } } : {};
  return { date: today(), targetKind: 'cell', ...arrival };
}

function MemberEventForm({ member, kind, onClose }: { readonly member: MemberView; readonly kind: RecordableEvent; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<EventFormValues>();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [confirmBackdated, setConfirmBackdated] = useState(false);
  const [reloading, setReloading] = useState(false);
  const date: EventFormValues['date'] = Form.useWatch('date', form);
  const backdated = isBackdated(date, member.events) || refusal?.backdated === true;

  const record = useMutation({
    mutationFn: (event: Parameters<typeof membersApi.recordEvent>[1]) => membersApi.recordEvent(member.id, event, member.rowVersion, backdated && confirmBackdated),
    onMutate: () => {
      setRefusal(null);
      setConflict(null);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(memberQuery(member.id).queryKey, saved);
      void message.success(t('memberEvent.recorded', { event: t(`memberEventKind.${kind}`) }));
      onClose();
      await refreshMembers();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setRefusal({ message: errorText(error), reasons: [], backdated: false });
      if (error.code === 'conflict') return setConflict(error.message);
      const fields = error.issues.flatMap((i) => {
        const name = eventFieldOfIssue(i.path);
        return name ? [{ name, message: i.message }] : [];
      });
      showFormIssues(form, fields);
      const reasons = error.issues.filter((i) => !eventFieldOfIssue(i.path)).map((i) => i.message);
      setRefusal({ message: error.message, reasons: reasons.filter((r) => r !== error.message), backdated: error.issues.some((i) => i.path === 'out_of_order') });
    },
  });

  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.fetchQuery({ ...memberQuery(member.id), staleTime: 0 });
      setConflict(null);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setReloading(false);
    }
  };

  const submit = (values: EventFormValues) => {
    const checked = checkEvent(kind, values);
    if (!checked.ok) return showFormIssues(form, checked.issues);
    record.mutate(checked.value);
  };

  return (
    <Form<EventFormValues> form={form} name="memberEvent" layout="vertical" initialValues={initialValues(kind, member)} onFinish={submit} disabled={record.isPending}>
      {conflict ? <ConflictAlert message={conflict} reloading={reloading} onReload={() => void reload()} /> : null}
      <MemberEventFields kind={kind} member={member} />
      {refusal ? (
        <Alert
          type="error"
          showIcon
          data-testid="member-event-refusal"
          style={{ marginBottom: 16 }}
          title={refusal.message}
          description={
            refusal.reasons.length > 0 ? (
              <ul className="tcxd-plain-list">
                {refusal.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null
          }
        />
      ) : null}
      {backdated ? (
        <Form.Item>
          <Checkbox checked={confirmBackdated} onChange={(e) => setConfirmBackdated(e.target.checked)}>
            {t('memberEvent.confirmBackdated')}
          </Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item style={{ marginBottom: 0, textAlign: 'end' }}>
        <ModalButtons busy={record.isPending} danger={graveEvents.includes(kind)} disabled={conflict !== null} onCancel={onClose} />
      </Form.Item>
    </Form>
  );
}
