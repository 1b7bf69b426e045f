/**
 * The disparities page (差距) in a real browser on the demo data: the urban–rural gaps and county
 * ranges shown are those of the command line's `disparities` on the same database, printed as the
 * reports print them, with their trend since the baseline and charts drawn on demand.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indicatorDigits } from '../../src/core/phrasing/figures.js';
import { changeUnit, formatNumber, roundTo } from '../../src/core/phrasing/reportNumbers.js';
import { loadBuiltinPlan } from '../../src/plans/siping/loadPlan.js';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { CITY, useServer } from '../support/server.js';

const WAIT = { timeout: 20_000 };
/** The tab panel shown. */
const PANEL = '[role="tabpanel"][aria-hidden="false"]';

interface CliRecord {
  indicator: string;
  urban: number | null;
  rural: number | null;
  county_min: number | null;
  county_max: number | null;
  county_max_name: string | null;
  county_min_name: string | null;
}

async function tableRows(page: Page, panel: string): Promise<{ indicator: string; cells: string[] }[]> {
  return page.locator(`${panel} tr:has([data-testid="disparity-indicator"])`).evaluateAll((rows) =>
    rows.map((tr) => ({
      indicator: tr.querySelector('[data-testid="disparity-indicator"]')?.getAttribute('data-indicator') ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
}

describe('the disparities page in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();
  const plan = loadBuiltinPlan();
  /** The difference of two values as printed: 1.1个千分点. */
  const printedGap = (indicator: string, a: number, b: number): string => {
    const i = plan.indicators.find((x) => x.code === indicator);
    if (!i) throw new Error(indicator);
    const d = indicatorDigits(i);
    return `${formatNumber(Math.abs(roundTo(a, d) - roundTo(b, d)), d)}${changeUnit(i.unit)}`;
  };

  it('shows the urban–rural gaps and county ranges of the command line, with their trend and charts', async () => {
    const cli = await runCli(server.url, 'disparities', '--year', '2024', '--org', CITY, '--format', 'json');
    expect(cli.code, cli.stderr).toBe(0);
    const records = JSON.parse(cli.stdout) as CliRecord[];
    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    await page.goto(`${server.baseUrl}/disparities?year=2024&data=all`);
    await page.locator(`[data-testid="disparities"][data-current="true"][data-org="${CITY}"][data-kind="all"]`).waitFor(WAIT);

    const urbanRural = records.filter((r) => r.urban !== null && r.rural !== null);
    const shownUr = await tableRows(page, PANEL);
    expect(shownUr.map((r) => r.indicator)).toEqual(urbanRural.map((r) => r.indicator));
    for (const [i, r] of urbanRural.entries()) {
      expect(shownUr[i]?.cells, r.indicator).toContain(printedGap(r.indicator, r.urban ?? 0, r.rural ?? 0));
    }
    expect(await page.getByTestId('ur-summary').textContent()).toContain(`在有城乡分组数据的${urbanRural.length}项指标中`);
    await page.locator(`${PANEL} .ant-table-row-expand-icon`).first().click();
    await page.locator(`${PANEL} .ant-table-expanded-row [role="img"] svg`).first().waitFor(WAIT);
    expect(await page.locator(`${PANEL} [data-testid="disparity-sentence"]`).first().textContent()).toMatch(/^2024年,四平市城镇和农村/);
    await screenshot(page, 'disparities');

    await page.getByRole('tab', { name: /县\(市、区\)间差距/ }).click();
    const county = records.filter((r) => r.county_max !== null && r.county_min !== null);
    await expect.poll(async () => (await tableRows(page, PANEL)).length, WAIT).toBe(county.length);
    const shownCounty = await tableRows(page, PANEL);
    expect(shownCounty.map((r) => r.indicator)).toEqual(county.map((r) => r.indicator));
    for (const [i, r] of county.entries()) {
      const cells = shownCounty[i]?.cells.join('|') ?? '';
      expect(cells, r.indicator).toContain(r.county_max_name ?? '?');
      expect(cells, r.indicator).toContain(r.county_min_name ?? '?');
      expect(shownCounty[i]?.cells, r.indicator).toContain(printedGap(r.indicator, r.county_max ?? 0, r.county_min ?? 0));
    }
    await page.locator(`${PANEL} .ant-table-row-expand-icon`).first().click();
    await page.locator(`${PANEL} .ant-table-expanded-row [role="img"] svg`).first().waitFor(WAIT);
    await screenshot(page, 'disparities-counties');
    await page.context().close();
  });
});
