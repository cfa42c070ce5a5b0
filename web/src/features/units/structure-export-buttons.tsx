import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type SheetFormat, unitsApi } from './units-api.ts';

interface Props {
  readonly rootId: string | null;
  /** yyyy-mm-dd */
  readonly asOf: string;
}

/** "Xuất Excel" and "Xuất CSV": the structure below a unit on a date, as a file. */
export function StructureExportButtons({ rootId, asOf }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const download = useMutation({
    mutationFn: (format: SheetFormat) => (rootId ? unitsApi.exportFile(rootId, asOf, format) : Promise.resolve()),
    onError: (error) => void message.error(errorText(error)),
  });
  const busy = (format: SheetFormat) => download.isPending && download.variables === format;
  return (
    <Space.Compact>
      <Button icon={<FileExcelOutlined />} disabled={!rootId} loading={busy('xlsx')} onClick={() => download.mutate('xlsx')}>
        {t('units.exportXlsx')}
      </Button>
      <Button icon={<FileTextOutlined />} disabled={!rootId} loading={busy('csv')} onClick={() => download.mutate('csv')}>
        {t('units.exportCsv')}
      </Button>
    </Space.Compact>
  );
}
