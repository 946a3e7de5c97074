// Drives the dashboard in the system Chromium (never a downloaded browser) with playwright-core, against a running
// local host, and checks that what the page shows is what the API serves.
//
//   node tests/browser/dashboard.mjs --api http://127.0.0.1:7071/api/ --artifacts DIR
//        [--chromium /usr/bin/chromium] [--other-dataset acme] [--pending-dataset pending] [--budget-ms 3000]
//
// Prints one JSON line (the load time, the values compared, the screenshots) and exits 1 with the reason on failure.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const api = new URL(args.api ?? 'http://127.0.0.1:7071/api/');
const artifacts = path.resolve(args.artifacts ?? path.join(tmpdir(), 'centric-dashboard-artifacts'));
const executablePath = args.chromium ?? '/usr/bin/chromium';
const otherDataset = args['other-dataset'];
const pendingDataset = args['pending-dataset'];
const budgetMs = Number(args['budget-ms'] ?? 3000);
mkdirSync(artifacts, { recursive: true });

const report = { screenshots: [], checks: [] };
function check(condition, message) {
  if (!condition) throw new Error(message);
  report.checks.push(message);
}

async function getJson(relative) {
  const response = await fetch(new URL(relative, api));
  if (!response.ok) throw new Error(`GET ${relative} answered ${response.status}`);
  return response.json();
}

async function latest(dataset, metric, grain, segment) {
  const rows = await getJson(`datasets/${dataset}/metrics/${metric}?grain=${grain}&segment=${encodeURIComponent(segment)}`);
  return rows.sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1);
}

const userDataDir = mkdtempSync(path.join(tmpdir(), 'centric-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});

const failures = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') failures.push(`console error: ${message.text()}`); });
  page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()}`));
  // Nothing may leave the origin: no CDN, no fonts, no telemetry.
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== api.origin) failures.push(`request outside the origin: ${request.url()}`);
  });

  const shot = async (name) => {
    const file = path.join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    report.screenshots.push(file);
  };
  const ready = (value) => page.waitForFunction((v) => document.body.dataset.ready === v, value, { timeout: 180000 });
  const cardValue = (metric) => page.locator(`#cards .card[data-metric="${metric}"]`);

  async function compareHeadline(dataset, metric, grain, segment) {
    const row = await latest(dataset, metric, grain, segment);
    const card = cardValue(metric);
    const shown = await card.getAttribute('data-value');
    const text = (await card.locator('.num').textContent()).trim();
    check(row && Number(shown) === row.value,
      `${dataset} ${metric} ${grain} ${segment}: the card holds ${shown}, the API serves ${row?.value} for ${row?.period}`);
    const digits = Number(text.replace(/[^0-9.]/g, ''));
    check(Math.abs(digits - Math.abs(row.value)) <= Math.max(1, Math.abs(row.value) * 0.001),
      `${dataset} ${metric} ${grain} ${segment}: the card shows "${text}" for ${row.value}`);
    check(await card.getAttribute('data-period') === row.period, `${metric}: the card's period is ${row.period}`);
    return { dataset, metric, grain, segment, period: row.period, api: row.value, shown: text };
  }

  // 1. First load (cold: the handler reads the generation's scores once), then a timed load: the sample, everyone, by month.
  let started = Date.now();
  await page.goto(new URL('dashboard?dataset=sample', api).href);
  await ready('sample|*|month');
  report.coldLoadMs = Date.now() - started;
  check(new URL(page.url()).pathname.endsWith('/api/dashboard/'), 'GET /api/dashboard lands on /api/dashboard/');
  started = Date.now();
  await page.reload();
  await ready('sample|*|month');
  report.loadMs = Date.now() - started;
  report.renderMs = Number(await page.locator('main').getAttribute('data-loaded-ms'));
  check(report.loadMs < budgetMs, `the dashboard loaded in ${report.loadMs} ms (budget ${budgetMs} ms)`);
  report.values = [await compareHeadline('sample', 'revenue', 'month', '*'), await compareHeadline('sample', 'active-customers', 'month', '*')];

  // Charts: the trend has the API's periods drawn on a canvas, the heatmap one row per cohort, CLV one bar per tier.
  const trendRows = await getJson('datasets/sample/metrics/revenue?grain=month&segment=*');
  check(await page.locator('#trend-chart canvas').count() === 1, 'the trend chart is drawn');
  check(Number(await page.locator('#trend-chart').getAttribute('data-points')) === trendRows.length,
    `the trend has the API's ${trendRows.length} monthly revenue periods`);
  const cohorts = await getJson('datasets/sample/cohorts');
  check(await page.locator('#cohort-table tbody tr').count() === cohorts.cohorts.length, `the heatmap has ${cohorts.cohorts.length} cohorts`);
  const firstCell = cohorts.cohorts[0].months.find((m) => m.monthsAfter === 1);
  const cellText = await page.locator('#cohort-table tbody tr').first().locator('td').nth(2).textContent();
  check(firstCell && cellText === `${Math.round(firstCell.value)}`, `cohort ${cohorts.cohorts[0].cohort} month 1 shows ${cellText} for ${firstCell?.value}`);
  const tiers = await getJson('datasets/sample/metrics/clv-predicted?segment=clv-tier:*');
  const lastTierPeriod = tiers.map((r) => r.period).sort().at(-1);
  const high = tiers.find((r) => r.period === lastTierPeriod && r.segment === 'clv-tier:high');
  check(Number(await page.locator('#clv-tiers .bar-row[data-segment="clv-tier:high"]').getAttribute('data-value')) === high.value,
    `the high CLV tier's bar is the API's ${high.value}`);
  const alive = await getJson('datasets/sample/clv/p-alive');
  const columns = await page.locator('#p-alive .column').evaluateAll((cs) => cs.map((c) => Number(c.dataset.customers)));
  check(columns.length === alive.bins.length && columns.every((n, i) => n === alive.bins[i].customers),
    `the P(alive) histogram has the API's ${alive.customers} customers in ${alive.bins.length} bins`);
  const ingestions = await getJson('datasets/sample/ingestions');
  check(await page.locator('#ingestions tbody tr').count() === ingestions.length, `the ledger lists the ${ingestions.length} ingestions`);

  // Every number explains itself: the detail shows the API's numerator and denominator and the catalogue's definition.
  const revenue = trendRows.sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1);
  await cardValue('revenue').locator('.num').click();
  const detail = page.locator('#detail');
  await detail.waitFor({ state: 'visible' });
  const detailText = await detail.textContent();
  check(detailText.includes(revenue.numerator) && detailText.includes('Definition'), 'the revenue detail shows its numerator and definition');
  check(await page.evaluate(() => document.activeElement?.id) === 'detail-close', 'the detail takes the focus');
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'hidden' });
  await shot('desktop-sample-month');

  // Rejected rows, when the sample has any.
  const withRejects = ingestions.find((e) => e.rejected > 0);
  if (withRejects) {
    await page.locator(`#ingestions tr[data-id="${withRejects.id}"] button`).click();
    await page.locator('#rejects tbody tr').first().waitFor();
    const shown = await page.locator('#rejects tbody tr').count();
    check(shown === Math.min(200, withRejects.rejected) || shown > 0, `the rejects of ${withRejects.blob} are listed (${shown} rows)`);
    check((await page.locator('#rejects thead').textContent()).includes('reason'), 'rejects show line, column, value and reason');
  }

  // 2. Grain, then segment, then the trend's metric: the page follows the API.
  await page.locator('#grain').selectOption('quarter');
  await ready('sample|*|quarter');
  report.values.push(await compareHeadline('sample', 'revenue', 'quarter', '*'));
  const country = await page.locator('#segment optgroup[label="country"] option').first().getAttribute('value');
  check(country?.startsWith('country:'), `the segment list offers countries (${country})`);
  await page.locator('#segment').selectOption(country);
  await ready(`sample|${country}|quarter`);
  report.values.push(await compareHeadline('sample', 'revenue', 'quarter', country));
  report.values.push(await compareHeadline('sample', 'churn-rate', 'quarter', country));
  await page.locator('#trend-metric').selectOption('churn-rate');
  await page.waitForFunction(() => document.body.dataset.trend === 'churn-rate', null, { timeout: 180000 });
  check(await page.locator('#trend-chart canvas').count() === 1, 'the churn-rate trend is drawn');
  await shot('desktop-sample-quarter-country');

  // Experience scores, when the generation computed them.
  const catalog = await getJson('metrics');
  const experience = catalog.filter((m) => ['score', 'hours', 'days'].includes(m.unit)).map((m) => m.id);
  report.experience = await page.locator('#experience-cards .card').evaluateAll((cards) => cards.map((c) => c.dataset.metric));
  check(report.experience.every((m) => experience.includes(m)), `experience cards are catalogue metrics (${report.experience.join(', ') || 'none'})`);

  // 3. Another dataset, and one with no generation yet.
  if (otherDataset) {
    await page.locator('#dataset').selectOption(otherDataset);
    await ready(`${otherDataset}|*|quarter`);
    report.values.push(await compareHeadline(otherDataset, 'revenue', 'quarter', '*'));
    await shot(`desktop-${otherDataset}`);
  }
  if (pendingDataset) {
    await page.locator('#dataset').selectOption(pendingDataset);
    await ready(`${pendingDataset}|*|quarter`);
    const status = await page.locator('#status').textContent();
    check(status.includes('no computed generation yet'), `${pendingDataset} says it has no generation yet: "${status}"`);
    check(await page.locator('#headline').isHidden(), `${pendingDataset} shows no indicators`);
    await shot(`desktop-${pendingDataset}`);
  }

  // 4. Keyboard: the skip link, then the three controls, are reached with Tab.
  await page.goto(new URL('dashboard/?dataset=sample&grain=month', api).href);
  await ready('sample|*|month');
  const focused = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className));
  }
  check(focused.slice(1).join(',') === 'dataset,segment,grain', `Tab reaches the controls in order (${focused.join(', ')})`);

  // 5. Phone width: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `at phone width the page does not scroll sideways (${overflow} px too wide)`);
  await shot('phone-sample-month');

  check(failures.length === 0, `the page raised no errors${failures.length ? ': ' + failures.join('; ') : ''}`);
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(`dashboard check failed: ${error.message}`);
  if (failures.length) console.error(failures.join('\n'));
  console.log(JSON.stringify(report));
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
