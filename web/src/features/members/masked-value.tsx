import { LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** A sensitive field the viewer may not see (citizen id, religion): shown masked, with the reason on hover. */
export function MaskedValue() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('memberPage.maskedWhy')}>
      <Typography.Text type="secondary" aria-label={t('memberPage.masked')} data-testid="masked-value" style={{ cursor: 'help' }}>
        <LockOutlined /> ••••
      </Typography.Text>
    </Tooltip>
  );
}
