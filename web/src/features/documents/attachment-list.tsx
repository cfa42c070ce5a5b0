import { workAttachmentLimits } from '@tcxd/contract';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { attachmentView } from '@tcxd/contract';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Attachment = z.infer<typeof attachmentView>;

/** Files of a record with download links, and (for writers) a button to attach a PDF or Word file and one to remove each file. */
export function AttachmentList({ files, downloadBase, onAttach, onRemove, testId }: { readonly files: readonly Attachment[]; readonly downloadBase: string; readonly onAttach?: (file: File) => Promise<unknown>; readonly onRemove?: (id: string) => Promise<unknown>; readonly testId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file || !onAttach) return;
    setBusy(true);
    try {
      await onAttach(file);
      void message.success(t('work.attachments.added', { name: file.name }));
    } catch (error) {
      // A refused file is a validation error whose issue names the file and the rule; show that.
      void message.error(error instanceof ApiError && error.issues.length > 0 ? error.issues.map((i) => i.message).join('; ') : errorText(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const remove = async (f: Attachment) => {
    if (!onRemove) return;
    try {
      await onRemove(f.id);
      void message.success(t('work.attachments.removed', { name: f.fileName }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <div data-testid={testId}>
      {files.length > 0 ? (
        <List
          size="small"
          dataSource={[...files]}
          renderItem={(f) => (
            <List.Item
              actions={onRemove ? [
                <Popconfirm key="remove" title={t('work.attachments.removeConfirm', { name: f.fileName })} okText={t('work.attachments.remove')} cancelText={t('common.cancel')} onConfirm={() => remove(f)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('work.attachments.removeNamed', { name: f.fileName })} />
                </Popconfirm>,
              ] : undefined}
            >
              <a href={`${downloadBase}/${f.id}`}>{f.fileName}</a>
              <Typography.Text type="secondary">{`${Math.max(1, Math.round(f.size / 1024))} KB · ${formatDateTime(f.uploadedAt)}`}</Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
      {onAttach ? (
        <>
          <input ref={input} type="file" hidden aria-label={t('work.attachments.add')} accept={workAttachmentLimits.contentTypes.join(',')} onChange={(e) => void pick(e.target.files?.[0])} />
          <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>{t('work.attachments.add')}</Button>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{t('work.attachments.limits')}</Typography.Text>
        </>
      ) : null}
    </div>
  );
}
