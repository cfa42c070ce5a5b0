import { useQuery } from '@tanstack/react-query';
import { Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { BallotEntryPanel } from './ballot-entry-panel.tsx';
import { DiscrepanciesPanel } from './discrepancies-panel.tsx';
import { ElectionResultsPanel } from './election-results-panel.tsx';
import { SetupTab } from './election-setup-tab.tsx';
import { electionEntriesQuery, electionQuery } from './elections-api.ts';

/** One election: its setup, the keyboard entry for operators, the results. */
export function ElectionPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const me = useCurrentSession().user.id;
  const election = useQuery(electionQuery(id));
  const entries = useQuery(electionEntriesQuery(id));
  if (election.isError) return <PageError error={election.error} onRetry={() => void election.refetch()} />;
  if (!election.data || !entries.data) return <PageSpinner />;
  const e = election.data;
  const mine = entries.data.filter((x) => x.operatorId === me && x.kind === 'entry').map((x) => x.ballotNumber);
  const operator = e.operatorIds.includes(me) && e.status === 'open';
  return (
    <>
      <PageHeader title={e.title} subtitle={`${e.unitName} · ${formatDate(e.heldOn)} · ${t('elections.round', { round: e.round })}`} extra={<Tag color={e.status === 'finalised' ? 'green' : 'blue'}>{t(`elections.state.${e.status}`)}</Tag>} />
      <Tabs defaultActiveKey={operator ? 'entry' : 'results'} items={[
        {
          key: 'setup', label: t('elections.tab.setup'), children: <SetupTab election={e} editable={e.status === 'open' && entries.data.length === 0} />,
        },
        ...(operator ? [{ key: 'entry', label: t('elections.tab.entry'), children: <BallotEntryPanel election={e} firstNumber={(mine.length > 0 ? Math.max(...mine) : 0) + 1} /> }] : []),
        { key: 'discrepancies', label: t('elections.tab.discrepancies'), children: <DiscrepanciesPanel election={e} /> },
        { key: 'results', label: t('elections.tab.results'), children: <ElectionResultsPanel election={e} /> },
      ]} />
    </>
  );
}
