import { Button, Space } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly busy: boolean;
  readonly danger?: boolean;
  readonly disabled?: boolean;
  readonly onCancel: () => void;
}

/** "Hủy" and "Ghi nhận" at the foot of a dialog whose form submits itself. */
export function ModalButtons({ busy, danger = false, disabled = false, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <Space>
      <Button onClick={onCancel} disabled={false}>
        {t('common.cancel')}
      </Button>
      <Button type="primary" htmlType="submit" danger={danger} loading={busy} disabled={disabled}>
        {t('memberEvent.submit')}
      </Button>
    </Space>
  );
}
