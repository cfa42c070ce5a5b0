import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { remainingOf } from './due-remaining.ts';

/** "Còn N ngày", "Đến hạn hôm nay" or "Quá hạn N ngày" (working days for transfers). */
export function DueRemainingTag({ daysLeft, overdue, working = false }: { readonly daysLeft: number; readonly overdue: boolean; readonly working?: boolean }) {
  const { t } = useI18n();
  const remaining = remainingOf(daysLeft, overdue);
  switch (remaining.kind) {
    case 'overdue':
      return (
        <Tag color="red">
          {remaining.days === 0 ? t('memberDue.overdue') : t(working ? 'memberDue.overdueWorkingDays' : 'memberDue.overdueDays', { count: remaining.days })}
        </Tag>
      );
    case 'today':
      return <Tag color="orange">{t('memberDue.today')}</Tag>;
    case 'left':
      return <Tag color={remaining.days <= 7 ? 'gold' : 'default'}>{t(working ? 'memberDue.workingDaysLeft' : 'memberDue.daysLeft', { count: remaining.days })}</Tag>;
  }
}
