import type { BallotContent, ElectionView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DiscrepancyTable } from './discrepancy-table.tsx';
import { discrepanciesQuery, electionsApi, refreshElection } from './elections-api.ts';

/** One reading of a ballot: the struck numbers (those that differ highlighted), or the invalid ruling. */
function Reading({ ballot, differing }: { readonly ballot: BallotContent; readonly differing: readonly number[] }) {
  const { t } = useI18n();
  if (ballot.kind === 'invalid') return <Tag color="red">{t(`elections.invalid.${ballot.reason}`, { left: '', seats: '' })}</Tag>;
  if (ballot.struck.length === 0) return <Typography.Text type="secondary">{t('elections.disc.noneStruck')}</Typography.Text>;
  return <Space wrap size={4}>{ballot.struck.map((p) => <Tag key={p} color={differing.includes(p) ? 'orange' : undefined}>{p + 1}</Tag>)}</Space>;
}

/** Ballots whose two entries differ, side by side; the committee head settles each on top of the originals. */
export function DiscrepanciesPanel({ election }: { readonly election: ElectionView }) {
  const isHead = useCurrentSession().user.id === election.headUserId && election.status === 'open';
  const list = useQuery(discrepanciesQuery(election.id));
  return (
    <DiscrepancyTable<BallotContent> list={list} isHead={isHead} columnWidth={220}
      resolve={(ballotNumber, ballot, note) => electionsApi.resolve(election.id, ballotNumber, ballot, note)}
      onResolved={() => refreshElection(election.id)}
      renderReading={(ballot, differing) => <Reading ballot={ballot} differing={differing} />} />
  );
}
