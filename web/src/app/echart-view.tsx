import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, getInstanceByDom, init, use as registerChartParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

registerChartParts([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface Props {
  readonly option: EChartsCoreOption;
  readonly height: number;
  /** What the chart shows, for screen readers and tests. */
  readonly label: string;
  readonly testId?: string;
}

/** An ECharts chart (bars or pie, SVG) that follows its container's width. */
export function EChartView({ option, height, label, testId }: Props) {
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
    getInstanceByDom(element.current)?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />;
}
