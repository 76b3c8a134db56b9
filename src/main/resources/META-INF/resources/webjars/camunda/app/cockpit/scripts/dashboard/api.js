// The dashboard's reads from our API (/api/kpis, /api/forecast) with the logged-in Cockpit user's session: the
// application lets the webapp login through for these two GETs, with the user's groups as they are now.

import {apiBase} from '../../../clo/scripts/dom.js';

/**
 * GETs a path of our API: {status, body} for any answer (the caller decides what a 403 or a 400 means), an Error
 * only when there is no answer at all.
 */
export async function read(path) {
  const response = await fetch(apiBase() + path, {
    credentials: 'same-origin',
    headers: {
      'Accept': 'application/json, application/problem+json',
      // a background request: when the login has expired, answer 401 without a Basic challenge (no browser dialog)
      'X-Requested-With': 'XMLHttpRequest'
    }
  });
  let body = null;
  try {
    body = await response.json();
  } catch (notJson) {
    body = null;
  }
  return {status: response.status, body};
}

/** What went wrong, in a line: the problem's detail (RFC 7807) or the status. */
export function problem(answer) {
  const body = answer.body || {};
  const fields = Array.isArray(body.errors) && body.errors.length > 0
    ? ' (' + body.errors.map(error => (error.field ? error.field + ': ' : '') + error.message).join('; ') + ')' : '';
  return answer.status + ' ' + (body.detail || body.title || 'The request failed.') + fields;
}
