import type { ConfidencePersonResult, ConfidenceVoteView } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Space, Table, Tag } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { PageError } from '../../app/page-states.tsx';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { BallotFiguresForm } from '../elections/figures-form.tsx';
import { confidenceApi, confidenceResultsQuery, refreshConfidenceVote } from './confidence-api.ts';

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);
const cell = (count: number, share: { percent: number | null }) => `${count} (${percent(share.percent)})`;
const consequenceColor = { none: undefined, remove_from_planning_consider_reassignment: 'orange', consider_dismissal: 'red' } as const;

/** Results per person with the low-confidence thresholds flagged; finalise by the head; the minutes. */
export function ConfidenceResultsPanel({ vote }: { readonly vote: ConfidenceVoteView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isHead = useCurrentSession().user.id === vote.headUserId;
  const results = useQuery(confidenceResultsQuery(vote.id));
  const onError = (error: unknown) => void message.error(errorText(error));
  const finalise = useMutation({ mutationFn: () => confidenceApi.finalise(vote.id), onSuccess: () => refreshConfidenceVote(vote.id), onError });
  const download = useMutation({ mutationFn: () => confidenceApi.downloadMinutes(vote.id), onError });
  if (results.isError) return <PageError error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <BallotFiguresForm figures={vote.figures} open={vote.status === 'open'}
        save={(figures) => confidenceApi.setFigures(vote.id, figures)} onSaved={() => refreshConfidenceVote(vote.id)} />
      {r ? (
        <Descriptions size="small" bordered column={3} items={[
          { key: 'convened', label: t('elections.convened'), children: r.convened },
          { key: 'participants', label: t('confidence.participants'), children: `${r.participants} (${percent(r.participation.percent)})` },
          { key: 'quorum', label: t('confidence.quorum'), children: <Tag color={r.quorumMet ? 'green' : 'red'}>{t(r.quorumMet ? 'confidence.quorumMet' : 'confidence.quorumNotMet')}</Tag> },
          { key: 'valid', label: t('elections.results.valid'), children: r.ballots.valid },
          { key: 'invalid', label: t('elections.results.invalid'), children: r.ballots.invalid },
          { key: 'pending', label: t('elections.results.pending'), children: r.ballots.single + r.ballots.discrepancies },
        ]} />
      ) : null}
      {vote.status === 'open' ? r?.problems.map((p) => <Alert key={p.code + p.message} data-testid="results-problem" type="warning" showIcon title={p.message} />) : null}
      <Table<ConfidencePersonResult> rowKey="position" size="small" loading={results.isFetching} pagination={false} dataSource={r?.persons ?? []} columns={[
        { title: t('elections.results.position'), dataIndex: 'position', render: (p: number) => p + 1, width: 60 },
        { title: t('elections.results.name'), key: 'name', render: (_, p) => (p.post ? `${p.fullName} — ${p.post}` : p.fullName) },
        { title: t('confidence.level.high'), key: 'high', align: 'right', render: (_, p) => cell(p.high, p.shares.high) },
        { title: t('confidence.level.normal'), key: 'normal', align: 'right', render: (_, p) => cell(p.normal, p.shares.normal) },
        { title: t('confidence.level.low'), key: 'low', align: 'right', render: (_, p) => cell(p.low, p.shares.low) },
        { title: t('confidence.notRated'), key: 'notRated', align: 'right', render: (_, p) => cell(p.notRated, p.shares.notRated) },
        { title: t('confidence.consequenceCol'), key: 'consequence', render: (_, p) => <Tag data-testid={`consequence-${p.position + 1}`} color={consequenceColor[p.consequence]}>{t(`confidence.consequence.${p.consequence}`)}</Tag> },
      ]} />
      <Space wrap>
        {isHead && vote.status === 'open' ? <Button type="primary" loading={finalise.isPending} onClick={() => finalise.mutate()}>{t('elections.finalise')}</Button> : null}
        <Button onClick={() => download.mutate()}>{t('elections.minutes')}</Button>
      </Space>
    </Space>
  );
}
