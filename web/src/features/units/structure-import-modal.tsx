import type { structureImportResult } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Progress, Table } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { useErrorText } from '../../app/error-text.ts';
import { SheetFileDragger } from '../../app/sheet-file-dragger.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { refreshStructure, type SheetFormat, unitsApi } from './units-api.ts';

type ImportResult = z.infer<typeof structureImportResult>;

const maxBytes = 20 * 1024 * 1024;

function formatOf(file: File): SheetFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
}

/** Imports units from Excel/CSV: a dry run first (row-level errors), then the real import. */
export function StructureImportModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [documentNumber, setDocumentNumber] = useState('');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const reset = () => {
    setFile(null);
    setDocumentNumber('');
    setChecked(null);
    setProgress(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const send = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const format = file ? formatOf(file) : null;
      if (!file || !format) throw new Error('no file');
      setProgress(0);
      return unitsApi.importFile(file, format, documentNumber.trim(), dryRun, setProgress);
    },
    onSettled: () => setProgress(null),
    onSuccess: async (result) => {
      if (result.dryRun) {
        setChecked(result);
        return;
      }
      if (!result.ok) {
        setChecked(result);
        return;
      }
      void message.success(t('import.done', { created: result.created, unchanged: result.unchanged }));
      close();
      await refreshStructure();
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const changeFile = (next: File | null) => {
    setChecked(null);
    if (next && next.size > maxBytes) {
      void message.error(t('import.tooLarge'));
      setFile(null);
      return;
    }
    if (next && !formatOf(next)) {
      void message.error(t('import.badType'));
      setFile(null);
      return;
    }
    setFile(next);
  };

  const ready = file !== null && documentNumber.trim() !== '';
  const canCommit = ready && checked?.dryRun === true && checked.ok;

  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={close}
      width={820}
      destroyOnHidden
      maskClosable={!send.isPending}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close} disabled={send.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => send.mutate(true)} disabled={!ready} loading={send.isPending && send.variables}>
            {t('import.check')}
          </Button>
          <Button type="primary" onClick={() => send.mutate(false)} disabled={!canCommit} loading={send.isPending && !send.variables}>
            {t('import.commit')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" disabled={send.isPending}>
        <Form.Item label={t('import.file')} required extra={t('import.fileHelp')}>
          <SheetFileDragger file={file} onChange={changeFile} />
        </Form.Item>
        <Form.Item label={t('reorg.documentNumber')} required extra={t('import.documentHelp')}>
          <Input
            aria-label={t('reorg.documentNumber')}
            value={documentNumber}
            placeholder="15-QĐ/TU"
            maxLength={60}
            onChange={(e) => {
              setDocumentNumber(e.target.value);
              setChecked(null);
            }}
          />
        </Form.Item>
      </Form>
      {progress !== null ? <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('import.uploading')} /> : null}
      {checked ? <ImportResultView result={checked} /> : null}
    </Modal>
  );
}

function ImportResultView({ result }: { readonly result: ImportResult }) {
  const { t, tOr } = useI18n();
  return (
    <Flex vertical gap={12} style={{ marginTop: 8 }}>
      {result.ok ? (
        <Alert type="success" showIcon title={result.dryRun ? t('import.checkOk') : t('import.committed')} />
      ) : (
        <Alert type="error" showIcon title={t('import.checkFailed', { count: result.errors.length })} />
      )}
      <Descriptions
        size="small"
        column={3}
        bordered
        items={[
          { key: 'rows', label: t('import.rows'), children: result.rows },
          { key: 'created', label: t('import.created'), children: result.created },
          { key: 'unchanged', label: t('import.unchanged'), children: result.unchanged },
        ]}
      />
      {result.errors.length > 0 ? (
        <Table
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={result.errors}
          pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('import.row'), dataIndex: 'row', key: 'row', width: 80, align: 'right' },
            { title: t('import.column'), key: 'column', width: 190, render: (_, e) => tOr(`importColumn.${e.column}`, e.column) },
            { title: t('import.message'), dataIndex: 'message', key: 'message' },
          ]}
        />
      ) : null}
    </Flex>
  );
}
