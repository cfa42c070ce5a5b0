import { useQuery } from '@tanstack/react-query';
import { Descriptions, Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError, PageSpinner } from '../../app/page-states.tsx';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { confidenceEntriesQuery, confidenceVoteQuery } from './confidence-api.ts';
import { ConfidenceDiscrepanciesPanel } from './confidence-discrepancies-panel.tsx';
import { ConfidenceEntryPanel } from './confidence-entry-panel.tsx';
import { ConfidenceResultsPanel } from './confidence-results-panel.tsx';

/** One confidence vote: its setup, the keyboard entry for operators, discrepancies, the results. */
export function ConfidenceVotePage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const me = useCurrentSession().user.id;
  const vote = useQuery(confidenceVoteQuery(id));
  const entries = useQuery(confidenceEntriesQuery(id));
  if (vote.isError) return <PageError error={vote.error} onRetry={() => void vote.refetch()} />;
  if (!vote.data || !entries.data) return <PageSpinner />;
  const v = vote.data;
  const mine = entries.data.filter((x) => x.operatorId === me && x.kind === 'entry').map((x) => x.ballotNumber);
  const operator = v.operatorIds.includes(me) && v.status === 'open';
  return (
    <>
      <PageHeader title={v.title} subtitle={`${v.unitName} · ${formatDate(v.heldOn)} · ${t('confidence.title')}`} extra={<Tag color={v.status === 'finalised' ? 'green' : 'blue'}>{t(`elections.state.${v.status}`)}</Tag>} />
      <Tabs defaultActiveKey={operator ? 'entry' : 'results'} items={[
        {
          key: 'setup', label: t('elections.tab.setup'), children: (
            <Descriptions bordered size="small" column={2} items={[
              { key: 'persons', label: t('confidence.persons'), children: v.persons.map((p) => `${p.position + 1}. ${p.fullName}${p.post ? ` — ${p.post}` : ''}`).join('; ') },
              { key: 'rules', label: t('confidence.rules'), children: v.rulesVersion },
              { key: 'convened', label: t('elections.convened'), children: v.convened },
              { key: 'present', label: t('elections.present'), children: v.present },
              { key: 'committee', label: t('elections.committeeHead'), children: v.committee.find((c) => c.role === 'head')?.fullName ?? '—' },
              { key: 'chain', label: t('confidence.chainHead'), children: v.chainHead ?? '—' },
            ]} />
          ),
        },
        ...(operator ? [{ key: 'entry', label: t('elections.tab.entry'), children: <ConfidenceEntryPanel vote={v} firstNumber={(mine.length > 0 ? Math.max(...mine) : 0) + 1} /> }] : []),
        { key: 'discrepancies', label: t('elections.tab.discrepancies'), children: <ConfidenceDiscrepanciesPanel vote={v} /> },
        { key: 'results', label: t('elections.tab.results'), children: <ConfidenceResultsPanel vote={v} /> },
      ]} />
    </>
  );
}
