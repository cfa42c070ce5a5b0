import dayjs from 'dayjs';
import { useMemo } from 'react';
import { EChartView } from '../../app/echart-view.tsx';
import { brandColor } from '../../app/theme.ts';
import { type DayCount, fillDays } from './audit-days.ts';

/** Bar chart of audit events per day. */
export function AuditActivityChart({ rows, seriesName }: { readonly rows: readonly DayCount[]; readonly seriesName: string }) {
  const option = useMemo(() => {
    const days = fillDays(rows);
    return {
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => dayjs(d.day).format('DD/MM')), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: seriesName, type: 'bar', data: days.map((d) => d.count), itemStyle: { color: brandColor, borderRadius: [4, 4, 0, 0] }, barMaxWidth: 36 }],
    };
  }, [rows, seriesName]);
  return <EChartView option={option} height={260} label={seriesName} />;
}
