/**
 * The dashboard's charts on Apache ECharts (canvas renderer): seizures per year, the most seized taxa, and the
 * routes from origin to destination as a Sankey diagram. Only the ECharts parts used here are imported, and this
 * module is loaded lazily (with the map) so the rest of the app does not carry the charting library.
 *
 * Kept free of zod schemas on purpose (types only): a lazily loaded chunk that shared the contracts with the
 * main one would move them into a chunk evaluated before zod is switched to its CSP-safe mode (routes.tsx).
 */
import { BarChart, SankeyChart, type BarSeriesOption, type SankeySeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadChartImage } from '../exports/chart-image.ts';

use([BarChart, SankeyChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | SankeySeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

const TEAL = '#006571';
const AXIS_TEXT = '#495057';

interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the figures are also in the table beside it). */
  label: string;
  testId: string;
}

/** An ECharts instance in a div: created once, updated with each option, resized with its box. */
function EChart({ option, height, label, testId }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return undefined;
    const chart = init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // Readers who ask their system for less motion get the charts drawn at once, without growing bars.
    const isCalm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chartRef.current?.setOption({ ...option, animation: !isCalm }, { notMerge: true });
  }, [option]);

  const { t } = useTranslation();
  // A chart taken out carries its title, the citation and the designations disclaimer (terms of use).
  const download = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const date = new Date().toISOString().slice(0, 10);
    void downloadChartImage(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), {
      title: label,
      notes: [t('exports.chartImage.citation', { date }), t('exports.chartImage.disclaimer')],
      fileName: `itd-${testId}-${date}.png`,
    });
  };

  return (
    <div>
      <div
        ref={boxRef}
        className="itd-chart"
        style={{ height }}
        role="img"
        aria-label={label}
        data-testid={testId}
      />
      <button
        type="button"
        className="itd-chart__download"
        onClick={download}
        data-testid={`${testId}-download`}
      >
        {t('exports.chartImage.download')}
      </button>
    </div>
  );
}

export interface BarDatum {
  label: string;
  count: number;
}

/** Seizures per year: a column per year, years without seizures included (as 0) so gaps show. */
export function TrendChart({ data, label, locale }: { data: BarDatum[]; label: string; locale: string }) {
  const numbers = new Intl.NumberFormat(locale);
  const option: ChartOption = {
    aria: { enabled: false },
    grid: { left: 8, right: 12, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => numbers.format(Number(value)) },
    xAxis: { type: 'category', data: data.map((d) => d.label), axisLabel: { color: AXIS_TEXT } },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: AXIS_TEXT, formatter: (value: number) => numbers.format(value) },
    },
    series: [{ type: 'bar', data: data.map((d) => d.count), itemStyle: { color: TEAL }, barMaxWidth: 40 }],
  };
  return <EChart option={option} height={240} label={label} testId="trend-chart" />;
}

/** The most seized taxa, largest on top. */
export function TopTaxaChart({ data, label, locale }: { data: BarDatum[]; label: string; locale: string }) {
  const numbers = new Intl.NumberFormat(locale);
  const reversed = [...data].reverse();
  const option: ChartOption = {
    aria: { enabled: false },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => numbers.format(Number(value)) },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
    yAxis: {
      type: 'category',
      data: reversed.map((d) => d.label),
      axisLabel: { color: AXIS_TEXT, fontStyle: 'italic', width: 130, overflow: 'truncate' },
    },
    series: [{ type: 'bar', data: reversed.map((d) => d.count), itemStyle: { color: '#d7301f' } }],
  };
  return (
    <EChart option={option} height={Math.max(160, data.length * 26 + 24)} label={label} testId="taxa-chart" />
  );
}

export interface RouteDatum {
  from: string;
  to: string;
  count: number;
}

/**
 * Routes origin → destination as a Sankey diagram. Origins and destinations are separate nodes (a country can be
 * both), which also keeps the graph free of cycles, as a Sankey diagram requires.
 */
export function RouteChart({ data, label, locale }: { data: RouteDatum[]; label: string; locale: string }) {
  const numbers = new Intl.NumberFormat(locale);
  const origins = [...new Set(data.map((d) => d.from))];
  const destinations = [...new Set(data.map((d) => d.to))];
  const option: ChartOption = {
    aria: { enabled: false },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        if (!item) return '';
        const value = numbers.format(Number(item.value));
        const link = item.data as { source?: string; target?: string } | undefined;
        return item.dataType === 'edge' && link?.source && link.target
          ? `${sideless(link.source)} → ${sideless(link.target)}: ${value}`
          : `${sideless(item.name)}: ${value}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        nodeWidth: 12,
        nodeGap: 10,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.45 },
        label: { color: '#212529', fontSize: 12, formatter: (params) => sideless(params.name) },
        data: [
          ...origins.map((name) => ({ name: `${FROM}${name}`, itemStyle: { color: TEAL } })),
          // Destinations are the last column: their labels go on the left, inside the chart.
          ...destinations.map((name) => ({
            name: `${TO}${name}`,
            itemStyle: { color: '#d7301f' },
            label: { position: 'left' as const },
          })),
        ],
        links: data.map((d) => ({ source: `${FROM}${d.from}`, target: `${TO}${d.to}`, value: d.count })),
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={Math.max(220, Math.max(origins.length, destinations.length) * 28)}
      label={label}
      testId="route-chart"
    />
  );
}

// Node names carry their side to stay distinct (a country can be an origin and a destination); shown without it.
const FROM = '\u2192from:';
const TO = '\u2192to:';
function sideless(name: string): string {
  return name.startsWith(FROM) ? name.slice(FROM.length) : name.startsWith(TO) ? name.slice(TO.length) : name;
}
