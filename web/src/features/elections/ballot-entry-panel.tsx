import type { ElectionView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { type KeyboardEvent, memo, useCallback, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { BallotEntryLayout } from './ballot-entry-layout.tsx';
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
    <BallotEntryLayout ballotNumber={ballotNumber} onBallotNumber={setBallotNumber} onKeyDown={onKey} pending={save.isPending} box={box} minWidth={420}
      keysHint={t('elections.entry.keys')} error={save.error}
      verdict={<Alert data-testid="ballot-verdict" type={verdict.valid ? 'success' : 'warning'} showIcon
        title={verdict.valid ? t('elections.entry.valid', { left: verdict.left, seats: election.seats }) : t(`elections.invalid.${verdict.reason}`, { left: verdict.left, seats: election.seats })} />}
      saved={last ? { ballotNumber: last.ballotNumber, status: last.status, detail: last.message ? <div>{last.message}</div> : null } : null}>
      {election.candidates.map((c) => (
        <CandidateRow key={c.position} position={c.position} fullName={c.fullName} struck={draft.struck.includes(c.position)} current={draft.cursor === c.position} onPick={pick} />
      ))}
    </BallotEntryLayout>
  );
}
