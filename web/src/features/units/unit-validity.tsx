import type { UnitNode } from '@tcxd/contract';
import { Tag, Typography } from 'antd';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** "Từ 01/01/2021 · đang hoạt động" or "Từ 01/01/2021 · chấm dứt từ 01/07/2025". */
export function UnitValidity({ unit }: { readonly unit: Pick<UnitNode, 'validFrom' | 'validTo'> }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary">
      {t('units.validFromDate', { date: formatDate(unit.validFrom) })}
      {' · '}
      {unit.validTo ? (
        <Tag color="default" style={{ marginInlineEnd: 0 }}>
          {t('units.endedOn', { date: formatDate(unit.validTo) })}
        </Tag>
      ) : (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('units.open')}
        </Tag>
      )}
    </Typography.Text>
  );
}
