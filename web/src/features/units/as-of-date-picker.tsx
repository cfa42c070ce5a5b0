import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { dateFormat, toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  /** yyyy-mm-dd */
  readonly value: string;
  readonly onChange: (date: string) => void;
}

/** "Xem theo ngày": the date the structure is shown on (dd/mm/yyyy). */
export function AsOfDatePicker({ value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space size={8} align="center">
      <Typography.Text type="secondary">
        <CalendarOutlined /> {t('units.asOf')}
      </Typography.Text>
      <DatePicker
        aria-label={t('units.asOf')}
        value={dayjs(value)}
        format={dateFormat}
        allowClear={false}
        onChange={(date) => {
          if (date) onChange(toIsoDate(date));
        }}
        style={{ width: 150 }}
      />
    </Space>
  );
}
