import type { MemberView } from '@tcxd/contract';
import { Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberStatusTag } from './member-status-tag.tsx';

const unitLink = (unit: { readonly id: string; readonly name: string }) => <Link to={`/units/${unit.id}`}>{unit.name}</Link>;

/** Where the member stands now: status, the cell of activity (and of the record), transit, temporary stay, probation. */
export function MemberSummaryCard({ member }: { readonly member: MemberView }) {
  const { t } = useI18n();
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'status', label: t('members.status'), children: <MemberStatusTag status={member.status} exempted={member.exempted} /> },
    {
      key: 'cell',
      label: t('memberPage.cell'),
      children: member.cell ? unitLink(member.cell) : <Typography.Text type="secondary">{t('memberPage.noCell')}</Typography.Text>,
    },
  ];
  if (member.homeCell.id !== member.cell?.id) items.push({ key: 'home', label: t('memberPage.homeCell'), children: unitLink(member.homeCell) });
  if (member.transitTo) items.push({ key: 'transit', label: t('memberPage.transitTo'), children: unitLink(member.transitTo) });
  if (member.temporaryAt) items.push({ key: 'temporary', label: t('memberPage.temporaryAt'), children: unitLink(member.temporaryAt) });
  if (member.probationEndsOn) {
    const overdue = member.status === 'probationary' && dayjs(member.probationEndsOn).isBefore(today(), 'day');
    items.push({
      key: 'probation',
      label: t('memberPage.probationEndsOn'),
      children: <Typography.Text type={overdue ? 'danger' : undefined}>{formatDate(member.probationEndsOn)}</Typography.Text>,
    });
  }
  return (
    <Card title={t('memberPage.summary')}>
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
