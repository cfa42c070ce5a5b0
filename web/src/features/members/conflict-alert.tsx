import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  /** The server's sentence (someone else saved the record first). */
  readonly message: string;
  readonly reloading: boolean;
  readonly onReload: () => void;
}

/** Someone else saved the record first: say so and offer to load the latest version. */
export function ConflictAlert({ message, reloading, onReload }: Props) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      title={message}
      description={t('memberPage.conflictHelp')}
      action={
        <Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={onReload}>
          {t('memberPage.reloadLatest')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
