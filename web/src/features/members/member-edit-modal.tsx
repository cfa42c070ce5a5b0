import type { MemberView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { queryClient } from '../../app/query-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ConflictAlert } from './conflict-alert.tsx';
import { MemberFieldsForm } from './member-fields-form.tsx';
import { checkMemberFields, formValuesOf, type MemberFormValues, splitIssues, bannerLines } from './member-form.ts';
import { memberQuery, membersApi, refreshMembers } from './members-api.ts';
import { ProblemsAlert } from './problems-alert.tsx';
import { showFormIssues } from './show-form-issues.ts';

interface Props {
  readonly member: MemberView;
  readonly open: boolean;
  readonly onClose: () => void;
}

/** "Sửa": the record's fields with the contract's checks; a save over someone else's change is refused (409) and can be reloaded. */
export function MemberEditModal({ member, open, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<MemberFormValues>();
  const [conflict, setConflict] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [reloading, setReloading] = useState(false);

  const save = useMutation({
    mutationFn: (fields: Parameters<typeof membersApi.update>[1]) => membersApi.update(member.id, fields, member.rowVersion),
    onMutate: () => {
      setConflict(null);
      setProblems([]);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(memberQuery(member.id).queryKey, saved);
      void message.success(t('memberPage.saved'));
      onClose();
      await refreshMembers();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') return setConflict(error.message);
      if (!(error instanceof ApiError)) return setProblems([errorText(error)]);
      const { fields, others } = splitIssues(error.issues);
      showFormIssues(form, fields);
      setProblems(bannerLines(error.message, others, fields.length));
    },
  });

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...memberQuery(member.id), staleTime: 0 });
      form.resetFields();
      form.setFieldsValue(formValuesOf(latest.fields));
      setConflict(null);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setReloading(false);
    }
  };

  const submit = (values: MemberFormValues) => {
    const checked = checkMemberFields(values);
    if (!checked.ok) return showFormIssues(form, checked.issues);
    save.mutate(checked.value);
  };

  return (
    <Modal
      open={open}
      title={t('memberPage.editTitle', { name: member.fields.fullName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: conflict !== null }}
      confirmLoading={save.isPending}
      width={1000}
      destroyOnHidden
      maskClosable={false}
    >
      {conflict ? <ConflictAlert message={conflict} reloading={reloading} onReload={() => void reload()} /> : null}
      <ProblemsAlert title={t('memberForm.notSaved')} lines={problems} />
      <Form<MemberFormValues>
        form={form}
        name="memberEdit"
        layout="vertical"
        initialValues={formValuesOf(member.fields)}
        onFinish={submit}
        scrollToFirstError
        disabled={save.isPending}
        preserve={false}
      >
        <MemberFieldsForm />
      </Form>
    </Modal>
  );
}
