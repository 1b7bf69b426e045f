/**
 * The overview page (总览) in a real browser on the demo data: the counts, 达标率 and tiles shown are
 * the command line's assessment of the same database; switching county shows the county's; an
 * approval made through the API shows on the page when the user comes back to it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indicatorDigits } from '../../src/core/phrasing/figures.js';
import { formatValue } from '../../src/core/phrasing/reportNumbers.js';
import { loadBuiltinPlan } from '../../src/plans/siping/loadPlan.js';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { cliAssessment, countedRecords, expectedByDomain, key } from '../support/cliAssessment.js';
import { CITY, LISHU, useServer } from '../support/server.js';

const WAIT = { timeout: 20_000 };
const YITONG = '220323';

interface ShownTile {
  key: string;
  status: string | null;
  warning: string | null;
  label: string | null;
}

async function tiles(page: Page): Promise<ShownTile[]> {
  return page.getByTestId('overview-tile').evaluateAll((links) =>
    links.map((a) => ({
      key: `${a.getAttribute('data-indicator')}|${a.getAttribute('data-sex')}|${a.getAttribute('data-area')}`,
      status: a.getAttribute('data-status'),
      warning: a.getAttribute('data-warning'),
      label: a.getAttribute('aria-label'),
    })),
  );
}

/** Waits until the page shows the unit, year and kind asked for, and nothing older is dimmed in their place. */
async function shown(page: Page, org: string, year: number, kind: string): Promise<void> {
  await page
    .locator(`[data-current="true"] > [data-testid="overview"][data-org="${org}"][data-year="${year}"][data-kind="${kind}"]`)
    .waitFor(WAIT);
}

describe('the overview page in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();
  const plan = loadBuiltinPlan();

  it('shows for the city the counts per status, the 达标率 and a tile per target of the command line’s assessment', async () => {
    const records = await cliAssessment(server.url, 2024, CITY);
    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    await page.goto(`${server.baseUrl}/overview?year=2024&data=all`);
    await shown(page, CITY, 2024, 'all');
    for (const d of expectedByDomain(records)) {
      const card = page.getByTestId(`domain-${d.code}`);
      expect(await card.getByTestId('domain-rate').textContent(), d.name).toBe(d.summary.rateText);
      const counts = await card
        .getByTestId('domain-counts')
        .locator('[data-status]')
        .evaluateAll((tags) => Object.fromEntries(tags.map((t) => [t.getAttribute('data-status'), Number(t.getAttribute('data-count'))])));
      expect(counts, d.name).toEqual(Object.fromEntries(Object.entries(d.summary.counts).filter(([, n]) => n > 0)));
    }
    const counted = countedRecords(records);
    expect(await page.getByTestId('summary-total').textContent()).toContain(String(counted.length));
    const onPage = await tiles(page);
    expect(onPage.map((t) => t.key).sort()).toEqual(counted.map(key).sort());
    const byKey = new Map(onPage.map((t) => [t.key, t]));
    for (const r of counted) {
      const t = byKey.get(key(r));
      expect([t?.status, t?.warning], key(r)).toEqual([r.status, r.warning]);
      const indicator = plan.indicators.find((i) => i.code === r.indicator);
      if (r.value !== null && indicator)
        expect(t?.label, key(r)).toContain(formatValue(r.value, indicator.unit, indicatorDigits(indicator)));
    }
    await page.getByTestId('domain-chart').locator('svg').waitFor(WAIT);
    expect(await page.getByTestId('qualitative-goal').count()).toBeGreaterThan(0);
    await screenshot(page, 'overview');
    await page.context().close();
  });

  it('switches to a county at once with its own figures, and leads from a tile to the indicator page', async () => {
    // Every 2024 form of 梨树县 is approved in the demo set: its approved figures are all its figures.
    const records = countedRecords(await cliAssessment(server.url, 2024, LISHU));
    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    await page.goto(`${server.baseUrl}/overview?year=2024`);
    await shown(page, CITY, 2024, 'approved');
    await page.getByTestId('org-unit-select').click();
    await page.locator('.ant-select-tree-node-content-wrapper[title="梨树县"]').click();
    await shown(page, LISHU, 2024, 'approved');
    const onPage = await tiles(page);
    expect(onPage.map((t) => `${t.key}|${t.status}|${t.warning}`).sort()).toEqual(
      records.map((r) => `${key(r)}|${r.status}|${r.warning}`).sort(),
    );
    // Back to the city: answered from what the page already has, before the server is asked again.
    await page.getByTestId('org-unit-select').click();
    await page.locator('.ant-select-tree-node-content-wrapper[title="四平市"]').click();
    await page.locator(`[data-testid="overview"][data-org="${CITY}"]`).waitFor({ timeout: 1_000 });
    await page.getByTestId('org-unit-select').click();
    await page.locator('.ant-select-tree-node-content-wrapper[title="梨树县"]').click();
    await shown(page, LISHU, 2024, 'approved');
    await page.locator('[data-testid="overview-tile"][data-indicator="under5_mortality"][data-sex="total"][data-area="total"]').click();
    await page.waitForURL((u) => u.pathname === '/indicators/under5_mortality', WAIT);
    const url = new URL(page.url());
    expect([url.searchParams.get('org'), url.searchParams.get('year')]).toEqual([LISHU, '2024']);
    await page.context().close();
  });

  it('shows an approval the moment the user comes back to the overview', async () => {
    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    await page.goto(`${server.baseUrl}/overview?year=2024&org=${YITONG}`);
    await shown(page, YITONG, 2024, 'approved');
    // The tile of 伊通 as shown now, never another unit's dimmed while 伊通's figures are on their way.
    const tile = page.locator(
      `[data-current="true"] > [data-org="${YITONG}"] [data-testid="overview-tile"][data-indicator="neonatal_mortality"][data-sex="total"][data-area="total"]`,
    );
    // 伊通's health bureau submitted its 2024 figures; until they are approved the page shows 2023's.
    expect(await tile.getAttribute('aria-label')).toContain('(2023年)');
    const [submitted] = (await cliAssessment(server.url, 2024, YITONG)).filter((r) => key(r) === 'neonatal_mortality|total|total');
    if (!submitted || submitted.value === null) throw new Error('no 2024 value of 伊通');
    expect(submitted.latest_year).toBe(2024);

    const api = await server.login('city_monitor');
    expect((await api.post(`/api/submissions/health/${YITONG}/2024/review`, { reason: '' })).statusCode).toBe(200);
    expect((await api.post(`/api/submissions/health/${YITONG}/2024/approve`, { reason: '' })).statusCode).toBe(200);

    // Away to the warnings page and back through the menu, in the same page: no reload.
    await page.getByRole('menuitem', { name: '预警' }).click();
    await page.getByTestId('warnings').waitFor(WAIT);
    await page.getByRole('menuitem', { name: '总览' }).click();
    await page.getByTestId('org-unit-select').click();
    await page.locator('.ant-select-tree-node-content-wrapper[title="伊通满族自治县"]').click();
    await expect.poll(() => tile.getAttribute('aria-label'), WAIT).not.toContain('(2023年)');
    expect(await tile.getAttribute('aria-label')).toContain(formatValue(submitted.value, '‰', 1));
    const approved = countedRecords(await cliAssessment(server.url, 2024, YITONG));
    const onPage = await tiles(page);
    expect(onPage.map((t) => `${t.key}|${t.status}|${t.warning}`).sort()).toEqual(
      approved.map((r) => `${key(r)}|${r.status}|${r.warning}`).sort(),
    );
    await screenshot(page, 'overview-after-approval');
    await page.context().close();
  });
});
