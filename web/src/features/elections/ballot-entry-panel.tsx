import type { ElectionView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Flex, InputNumber, Tag, Typography } from 'antd';
import { type KeyboardEvent, memo, useCallback, useRef, useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ballotOf, type BallotDraft, emptyDraft, keyStep, toggleStruck, verdictOf } from './ballot-keys.ts';
import { electionsApi } from './elections-api.ts';

interface Saved {
  readonly ballotNumber: number;
  readonly status: string;
  readonly message: string | null;
}

interface RowProps {
  readonly position: number;
  readonly fullName: string;
  readonly struck: boolean;
  readonly current: boolean;
  readonly onPick: (position: number) => void;
}

/** One name as printed; memoised so a key re-renders only the rows it changes. */
const CandidateRow = memo(function CandidateRow({ position, fullName, struck, current, onPick }: RowProps) {
  return (
    <div role="option" aria-selected={struck} onClick={() => onPick(position)} style={{ background: current ? '#e6f4ff' : undefined, padding: '6px 8px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer' }}>
      <Typography.Text delete={struck} type={struck ? 'secondary' : undefined}>{`${position + 1}. ${fullName}`}</Typography.Text>
    </div>
  );
});

/**
 * Fast keyboard entry: one ballot at a time, the names as printed; digits / ↑↓ + Space
 * strike and unstrike, K rules the ballot invalid, Enter saves and opens the next ballot.
 */
export function BallotEntryPanel({ election, firstNumber }: { readonly election: ElectionView; readonly firstNumber: number }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const count = election.candidates.length;
  const [draft, setDraft] = useState<BallotDraft>(emptyDraft);
  const [ballotNumber, setBallotNumber] = useState(firstNumber);
  const [last, setLast] = useState<Saved | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: (sent: { ballotNumber: number; draft: BallotDraft }) => electionsApi.enter(election.id, sent.ballotNumber, ballotOf(sent.draft)),
    onSuccess: (result) => {
      setLast({ ballotNumber: result.entry.ballotNumber, status: result.status, message: result.judgement.message });
      setDraft(emptyDraft);
      setBallotNumber(result.entry.ballotNumber + 1);
      box.current?.focus();
    },
  });
  const verdict = verdictOf(draft, election.seats, count);
  const pick = useCallback((position: number) => setDraft((d) => ({ ...d, cursor: position, struck: toggleStruck(d.struck, position) })), []);

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (save.isPending) return;
    const step = keyStep(draft, event.key, count);
    if (!step.handled) return;
    event.preventDefault();
    setDraft(step.draft);
    if (step.save) save.mutate({ ballotNumber, draft: step.draft });
  };

  return (
    <Flex gap={16} wrap align="flex-start">
      <Card style={{ minWidth: 420, flex: 1 }} title={<span data-testid="ballot-number">{t('elections.entry.ballot', { number: ballotNumber })}</span>}
        extra={<InputNumber aria-label={t('elections.entry.number')} min={1} value={ballotNumber} onChange={(v) => setBallotNumber(typeof v === 'number' ? v : 1)} />}>
        <div ref={box} tabIndex={0} role="listbox" aria-label={t('elections.entry.ballotArea')} onKeyDown={onKey} data-testid="ballot-area" data-ballot={ballotNumber} data-ready={save.isPending ? 'no' : 'yes'}
          style={{ outline: '2px solid #1677ff33', borderRadius: 6, padding: 8 }} autoFocus>
          {election.candidates.map((c) => (
            <CandidateRow key={c.position} position={c.position} fullName={c.fullName} struck={draft.struck.includes(c.position)} current={draft.cursor === c.position} onPick={pick} />
          ))}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('elections.entry.keys')}</Typography.Paragraph>
      </Card>
      <Flex vertical gap={12} style={{ minWidth: 300, flex: 1 }}>
        <Alert data-testid="ballot-verdict" type={verdict.valid ? 'success' : 'warning'} showIcon
          title={verdict.valid ? t('elections.entry.valid', { left: verdict.left, seats: election.seats }) : t(`elections.invalid.${verdict.reason}`, { left: verdict.left, seats: election.seats })} />
        {save.isError ? <Alert type="error" showIcon title={errorText(save.error)} /> : null}
        {last ? (
          <Alert data-testid="ballot-saved" type="info" showIcon
            title={t('elections.entry.saved', { number: last.ballotNumber })}
            description={<>{last.message ? <div>{last.message}</div> : null}<Tag>{t(`elections.status.${last.status === 'agreed' ? 'agreed' : last.status === 'discrepancy' ? 'discrepancy' : 'single'}`)}</Tag></>} />
        ) : null}
      </Flex>
    </Flex>
  );
}
