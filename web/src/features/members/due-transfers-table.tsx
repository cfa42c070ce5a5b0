import type { DueLists } from '@tcxd/contract';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DueRemainingTag } from './due-remaining-tag.tsx';
import { DueTable } from './due-table.tsx';
import { memberPath } from './members-api.ts';

type Row = DueLists['transfers'][number];

/** Members transferred out whose papers have not reached the new cell: the 30-working-day deadline and what is left of it. */
export function DueTransfersTable({ rows, loading }: { readonly rows: readonly Row[]; readonly loading: boolean }) {
  const { t } = useI18n();
  const unit = (u: { readonly id: string; readonly name: string }) => <Link to={`/units/${u.id}`}>{u.name}</Link>;
  const columns: TableColumnsType<Row> = [
    { title: t('memberField.fullName'), key: 'name', render: (_, r) => <Link to={memberPath(r.member.id)}>{r.member.fullName}</Link> },
    { title: t('memberDue.from'), key: 'from', render: (_, r) => unit(r.from) },
    { title: t('memberDue.to'), key: 'to', render: (_, r) => unit(r.to) },
    { title: t('memberDue.since'), key: 'since', width: 130, render: (_, r) => formatDate(r.since) },
    { title: t('memberDue.deadline'), key: 'deadline', width: 130, render: (_, r) => formatDate(r.deadline) },
    { title: t('memberDue.remaining'), key: 'left', width: 210, render: (_, r) => <DueRemainingTag daysLeft={r.workingDaysLeft} overdue={r.overdue} working /> },
  ];
  return <DueTable rows={rows} columns={columns} loading={loading} emptyText={t('memberDue.noTransfers')} />;
}
