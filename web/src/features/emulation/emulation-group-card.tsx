import { CrownOutlined, EditOutlined } from '@ant-design/icons';
import type { EmulationGroupView } from '@tcxd/contract';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { todayIso } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { unitPath } from '../units/use-as-of.ts';
import { MemberRoleTag } from './member-role-tag.tsx';

type Member = EmulationGroupView['members'][number];

const roleOrder: Readonly<Record<Member['role'], number>> = { head: 0, deputy: 1, member: 2 };

interface Props {
  readonly group: EmulationGroupView;
  /** Present for users who may change the group. */
  readonly onEdit?: () => void;
  readonly onElect?: () => void;
}

/** One cluster or bloc of a year: its members with their roles. */
export function EmulationGroupCard({ group, onEdit, onElect }: Props) {
  const { t } = useI18n();
  const members = [...group.members].sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  const canChange = group.hiddenMembers === 0;
  // Members open as they were at the end of the group's year (or today, for this year).
  const memberDate = [`${group.year}-12-31`, todayIso()].sort()[0];
  return (
    <Card
      data-testid="emulation-group"
      title={
        <Space size={8} wrap>
          <span>{group.name}</span>
          <Tag color={group.kind === 'cluster' ? 'purple' : 'cyan'}>{t(`emulation.kind.${group.kind}`)}</Tag>
          <Typography.Text type="secondary">{t('emulation.yearLabel', { year: group.year })}</Typography.Text>
        </Space>
      }
      extra={
        canChange && (onEdit || onElect) ? (
          <Space size={4} wrap>
            {onEdit ? (
              <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
                {t('emulation.edit')}
              </Button>
            ) : null}
            {onElect ? (
              <Button size="small" icon={<CrownOutlined />} onClick={onElect}>
                {t(`emulation.elect.${group.kind}`)}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {group.note ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {group.note}
        </Typography.Paragraph>
      ) : null}
      <Table<Member>
        size="small"
        rowKey="unitId"
        dataSource={members}
        pagination={false}
        columns={[
          { title: t('emulation.index'), key: 'index', width: 56, align: 'right', render: (_, _m, index) => index + 1 },
          { title: t('emulation.unit'), key: 'name', render: (_, m) => <Link to={unitPath(m.unitId, memberDate)}>{m.name}</Link> },
          { title: t('units.code'), key: 'code', width: 90, render: (_, m) => <Typography.Text code>{m.code}</Typography.Text> },
          { title: t('emulation.roleTitle'), key: 'role', width: 130, render: (_, m) => <MemberRoleTag kind={group.kind} role={m.role} /> },
        ]}
      />
      {group.hiddenMembers > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('emulation.hiddenMembers', { count: group.hiddenMembers })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
