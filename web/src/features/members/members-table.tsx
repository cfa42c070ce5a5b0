import type { MemberListItem } from '@tcxd/contract';
import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { pageSizes } from './member-filters.ts';
import { MemberStatusTag } from './member-status-tag.tsx';
import { memberPath } from './members-api.ts';

interface Props {
  readonly rows: readonly MemberListItem[];
  readonly total: number;
  /** More match than `total`: the count stopped at the limit. */
  readonly totalCapped: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly loading: boolean;
  readonly onPage: (page: number, pageSize: number) => void;
}

/** One page of members: name (link to the record), birth date, sex, card number, cell, status, admission date. */
export function MembersTable({ rows, total, totalCapped, page, pageSize, loading, onPage }: Props) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<MemberListItem> = [
    {
      title: t('memberField.fullName'),
      key: 'fullName',
      width: 220,
      render: (_, m) => (
        <Link to={memberPath(m.id)}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {m.fullName}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('memberField.birthDate'), key: 'birthDate', width: 120, render: (_, m) => formatDate(m.birthDate) },
    { title: t('memberField.sex'), key: 'sex', width: 90, render: (_, m) => t(`sex.${m.sex}`) },
    { title: t('members.cardNumber'), key: 'cardNumber', width: 120, render: (_, m) => (m.cardNumber ? <Typography.Text code>{m.cardNumber}</Typography.Text> : null) },
    { title: t('members.cell'), key: 'cell', render: (_, m) => <Link to={`/units/${m.cell.id}`}>{m.cell.name}</Link> },
    { title: t('members.status'), key: 'status', width: 210, render: (_, m) => <MemberStatusTag status={m.status} exempted={m.exempted} /> },
    { title: t('memberField.admissionDate'), key: 'admissionDate', width: 130, render: (_, m) => formatDate(m.admissionDate) },
  ];
  return (
    <Table<MemberListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      scroll={{ x: 1050 }}
      locale={{ emptyText: t('members.none') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [...pageSizes],
        showTotal: (count) => (totalCapped ? t('members.totalMore', { total: formatNumber(count, locale) }) : t('common.total', { total: formatNumber(count, locale) })),
        onChange: (nextPage, nextSize) => onPage(nextSize === pageSize ? nextPage : 1, nextSize),
      }}
    />
  );
}
