import dayjs from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { getInstanceByDom, init, use as registerChartParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { brandColor } from '../../app/theme.ts';
import { type DayCount, fillDays } from './audit-days.ts';

registerChartParts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Bar chart of audit events per day. */
export function AuditActivityChart({ rows, seriesName }: { readonly rows: readonly DayCount[]; readonly seriesName: string }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    if (!element.current) return;
    const chart = getInstanceByDom(element.current);
    const days = fillDays(rows);
    chart?.setOption({
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => dayjs(d.day).format('DD/MM')), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: seriesName, type: 'bar', data: days.map((d) => d.count), itemStyle: { color: brandColor, borderRadius: [4, 4, 0, 0] }, barMaxWidth: 36 }],
    });
  }, [rows, seriesName]);

  return <div ref={element} style={{ width: '100%', height: 260 }} role="img" aria-label={seriesName} />;
}
