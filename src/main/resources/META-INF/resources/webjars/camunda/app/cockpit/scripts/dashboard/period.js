// The period the KPIs cover: two days (YYYY-MM-DD, both included) and the quick choices a manager picks most. "Today"
// is today in the business time zone the API names, so that "this quarter" means the same quarter as on the server.

function parse(isoDay) {
  const [year, month, date] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

function iso(date) {
  return date.toISOString().substring(0, 10);
}

function addDays(isoDay, days) {
  const date = parse(isoDay);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** The first day of the quarter {@code offset} quarters from the one {@code isoDay} is in (Date.UTC takes month -3). */
function quarterStart(isoDay, offset) {
  const date = parse(isoDay);
  const quarter = Math.floor(date.getUTCMonth() / 3) + offset;
  return iso(new Date(Date.UTC(date.getUTCFullYear(), quarter * 3, 1)));
}

/** Today in the time zone (e.g. Europe/Berlin), as YYYY-MM-DD; the browser's own day when the zone is unknown. */
export function today(timeZone) {
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-US', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'})
      .formatToParts(new Date());
  } catch (unknownZone) {
    parts = new Intl.DateTimeFormat('en-US', {year: 'numeric', month: '2-digit', day: '2-digit'})
      .formatToParts(new Date());
  }
  const part = type => parts.find(each => each.type === type).value;
  return part('year') + '-' + part('month') + '-' + part('day');
}

/** The quick choices, each a period ending today or, for the last quarter, at its end. */
export const QUICK_CHOICES = [
  {id: 'last-90-days', label: 'Last 90 days', period: day => ({from: addDays(day, -89), to: day})},
  {id: 'this-quarter', label: 'This quarter', period: day => ({from: quarterStart(day, 0), to: day})},
  {id: 'last-quarter', label: 'Last quarter',
    period: day => ({from: quarterStart(day, -1), to: addDays(quarterStart(day, 0), -1)})},
  {id: 'this-year', label: 'This year', period: day => ({from: day.substring(0, 4) + '-01-01', to: day})}
];

/** The quick choice that gives exactly this period today, if any. */
export function quickChoiceOf(period, day) {
  return QUICK_CHOICES.find(choice => {
    const candidate = choice.period(day);
    return candidate.from === period.from && candidate.to === period.to;
  }) || null;
}
