// Tasklist's "Customer" tab (plugin point tasklist.task.detail): for the open task's customer or lead, the journey as a
// person reads it — company, stage, owners, contract and end date, health, the next dates the journey's timers hold,
// the other open work of every role, open support cases and the timeline. Read from GET /api/tasks/{id}/journey with
// the logged-in user's Tasklist session: the same rights apply (a task the user may not see shows nothing).

import {apiBase, contextRoot, el} from '../../clo/scripts/dom.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A day; a date without time (a contract's end date) is that calendar day wherever the browser is. */
function day(value) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleDateString(undefined, {year: 'numeric', month: 'short', day: 'numeric',
    timeZone: DATE_ONLY.test(value) ? 'UTC' : undefined});
}

/** Whole days from today to a date without time. */
function daysUntil(dateOnly) {
  const now = new Date();
  return Math.round((Date.parse(dateOnly) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86400000);
}

function moment(value) {
  return value ? new Date(value).toLocaleString(undefined, {year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit'}) : '';
}

function money(value) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString(undefined,
    {maximumFractionDigits: 2}) + ' a year';
}

const STAGES = {
  lead: 'Trial lead', sales: 'In sales', lost: 'Lost', onboarding: 'Onboarding', customer: 'Customer',
  'renewal-window': 'In the renewal window', churned: 'Churned'
};

function section(title, id, ...content) {
  return el('section', {id, style: 'margin-bottom: 14px'}, el('h4', {text: title, style: 'margin: 8px 0 4px'}), content);
}

function definitionList(pairs) {
  return el('dl', {class: 'dl-horizontal', style: 'margin-bottom: 0'},
    pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([label, value]) => [el('dt', {text: label}), el('dd', {text: String(value)})]));
}

function table(headers, rows, id) {
  if (rows.length === 0) {
    return el('p', {class: 'text-muted', id, text: 'None.'});
  }
  return el('table', {class: 'table table-condensed', id},
    el('thead', {}, el('tr', {}, headers.map(header => el('th', {text: header})))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(cell => el('td', {text: cell === null ? '' : String(cell)}))))));
}

const VIEWER = '/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js';
let viewerLoaded = null;

/** bpmn-js's viewer (a UMD bundle defining window.BpmnJS), loaded once from the application's webjar. */
function loadViewer() {
  if (!viewerLoaded) {
    viewerLoaded = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = contextRoot() + VIEWER;
      script.onload = () => resolve(window.BpmnJS);
      script.onerror = () => reject(new Error('cannot load the diagram viewer'));
      document.head.appendChild(script);
      const style = document.createElement('style');
      style.textContent = '.clo-current:not(.djs-connection) .djs-visual > :nth-child(1) ' +
        '{ stroke: #d9534f !important; stroke-width: 4px !important; fill: #fcf0f0 !important; }';
      document.head.appendChild(style);
    });
  }
  return viewerLoaded;
}

/** The customer-journey diagram with the customer's current stage(s) highlighted. */
async function drawMap(container, map, api) {
  const response = await fetch(api.engineApi + '/process-definition/' + encodeURIComponent(map.processDefinitionId) +
    '/xml', {credentials: 'same-origin', headers: {'Accept': 'application/json'}});
  if (!response.ok) {
    throw new Error(response.status + ' cannot read the journey diagram');
  }
  const diagram = await response.json();
  const BpmnJS = await loadViewer();
  const viewer = new BpmnJS({container});
  await viewer.importXML(diagram.bpmn20Xml);
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  map.activityIds.forEach(id => canvas.addMarker(id, 'clo-current'));
}

function render(node, journey, taskId, api) {
  const contract = journey.contract;
  const daysLeft = contract ? daysUntil(contract.endDate) : null;
  node.appendChild(el('div', {id: 'clo-customer', style: 'padding: 10px 15px'},
    el('h3', {id: 'clo-customer-company', style: 'margin-top: 0'}, journey.company, ' ',
      el('span', {class: 'label label-info', id: 'clo-customer-stage', text: STAGES[journey.stage] || journey.stage})),
    definitionList([['Status', journey.status], ['Touch tier', journey.touchTier]]),
    section('Owners', 'clo-customer-owners', definitionList([
      ['SDR', journey.owners.sdr], ['Account executive', journey.owners.ae],
      ['Account manager', journey.owners.accountManager], ['CSM', journey.owners.csm],
      ['Renewal manager', journey.owners.renewalManager]])),
    contract ? section('Contract', 'clo-customer-contract', definitionList([
      ['Version', contract.version], ['Plan', contract.plan], ['Seats', contract.seats],
      ['Annual value', money(contract.annualValue)], ['Starts', day(contract.startDate)],
      ['Ends', day(contract.endDate) + (daysLeft !== null ? ' (' + daysLeft + ' days)' : '')]])) : null,
    journey.health ? section('Health', 'clo-customer-health', definitionList([
      ['Last check-in', journey.health.score + ' (' + journey.health.band + ')' +
        (journey.health.at ? ', ' + day(journey.health.at) : '')]])) : null,
    section('Next dates', 'clo-customer-upcoming',
      table(['When', 'What'], journey.upcoming.map(timer => [moment(timer.at), timer.what]))),
    section('Other open work', 'clo-customer-open-tasks',
      table(['Task', 'Role', 'Assignee', 'Due'], journey.openTasks.filter(task => task.taskId !== taskId)
        .map(task => [task.name, task.candidateGroups.join(', '), task.assignee, day(task.due)]))),
    section('Open support cases', 'clo-customer-support-cases',
      table(['Opened', 'Subject', 'Category'], journey.supportCases.filter(supportCase => supportCase.status === 'open')
        .map(supportCase => [day(supportCase.openedAt), supportCase.subject, supportCase.category]))),
    section('Timeline', 'clo-customer-timeline',
      table(['When', 'What', 'Who', 'Detail'], journey.timeline.map(event =>
        [moment(event.at), event.what, event.who, event.detail])))));
  if (journey.map) {
    const canvas = el('div', {id: 'clo-customer-map-canvas', style: 'height: 260px; border: 1px solid #ddd'});
    const mapSection = section('Journey map', 'clo-customer-map', canvas);
    const customer = node.querySelector('#clo-customer');
    customer.insertBefore(mapSection, customer.querySelector('#clo-customer-owners'));
    drawMap(canvas, journey.map, api).catch(error =>
      canvas.appendChild(el('p', {class: 'text-muted', text: 'The journey map could not be drawn: ' + error.message})));
  }
}

export default {
  id: 'clo.customer',
  pluginPoint: 'tasklist.task.detail',
  label: 'Customer',
  priority: 5,
  render: (node, {api, taskId}) => {
    node.innerHTML = '';
    fetch(apiBase() + '/tasks/' + encodeURIComponent(taskId) + '/journey', {
      credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}
    }).then(async response => {
      if (response.status === 404) {
        node.appendChild(el('p', {class: 'text-muted', style: 'padding: 10px 15px', id: 'clo-customer-none',
          text: 'This task belongs to no customer or lead.'}));
        return;
      }
      if (!response.ok) {
        throw new Error(response.status === 401 ? 'Your Tasklist login has expired: log in again.'
          : response.status + ' ' + response.statusText);
      }
      render(node, await response.json(), taskId, api);
    }).catch(error => node.appendChild(el('div', {class: 'alert alert-danger', id: 'clo-customer-error',
      text: 'The customer\'s journey could not be read: ' + error.message})));
  }
};
