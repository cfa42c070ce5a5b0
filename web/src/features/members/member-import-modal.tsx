import type { MemberImportJob } from '@tcxd/contract';
import { App, Button, Flex, Form, Modal } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { SheetFileDragger } from '../../app/sheet-file-dragger.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberImportProgress } from './member-import-progress.tsx';
import { MemberImportResult } from './member-import-result.tsx';
import { refreshMembers } from './members-api.ts';
import { sheetFormatOf, useMemberImport } from './use-member-import.ts';

/** The server's limit (a register of a million members is about 300 MB as CSV). */
const maxMegabytes = 512;
const maxBytes = maxMegabytes * 1024 * 1024;

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
}

const aborted = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * "Nhập từ Excel/CSV": a dry run that reports every error by row and column (with the
 * Excel report to download), then the all-or-nothing import once the file is clean.
 */
export function MemberImportModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [finished, setFinished] = useState<MemberImportJob | null>(null);
  const { run, uploaded, job, reset } = useMemberImport((done) => {
    setFinished(done);
    const result = done.result;
    if (done.status === 'done' && !done.dryRun && result?.ok) {
      void message.success(t('memberImport.done', { created: result.created, unchanged: result.unchanged }));
      void refreshMembers();
    }
  });

  const changeFile = (next: File | null) => {
    reset();
    run.reset();
    setFinished(null);
    if (next && next.size > maxBytes) {
      void message.error(t('memberImport.tooLarge', { max: maxMegabytes }));
      setFile(null);
      return;
    }
    if (next && !sheetFormatOf(next.name)) {
      void message.error(t('import.badType'));
      setFile(null);
      return;
    }
    setFile(next);
  };

  const close = () => {
    changeFile(null);
    onClose();
  };

  const start = (dryRun: boolean) => {
    if (!file) return;
    setFinished(null);
    run.mutate(
      { file, dryRun },
      {
        onError: (error) => {
          if (!aborted(error)) void message.error(errorText(error));
        },
      },
    );
  };

  const checked = finished?.dryRun && finished.status === 'done' ? finished.result : null;
  const committed = finished !== null && !finished.dryRun && finished.status === 'done' && finished.result?.ok === true;
  const canCommit = file !== null && !run.isPending && !committed && checked !== null && checked.ok && checked.errorCount === 0;
  const busy = run.isPending;

  return (
    <Modal
      open={open}
      title={t('memberImport.title')}
      onCancel={close}
      width={860}
      destroyOnHidden
      maskClosable={!busy}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{committed ? t('common.close') : t('common.cancel')}</Button>
          <Button onClick={() => start(true)} disabled={!file || committed} loading={busy && run.variables?.dryRun === true}>
            {t('memberImport.check')}
          </Button>
          <Button type="primary" onClick={() => start(false)} disabled={!canCommit} loading={busy && run.variables?.dryRun === false}>
            {t('import.commit')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" disabled={busy}>
        <Form.Item label={t('import.file')} required extra={t('memberImport.fileHelp', { max: maxMegabytes })}>
          <SheetFileDragger file={file} onChange={changeFile} />
        </Form.Item>
      </Form>
      {busy ? <MemberImportProgress uploaded={uploaded} job={job} /> : null}
      {finished ? <MemberImportResult job={finished} /> : null}
    </Modal>
  );
}
