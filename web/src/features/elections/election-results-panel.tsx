import type { ElectionView } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Space, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { PageError } from '../../app/page-states.tsx';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { FiguresForm } from './figures-form.tsx';
import { electionPath, electionResultsQuery, electionsApi, refreshElection } from './elections-api.ts';

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);

/** Results by the base: votes, % of the base and of valid ballots, elected / tied; finalise, next round, documents. */
export function ElectionResultsPanel({ election }: { readonly election: ElectionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const isHead = useCurrentSession().user.id === election.headUserId;
  const results = useQuery(electionResultsQuery(election.id));
  const onError = (error: unknown) => void message.error(errorText(error));
  const finalise = useMutation({ mutationFn: () => electionsApi.finalise(election.id), onSuccess: () => refreshElection(election.id), onError });
  const nextRound = useMutation({ mutationFn: () => electionsApi.nextRound(election.id), onSuccess: (next) => void navigate(electionPath(next.id)), onError });
  const download = useMutation({ mutationFn: (kind: 'minutes' | 'announcement') => (kind === 'minutes' ? electionsApi.downloadMinutes(election.id, election.round) : electionsApi.downloadAnnouncement(election.id, election.round)), onError });
  if (results.isError) return <PageError error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <FiguresForm election={election} />
      {r ? (
        <Descriptions size="small" bordered column={3} items={[
          { key: 'base', label: t('elections.results.base'), children: r.base },
          { key: 'needed', label: t('elections.results.needed'), children: r.votesNeeded },
          { key: 'counted', label: t('elections.results.counted'), children: r.ballots.counted },
          { key: 'valid', label: t('elections.results.valid'), children: r.ballots.valid },
          { key: 'invalid', label: t('elections.results.invalid'), children: r.ballots.invalid },
          { key: 'pending', label: t('elections.results.pending'), children: r.ballots.single + r.ballots.discrepancies },
        ]} />
      ) : null}
      {r?.problems.concat(r.reconciliation.discrepancies).map((p) => <Alert key={p.code + p.message} type="warning" showIcon title={p.message} />)}
      {r?.message ? <Alert data-testid="results-outcome" type={r.outcome?.status === 'complete' ? 'success' : 'warning'} showIcon title={r.message} /> : null}
      <Table rowKey="position" size="small" loading={results.isFetching} pagination={false} dataSource={r?.candidates ?? []} columns={[
        { title: t('elections.results.position'), dataIndex: 'position', render: (p: number) => p + 1, width: 60 },
        { title: t('elections.results.name'), dataIndex: 'fullName' },
        { title: t('elections.results.votes'), dataIndex: 'votes', align: 'right' },
        { title: t('elections.results.ofBase'), key: 'ofBase', align: 'right', render: (_, c) => percent(c.ofBase.percent) },
        { title: t('elections.results.ofValid'), key: 'ofValid', align: 'right', render: (_, c) => percent(c.ofValid.percent) },
        { title: t('elections.results.standing'), dataIndex: 'standing', render: (s: 'elected' | 'tied' | 'not_elected') => <Tag color={s === 'elected' ? 'green' : s === 'tied' ? 'orange' : undefined}>{t(`elections.standing.${s}`)}</Tag> },
      ]} />
      <Space wrap>
        {isHead && election.status === 'open' ? <Button type="primary" loading={finalise.isPending} onClick={() => finalise.mutate()}>{t('elections.finalise')}</Button> : null}
        {election.status === 'finalised' && r?.outcome?.nextRound ? <Button loading={nextRound.isPending} onClick={() => nextRound.mutate()}>{t('elections.nextRound')}</Button> : null}
        <Button onClick={() => download.mutate('minutes')}>{t('elections.minutes')}</Button>
        <Button onClick={() => download.mutate('announcement')}>{t('elections.announcement')}</Button>
      </Space>
    </Space>
  );
}
