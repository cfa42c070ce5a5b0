import type { ConfidenceVoteView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Flex, InputNumber, List, Tag, Typography } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
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
  const errorText = useErrorText();
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
    <Flex gap={16} wrap align="flex-start">
      <Card style={{ minWidth: 460, flex: 1 }} title={<span data-testid="ballot-number">{t('elections.entry.ballot', { number: ballotNumber })}</span>}
        extra={<InputNumber aria-label={t('elections.entry.number')} min={1} value={ballotNumber} onChange={(v) => setBallotNumber(typeof v === 'number' ? v : 1)} />}>
        <div ref={box} tabIndex={0} role="listbox" aria-label={t('elections.entry.ballotArea')} onKeyDown={onKey} data-testid="ballot-area" data-ready={save.isPending ? 'no' : 'yes'}
          style={{ outline: '2px solid #1677ff33', borderRadius: 6, padding: 8 }} autoFocus>
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
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('confidence.entry.keys')}</Typography.Paragraph>
      </Card>
      <Flex vertical gap={12} style={{ minWidth: 300, flex: 1 }}>
        <Alert data-testid="ballot-verdict" type={draft.invalid ? 'warning' : blanks > 0 ? 'info' : 'success'} showIcon
          title={draft.invalid ? t(`elections.invalid.${draft.invalid}`, { left: '', seats: '' }) : blanks > 0 ? t('confidence.entry.blanks', { blanks }) : t('confidence.entry.complete')} />
        {save.isError ? <Alert type="error" showIcon title={errorText(save.error)} /> : null}
        {last ? (
          <Alert data-testid="ballot-saved" type="info" showIcon title={t('elections.entry.saved', { number: last.ballotNumber })}
            description={<>{last.blank > 0 ? <div>{t('confidence.entry.blanks', { blanks: last.blank })}</div> : null}<Tag>{t(`elections.status.${last.status === 'agreed' ? 'agreed' : last.status === 'discrepancy' ? 'discrepancy' : 'single'}`)}</Tag></>} />
        ) : null}
      </Flex>
    </Flex>
  );
}
