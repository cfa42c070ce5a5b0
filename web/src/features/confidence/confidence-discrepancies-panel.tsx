import type { ConfidenceBallot, ConfidenceVoteView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DiscrepancyTable } from '../elections/discrepancy-table.tsx';
import { confidenceApi, confidenceDiscrepanciesQuery, refreshConfidenceVote } from './confidence-api.ts';

/** One reading of a ballot: the level of each person (those that differ highlighted), or the invalid ruling. */
function Reading({ ballot, differing }: { readonly ballot: ConfidenceBallot; readonly differing: readonly number[] }) {
  const { t } = useI18n();
  if (ballot.kind === 'invalid') return <Tag color="red">{t(`elections.invalid.${ballot.reason}`, { left: '', seats: '' })}</Tag>;
  return (
    <Space direction="vertical" size={2}>
      {ballot.levels.map((level, i) => (
        <Tag key={i} color={differing.includes(i) ? 'orange' : undefined}>{`${i + 1}. ${t(`confidence.level.${level ?? 'blank'}`)}`}</Tag>
      ))}
    </Space>
  );
}

/** Ballots whose two entries differ, side by side; the committee head settles each on top of the originals. */
export function ConfidenceDiscrepanciesPanel({ vote }: { readonly vote: ConfidenceVoteView }) {
  const isHead = useCurrentSession().user.id === vote.headUserId && vote.status === 'open';
  const list = useQuery(confidenceDiscrepanciesQuery(vote.id));
  return (
    <DiscrepancyTable<ConfidenceBallot> list={list} isHead={isHead} columnWidth={200}
      resolve={(ballotNumber, ballot, note) => confidenceApi.resolve(vote.id, ballotNumber, ballot, note)}
      onResolved={() => refreshConfidenceVote(vote.id)}
      renderReading={(ballot, differing) => <Reading ballot={ballot} differing={differing} />} />
  );
}
