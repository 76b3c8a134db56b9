// The coming weeks' work from GET /api/forecast: user tasks per week, stacked by the role that will work them, and the
// annual value of contracts coming to their end per month. The numbers behind the chart are one click away.

import {el} from '../../../clo/scripts/dom.js';
import {COLORS} from '../../../clo/scripts/charts.js';
import {count, day, money, month} from './format.js';

/** The roles in the order of the journey, with the names the teams use; a role the API adds later comes last. */
const ROLES = [
  ['sdr', 'SDR'], ['ae', 'AE'], ['deployment-consultant', 'Deployment consultant'], ['am', 'AM'], ['csm', 'CSM'],
  ['renewal', 'Renewal'], ['support', 'Support']
];
const ROLE_LABELS = Object.fromEntries(ROLES);

/** Each role keeps its colour whichever roles have work in the weeks shown. */
function roleColor(role) {
  const index = ROLES.findIndex(([known]) => known === role);
  return COLORS.series[(index < 0 ? ROLES.length : index) % COLORS.series.length];
}

function rolesIn(weeks) {
  const present = new Set(weeks.flatMap(week => Object.keys(week.byRole || {})));
  const known = ROLES.map(([role]) => role).filter(role => present.has(role));
  return known.concat([...present].filter(role => !ROLE_LABELS[role]).sort());
}

function tasks(week, role) {
  const work = (week.byRole || {})[role];
  return work ? work.tasks : 0;
}

function numbersTable(weeks, roles) {
  return el('details', {class: 'clo-numbers'},
    el('summary', {text: 'Numbers per week'}),
    el('table', {class: 'table table-condensed', id: 'clo-forecast-table'},
      el('thead', {}, el('tr', {}, el('th', {text: 'Week of'}), roles.map(role => el('th', {text: ROLE_LABELS[role] || role})))),
      el('tbody', {}, weeks.map(week => el('tr', {},
        el('td', {text: day(week.weekStart, true)}),
        roles.map(role => {
          const work = (week.byRole || {})[role];
          // the task names behind the number, as a tooltip
          const kinds = work ? Object.entries(work.kinds || {}).map(([kind, n]) => n + ' × ' + kind).join('\n') : '';
          return el('td', {text: count(tasks(week, role)), title: kinds || null});
        }))))));
}

/** The forecast section: the stacked weekly chart with each role's total, and the renewal value per month. */
export function forecastSection(forecast, board, currency) {
  const weeks = forecast.weeks || [];
  const roles = rolesIn(weeks);
  const total = weeks.reduce((sum, week) => sum + roles.reduce((weekSum, role) => weekSum + tasks(week, role), 0), 0);
  const months = forecast.renewalValueByMonth || [];
  const dueValue = months.reduce((sum, each) => sum + Number(each.annualValue || 0), 0);
  const dueContracts = months.reduce((sum, each) => sum + (each.contracts || 0), 0);

  const roleTotals = el('ul', {class: 'clo-role-totals', id: 'clo-forecast-roles'},
    roles.map(role => el('li', {'data-role': role},
      el('span', {class: 'clo-swatch', style: 'background: ' + roleColor(role)}),
      (ROLE_LABELS[role] || role) + ' ',
      el('strong', {class: 'clo-role-tasks', text: count(weeks.reduce((sum, week) => sum + tasks(week, role), 0))}))));

  return el('div', {class: 'clo-cards clo-forecast', id: 'clo-forecast'},
    el('div', {class: 'clo-card clo-card-wide', id: 'clo-forecast-work'},
      el('h4', {class: 'clo-card-title'}, 'Work coming in', el('small', {text: ' next ' + weeks.length + ' weeks'})),
      el('div', {class: 'clo-figures'},
        el('div', {class: 'clo-figure', 'data-kpi': 'forecast.tasks'},
          el('span', {class: 'clo-figure-value', id: 'clo-forecast-total', text: count(total)}),
          el('span', {class: 'clo-figure-label', text: 'Tasks the timers will create'})),
        roleTotals),
      roles.length === 0 ? el('p', {class: 'clo-chart-empty', text: 'No work is scheduled in these weeks.'})
        : board.bar('clo-chart-large', {
          categories: weeks.map(week => day(week.weekStart)),
          stacked: true,
          legend: false, // the role totals above are the legend
          series: roles.map(role => ({name: ROLE_LABELS[role] || role, color: roleColor(role),
            values: weeks.map(week => tasks(week, role))}))
        }),
      numbersTable(weeks, roles)),
    el('div', {class: 'clo-card', id: 'clo-forecast-renewals'},
      el('h4', {class: 'clo-card-title'}, 'Renewals coming due', el('small', {text: ' annual value per month'})),
      el('div', {class: 'clo-figures'},
        el('div', {class: 'clo-figure', 'data-kpi': 'forecast.renewalValue'},
          el('span', {class: 'clo-figure-value', text: money(dueValue, currency)}),
          el('span', {class: 'clo-figure-label', text: count(dueContracts) + (dueContracts === 1 ? ' contract' : ' contracts')}))),
      dueContracts === 0 ? el('p', {class: 'clo-chart-empty', text: 'No contract ends in these weeks.'})
        : board.bar('clo-chart-large', {
          categories: months.map(each => month(each.month)),
          series: [{name: 'Annual value', values: months.map(each => Number(each.annualValue || 0)), color: COLORS.yellow}],
          format: value => money(value, currency)
        })));
}
