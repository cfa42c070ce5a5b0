import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, type InputRef, Modal, Space } from 'antd';
import { useRef } from 'react';
import { copyText } from '../../app/clipboard.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export interface TemporaryPassword {
  readonly username: string;
  readonly password: string;
}

/** Shows a temporary password once, with a copy button; it is gone when the modal closes. */
export function TemporaryPasswordModal({ shown, onClose }: { readonly shown: TemporaryPassword | null; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);

  const copy = async () => {
    if (!shown) return;
    const done = await copyText(shown.password, input.current?.input);
    void (done ? message.success(t('common.copied')) : message.warning(t('common.copyFailed')));
  };

  return (
    <Modal
      open={shown !== null}
      title={t('users.tempPasswordTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      onOk={onClose}
      okText={t('users.tempPasswordDone')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {shown ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('users.tempPasswordNotice', { username: shown.username })} />
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={input}
              readOnly
              value={shown.password}
              aria-label={t('users.tempPasswordTitle')}
              data-testid="temporary-password"
              style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 18, letterSpacing: 1 }}
            />
            <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('common.copy')}
            </Button>
          </Space.Compact>
        </Space>
      ) : null}
    </Modal>
  );
}
