import { SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form } from 'antd';
import { today } from '../../app/format.ts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberFieldsForm } from './member-fields-form.tsx';
import { checkMemberFields, checkOpening, type FormIssue, type MemberFormValues, type OpeningFormValues, splitIssues, bannerLines } from './member-form.ts';
import { MemberOpeningFields } from './member-opening-fields.tsx';
import { memberPath, membersApi, refreshMembers } from './members-api.ts';
import { ProblemsAlert } from './problems-alert.tsx';
import { showFormIssues } from './show-form-issues.ts';

type NewMemberForm = MemberFormValues & { readonly opening: OpeningFormValues };

const initialValues: NewMemberForm = { ethnicity: 'Kinh', opening: { kind: 'admitted', date: today() } };

/** "Thêm đảng viên": the record (checked with the contract's rules) and how it enters the registry. */
export function MemberNewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewMemberForm>();
  const [problems, setProblems] = useState<readonly string[]>([]);

  const showIssues = (issues: readonly FormIssue[]) => showFormIssues(form, issues);

  const create = useMutation({
    mutationFn: membersApi.create,
    onMutate: () => setProblems([]),
    onSuccess: async (member) => {
      void message.success(t('memberForm.created', { name: member.fields.fullName }));
      await refreshMembers();
      void navigate(memberPath(member.id));
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setProblems([errorText(error)]);
      const { fields, others } = splitIssues(error.issues);
      showIssues(fields);
      setProblems(bannerLines(error.message, others, fields.length));
    },
  });

  const submit = (values: NewMemberForm) => {
    const fields = checkMemberFields(values);
    const opening = checkOpening(values.opening);
    const issues = [...(fields.ok ? [] : fields.issues), ...(opening.ok ? [] : opening.issues)];
    const admitted = values.opening.kind === 'admitted' ? values.opening.date : values.opening.admittedOn;
    if (values.birthDate && admitted && !admitted.isAfter(values.birthDate, 'day')) {
      const field = values.opening.kind === 'admitted' ? 'date' : 'admittedOn';
      issues.push({ name: ['opening', field], message: t('memberForm.admissionAfterBirth') });
    }
    if (issues.length > 0 || !fields.ok || !opening.ok) {
      showIssues(issues);
      return;
    }
    create.mutate({ fields: fields.value, opening: opening.value });
  };

  return (
    <>
      <PageHeader title={t('memberForm.newTitle')} subtitle={t('memberForm.newNote')} />
      <Form<NewMemberForm>
        form={form}
        name="member"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError
        disabled={create.isPending}
      >
        <Flex vertical gap={16}>
          <Card title={t('memberForm.recordCard')}>
            <MemberFieldsForm />
          </Card>
          <Card title={t('memberForm.openingCard')}>
            <MemberOpeningFields />
          </Card>
          <ProblemsAlert title={t('memberForm.notSaved')} lines={problems} />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate('/members')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending}>
              {t('memberForm.saveNew')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
