// Centric dashboard: reads the API of the same origin (forwarding the function key of the page's own URL, if any,
// and the dataset key typed into the page as x-api-key, for datasets with keys) and draws headline indicators, trends, the cohort heatmap, predicted CLV, experience scores and data quality.
import uPlot from './lib/uPlot.esm.js';

const apiRoot = new URL('../', location.href); // the page is /api/dashboard/
const key = new URLSearchParams(location.search).get('code');
// A dataset key lives in this tab's session storage only, never in the URL (it would end up in history and logs).
const DATASET_KEY = 'centric.datasetKey';
const datasetKey = sessionStorage.getItem(DATASET_KEY) ?? '';

const HEADLINE = ['revenue', 'active-customers', 'new-customers', 'churn-rate', 'retention-rate', 'arpa', 'aov', 'clv-predicted'];
const EXPERIENCE_UNITS = new Set(['score', 'hours', 'days']);
const TIERS = ['high', 'mid', 'low'];
const LOWER_IS_BETTER = new Set(['churn-rate', 'churned-customers']);

const $ = (id) => document.getElementById(id);
const state = { datasets: [], catalog: new Map(), dataset: null, segment: '*', grain: 'month', trendMetric: 'revenue', chart: null };

async function api(path, type = 'json') {
  const url = new URL(path, apiRoot);
  if (key) url.searchParams.set('code', key);
  const headers = { Accept: type === 'json' ? 'application/json' : 'text/csv' };
  if (datasetKey) headers['x-api-key'] = datasetKey;
  const response = await fetch(url, { headers });
  if (response.status === 404) return null;
  if (response.status === 401 || response.status === 403) {
    throw new Error(`${url.pathname} answered ${response.status}: this dataset needs its own key (type it into "Dataset key")`);
  }
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return type === 'json' ? response.json() : response.text();
}

const enc = encodeURIComponent;
const ds = () => `datasets/${enc(state.dataset.dataset)}`;

function rowsOf(metric, segment = state.segment, grain = state.grain) {
  return api(`${ds()}/metrics/${enc(metric)}?grain=${grain}&segment=${enc(segment)}`).then((rows) => rows ?? []);
}

// ---- formatting -------------------------------------------------------------------------------------------

function unitOf(row) {
  return row?.unit ?? 'count';
}

export function format(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'percent') return `${value.toFixed(1)} %`;
  if (unit === 'ratio') return value.toFixed(2);
  if (unit === 'count') return Math.round(value).toLocaleString('en');
  if (unit === 'score') return value.toFixed(1);
  if (unit === 'hours' || unit === 'days') return `${value.toFixed(1)} ${unit}`;
  return `${value.toLocaleString('en', { maximumFractionDigits: 0 })} ${unit}`; // a currency code
}

// Short axis labels (150k EUR, 12 %) so the chart keeps its width on a phone.
function axisLabel(value, unit) {
  const short = value.toLocaleString('en', { notation: 'compact', maximumFractionDigits: 1 });
  if (unit === 'percent') return `${short} %`;
  if (unit === 'count' || unit === 'ratio' || unit === 'score') return short;
  if (unit === 'hours' || unit === 'days') return `${short} ${unit[0]}`;
  return `${short} ${unit}`;
}

function change(latest, previous) {
  if (latest?.value == null || previous?.value == null) return { text: 'no previous period', cls: 'flat' };
  const delta = latest.value - previous.value;
  const unit = unitOf(latest);
  const better = LOWER_IS_BETTER.has(latest.metric) ? -delta : delta;
  const cls = better > 0 ? 'up' : better < 0 ? 'down' : 'flat';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  if (unit === 'percent') return { text: `${sign}${Math.abs(delta).toFixed(1)} pts vs ${previous.period}`, cls };
  const relative = previous.value === 0 ? '' : ` (${sign}${Math.abs((delta / previous.value) * 100).toFixed(1)} %)`;
  return { text: `${sign}${format(Math.abs(delta), unit)}${relative} vs ${previous.period}`, cls };
}

// ---- details: numerator, denominator and definition of every number ---------------------------------------

function describe(row, title) {
  const definition = state.catalog.get(row.metric);
  const entries = [
    ['Value', format(row.value, unitOf(row))],
    ['Numerator', row.numerator ?? '—'],
    ['Denominator', row.denominator ?? '—'],
    ['Period', `${row.period}${row.partial ? ' (partial: holds the as-of date)' : ''}`],
    ['Segment', row.segment],
  ];
  if (row.preset) entries.push(['Preset', row.preset]);
  if (row.lowSample) entries.push(['Sample', 'fewer than 5 customers']);
  entries.push(['Definition', `${definition?.definition ?? ''} (version ${row.definitionVersion})`]);
  return { title: title ?? definition?.title ?? row.metric, entries };
}

function numberButton(text, details, extraClass = '') {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `num ${extraClass}`.trim();
  button.textContent = text;
  button.title = details.entries.map(([k, v]) => `${k}: ${v}`).join('\n');
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', () => showDetail(details, button));
  return button;
}

let detailOpener = null;
function showDetail({ title, entries }, opener) {
  detailOpener = opener;
  $('detail-title').textContent = title;
  const body = $('detail-body');
  body.replaceChildren(...entries.flatMap(([k, v]) => [el('dt', k), el('dd', String(v))]));
  $('detail').hidden = false;
  $('detail-close').focus();
}

function closeDetail() {
  $('detail').hidden = true;
  detailOpener?.focus();
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

// ---- sections ---------------------------------------------------------------------------------------------

function latestTwo(rows) {
  const sorted = [...rows].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  return [sorted.at(-1), sorted.at(-2)];
}

function card(metric, rows) {
  const [latest, previous] = latestTwo(rows);
  const definition = state.catalog.get(metric);
  const node = el('article', undefined, 'card');
  node.dataset.metric = metric;
  node.append(el('h3', definition?.title ?? metric));
  if (!latest) {
    node.append(el('p', 'not computed for this dataset', 'muted'));
    return node;
  }
  node.dataset.value = latest.value ?? '';
  node.dataset.period = latest.period;
  node.append(numberButton(format(latest.value, unitOf(latest)), describe(latest), 'big'));
  const delta = change(latest, previous);
  node.append(el('p', delta.text, `delta ${delta.cls}`));
  if (latest.partial) node.append(el('p', `${latest.period} so far`, 'muted small'));
  return node;
}

async function renderHeadline() {
  const metrics = HEADLINE.filter((m) => state.catalog.has(m));
  const all = await Promise.all(metrics.map((m) => rowsOf(m)));
  $('cards').replaceChildren(...metrics.map((m, i) => card(m, all[i])));
  const any = all.flat().sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1);
  $('period').textContent = any ? `— ${any.period}, ${segmentLabel(state.segment)}` : '';
}

async function renderExperience() {
  const metrics = [...state.catalog.values()].filter((m) => EXPERIENCE_UNITS.has(m.unit)).map((m) => m.id);
  const all = await Promise.all(metrics.map((m) => rowsOf(m)));
  const present = metrics.map((m, i) => [m, all[i]]).filter(([, rows]) => rows.length > 0);
  $('experience').hidden = present.length === 0;
  $('experience-cards').replaceChildren(...present.map(([m, rows]) => card(m, rows)));
}

async function renderTrend() {
  const metric = state.trendMetric;
  const rows = (await rowsOf(metric)).sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const target = $('trend-chart');
  state.chart?.destroy();
  state.chart = null;
  target.replaceChildren();
  const title = state.catalog.get(metric)?.title ?? metric;
  target.setAttribute('aria-label', `${title} per ${state.grain}, ${segmentLabel(state.segment)}`);
  target.dataset.metric = metric;
  target.dataset.points = rows.length;
  target.dataset.last = rows.at(-1)?.value ?? '';
  if (rows.length === 0) {
    $('trend-note').textContent = `${title}: no values for this segment and grain.`;
    return;
  }
  const unit = unitOf(rows[0]);
  $('trend-note').textContent = `${title} (${unit}), ${rows.length} periods from ${rows[0].period} to ${rows.at(-1).period}. ` +
    'Hover the chart for a period\'s value; its numerator and denominator follow.';
  // Periods on an even axis, labelled as the API labels them (2026-10, 2026-Q3, FY2027-Q1).
  const xs = rows.map((r, i) => i);
  const ys = rows.map((r) => r.value);
  const width = Math.max(280, target.clientWidth || 600);
  // About one period label per 90 px of the chart's current width (it follows the window).
  const every = (u) => Math.max(1, Math.ceil(rows.length / Math.max(2, Math.floor(u.width / 90))));
  state.chart = new uPlot({
    width,
    height: 260,
    scales: { x: { time: false } },
    legend: { live: true },
    series: [
      { label: 'Period', value: (u, v) => (v == null ? '—' : rows[v]?.period ?? '') },
      { label: title, stroke: '#2563eb', width: 2, fill: 'rgba(37,99,235,0.08)', points: { show: rows.length < 40 },
        value: (u, v) => format(v, unit) },
    ],
    axes: [
      { splits: (u) => xs.filter((i) => (rows.length - 1 - i) % every(u) === 0), values: (u, splits) => splits.map((i) => rows[i]?.period ?? '') },
      { values: (u, splits) => splits.map((v) => axisLabel(v, unit)), size: 90 },
    ],
    hooks: {
      setCursor: [(u) => {
        const i = u.cursor.idx;
        const r = i == null ? null : rows[i];
        $('trend-note').textContent = r
          ? `${r.period}: ${format(r.value, unit)} = ${r.numerator ?? '—'} / ${r.denominator ?? '—'}${r.partial ? ' (partial)' : ''}`
          : `${title} (${unit}), ${rows.length} periods from ${rows[0].period} to ${rows.at(-1).period}.`;
      }],
    },
  }, [xs, ys], target);
}

async function renderClv() {
  const [clv, alive] = await Promise.all([rowsOf('clv-predicted', 'clv-tier:*'), api(`${ds()}/clv/p-alive`)]);
  const last = [...clv].sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1)?.period;
  bars($('clv-tiers'), new Map(clv.filter((r) => r.period === last).map((r) => [r.segment.split(':')[1], r])), 'CLV tier');
  histogram($('p-alive'), alive);
}

// Customers per P(alive) decile, stacked by CLV tier (GET /clv/p-alive).
function histogram(target, distribution) {
  if (!distribution || distribution.customers === 0) {
    target.replaceChildren(el('p', 'No customer scores for this dataset yet.', 'muted'));
    return;
  }
  const max = Math.max(...distribution.bins.map((b) => b.customers), 1);
  const columns = el('div', undefined, 'histogram');
  columns.dataset.customers = distribution.customers;
  for (const bin of distribution.bins) {
    const range = `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)} %`;
    const share = (bin.customers / distribution.customers) * 100;
    const details = { title: `P(alive) ${range}`, entries: [
      ['Customers', `${bin.customers.toLocaleString('en')} (${share.toFixed(1)} %)`],
      ['Numerator', `${bin.customers} customers with P(alive) in ${range}`],
      ['Denominator', `${distribution.customers} customers scored`],
      ...TIERS.map((t) => [`Tier ${t}`, (bin.tiers[t] ?? 0).toLocaleString('en')]),
      ['Definition', `${state.catalog.get('p-alive')?.definition ?? ''} Per customer, as of ${distribution.asOf}.`]] };
    const column = document.createElement('button');
    column.type = 'button';
    column.className = 'column';
    column.dataset.customers = bin.customers;
    column.title = details.entries.slice(0, 5).map(([k, v]) => `${k}: ${v}`).join('\n');
    column.setAttribute('aria-label', `P(alive) ${range}: ${bin.customers} customers`);
    column.addEventListener('click', () => showDetail(details, column));
    const stack = el('span', undefined, 'stack');
    stack.style.height = `${(bin.customers / max) * 100}%`;
    for (const t of TIERS) {
      if (!bin.tiers[t]) continue;
      const part = el('span', undefined, `part tier-${t}`);
      part.style.flexGrow = String(bin.tiers[t]);
      stack.append(part);
    }
    column.append(stack, el('span', `${Math.round(bin.from * 100)}`, 'tick'));
    columns.append(column);
  }
  const legend = el('p', undefined, 'legend muted small');
  legend.append(...TIERS.flatMap((t) => [el('span', '', `swatch tier-${t}`), el('span', ` ${t}  `)]),
    el('span', `· ${distribution.customers.toLocaleString('en')} customers; columns start at the P(alive) % shown`));
  target.replaceChildren(columns, legend);
}

function bars(target, byTier, label, probability = false) {
  const rows = TIERS.map((t) => byTier.get(t)).filter(Boolean);
  if (rows.length === 0) {
    target.replaceChildren(el('p', 'No predictive CLV for this dataset yet.', 'muted'));
    return;
  }
  const max = probability ? 1 : Math.max(...rows.map((r) => r.value ?? 0), 1);
  target.replaceChildren(...rows.map((r) => {
    const tier = r.segment.split(':')[1];
    const line = el('div', undefined, 'bar-row');
    line.dataset.segment = r.segment;
    line.dataset.value = r.value ?? '';
    const bar = el('div', undefined, `bar tier-${tier}`);
    bar.style.width = `${Math.max(0, ((r.value ?? 0) / max) * 100)}%`;
    const track = el('div', undefined, 'track');
    track.append(bar);
    const text = probability ? `${((r.value ?? 0) * 100).toFixed(0)} % (mean)` : format(r.value, unitOf(r));
    line.append(el('span', `${tier}`, 'bar-label'), track,
      numberButton(text, describe(r, `${state.catalog.get(r.metric)?.title ?? r.metric}, ${label} ${tier}`)));
    return line;
  }));
}

async function renderCohorts() {
  const matrix = await api(`${ds()}/cohorts`);
  const target = $('cohort-table');
  if (!matrix || matrix.cohorts.length === 0) {
    target.replaceChildren(el('p', 'No cohorts yet.', 'muted'));
    return;
  }
  const width = Math.max(...matrix.cohorts.map((c) => c.months.length));
  const table = el('table', undefined, 'heatmap');
  const caption = el('caption', `Retention by months after the first purchase (${matrix.metric}, version ${matrix.definitionVersion}); click a cell for its counts.`);
  const head = el('tr');
  head.append(el('th', 'Cohort'), el('th', 'Size'));
  for (let m = 0; m < width; m++) head.append(el('th', `${m}`));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const cohort of matrix.cohorts) {
    const tr = el('tr');
    const th = el('th', cohort.cohort);
    th.scope = 'row';
    tr.append(th, el('td', cohort.size.toLocaleString('en'), 'size'));
    for (let m = 0; m < width; m++) {
      const cell = cohort.months.find((c) => c.monthsAfter === m);
      const td = el('td', cell?.value == null ? '' : `${Math.round(cell.value)}`);
      if (cell?.value != null) {
        const alpha = Math.min(1, cell.value / 100);
        td.style.background = `rgba(37, 99, 235, ${(0.08 + alpha * 0.92).toFixed(3)})`;
        if (alpha > 0.45) td.classList.add('light');
        const text = `Cohort ${cohort.cohort}, month ${m}: ${cell.value.toFixed(1)} % = ${cell.customers} of ${cohort.size} customers${cell.partial ? ' (partial month)' : ''}`;
        td.title = text;
        td.addEventListener('click', () => showDetail({ title: `Cohort ${cohort.cohort}, month ${m}`, entries: [
          ['Value', `${cell.value.toFixed(1)} %`], ['Numerator', `${cell.customers} customers buying again`],
          ['Denominator', `${cohort.size} customers in the cohort`],
          ['Definition', `${state.catalog.get(matrix.metric)?.definition ?? matrix.metric} (version ${matrix.definitionVersion})`]] }, td));
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  target.replaceChildren(table);
}

async function renderQuality() {
  const entries = (await api(`${ds()}/ingestions`)) ?? [];
  const target = $('ingestions');
  $('rejects').replaceChildren();
  if (entries.length === 0) {
    target.replaceChildren(el('p', 'No ingestions yet: drop an export into exports/{dataset}/{kind}/ or POST one.', 'muted'));
    return;
  }
  const table = el('table', undefined, 'ledger');
  const head = el('tr');
  for (const h of ['File', 'Kind', 'Status', 'Rows read', 'Accepted', 'Rejected', 'Completed', '']) head.append(el('th', h));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const e of entries) {
    const tr = el('tr');
    tr.dataset.id = e.id;
    tr.append(el('td', e.blob), el('td', e.kind ?? '—'), el('td', e.status, `state ${e.status}`),
      el('td', e.rowsRead.toLocaleString('en'), 'n'), el('td', e.accepted.toLocaleString('en'), 'n'),
      el('td', e.rejected.toLocaleString('en'), 'n'), el('td', e.completedAt ? e.completedAt.slice(0, 16).replace('T', ' ') : '—'));
    const action = el('td');
    if (e.rejected > 0) {
      const button = el('button', 'Show rejects');
      button.type = 'button';
      button.addEventListener('click', () => showRejects(e));
      action.append(button);
    } else if (e.message && !e.status.startsWith('succeeded')) {
      action.append(el('span', e.message, 'muted small'));
    }
    tr.append(action);
    tbody.append(tr);
  }
  table.append(el('caption', `${entries.length} ingestions; rows read = accepted + rejected.`), thead, tbody);
  target.replaceChildren(table);
}

const MAX_REJECTS_SHOWN = 200;

async function showRejects(entry) {
  const text = (await api(`${ds()}/ingestions/${enc(entry.id)}/rejects`, 'csv')) ?? '';
  const lines = parseCsv(text);
  const [header, ...rows] = lines;
  const target = $('rejects');
  const table = el('table', undefined, 'ledger');
  table.append(el('caption', `Rejected rows of ${entry.blob}: ${rows.length.toLocaleString('en')}` +
    (rows.length > MAX_REJECTS_SHOWN ? ` (first ${MAX_REJECTS_SHOWN} shown)` : '')));
  const thead = el('thead');
  const tr = el('tr');
  for (const h of header ?? []) tr.append(el('th', h));
  thead.append(tr);
  const tbody = el('tbody');
  for (const row of rows.slice(0, MAX_REJECTS_SHOWN)) {
    const r = el('tr');
    for (const cell of row) r.append(el('td', cell));
    tbody.append(r);
  }
  table.append(thead, tbody);
  target.replaceChildren(table);
  target.tabIndex = 0;
  target.focus();
}

export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

// ---- controls ---------------------------------------------------------------------------------------------

function segmentLabel(segment) {
  return segment === '*' ? 'all customers' : segment.replace(':', ' ');
}

async function loadSegments() {
  // Segments are whatever attribute values the generation holds: ask one metric for every value of each attribute.
  const attributes = ['country', 'clv-tier'];
  const found = await Promise.all(attributes.map((a) =>
    rowsOf('active-customers', `${a}:*`, 'year').then((rows) => [...new Set(rows.map((r) => r.segment))].sort())));
  const select = $('segment');
  const options = [new Option('All customers', '*')];
  attributes.forEach((a, i) => {
    if (found[i].length === 0) return;
    const group = document.createElement('optgroup');
    group.label = a;
    group.append(...found[i].map((s) => new Option(s.split(':')[1], s)));
    options.push(group);
  });
  select.replaceChildren(...options);
  select.value = found.flat().includes(state.segment) ? state.segment : '*';
  state.segment = select.value;
}

function setStatus(text) {
  $('status').textContent = text;
}

async function render() {
  const started = performance.now();
  const main = $('main');
  main.setAttribute('aria-busy', 'true');
  const dataset = state.dataset;
  const computed = Boolean(dataset.generation);
  for (const id of ['headline', 'trend', 'clv', 'cohorts']) $(id).hidden = !computed;
  if (!computed) $('experience').hidden = true;
  try {
    if (computed) {
      setStatus(`Loading ${dataset.dataset}…`);
      await loadSegments();
      await Promise.all([renderHeadline(), renderTrend(), renderExperience(), renderClv(), renderCohorts(), renderQuality()]);
      setStatus(`${dataset.dataset}: as of ${dataset.asOf}, ${dataset.customers.toLocaleString('en')} customers, ` +
        `${dataset.orders.toLocaleString('en')} orders, generation ${dataset.generation}` +
        (dataset.warnings.length ? `. Warnings: ${dataset.warnings.join('; ')}` : '.'));
    } else {
      await renderQuality();
      setStatus(`Dataset ${dataset.dataset} has no computed generation yet: its exports are still being ingested or ` +
        'computed (or none was usable). The data-quality table below shows every ingestion so far.');
    }
  } catch (error) {
    setStatus(`Could not load ${dataset.dataset}: ${error.message}`);
  } finally {
    main.setAttribute('aria-busy', 'false');
    main.dataset.loadedMs = Math.round(performance.now() - started);
    document.body.dataset.ready = `${dataset.dataset}|${state.segment}|${state.grain}`;
  }
}

function writeLocation() {
  const params = new URLSearchParams(location.search);
  params.set('dataset', state.dataset.dataset);
  params.set('segment', state.segment);
  params.set('grain', state.grain);
  params.set('metric', state.trendMetric);
  history.replaceState(null, '', `?${params}`);
}

function watchDatasetKey() {
  const input = $('dataset-key');
  input.value = datasetKey;
  // A new key can open other datasets: start again with it.
  input.addEventListener('change', () => {
    if (input.value.trim()) sessionStorage.setItem(DATASET_KEY, input.value.trim());
    else sessionStorage.removeItem(DATASET_KEY);
    location.reload();
  });
}

async function start() {
  watchDatasetKey();
  const [datasets, catalog] = await Promise.all([api('datasets'), api('metrics')]);
  state.datasets = datasets ?? [];
  state.catalog = new Map((catalog ?? []).map((m) => [m.id, m]));
  const params = new URLSearchParams(location.search);
  if (state.datasets.length === 0) {
    setStatus('No datasets yet: drop exports into exports/{dataset}/{kind}/ in the storage account, or POST them to /api/datasets/{dataset}/exports/{kind}.');
    $('main').setAttribute('aria-busy', 'false');
    for (const id of ['headline', 'trend', 'clv', 'cohorts', 'quality']) $(id).hidden = true;
    document.body.dataset.ready = 'none';
    return;
  }

  const datasetSelect = $('dataset');
  datasetSelect.replaceChildren(...state.datasets.map((d) =>
    new Option(d.generation ? d.dataset : `${d.dataset} (not computed yet)`, d.dataset)));
  // Without a choice in the URL: the first computed dataset with orders (most cards read orders), else any computed one.
  state.dataset = state.datasets.find((d) => d.dataset === params.get('dataset'))
    ?? state.datasets.find((d) => d.generation && d.orders > 0) ?? state.datasets.find((d) => d.generation) ?? state.datasets[0];
  datasetSelect.value = state.dataset.dataset;
  state.segment = params.get('segment') ?? '*';
  state.grain = ['month', 'quarter', 'year'].includes(params.get('grain')) ? params.get('grain') : 'month';
  $('grain').value = state.grain;
  state.trendMetric = state.catalog.has(params.get('metric')) ? params.get('metric') : 'revenue';
  $('trend-metric').replaceChildren(...[...state.catalog.values()].map((m) => new Option(m.title, m.id)));
  $('trend-metric').value = state.trendMetric;

  datasetSelect.addEventListener('change', () => {
    state.dataset = state.datasets.find((d) => d.dataset === datasetSelect.value);
    state.segment = '*';
    writeLocation();
    render();
  });
  $('segment').addEventListener('change', (e) => { state.segment = e.target.value; writeLocation(); render(); });
  $('grain').addEventListener('change', (e) => { state.grain = e.target.value; writeLocation(); render(); });
  $('trend-metric').addEventListener('change', async (e) => {
    state.trendMetric = e.target.value;
    writeLocation();
    await renderTrend();
    document.body.dataset.trend = state.trendMetric;
  });
  $('detail-close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('detail').hidden) closeDetail(); });
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  let resize;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(() => state.chart?.setSize({ width: Math.max(280, $('trend-chart').clientWidth), height: 260 }), 150);
  });

  await render();
}

start().catch((error) => {
  setStatus(`The dashboard could not reach the API: ${error.message}`);
  document.body.dataset.ready = 'error';
});
