import { DownOutlined, HistoryOutlined } from '@ant-design/icons';
import type { MemberEventKind } from '@tcxd/contract';
import { Button, Dropdown, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { graveEvents, offeredEvents, type RecordableEvent } from './member-event-form.ts';

/** "Ghi nhận biến động": only the events the rules and the viewer's rights allow now. */
export function MemberEventMenu({ allowed, onPick }: { readonly allowed: readonly MemberEventKind[]; readonly onPick: (kind: RecordableEvent) => void }) {
  const { t } = useI18n();
  const kinds = offeredEvents(allowed);
  const button = (
    <Button type="primary" icon={<HistoryOutlined />} disabled={kinds.length === 0}>
      {t('memberPage.recordEvent')} <DownOutlined />
    </Button>
  );
  if (kinds.length === 0) return <Tooltip title={t('memberPage.noEvents')}>{button}</Tooltip>;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: kinds.map((kind) => ({ key: kind, label: t(`memberEventKind.${kind}`), danger: graveEvents.includes(kind) })),
        onClick: ({ key }) => {
          const kind = kinds.find((k) => k === key);
          if (kind) onPick(kind);
        },
      }}
    >
      {button}
    </Dropdown>
  );
}
