// The report's charts (ECharts, loaded lazily by the report page): the month-on-month trend of
// cases received and resolved (bars) with the resolution rate (line), and one breakdown as bars.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function mount(element: HTMLElement, option: Record<string, unknown>): () => void {
  const chart = init(element, undefined, { renderer: 'canvas' });
  chart.setOption({ animation: false, ...option });
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    chart.dispose();
  };
}

export interface TrendMonth {
  month: string;
  received: number;
  resolved: number;
  /** Percent 0–100, or undefined when nothing concluded that month (a gap, not a drop to 0). */
  rate: number | undefined;
}

export function drawReportTrend(
  element: HTMLElement,
  months: TrendMonth[],
  names: { received: string; resolved: string; rate: string },
): () => void {
  return mount(element, {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: names.received, type: 'bar', barMaxWidth: 24, data: months.map((m) => m.received) },
      { name: names.resolved, type: 'bar', barMaxWidth: 24, data: months.map((m) => m.resolved) },
      {
        name: names.rate,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: months.map((m) => (m.rate === undefined ? null : Number(m.rate.toFixed(1)))),
      },
    ],
  });
}

export function drawBreakdownBars(
  element: HTMLElement,
  bars: { name: string; received: number; resolved: number }[],
  names: { received: string; resolved: string },
): () => void {
  return mount(element, {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisLabel: { fontSize: 13 } },
    series: [
      { name: names.received, type: 'bar', barMaxWidth: 20, data: bars.map((b) => b.received) },
      { name: names.resolved, type: 'bar', barMaxWidth: 20, data: bars.map((b) => b.resolved) },
    ],
  });
}
