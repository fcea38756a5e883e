// Only the bar and line charts, the grid, legend and tooltip of ECharts, drawn on canvas: this module is loaded lazily by the
// stats page so the board never pays for it.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface RateBar {
  name: string;
  /** Percent, 0–100. */
  percent: number;
}

export function drawRateChart(element: HTMLElement, bars: RateBar[], seriesName: string): () => void {
  const chart = init(element, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisLabel: { fontSize: 14 } },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 28,
        data: bars.map((b) => ({
          value: Number(b.percent.toFixed(1)),
          // Below the 100 % target is what needs attention; colour repeats what the labels already say.
          itemStyle: { color: b.percent >= 100 ? '#1b7f3b' : b.percent >= 90 ? '#b26b00' : '#c62828' },
        })),
        label: { show: true, position: 'right', formatter: '{c}%', fontSize: 14 },
      },
    ],
  });
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    chart.dispose();
  };
}

export interface TrendPoint {
  day: string;
  /** Percent 0–100, or undefined on a day nothing came due (a gap in the line, not a drop to 0). */
  percent: number | undefined;
  due: number;
}

/** Daily on-time rate (line, left axis) over the number of clocks that came due (bars, right axis). */
export function drawTrendChart(
  element: HTMLElement,
  points: TrendPoint[],
  names: { rate: string; due: string },
): () => void {
  const chart = init(element, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    legend: { top: 0, data: [names.rate, names.due] },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => p.day.slice(5)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: names.due,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: '#9aa5b1' },
        data: points.map((p) => p.due),
      },
      {
        name: names.rate,
        type: 'line',
        connectNulls: false,
        itemStyle: { color: '#1f4e79' },
        data: points.map((p) => (p.percent === undefined ? null : Number(p.percent.toFixed(1)))),
      },
    ],
  });
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    chart.dispose();
  };
}
