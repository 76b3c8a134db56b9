// One compact card per role section of GET /api/kpis: the headline figures as big numbers, small bar charts where a
// breakdown says more than a number. Every figure carries data-kpi="<section>.<field>" so it can be found again.

import {el} from '../../../clo/scripts/dom.js';
import {COLORS} from '../../../clo/scripts/charts.js';
import {count, days, hours, money, percent, reason} from './format.js';

const TIERS = ['high-touch', 'low-touch', 'tech-touch'];
const TIER_LABELS = {'high-touch': 'High touch', 'low-touch': 'Low touch', 'tech-touch': 'Tech touch', trial: 'Trial'};

function figure(key, label, text, tone) {
  return el('div', {class: 'clo-figure' + (tone ? ' clo-figure-' + tone : ''), 'data-kpi': key},
    el('span', {class: 'clo-figure-value', text}),
    el('span', {class: 'clo-figure-label', text: label}));
}

function card(id, title, subtitle, figures, charts) {
  return el('div', {class: 'clo-card', id: 'clo-kpi-' + id},
    el('h4', {class: 'clo-card-title'}, title, subtitle ? el('small', {text: ' ' + subtitle}) : null),
    el('div', {class: 'clo-figures'}, figures),
    charts.filter(Boolean));
}

/** A small chart under a caption, or a quiet line when there is nothing to draw. */
function chart(caption, board, spec, empty) {
  const hasData = spec.series.some(series => series.values.some(value => value > 0));
  return el('div', {class: 'clo-card-chart'},
    el('div', {class: 'clo-chart-caption', text: caption}),
    hasData ? board.bar('clo-chart-small', spec) : el('p', {class: 'clo-chart-empty', text: empty}));
}

/** Reasons (code → count) as horizontal bars, most frequent first. */
function reasonsChart(caption, board, reasons) {
  const entries = Object.entries(reasons || {}).filter(([, number]) => number > 0).sort((a, b) => b[1] - a[1]);
  return chart(caption, board, {categories: entries.map(([code]) => reason(code)),
    series: [{name: caption, values: entries.map(([, number]) => number)}], horizontal: true, labels: true},
  'None in this period.');
}

function perUserChart(caption, board, users, series, stacked) {
  const rows = users || [];
  return chart(caption, board, {categories: rows.map(row => row.user), stacked,
    series: series.map(([field, name, color]) => ({name, color, values: rows.map(row => row[field] || 0)}))},
  'Nobody in this period.');
}

function sdr(data, board) {
  return card('sdr', 'SDR', 'trial leads', [
    figure('sdr.leads', 'Leads', count(data.leads)),
    figure('sdr.contacted', 'Contacted', count(data.contacted)),
    figure('sdr.reachRate', 'Reach rate', percent(data.reachRate)),
    figure('sdr.medianHoursToFirstContact', 'Median to first contact', hours(data.medianHoursToFirstContact)),
    figure('sdr.overdueFirstContacts', 'First contacts overdue', count(data.overdueFirstContacts),
      data.overdueFirstContacts > 0 ? 'warning' : null),
    figure('sdr.opportunities', 'Opportunities', count(data.opportunities))
  ], [perUserChart('Calls and opportunities per SDR', board, data.perUser,
    [['calls', 'Calls'], ['opportunities', 'Opportunities', COLORS.green]], false)]);
}

function ae(data, board, currency) {
  return card('ae', 'AE', 'opportunities', [
    figure('ae.opportunitiesClosed', 'Closed', count(data.opportunitiesClosed)),
    figure('ae.won', 'Won', count(data.won)),
    figure('ae.lost', 'Lost', count(data.lost)),
    figure('ae.winRate', 'Win rate', percent(data.winRate)),
    figure('ae.medianDaysToClose', 'Median to close', days(data.medianDaysToClose)),
    figure('ae.wonAnnualValue', 'Won a year', money(data.wonAnnualValue, currency))
  ], [
    reasonsChart('Loss reasons', board, data.lossReasons),
    perUserChart('Won and lost per AE', board, data.perUser,
      [['won', 'Won', COLORS.green], ['lost', 'Lost', COLORS.red]], true)
  ]);
}

function onboarding(data, board) {
  const byTier = data.byTier || {};
  return card('onboarding', 'Onboarding', 'new customers', [
    figure('onboarding.onboarded', 'Onboarded', count(data.onboarded)),
    figure('onboarding.medianDaysWonToActive', 'Median won → active', days(data.medianDaysWonToActive))
  ], [chart('Onboarded by touch tier', board, {categories: TIERS.map(tier => TIER_LABELS[tier]),
    series: [{name: 'Onboarded', values: TIERS.map(tier => byTier[tier] || 0)}], labels: true}, 'None in this period.')]);
}

function success(data, board) {
  const byTier = data.customersByTier || {};
  const bands = data.healthBands || {};
  const customers = data.customersByTier ? TIERS.reduce((sum, tier) => sum + (byTier[tier] || 0), 0) : null;
  return card('success', 'Customer success', 'customers in care', [
    figure('success.customers', 'Customers', count(customers)),
    figure('success.checkInsHeld', 'Check-ins held', count(data.checkInsHeld)),
    figure('success.checkInsOverdue', 'Check-ins overdue', count(data.checkInsOverdue),
      data.checkInsOverdue > 0 ? 'warning' : null),
    figure('success.rescuesOpened', 'Rescues opened', count(data.rescuesOpened),
      data.rescuesOpened > 0 ? 'danger' : null),
    figure('success.oneToManySessions', 'CSM hours booked', count(data.oneToManySessions)),
    figure('success.webinarsHeld', 'Webinars held', count(data.webinarsHeld)),
    figure('success.webinarRegistrations', 'Webinar registrations', count(data.webinarRegistrations))
  ], [
    chart('Health at the last check-in', board, {categories: ['Red', 'Yellow', 'Green'],
      series: [{name: 'Customers', values: ['red', 'yellow', 'green'].map(band => bands[band] || 0)}],
      colors: [COLORS.red, COLORS.yellow, COLORS.green], labels: true}, 'No check-ins yet.'),
    chart('Customers by touch tier', board, {categories: TIERS.map(tier => TIER_LABELS[tier]),
      series: [{name: 'Customers', values: TIERS.map(tier => byTier[tier] || 0)}], labels: true}, 'No customers.')
  ]);
}

function support(data, board) {
  const byTier = data.byTier || {};
  const tiers = ['trial'].concat(TIERS).filter(tier => byTier[tier]);
  return card('support', 'Support', 'cases', [
    figure('support.casesOpened', 'Opened', count(data.casesOpened)),
    figure('support.casesResolved', 'Resolved', count(data.casesResolved)),
    figure('support.firstResponseSlaMet', 'First response in time', percent(data.firstResponseSlaMet)),
    figure('support.medianHoursToResolve', 'Median to resolve', hours(data.medianHoursToResolve))
  ], [chart('Cases by tier', board, {categories: tiers.map(tier => TIER_LABELS[tier] || tier),
    series: [['opened', 'Opened'], ['resolved', 'Resolved', COLORS.green]].map(([field, name, color]) =>
      ({name, color, values: tiers.map(tier => byTier[tier][field] || 0)}))}, 'No cases in this period.')]);
}

function renewal(data, board) {
  return card('renewal', 'Renewal', 'contracts at their end', [
    figure('renewal.contractsEnded', 'Contracts ended', count(data.contractsEnded)),
    figure('renewal.renewed', 'Renewed', count(data.renewed)),
    figure('renewal.churned', 'Churned', count(data.churned), data.churned > 0 ? 'danger' : null),
    figure('renewal.renewedByAm', 'Renewed by the AM', count(data.renewedByAm)),
    figure('renewal.grossRevenueRetention', 'Gross revenue retention', percent(data.grossRevenueRetention)),
    figure('renewal.netRevenueRetention', 'Net revenue retention', percent(data.netRevenueRetention)),
    figure('renewal.multiYearShare', 'Multi-year renewals', percent(data.multiYearShare))
  ], [reasonsChart('Churn reasons', board, data.churnReasons)]);
}

/** The cards of one answer of /api/kpis; a section the answer lacks shows its figures as "—". */
export function kpiCards(kpis, board) {
  return el('div', {class: 'clo-cards', id: 'clo-kpi-cards'},
    sdr(kpis.sdr || {}, board),
    ae(kpis.ae || {}, board, kpis.currency),
    onboarding(kpis.onboarding || {}, board),
    success(kpis.success || {}, board),
    support(kpis.support || {}, board),
    renewal(kpis.renewal || {}, board));
}
