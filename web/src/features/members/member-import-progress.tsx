import type { MemberImportJob } from '@tcxd/contract';
import { Flex, Progress, Typography } from 'antd';
import { formatNumber } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { phasePercent } from './import-job-follow.ts';

interface Props {
  /** Fraction of the file sent (0–1) while uploading; null once the server has it. */
  readonly uploaded: number | null;
  readonly job: MemberImportJob | null;
}

/** The upload, then the phase of the import job and the rows read so far. */
export function MemberImportProgress({ uploaded, job }: Props) {
  const { t, locale } = useI18n();
  const rows = formatNumber(job?.rowsRead ?? 0, locale);
  if (uploaded !== null || job === null) {
    return (
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
        <Progress percent={Math.round((uploaded ?? 0) * 100)} status="active" aria-label={t('import.uploading')} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="member-import-progress">
      <Typography.Text>
        {t(`memberImport.phase.${job.phase}`)} — {t('memberImport.rowsRead', { count: rows })}
      </Typography.Text>
      <Progress percent={phasePercent(job.phase)} status={job.status === 'running' ? 'active' : 'normal'} aria-label={t(`memberImport.phase.${job.phase}`)} />
    </Flex>
  );
}
