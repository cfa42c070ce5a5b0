import type { MemberStatus } from '@tcxd/contract';
import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

const statusColors: Readonly<Record<MemberStatus, string>> = {
  probationary: 'gold',
  full: 'green',
  in_transit: 'blue',
  transferred_outside: 'geekblue',
  removed: 'default',
  expelled: 'red',
  deceased: 'default',
  not_member: 'default',
};

/** Where a member stands (đảng viên chính thức, dự bị, đang chuyển…), and the exemption when it applies. */
export function MemberStatusTag({ status, exempted = false }: { readonly status: MemberStatus; readonly exempted?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
        {t(`memberStatus.${status}`)}
      </Tag>
      {exempted ? (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('members.exempted')}
        </Tag>
      ) : null}
    </Space>
  );
}
