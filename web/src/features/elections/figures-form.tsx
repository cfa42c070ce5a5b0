import type { ElectionView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Space } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { electionsApi, refreshElection } from './elections-api.ts';

interface Figures {
  readonly issued: number;
  readonly returned: number;
  readonly notReturned: number;
}

/** Ballots issued, returned and not returned, as the counting committee records them (reconciled in the results). */
export function FiguresForm({ election }: { readonly election: ElectionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useMutation({
    mutationFn: (figures: Figures) => electionsApi.setFigures(election.id, figures),
    onSuccess: () => refreshElection(election.id),
    onError: (error) => void message.error(errorText(error)),
  });
  const open = election.status === 'open';
  return (
    <Form<Figures> layout="inline" initialValues={election.figures ?? { issued: 0, returned: 0, notReturned: 0 }} onFinish={(values) => save.mutate(values)} disabled={!open}>
      <Space wrap>
        <Form.Item name="issued" label={t('elections.figures.issued')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="returned" label={t('elections.figures.returned')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="notReturned" label={t('elections.figures.notReturned')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        {open ? <Button htmlType="submit" loading={save.isPending}>{t('elections.figures.save')}</Button> : null}
      </Space>
    </Form>
  );
}
