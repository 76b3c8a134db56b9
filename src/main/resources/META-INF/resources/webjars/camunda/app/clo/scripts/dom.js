// What the product's webapp plugins (Cockpit's Migration tab, Tasklist's Customer tab) share: where the application
// lives, and a small DOM builder through which text only goes in as text (textContent), never as HTML.

/** The application's context root: app-root is "<context path>/camunda" (camunda.bpm.webapp.application-path). */
export function contextRoot() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/camunda\/?$/, '');
}

/** Our API, beside the webapps. */
export function apiBase() {
  return contextRoot() + '/api';
}

/**
 * An element with attributes ({@code text}: its text; {@code on<event>}: a listener) and children (elements or
 * strings, nested arrays flattened, null left out).
 */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'text') {
      element.textContent = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).filter(child => child !== null && child !== undefined).forEach(child =>
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return element;
}
