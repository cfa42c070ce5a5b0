import type { ConfidenceVoteView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, List, Tag, Typography } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { BallotEntryLayout } from '../elections/ballot-entry-layout.tsx';
import { confidenceApi } from './confidence-api.ts';
import { confidenceBallotOf, type ConfidenceDraft, confidenceKeyStep, emptyConfidenceDraft } from './confidence-keys.ts';

interface Saved {
  readonly ballotNumber: number;
  readonly status: string;
  readonly blank: number;
}

const levelColor = { high: 'green', normal: 'blue', low: 'red' } as const;

/**
 * Fast keyboard entry of confidence ballots, one per screen, persons as printed:
 * 1 / 2 / 3 set the level and move on, 0 leaves blank, ↑↓ move, ←→ change, K invalid,
 * Enter saves and opens the next ballot (the election entry screen's conventions).
 */
export function ConfidenceEntryPanel({ vote, firstNumber }: { readonly vote: ConfidenceVoteView; readonly firstNumber: number }) {
  const { t } = useI18n();
  const count = vote.persons.length;
  const [draft, setDraft] = useState<ConfidenceDraft>(() => emptyConfidenceDraft(count));
  const [ballotNumber, setBallotNumber] = useState(firstNumber);
  const [last, setLast] = useState<Saved | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: (sent: { ballotNumber: number; draft: ConfidenceDraft }) => confidenceApi.enter(vote.id, sent.ballotNumber, confidenceBallotOf(sent.draft)),
    onSuccess: (result) => {
      setLast({ ballotNumber: result.entry.ballotNumber, status: result.status, blank: result.blank.length });
      setDraft(emptyConfidenceDraft(count));
      setBallotNumber(result.entry.ballotNumber + 1);
      box.current?.focus();
    },
  });
  const blanks = draft.levels.filter((l) => l === null).length;

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (save.isPending) return;
    const step = confidenceKeyStep(draft, event.key);
    if (!step.handled) return;
    event.preventDefault();
    setDraft(step.draft);
    if (step.save) save.mutate({ ballotNumber, draft: step.draft });
  };

  return (
    <BallotEntryLayout ballotNumber={ballotNumber} onBallotNumber={setBallotNumber} onKeyDown={onKey} pending={save.isPending} box={box} minWidth={460}
      keysHint={t('confidence.entry.keys')} error={save.error}
      verdict={<Alert data-testid="ballot-verdict" type={draft.invalid ? 'warning' : blanks > 0 ? 'info' : 'success'} showIcon
        title={draft.invalid ? t(`elections.invalid.${draft.invalid}`, { left: '', seats: '' }) : blanks > 0 ? t('confidence.entry.blanks', { blanks }) : t('confidence.entry.complete')} />}
      saved={last ? { ballotNumber: last.ballotNumber, status: last.status, detail: last.blank > 0 ? <div>{t('confidence.entry.blanks', { blanks: last.blank })}</div> : null } : null}>
      <List size="small" dataSource={vote.persons} renderItem={(p) => {
        const level = draft.levels[p.position] ?? null;
        return (
          <List.Item data-testid={`person-${p.position + 1}`} data-level={level ?? 'blank'} style={{ background: draft.cursor === p.position ? '#e6f4ff' : undefined, paddingInline: 8 }}
            onClick={() => setDraft({ ...draft, cursor: p.position })}>
            <Typography.Text>{`${p.position + 1}. ${p.fullName}`}{p.post ? <Typography.Text type="secondary">{` — ${p.post}`}</Typography.Text> : null}</Typography.Text>
            {draft.invalid ? null : level ? <Tag color={levelColor[level]}>{t(`confidence.level.${level}`)}</Tag> : <Tag>{t('confidence.level.blank')}</Tag>}
          </List.Item>
        );
      }} />
    </BallotEntryLayout>
  );
}
