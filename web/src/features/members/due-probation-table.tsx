import type { DueLists } from '@tcxd/contract';
import { type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DueRemainingTag } from './due-remaining-tag.tsx';
import { DueTable } from './due-table.tsx';
import { memberPath } from './members-api.ts';

type Row = DueLists['probation'][number];

/** Probationary members whose 12 months end soon (or have ended): the recognition is due; overdue rows stand out. */
export function DueProbationTable({ rows, loading }: { readonly rows: readonly Row[]; readonly loading: boolean }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Row> = [
    { title: t('memberField.fullName'), key: 'name', render: (_, r) => <Link to={memberPath(r.member.id)}>{r.member.fullName}</Link> },
    { title: t('members.cell'), key: 'cell', render: (_, r) => <Link to={`/units/${r.member.cell.id}`}>{r.member.cell.name}</Link> },
    { title: t('memberField.admissionDate'), key: 'admitted', width: 130, render: (_, r) => formatDate(r.member.admissionDate) },
    { title: t('memberPage.probationEndsOn'), key: 'ends', width: 150, render: (_, r) => formatDate(r.probationEndsOn) },
    {
      title: t('memberDue.dueOn'),
      key: 'due',
      width: 190,
      render: (_, r) => (
        <>
          {formatDate(r.dueOn)}
          {r.postponed ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('memberDue.postponed')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t('memberDue.remaining'), key: 'left', width: 170, render: (_, r) => <DueRemainingTag daysLeft={r.daysLeft} overdue={r.overdue} /> },
  ];
  return <DueTable rows={rows} columns={columns} loading={loading} emptyText={t('memberDue.noProbation')} />;
}
