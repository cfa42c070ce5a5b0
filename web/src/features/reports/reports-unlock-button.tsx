import type { UnitRef } from '@tcxd/contract';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate, toIsoDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { refreshReports, reportsApi } from './reports-api.ts';

/** "Mở khóa": the managing unit lets one unit send a locked period's report until a date, with a reason (audited on the server). */
export function ReportsUnlockButton({ periodId, unit }: { readonly periodId: string; readonly unit: UnitRef }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState<Dayjs | null>(today().add(7, 'day'));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!until) return;
    setBusy(true);
    try {
      const result = await reportsApi.unlock(periodId, unit.id, toIsoDate(until), reason.trim());
      void message.success(t('reports.unlock.done', { unit: unit.name, until: formatDate(result.until) }));
      setOpen(false);
      setReason('');
      await refreshReports();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('reports.unlock.action')}</Button>
      <Modal open={open} title={t('reports.unlock.title', { unit: unit.name })} okText={t('reports.unlock.confirm')} okButtonProps={{ disabled: reason.trim() === '' || !until, loading: busy }} onOk={() => void confirm()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label={t('reports.unlock.until')} htmlFor="unlock-until" required>
            <DatePicker id="unlock-until" format="DD/MM/YYYY" value={until} onChange={(d) => setUntil(d)} disabledDate={(d) => d.isBefore(today(), 'day')} />
          </Form.Item>
          <Form.Item label={t('reports.unlock.reason')} htmlFor="unlock-reason" required>
            <Input.TextArea id="unlock-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
