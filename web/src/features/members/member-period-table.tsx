import type { MemberStats } from '@tcxd/contract';
import { Table } from 'antd';
import { formatNumber } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Period = MemberStats['period'];
type Movement = Exclude<keyof Period, 'from' | 'to'>;

const movements: readonly Movement[] = ['admitted', 'recognised', 'transferredIn', 'transferredOut', 'removed', 'expelled', 'died'];

/** The movements of the period: admitted, recognised, transferred in and out, removed, expelled, died. */
export function MemberPeriodTable({ period }: { readonly period: Period }) {
  const { t, locale } = useI18n();
  return (
    <Table<{ readonly key: Movement; readonly count: number }>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={movements.map((key) => ({ key, count: period[key] }))}
      columns={[
        { title: t('memberStats.movement'), key: 'movement', render: (_, r) => t(`memberStats.period.${r.key}`) },
        { title: t('memberStats.count'), key: 'count', align: 'right', width: 160, render: (_, r) => formatNumber(r.count, locale) },
      ]}
    />
  );
}
