// Cockpit's "Migration" tab (plugin point cockpit.processDefinition.runtime.tab): a process owner sees the versions of
// the process with their running instances, runs a dry run of a migration to a newer version, maps activities that
// have no counterpart, migrates, and follows the batch until it is done. Everything goes through our API (/api/...)
// with the logged-in Cockpit user's session and CSRF token, so the same rights apply as anywhere else.

import {apiBase, el} from '../../clo/scripts/dom.js';

const POLL_MILLIS = 1000;

function csrfToken(api) {
  const cookie = document.cookie.split(';').map(part => part.trim()).find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

async function call(api, method, path, body) {
  const response = await fetch(apiBase() + path, {
    method,
    credentials: 'same-origin',
    headers: {
      'Accept': 'application/json, application/problem+json',
      'Content-Type': 'application/json',
      'X-XSRF-TOKEN': csrfToken(api),
      // a background request: when the login has expired, answer 401 without a Basic challenge (no browser dialog)
      'X-Requested-With': 'XMLHttpRequest'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (response.status === 401) {
    throw new Error('401 Your Cockpit login has expired: log in again.');
  }
  if (!response.ok) {
    const detail = json && (json.detail || json.title) ? (json.detail || json.title) : response.statusText;
    const fields = json && json.errors ? ' (' + json.errors.map(e => e.field + ': ' + e.message).join('; ') + ')' : '';
    throw new Error(response.status + ' ' + detail + fields);
  }
  return json;
}

function table(headers, rows, rowClass) {
  return el('table', {class: 'table table-condensed cam-table'},
    el('thead', {}, el('tr', {}, headers.map(header => el('th', {text: header})))),
    el('tbody', {}, rows.map((cells, index) => el('tr', {class: rowClass ? rowClass(index) : null},
      cells.map(cell => el('td', {}, cell === null || cell === undefined ? '' : cell))))));
}

function option(value, label, selected) {
  return el('option', {value: String(value), selected: selected || null, text: label});
}

class MigrationTab {
  constructor(node, api, processDefinitionId) {
    this.node = node;
    this.api = api;
    this.processDefinitionId = processDefinitionId;
    this.mappings = {};
    this.timer = null;
    this.stopped = false;
    this.dryRunRequest = null;
  }

  async start() {
    this.node.innerHTML = '';
    this.root = el('div', {id: 'clo-migration', style: 'padding: 10px 0'});
    this.node.appendChild(this.root);
    try {
      const response = await fetch(this.api.engineApi + '/process-definition/' + encodeURIComponent(this.processDefinitionId),
        {credentials: 'same-origin', headers: {Accept: 'application/json'}});
      if (!response.ok) {
        throw new Error(response.status + ' Cannot read the process definition ' + this.processDefinitionId);
      }
      const definition = await response.json();
      if (this.stopped) {
        return;
      }
      this.key = definition.key;
      this.currentVersion = definition.version;
      await this.loadVersions();
      this.render();
    } catch (error) {
      this.root.appendChild(this.alert('danger', error.message));
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async loadVersions() {
    this.process = await call(this.api, 'GET', '/process-versions/' + encodeURIComponent(this.key));
  }

  alert(kind, text, id) {
    return el('div', {class: 'alert alert-' + kind, id, role: 'alert', text});
  }

  render() {
    this.root.innerHTML = '';
    const versions = this.process.versions;
    this.root.appendChild(el('p', {},
      'Move the running instances of ', el('strong', {text: this.process.name + ' (' + this.key + ')'}),
      ' to another version of the diagram. Nothing moves before you confirm; a dry run shows what would move and what ' +
      'is blocked. Instances that cannot move stay on their version.'));
    this.versionsNode = this.versionsTable();
    this.root.appendChild(this.versionsNode);

    this.source = el('select', {id: 'clo-migration-source', class: 'form-control'},
      option('', 'every older version', true),
      versions.filter(version => version.version < this.process.latestVersion).map(version =>
        option(version.version, 'v' + version.version + ' (' + version.runningInstances + ' running)')));
    this.target = el('select', {id: 'clo-migration-target', class: 'form-control'},
      versions.map(version => option(version.version, 'v' + version.version, version.version === this.process.latestVersion)));
    this.variables = el('textarea', {id: 'clo-migration-variables', class: 'form-control', rows: 2,
      placeholder: '{"newVariable": "value"}  (optional: values a new step needs)'});
    this.dryRunButton = el('button', {id: 'clo-migration-dry-run', class: 'btn btn-default', type: 'button',
      text: 'Dry run', onclick: () => this.dryRun()});
    this.root.appendChild(el('form', {class: 'form-inline', onsubmit: event => event.preventDefault()},
      el('label', {for: 'clo-migration-source', text: 'From '}), ' ', this.source, ' ',
      el('label', {for: 'clo-migration-target', text: ' to '}), ' ', this.target, ' ', this.dryRunButton));
    this.root.appendChild(el('div', {style: 'margin-top: 8px'},
      el('label', {for: 'clo-migration-variables', text: 'Variables for the migrated instances'}), this.variables));
    // What was dry-run is what migrates: any change asks for a new dry run.
    const changed = () => {
      this.mappings = {};
      this.invalidate();
    };
    this.source.addEventListener('change', changed);
    this.target.addEventListener('change', changed);
    this.variables.addEventListener('input', () => this.invalidate());
    this.report = el('div', {id: 'clo-migration-report', style: 'margin-top: 12px'});
    this.progress = el('div', {id: 'clo-migration-progress', style: 'margin-top: 12px'});
    this.root.appendChild(this.report);
    this.root.appendChild(this.progress);
  }

  versionsTable() {
    return table(['Version', 'Deployed', 'Deployment', 'Running instances', 'Waiting at'],
      this.process.versions.map(version => [
        'v' + version.version + (version.version === this.process.latestVersion ? ' (latest)' : ''),
        version.deployedAt ? new Date(version.deployedAt).toLocaleString() : '',
        version.deploymentName || '',
        String(version.runningInstances),
        Object.entries(version.activityCounts || {}).map(([activity, count]) => activity + ': ' + count).join(', ')
      ]));
  }

  request(dryRun) {
    const body = {processKey: this.key, dryRun, mappings: this.mappings};
    if (this.source.value) {
      body.sourceVersion = Number(this.source.value);
    }
    body.targetVersion = Number(this.target.value);
    const variables = this.variables.value.trim();
    if (variables) {
      body.variables = JSON.parse(variables);
    }
    return body;
  }

  /** The inputs changed after the dry run: no migration before the next dry run. */
  invalidate() {
    this.dryRunRequest = null;
    const migrate = this.report.querySelector('#clo-migration-migrate');
    if (migrate) {
      migrate.remove();
      this.report.appendChild(el('p', {class: 'text-muted', text: 'Changed: run the dry run again before migrating.'}));
    }
    this.progress.innerHTML = '';
  }

  async dryRun() {
    this.report.innerHTML = '';
    this.progress.innerHTML = '';
    try {
      const request = this.request(true);
      const report = await call(this.api, 'POST', '/migrations', request);
      if (this.stopped) {
        return;
      }
      this.dryRunRequest = request;
      this.showReport(report);
    } catch (error) {
      this.report.appendChild(this.alert('danger', error.message, 'clo-migration-error'));
    }
  }

  showReport(report) {
    const instances = report.instances;
    this.report.appendChild(el('h4', {text: 'Dry run: to version ' + report.targetVersion}));
    this.report.appendChild(el('p', {id: 'clo-migration-summary',
      text: instances.total + ' running, ' + instances.migratable + ' can move, ' + instances.blocked + ' blocked.'}));
    if (report.blocked.length > 0) {
      this.report.appendChild(this.alert('warning',
        'Blocked instances wait in an activity with no counterpart in version ' + report.targetVersion +
        '. Map each activity to one of version ' + report.targetVersion + ' and run the dry run again, or leave them ' +
        'on their version.'));
      this.report.appendChild(table(['From', 'Activity', 'Instances', 'Why', 'Map to'],
        report.blocked.map(blocked => [
          'v' + blocked.sourceVersion,
          el('strong', {text: blocked.activityId}),
          String(blocked.instances),
          blocked.reason,
          this.mappingPicker(blocked.activityId, report.targetActivities)
        ]), () => 'danger clo-migration-blocked'));
    }
    if (Object.keys(this.mappings).length > 0) {
      this.report.appendChild(el('p', {id: 'clo-migration-mappings', text: 'Your mappings: ' +
        Object.entries(this.mappings).map(([from, to]) => from + ' → ' + to).join(', ')}));
    }
    this.report.appendChild(el('details', {},
      el('summary', {text: report.instructions.length + ' activity mappings (same id = same activity)'}),
      table(['From', 'Activity', 'Becomes'], report.instructions.map(instruction =>
        ['v' + instruction.sourceVersion, instruction.source, instruction.target]))));
    if (instances.migratable > 0) {
      this.report.appendChild(el('button', {id: 'clo-migration-migrate', class: 'btn btn-primary', type: 'button',
        text: 'Migrate ' + instances.migratable + ' instance(s)…', onclick: () => this.confirm(report)}));
    } else {
      this.report.appendChild(el('p', {id: 'clo-migration-nothing', text: 'Nothing to move.'}));
    }
  }

  mappingPicker(activityId, targetActivities) {
    const picker = el('select', {class: 'form-control input-sm clo-migration-map', 'data-activity': activityId},
      option('', '— choose —', !this.mappings[activityId]),
      targetActivities.map(activity => option(activity.id, (activity.name ? activity.name + ' ' : '') + '(' + activity.id + ')',
        this.mappings[activityId] === activity.id)));
    picker.addEventListener('change', () => {
      if (picker.value) {
        this.mappings[activityId] = picker.value;
      } else {
        delete this.mappings[activityId];
      }
      this.dryRunButton.textContent = 'Dry run again';
      this.invalidate();
    });
    return picker;
  }

  confirm(report) {
    this.progress.innerHTML = '';
    const question = el('div', {class: 'alert alert-info', id: 'clo-migration-confirm'},
      el('p', {text: 'Move ' + report.instances.migratable + ' running instance(s) of ' + this.key + ' to version ' +
        report.targetVersion + '? ' + (report.instances.blocked > 0 ? report.instances.blocked +
        ' blocked instance(s) stay on their version. ' : '') + 'The engine does the work in the background (Batches).'}),
      el('button', {id: 'clo-migration-confirm-yes', class: 'btn btn-danger', type: 'button', text: 'Yes, migrate',
        onclick: () => this.migrate()}), ' ',
      el('button', {id: 'clo-migration-confirm-no', class: 'btn btn-default', type: 'button', text: 'Cancel',
        onclick: () => { this.progress.innerHTML = ''; }}));
    this.progress.appendChild(question);
  }

  async migrate() {
    this.progress.innerHTML = '';
    const button = this.report.querySelector('#clo-migration-migrate');
    if (button) {
      button.disabled = true; // one migration per dry run: run the dry run again to move more
    }
    if (!this.dryRunRequest) {
      this.progress.appendChild(this.alert('warning', 'Run the dry run again before migrating.', 'clo-migration-error'));
      return;
    }
    try {
      const started = await call(this.api, 'POST', '/migrations', Object.assign({}, this.dryRunRequest, {dryRun: false}));
      if (this.stopped) {
        return;
      }
      this.bar = el('div', {class: 'progress-bar', role: 'progressbar', style: 'width: 0%; min-width: 2em',
        'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, text: '0%'});
      this.state = el('p', {id: 'clo-migration-state', text: 'Migration ' + started.migrationId + ' started.'});
      this.progress.appendChild(el('div', {class: 'progress', id: 'clo-migration-bar'}, this.bar));
      this.progress.appendChild(this.state);
      this.follow(started.migrationId);
    } catch (error) {
      this.progress.appendChild(this.alert('danger', error.message, 'clo-migration-error'));
    }
  }

  async follow(migrationId) {
    let progress;
    try {
      progress = await call(this.api, 'GET', '/migrations/' + encodeURIComponent(migrationId));
    } catch (error) {
      if (!this.stopped) {
        // the batch goes on in the engine whatever the page does: keep asking, a little less often
        this.state.textContent = error.message + ' (retrying)';
        this.timer = setTimeout(() => this.follow(migrationId), POLL_MILLIS * 3);
      }
      return;
    }
    if (this.stopped) {
      return;
    }
    const done = progress.migrated + progress.failed;
    const percent = progress.total === 0 ? 100 : Math.round(100 * done / progress.total);
    this.bar.style.width = percent + '%';
    this.bar.setAttribute('aria-valuenow', String(percent));
    this.bar.textContent = percent + '%';
    this.state.setAttribute('data-state', progress.state);
    this.state.textContent = progress.state + ': ' + progress.migrated + ' of ' + progress.total + ' moved' +
      (progress.failed > 0 ? ', ' + progress.failed + ' failed' : '') + '.';
    if (progress.state === 'running' || progress.state === 'suspended') {
      this.timer = setTimeout(() => this.follow(migrationId), POLL_MILLIS);
      return;
    }
    this.bar.classList.add(progress.state === 'completed' ? 'progress-bar-success' : 'progress-bar-danger');
    if (progress.failures.length > 0) {
      this.progress.appendChild(table(['Process instance', 'Why it did not move'],
        progress.failures.map(failure => [failure.processInstanceId, failure.message])));
    }
    try {
      await this.loadVersions();
    } catch (error) {
      return; // the migration's outcome is on screen; the versions table just stays as it was
    }
    if (this.stopped) {
      return;
    }
    const versions = this.versionsTable();
    this.root.replaceChild(versions, this.versionsNode);
    this.versionsNode = versions;
  }
}

let current = null;

export default {
  id: 'clo.migration',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  label: 'Migration',
  priority: -10,
  render: (node, {api, processDefinitionId}) => {
    if (current) {
      current.stop();
    }
    current = new MigrationTab(node, api, processDefinitionId);
    current.start();
  },
  unmount: () => {
    if (current) {
      current.stop();
      current = null;
    }
  }
};
