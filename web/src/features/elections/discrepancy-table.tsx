import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** One keyed reading of a ballot, whatever the ballot's content (election or confidence vote). */
interface Reading<B> {
  readonly seq: number;
  readonly ballot: B;
  readonly note: string | null;
}

/** A ballot whose two entries differ, with the head's settlement once made. */
export interface Discrepancy<B> {
  readonly ballotNumber: number;
  readonly entries: readonly Reading<B>[];
  readonly differingPositions: readonly number[];
  readonly resolution: Reading<B> | null;
}

interface DiscrepancyTableProps<B> {
  readonly list: UseQueryResult<readonly Discrepancy<B>[]>;
  /** Whether the signed-in user may settle (the committee head while the vote is open). */
  readonly isHead: boolean;
  /** Records the chosen reading as the settlement of the ballot. */
  readonly resolve: (ballotNumber: number, ballot: B, note: string) => Promise<unknown>;
  /** Refetches what a settlement changes. */
  readonly onResolved: () => unknown;
  /** Renders one reading, the differing positions highlighted. */
  readonly renderReading: (ballot: B, differing: readonly number[]) => ReactNode;
  /** Minimum width of each reading's column, in pixels. */
  readonly columnWidth: number;
}

/** Ballots whose two entries differ, side by side; the committee head settles each on top of the originals. */
export function DiscrepancyTable<B>({ list, isHead, resolve: resolveBallot, onResolved, renderReading, columnWidth }: DiscrepancyTableProps<B>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [notes, setNotes] = useState<Readonly<Record<number, string>>>({});
  const resolve = useMutation({
    mutationFn: (r: { ballotNumber: number; ballot: B; note: string }) => resolveBallot(r.ballotNumber, r.ballot, r.note),
    onSuccess: () => onResolved(),
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
                <div key={e.seq} style={{ minWidth: columnWidth }}>
                  <Typography.Text strong>{t('elections.disc.entry', { n: i + 1 })}</Typography.Text>
                  <div>{renderReading(e.ballot, d.differingPositions)}</div>
                  {isHead && !d.resolution ? (
                    <Button size="small" style={{ marginTop: 8 }} disabled={note.trim() === ''} loading={resolve.isPending}
                      onClick={() => resolve.mutate({ ballotNumber: d.ballotNumber, ballot: e.ballot, note: note.trim() })}>
                      {t('elections.disc.take', { n: i + 1 })}
                    </Button>
                  ) : null}
                </div>
              ))}
              {d.resolution ? (
                <div style={{ minWidth: columnWidth }}>
                  <Typography.Text strong>{t('elections.disc.resolution')}</Typography.Text>
                  <div>{renderReading(d.resolution.ballot, d.differingPositions)}</div>
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
