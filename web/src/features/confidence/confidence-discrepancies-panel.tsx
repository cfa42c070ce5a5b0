import type { ConfidenceBallot, ConfidenceVoteView } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { PageError } from '../../app/page-states.tsx';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
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
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isHead = useCurrentSession().user.id === vote.headUserId && vote.status === 'open';
  const list = useQuery(confidenceDiscrepanciesQuery(vote.id));
  const [notes, setNotes] = useState<Readonly<Record<number, string>>>({});
  const resolve = useMutation({
    mutationFn: (r: { ballotNumber: number; ballot: ConfidenceBallot; note: string }) => confidenceApi.resolve(vote.id, r.ballotNumber, r.ballot, r.note),
    onSuccess: () => refreshConfidenceVote(vote.id),
    onError: (error) => void message.error(errorText(error)),
  });
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data?.length === 0) return <Empty description={t('elections.disc.none')} />;
  return (
    <Flex vertical gap={12}>
      {(list.data ?? []).map((d) => {
        const note = notes[d.ballotNumber] ?? '';
        return (
          <Card key={d.ballotNumber} size="small" data-testid={`discrepancy-${d.ballotNumber}`} title={t('elections.entry.ballot', { number: d.ballotNumber })}
            extra={d.resolution ? <Tag color="green">{t('elections.disc.resolved')}</Tag> : <Tag color="orange">{t('elections.status.discrepancy')}</Tag>}>
            <Flex gap={24} wrap>
              {d.entries.map((e, i) => (
                <div key={e.seq} style={{ minWidth: 200 }}>
                  <Typography.Text strong>{t('elections.disc.entry', { n: i + 1 })}</Typography.Text>
                  <div><Reading ballot={e.ballot} differing={d.differingPositions} /></div>
                  {isHead && !d.resolution ? (
                    <Button size="small" style={{ marginTop: 8 }} disabled={note.trim() === ''} loading={resolve.isPending}
                      onClick={() => resolve.mutate({ ballotNumber: d.ballotNumber, ballot: e.ballot, note: note.trim() })}>
                      {t('elections.disc.take', { n: i + 1 })}
                    </Button>
                  ) : null}
                </div>
              ))}
              {d.resolution ? (
                <div style={{ minWidth: 200 }}>
                  <Typography.Text strong>{t('elections.disc.resolution')}</Typography.Text>
                  <div><Reading ballot={d.resolution.ballot} differing={d.differingPositions} /></div>
                  <Typography.Text type="secondary">{d.resolution.note}</Typography.Text>
                </div>
              ) : null}
            </Flex>
            {isHead && !d.resolution ? (
              <Input style={{ marginTop: 8 }} aria-label={t('elections.disc.note')} placeholder={t('elections.disc.note')} value={note} onChange={(ev) => setNotes({ ...notes, [d.ballotNumber]: ev.target.value })} />
            ) : null}
          </Card>
        );
      })}
    </Flex>
  );
}
