import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';

interface Props {
  readonly file: File | null;
  /** A file picked (not uploaded: the dialog sends it), or null when removed. */
  readonly onChange: (file: File | null) => void;
}

/** The drop zone of an Excel/CSV import dialog: one .xlsx or .csv file, kept in the browser until sent. */
export function SheetFileDragger({ file, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Upload.Dragger
      accept=".csv,.xlsx"
      maxCount={1}
      fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
      beforeUpload={(picked) => {
        onChange(picked);
        return false;
      }}
      onRemove={() => onChange(null)}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('import.pick')}</p>
    </Upload.Dragger>
  );
}
