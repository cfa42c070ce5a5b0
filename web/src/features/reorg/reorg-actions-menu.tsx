import { DownOutlined, PartitionOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type OperationType, operationTypes } from './reorg-form.ts';

interface Props {
  readonly onPick: (type: OperationType) => void;
  /** Operations not offered here (for example on a unit that has ended). */
  readonly hidden?: readonly OperationType[];
  readonly primary?: boolean;
}

/** "Sắp xếp tổ chức ▾": opens the wizard on the chosen operation. */
export function ReorgActionsMenu({ onPick, hidden = [], primary = false }: Props) {
  const { t } = useI18n();
  const items = operationTypes
    .filter((type) => !hidden.includes(type))
    .map((type) => ({ key: type, label: t(`reorg.action.${type}`), danger: type === 'dissolve' }));
  return (
    <Dropdown
      menu={{
        items,
        onClick: ({ key }) => {
          const chosen = operationTypes.find((type) => type === key);
          if (chosen) onPick(chosen);
        },
      }}
      trigger={['click']}
    >
      <Button type={primary ? 'primary' : 'default'} icon={<PartitionOutlined />}>
        {t('reorg.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
