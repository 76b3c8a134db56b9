// Cockpit's KPI dashboard (plugin point cockpit.dashboard, on Cockpit's start page) for managers, process owners and
// administrators: the KPIs of a period per role (GET /api/kpis) with a period picker, and the coming weeks' work and
// renewals (GET /api/forecast). A thin view over our API, read with the Cockpit session: whoever may not read the KPIs
// (403) sees a one-line note and nothing else. The pieces live in ./dashboard/.

import {el} from '../../clo/scripts/dom.js';
import {ChartBoard, loadCharts} from '../../clo/scripts/charts.js';
import {problem, read} from './dashboard/api.js';
import {day} from './dashboard/format.js';
import {forecastSection} from './dashboard/forecast.js';
import {kpiCards} from './dashboard/kpi-cards.js';
import {QUICK_CHOICES, quickChoiceOf, today} from './dashboard/period.js';

const FORECAST_WEEKS = 13;

function alert(kind, text) {
  return el('div', {class: 'alert alert-' + kind + ' clo-dashboard-alert', role: 'alert', text});
}

class KpiDashboard {
  constructor(node) {
    this.node = node;
    this.stopped = false;
    this.periodsAsked = 0;
    this.kpiBoard = null;
    this.forecastBoard = null;
    this.timeZone = undefined;
    this.currency = undefined;
  }

  async start() {
    this.node.innerHTML = '';
    this.root = el('div', {id: 'clo-dashboard', class: 'clo-dashboard', 'data-state': 'loading'},
      el('p', {class: 'text-muted', text: 'Loading the KPIs…'}));
    this.node.appendChild(this.root);
    let kpis;
    let forecast;
    let echarts;
    try {
      // the three at once; the first answer of /api/kpis covers the default period (the last 90 days)
      [kpis, forecast, echarts] = await Promise.all([read('/kpis'), read('/forecast?weeks=' + FORECAST_WEEKS),
        loadCharts().catch(() => null)]);
    } catch (noAnswer) {
      this.fail('The KPIs could not be read: ' + noAnswer.message);
      return;
    }
    if (this.stopped) {
      return;
    }
    if (kpis.status === 401 || kpis.status === 403) {
      this.noAccess(kpis.status);
      return;
    }
    this.echarts = echarts;
    this.layout(echarts);
    if (kpis.status === 200) {
      this.timeZone = kpis.body.timeZone;
      this.currency = kpis.body.currency;
      this.showKpis(kpis.body);
    } else {
      // the forecast is worth showing all the same
      this.kpis.appendChild(alert('danger', 'The KPIs could not be read: ' + problem(kpis)));
    }
    this.showForecast(forecast);
    this.root.setAttribute('data-state', 'ready');
  }

  stop() {
    this.stopped = true;
    [this.kpiBoard, this.forecastBoard].filter(Boolean).forEach(board => board.dispose());
  }

  /** Not for this user: one quiet line instead of the dashboard. */
  noAccess(status) {
    this.root.innerHTML = '';
    this.root.setAttribute('data-state', 'no-access');
    this.root.appendChild(el('p', {class: 'text-muted', id: 'clo-dashboard-note', text: status === 401
      ? 'Your Cockpit login has expired: log in again to see the KPI dashboard.'
      : 'The KPI dashboard is for managers, process owners and administrators.'}));
  }

  fail(message) {
    this.root.innerHTML = '';
    this.root.setAttribute('data-state', 'error');
    this.root.appendChild(alert('danger', message));
  }

  layout(echarts) {
    this.root.innerHTML = '';
    this.from = el('input', {type: 'date', id: 'clo-period-from', class: 'form-control input-sm', required: true});
    this.to = el('input', {type: 'date', id: 'clo-period-to', class: 'form-control input-sm', required: true});
    this.quick = el('div', {class: 'btn-group btn-group-sm clo-period-quick', role: 'group'},
      QUICK_CHOICES.map(choice => el('button', {type: 'button', class: 'btn btn-default', 'data-choice': choice.id,
        text: choice.label, onclick: () => this.choose(choice.period(today(this.timeZone)))})));
    this.message = el('div', {id: 'clo-period-message'});
    this.kpis = el('div', {id: 'clo-kpis'});
    this.forecast = el('div', {id: 'clo-forecast-area'});
    [
      el('div', {class: 'clo-dashboard-head'},
        el('h3', {class: 'clo-dashboard-title', text: 'Customer lifecycle KPIs'}),
        el('form', {class: 'form-inline clo-period', id: 'clo-period', onsubmit: event => {
          event.preventDefault();
          this.choose({from: this.from.value, to: this.to.value});
        }},
        el('label', {for: 'clo-period-from', text: 'From'}), ' ', this.from, ' ',
        el('label', {for: 'clo-period-to', text: 'to'}), ' ', this.to, ' ',
        el('button', {type: 'submit', class: 'btn btn-primary btn-sm', id: 'clo-period-show', text: 'Show'}), ' ',
        this.quick)),
      this.message,
      echarts ? null : alert('warning', 'The charts could not be loaded; the figures are complete.'),
      this.kpis,
      el('h3', {class: 'clo-dashboard-title', text: 'The coming weeks'}),
      this.forecast
    ].filter(Boolean).forEach(part => this.root.appendChild(part));
  }

  /** Reads the KPIs of another period; a refused period (400) is said under the picker and the cards stay. */
  async choose(period) {
    this.message.innerHTML = '';
    if (!period.from || !period.to) {
      this.message.appendChild(alert('warning', 'Pick both days of the period.'));
      return;
    }
    this.root.setAttribute('data-state', 'loading');
    // only the last period asked for is shown, whichever answer comes last
    const asked = ++this.periodsAsked;
    let answer;
    try {
      answer = await read('/kpis?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to));
    } catch (noAnswer) {
      answer = {status: 0, body: {detail: noAnswer.message}};
    }
    if (this.stopped || asked !== this.periodsAsked) {
      return;
    }
    if (answer.status === 200) {
      this.showKpis(answer.body);
    } else if (answer.status === 401 || answer.status === 403) {
      this.noAccess(answer.status);
      return;
    } else {
      this.message.appendChild(alert('warning', 'That period cannot be shown: ' + problem(answer)));
    }
    this.root.setAttribute('data-state', 'ready');
  }

  showKpis(kpis) {
    if (this.kpiBoard) {
      this.kpiBoard.dispose();
    }
    this.kpiBoard = new ChartBoard(this.echarts);
    this.from.value = kpis.from;
    this.to.value = kpis.to;
    const chosen = quickChoiceOf({from: kpis.from, to: kpis.to}, today(this.timeZone));
    this.quick.querySelectorAll('button').forEach(button =>
      button.classList.toggle('active', chosen !== null && button.getAttribute('data-choice') === chosen.id));
    this.kpis.innerHTML = '';
    this.kpis.setAttribute('data-from', kpis.from);
    this.kpis.setAttribute('data-to', kpis.to);
    this.kpis.append(
      el('p', {class: 'clo-period-said', id: 'clo-period-said',
        text: day(kpis.from, true) + ' – ' + day(kpis.to, true) + (kpis.timeZone ? ' (' + kpis.timeZone + ')' : '')}),
      kpiCards(kpis, this.kpiBoard));
  }

  showForecast(answer) {
    this.forecast.innerHTML = '';
    if (answer.status !== 200) {
      this.forecast.appendChild(alert('warning', 'The forecast could not be read: ' + problem(answer)));
      return;
    }
    this.forecastBoard = new ChartBoard(this.echarts);
    this.forecast.appendChild(forecastSection(answer.body, this.forecastBoard, this.currency));
  }
}

let current = null;

export default {
  id: 'clo.kpiDashboard',
  pluginPoint: 'cockpit.dashboard',
  label: 'KPIs',
  priority: 10,
  render: node => {
    if (current) {
      current.stop();
    }
    current = new KpiDashboard(node);
    current.start();
  },
  unmount: () => {
    if (current) {
      current.stop();
      current = null;
    }
  }
};
