import { workAttachmentLimits } from '@tcxd/contract';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { attachmentView } from '@tcxd/contract';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Attachment = z.infer<typeof attachmentView>;

/** Files of a record with download links, and (for writers) a button to attach a PDF or Word file. */
export function AttachmentList({ files, downloadBase, onAttach, testId }: { readonly files: readonly Attachment[]; readonly downloadBase: string; readonly onAttach?: (file: File) => Promise<unknown>; readonly testId: string }) {
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
  return (
    <div data-testid={testId}>
      {files.length > 0 ? (
        <List
          size="small"
          dataSource={[...files]}
          renderItem={(f) => (
            <List.Item>
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
