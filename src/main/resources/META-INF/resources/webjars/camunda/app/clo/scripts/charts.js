// Charts for the product's webapp plugins, drawn by ECharts. The library comes from the application's own webjar
// (org.webjars.npm:echarts, its ES module build) and is loaded once, only when a page first draws a chart: nothing is
// fetched from anywhere else. Charts are drawn as SVG, so their labels are text in the page.

import {contextRoot, el} from './dom.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

/** The same colours for the same things on every chart. */
export const COLORS = {
  series: ['#337ab7', '#5cb85c', '#f0ad4e', '#9b59b6', '#5bc0de', '#16a085', '#7f8c8d', '#e67e22'],
  red: '#d9534f',
  yellow: '#f0ad4e',
  green: '#5cb85c',
  muted: '#bbbbbb'
};

let library = null;

/** ECharts' module; a failed load is tried again next time. */
export function loadCharts() {
  if (!library) {
    library = import(contextRoot() + ECHARTS).catch(error => {
      library = null;
      throw new Error('The chart library could not be loaded (' + error.message + ').');
    });
  }
  return library;
}

/**
 * The charts of one page: draws bar charts into containers and follows their size, and disposes of them all at once
 * when the page goes. Without the library (it failed to load) each chart is a short note instead; the figures stay.
 */
export class ChartBoard {
  constructor(echarts) {
    this.echarts = echarts;
    this.charts = [];
    this.observer = typeof ResizeObserver === 'function'
      ? new ResizeObserver(entries => entries.forEach(entry => {
        const chart = this.echarts && this.echarts.getInstanceByDom(entry.target);
        if (chart) {
          chart.resize();
        }
      }))
      : null;
  }

  /**
   * A bar chart in a new element of the given CSS class (its height comes from the stylesheet).
   * @param {object} spec categories: the labels along the axis; series: [{name, values, color?}]; stacked: stack the
   *   series; horizontal: bars from the left (long category names); colors: one colour per category (one series only);
   *   format: how values read in tooltips and labels; labels: the value at the end of each bar; legend: false to
   *   leave the series' legend out (the page has its own).
   */
  bar(className, spec) {
    const node = el('div', {class: 'clo-chart ' + (className || '')});
    if (!this.echarts) {
      node.appendChild(el('p', {class: 'text-muted', text: 'Chart not available.'}));
      return node;
    }
    // Drawn once the element is in the page and has its width.
    requestAnimationFrame(() => this.draw(node, spec));
    return node;
  }

  draw(node, spec) {
    if (!node.isConnected || this.disposed) {
      return;
    }
    const chart = this.echarts.init(node, null, {renderer: 'svg'});
    chart.setOption(barOption(spec));
    this.charts.push(chart);
    if (this.observer) {
      this.observer.observe(node);
    }
  }

  dispose() {
    this.disposed = true;
    if (this.observer) {
      this.observer.disconnect();
    }
    this.charts.forEach(chart => chart.dispose());
    this.charts = [];
  }
}

function barOption({categories, series, stacked, horizontal, colors, format, labels, legend}) {
  const withLegend = series.length > 1 && legend !== false;
  const formatValue = format || (value => String(value));
  const categoryAxis = {type: 'category', data: categories, axisTick: {show: false},
    axisLabel: {interval: 0, hideOverlap: true, fontSize: 11}};
  const valueAxis = {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eeeeee'}},
    axisLabel: {fontSize: 11, formatter: value => formatValue(value)}};
  return {
    animation: false,
    color: COLORS.series,
    textStyle: {fontFamily: 'inherit'},
    grid: {left: 8, right: 16, top: withLegend ? 28 : 10, bottom: 4, containLabel: true},
    legend: withLegend ? {top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: {fontSize: 11}} : undefined,
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => formatValue(value)},
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? Object.assign({}, categoryAxis, {inverse: true}) : valueAxis,
    series: series.map(one => ({
      type: 'bar',
      name: one.name,
      stack: stacked ? 'total' : undefined,
      barMaxWidth: 28,
      itemStyle: one.color ? {color: one.color} : undefined,
      label: labels ? {show: true, position: horizontal ? 'right' : 'top', fontSize: 11,
        formatter: params => (params.value ? formatValue(params.value) : '')} : undefined,
      data: one.values.map((value, index) => colors && series.length === 1
        ? {value, itemStyle: {color: colors[index]}} : value)
    }))
  };
}
