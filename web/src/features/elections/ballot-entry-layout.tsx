import { Alert, Card, Flex, InputNumber, Tag, Typography } from 'antd';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The ballot just saved, as the entry screen reports it. */
export interface SavedBallot {
  readonly ballotNumber: number;
  /** agreed / discrepancy / anything else (keyed once so far). */
  readonly status: string;
  readonly detail: ReactNode;
}

interface Props {
  readonly ballotNumber: number;
  readonly onBallotNumber: (n: number) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly pending: boolean;
  readonly box: RefObject<HTMLDivElement | null>;
  readonly minWidth: number;
  /** The line explaining the keys, under the ballot. */
  readonly keysHint: string;
  /** What the ballot as keyed amounts to (valid, invalid, blanks…). */
  readonly verdict: ReactNode;
  readonly error: unknown;
  readonly saved: SavedBallot | null;
  /** The ballot's lines (names as printed). */
  readonly children: ReactNode;
}

/**
 * The frame shared by the election and confidence-vote entry screens: the ballot number, the
 * focused keyboard area holding the ballot's lines, the keys, and beside it the verdict, an
 * error and the last saved ballot. The area says `data-ready="no"` while a ballot is saving.
 */
export function BallotEntryLayout({ ballotNumber, onBallotNumber, onKeyDown, pending, box, minWidth, keysHint, verdict, error, saved, children }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const savedStatus = saved?.status === 'agreed' ? 'agreed' : saved?.status === 'discrepancy' ? 'discrepancy' : 'single';
  return (
    <Flex gap={16} wrap align="flex-start">
      <Card style={{ minWidth, flex: 1 }} title={<span data-testid="ballot-number">{t('elections.entry.ballot', { number: ballotNumber })}</span>}
        extra={<InputNumber aria-label={t('elections.entry.number')} min={1} value={ballotNumber} onChange={(v) => onBallotNumber(typeof v === 'number' ? v : 1)} />}>
        <div ref={box} tabIndex={0} role="listbox" aria-label={t('elections.entry.ballotArea')} onKeyDown={onKeyDown} data-testid="ballot-area" data-ballot={ballotNumber} data-ready={pending ? 'no' : 'yes'}
          style={{ outline: '2px solid #1677ff33', borderRadius: 6, padding: 8 }} autoFocus>
          {children}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{keysHint}</Typography.Paragraph>
      </Card>
      <Flex vertical gap={12} style={{ minWidth: 300, flex: 1 }}>
        {verdict}
        {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
        {saved ? (
          <Alert data-testid="ballot-saved" type="info" showIcon title={t('elections.entry.saved', { number: saved.ballotNumber })}
            description={<>{saved.detail}<Tag>{t(`elections.status.${savedStatus}`)}</Tag></>} />
        ) : null}
      </Flex>
    </Flex>
  );
}
