import { DownloadOutlined } from '@ant-design/icons';
import type { MemberImportJob, MemberImportResult as ImportResult } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Table, Typography } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { membersApi } from './members-api.ts';

type Issue = ImportResult['errors'][number];

function ResultSummary({ result }: { readonly result: ImportResult }) {
  const { t } = useI18n();
  if (!result.dryRun && result.ok) {
    return <Alert type="success" showIcon title={t('memberImport.done', { created: result.created, unchanged: result.unchanged })} />;
  }
  if (result.ok && result.errorCount === 0) return <Alert type="success" showIcon title={t('memberImport.checkOk', { rows: result.rows })} />;
  return <Alert type="error" showIcon title={t('memberImport.checkFailed', { count: result.errorCount })} />;
}

/** What an import found: the counts, the first errors (Dòng, Cột, Lỗi) and the full Excel report. */
export function MemberImportResult({ job }: { readonly job: MemberImportJob }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const report = useMutation({
    mutationFn: () => membersApi.downloadImportReport(job.id),
    onError: (error) => void message.error(errorText(error)),
  });
  const result = job.result;
  if (job.status === 'failed' || result === null) {
    return <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('memberImport.failed')} description={job.failure ?? undefined} />;
  }
  return (
    <Flex vertical gap={12} style={{ marginTop: 8 }} data-testid="member-import-result">
      <ResultSummary result={result} />
      <Descriptions
        size="small"
        column={4}
        bordered
        items={[
          { key: 'rows', label: t('import.rows'), children: result.rows },
          { key: 'errors', label: t('memberImport.errorCount'), children: result.errorCount },
          { key: 'created', label: t('memberImport.created'), children: result.created },
          { key: 'unchanged', label: t('import.unchanged'), children: result.unchanged },
        ]}
      />
      {result.errorCount > 0 ? (
        <>
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Typography.Text type="secondary">
              {result.errors.length < result.errorCount ? t('memberImport.firstErrors', { shown: result.errors.length, count: result.errorCount }) : null}
            </Typography.Text>
            <Button icon={<DownloadOutlined />} loading={report.isPending} onClick={() => report.mutate()}>
              {t('memberImport.report')}
            </Button>
          </Flex>
          <Table<Issue>
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            dataSource={result.errors}
            pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('import.row'), dataIndex: 'row', key: 'row', width: 80, align: 'right' },
              { title: t('import.column'), dataIndex: 'column', key: 'column', width: 200 },
              { title: t('import.message'), dataIndex: 'message', key: 'message' },
            ]}
          />
        </>
      ) : null}
    </Flex>
  );
}
