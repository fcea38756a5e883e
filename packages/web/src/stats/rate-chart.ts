// Only the bar chart, the grid and the tooltip of ECharts, drawn on canvas: this module is loaded lazily by the
// stats page so the board never pays for it.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

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
