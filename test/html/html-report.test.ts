import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatHtml } from '../../src/output/html/page.js';
import { graphViewOf } from '../../src/output/graph/view.js';
import { lint, type Finding, type LintResult } from '../../src/index.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const chromiumPath = '/usr/bin/chromium';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Kept after the run, so the page and its screenshot can be looked at. */
const outputDirectory = join(tmpdir(), 'svc-lint-html-report');
const screenshotPath = join(outputDirectory, 'report.png');
const graphScreenshotPath = join(outputDirectory, 'graph.png');
const timeoutMs = 60_000;

const expectedServices = [
  'checkout-api',
  'edge-gateway',
  'fraud-scorer',
  'nightly-etl',
  'recommender',
  'search-indexer',
  'thumbnailer',
];
const expectedCalls = [
  { from: 'checkout-api', to: 'fraud-scorer', call: 'sync', label: '15,000 req/s' },
  { from: 'edge-gateway', to: 'checkout-api', call: 'sync', label: '12,000 req/s' },
  { from: 'edge-gateway', to: 'recommender', call: 'sync', label: '8,000 req/s' },
  { from: 'nightly-etl', to: 'checkout-api', call: 'async', label: 'async · 0 req/s' },
];

async function visibleRows(page: Page): Promise<{ severity: string; service: string; text: string }[]> {
  return page.$$eval('table.findings tbody tr:not([hidden])', (rows) =>
    (rows as HTMLTableRowElement[]).map((row) => ({
      severity: row.dataset.severity ?? '',
      service: row.cells[3]?.textContent ?? '',
      text: row.textContent ?? '',
    })),
  );
}

function matchesText(finding: Finding, text: string): boolean {
  const fields = [finding.file, finding.severity, finding.ruleId, finding.service ?? '', finding.message];
  return fields.join(' ').toLowerCase().includes(text);
}

describe.skipIf(!existsSync(chromiumPath))(`the HTML report in headless Chromium (needs ${chromiumPath})`, () => {
  let browser: Browser;
  let page: Page;
  let result: LintResult;
  let pageUrl: string;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    result = await lint({
      cwd: projectRoot,
      patterns: ['fixtures/examples'],
      workspace: join(projectRoot, 'fixtures/examples'),
      config: false,
    });
    mkdirSync(outputDirectory, { recursive: true });
    const pagePath = join(outputDirectory, 'report.html');
    writeFileSync(pagePath, formatHtml(result, { color: false, version: '0.0.0-test' }));
    pageUrl = pathToFileURL(pagePath).href;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    await page.locator('#graph').screenshot({ path: graphScreenshotPath });
  }, timeoutMs);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws one node per service with a visible box', { timeout: timeoutMs }, async () => {
    const nodes = page.locator('svg.graph g.node');
    const names = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-service')));
    expect([...names].sort()).toEqual(expectedServices);
    for (const node of await nodes.all()) {
      const box = await node.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(20);
    }
  });

  it('draws every call with its kind and traffic, and marks flagged services', { timeout: timeoutMs }, async () => {
    const edges = await page.$$eval('svg.graph g.edge', (elements) =>
      elements.map((element) => {
        const box = element.querySelector('path')!.getBoundingClientRect();
        return {
          from: element.getAttribute('data-from'),
          to: element.getAttribute('data-to'),
          call: element.classList.contains('call-async') ? 'async' : 'sync',
          dashed: getComputedStyle(element.querySelector('path')!).strokeDasharray !== 'none',
          width: box.width,
        };
      }),
    );
    const sorted = [...edges].sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
    expect(sorted.map(({ from, to, call }) => ({ from, to, call }))).toEqual(
      expectedCalls.map(({ from, to, call }) => ({ from, to, call })),
    );
    for (const edge of edges) {
      expect(edge.width).toBeGreaterThan(0);
      expect(edge.dashed).toBe(edge.call === 'async');
    }
    const labels = await page.$$eval('svg.graph .edge-label text', (elements) => elements.map((element) => element.textContent));
    expect([...labels].sort()).toEqual(expectedCalls.map((call) => call.label).sort());
    const flagged = await page.$$eval('svg.graph g.node.flagged', (elements) =>
      elements.map((element) => element.getAttribute('data-service')),
    );
    expect(flagged.sort()).toEqual(graphViewOf(result).nodes.filter((node) => node.flagged).map((node) => node.name).sort());
  });

  it('lists every finding, and the summary counts them', { timeout: timeoutMs }, async () => {
    const rows = await visibleRows(page);
    expect(rows).toHaveLength(result.findings.length);
    expect(await page.textContent('.figure.errors .value')).toBe(String(result.summary.errors));
    expect(await page.textContent('.figure.warnings .value')).toBe(String(result.summary.warnings));
    expect(await page.textContent('.shown-count')).toBe(`${result.findings.length} of ${result.findings.length} shown`);
  });

  it('hides the other severities when only errors are checked', { timeout: timeoutMs }, async () => {
    await page.uncheck('input[name="severity"][value="warning"]');
    await page.uncheck('input[name="severity"][value="info"]');
    const rows = await visibleRows(page);
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThan(result.findings.length);
    expect(rows).toHaveLength(errors.length);
    expect(rows.every((row) => row.severity === 'error')).toBe(true);
    await page.check('input[name="severity"][value="warning"]');
    await page.check('input[name="severity"][value="info"]');
    expect(await visibleRows(page)).toHaveLength(result.findings.length);
  });

  it('keeps only the rows containing the typed text', { timeout: timeoutMs }, async () => {
    await page.fill('input[name="text"]', 'Nightly-ETL');
    const expected = result.findings.filter((finding) => matchesText(finding, 'nightly-etl'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(result.findings.length);
    const rows = await visibleRows(page);
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((row) => row.text.toLowerCase().includes('nightly-etl'))).toBe(true);
    await page.fill('input[name="text"]', '');
    expect(await visibleRows(page)).toHaveLength(result.findings.length);
  });

  it('sorts by the clicked column, and reverses on a second click', { timeout: timeoutMs }, async () => {
    const byService = result.findings.map((finding) => finding.service ?? '').sort();
    await page.click('th[data-sort="service"] button');
    expect((await visibleRows(page)).map((row) => row.service)).toEqual(byService);
    expect(await page.getAttribute('th[data-sort="service"]', 'aria-sort')).toBe('ascending');
    await page.click('th[data-sort="service"] button');
    expect((await visibleRows(page)).map((row) => row.service)).toEqual([...byService].reverse());

    const rank = { error: 0, warning: 1, info: 2 };
    const bySeverity = result.findings.map((finding) => finding.severity).sort((a, b) => rank[a] - rank[b]);
    await page.click('th[data-sort="severity"] button');
    expect((await visibleRows(page)).map((row) => row.severity)).toEqual(bySeverity);
    expect(await page.getAttribute('th[data-sort="service"]', 'aria-sort')).toBe('none');
  });

  it('shows the capacity table with a row per service and the fleet totals', { timeout: timeoutMs }, async () => {
    const services = await page.$$eval('table.capacity tbody tr', (rows) => rows.map((row) => row.getAttribute('data-service')));
    expect([...services].sort()).toEqual(expectedServices);
    const checkout = await page.textContent('table.capacity tr[data-service="checkout-api"]');
    expect(checkout).toContain('Q2: peak above the hot-path threshold');
    expect(checkout).toContain('2 → 1');
    const { declared, recommended, servicesCompared } = result.analysis.capacity().totals;
    const totals = await page.textContent('table.capacity tfoot');
    expect(totals).toContain(`${servicesCompared} services with both estimates`);
    expect(totals).toContain(`${declared.instances} → ${recommended.instances}`);
    expect(await page.textContent('#capacity .basis')).toContain('12,500 req/s and 52 MB per instance');
  });

  it('loads nothing but the file itself and logs no errors', { timeout: timeoutMs }, async () => {
    expect(requests).toEqual([pageUrl]);
    expect(consoleErrors).toEqual([]);
    expect(existsSync(screenshotPath)).toBe(true);
    expect(existsSync(graphScreenshotPath)).toBe(true);
  });
});
