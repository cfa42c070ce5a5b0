import { SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { verifyAuditChain } from './audit-api.ts';

/** "Kiểm tra chuỗi": verifies the hash chain and shows the verdict. */
export function AuditVerifyButton() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const verify = useMutation({
    mutationFn: verifyAuditChain,
    onSuccess: (result) => {
      if (result.ok) {
        modal.success({ title: t('audit.verifyOk'), content: t('audit.verifyOkDetail', { checked: result.checked }), okText: t('common.close') });
      } else {
        modal.error({
          title: t('audit.verifyBroken'),
          content: t('audit.verifyBrokenDetail', { seq: result.brokenAtSeq ?? '?', reason: result.reason ?? '' }),
          okText: t('common.close'),
        });
      }
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
      {t('audit.verify')}
    </Button>
  );
}
