// How the dashboard writes its numbers: in the reader's locale, with "—" where the API has no value (null: nothing to
// measure in the period, e.g. a rate whose denominator is 0).

export const NO_VALUE = '—';

function missing(value) {
  return value === null || value === undefined || Number.isNaN(Number(value));
}

/** A whole number: 1,234. */
export function count(value) {
  return missing(value) ? NO_VALUE : Number(value).toLocaleString();
}

/** A fraction 0..1 as a percentage: 0.6667 → 66.7%. */
export function percent(value) {
  return missing(value) ? NO_VALUE
    : Number(value).toLocaleString(undefined, {style: 'percent', maximumFractionDigits: 1});
}

/** An amount in the currency the API names (ISO 4217), whole units: €24,000. */
export function money(value, currency) {
  if (missing(value)) {
    return NO_VALUE;
  }
  try {
    return Number(value).toLocaleString(undefined, {style: 'currency', currency: currency || 'EUR',
      maximumFractionDigits: 0, minimumFractionDigits: 0});
  } catch (unknownCurrency) {
    return Number(value).toLocaleString(undefined, {maximumFractionDigits: 0}) + ' ' + currency;
  }
}

/** A duration the API gives in hours or days with one decimal: "5.5 h", "12 days". */
export function hours(value) {
  return missing(value) ? NO_VALUE : Number(value).toLocaleString(undefined, {maximumFractionDigits: 1}) + ' h';
}

export function days(value) {
  return missing(value) ? NO_VALUE
    : Number(value).toLocaleString(undefined, {maximumFractionDigits: 1}) + (Number(value) === 1 ? ' day' : ' days');
}

/** A reason code as a person reads it: "missing-capability" → "Missing capability". */
export function reason(code) {
  const words = String(code).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.substring(1);
}

/** A day of the API (YYYY-MM-DD) as a short date: "7 Dec", with the year when asked. */
export function day(isoDay, withYear) {
  const [year, month, date] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(undefined,
    {day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC'});
}

/** A month of the API (YYYY-MM): "Dec 2026". */
export function month(isoMonth) {
  const [year, number] = isoMonth.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(undefined,
    {month: 'short', year: 'numeric', timeZone: 'UTC'});
}
