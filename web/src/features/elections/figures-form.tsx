import type { BallotFiguresInput, ElectionView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Space } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { electionsApi, refreshElection } from './elections-api.ts';

interface BallotFiguresFormProps {
  /** The figures recorded so far (null before the first save). */
  readonly figures: BallotFiguresInput | null;
  /** Whether the vote is still open (a closed one shows the figures read-only). */
  readonly open: boolean;
  /** Records the figures. */
  readonly save: (figures: BallotFiguresInput) => Promise<unknown>;
  /** Refetches what the figures change. */
  readonly onSaved: () => unknown;
}

/** Ballots issued, returned and not returned, as the counting committee records them (election or confidence vote). */
export function BallotFiguresForm({ figures, open, save: saveFigures, onSaved }: BallotFiguresFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useMutation({
    mutationFn: saveFigures,
    onSuccess: () => onSaved(),
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Form<BallotFiguresInput> layout="inline" initialValues={figures ?? { issued: 0, returned: 0, notReturned: 0 }} onFinish={(values) => save.mutate(values)} disabled={!open}>
      <Space wrap>
        <Form.Item name="issued" label={t('elections.figures.issued')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="returned" label={t('elections.figures.returned')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="notReturned" label={t('elections.figures.notReturned')} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        {open ? <Button htmlType="submit" loading={save.isPending}>{t('elections.figures.save')}</Button> : null}
      </Space>
    </Form>
  );
}

/** The election's ballot figures (reconciled in the results). */
export function FiguresForm({ election }: { readonly election: ElectionView }) {
  return (
    <BallotFiguresForm figures={election.figures} open={election.status === 'open'}
      save={(figures) => electionsApi.setFigures(election.id, figures)} onSaved={() => refreshElection(election.id)} />
  );
}
