/**
 * The indicator page in a real browser on the demo data: the figures shown are the command line's
 * assessment of the same data, the map shows Siping's five county-level units (示意图, no 公主岭),
 * and the page goes down from the city to a county, a township and its villages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../src/core/phrasing/labels.js';
import type { Status } from '../../src/core/assess/types.js';
import { defaultWebRoot } from '../../src/server/listen.js';
import { SCREENSHOTS, screenshot, signIn, useBrowser } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { CITY, LISHU, useServer } from '../support/server.js';

interface CliRecord {
  indicator: string;
  org_unit: string;
  org_name: string;
  sex: string;
  area: string;
  value: number | null;
  latest_year: number | null;
  status: Status;
  projected_value: number | null;
}

const COUNTIES = ['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市'];
const WAIT = { timeout: 20_000 };

describe('the indicator page in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();

  async function assessed(indicator: string, units: string[]): Promise<CliRecord[]> {
    const cli = await runCli(
      server.url,
      'assess',
      '--year',
      '2024',
      '--org',
      units.join(','),
      '--indicator',
      indicator,
      '--format',
      'json',
    );
    expect(cli.code, cli.stderr).toBe(0);
    return (JSON.parse(cli.stdout) as CliRecord[]).filter((r) => r.sex === 'total' && r.area === 'total');
  }

  async function progressOf(page: Page, unitName: string): Promise<string> {
    const card = page.getByTestId('progress-card');
    await expect.poll(() => card.textContent(), WAIT).toContain(`${unitName} 2024年进展`);
    return (await card.textContent()) ?? '';
  }

  it('shows the value, target and status of the command line, the counties and the map of Siping labelled 示意图', async () => {
    const cli = await assessed('under5_mortality', [CITY, '220302', '220303', '220322', '220323', '220382']);
    const city = cli.find((r) => r.org_unit === CITY);
    if (!city || city.value === null || city.projected_value === null) throw new Error('no assessment of the city');

    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    // The command line assesses every stored value: the page is asked for the same (含未批准数据).
    await page.goto(`${server.baseUrl}/indicators/under5_mortality?year=2024&org=${CITY}&data=all`);
    await page.getByTestId('indicator-value').waitFor(WAIT);
    await progressOf(page, '四平市');
    expect(await page.getByTestId('indicator-name').textContent()).toBe('5岁以下儿童死亡率(‰)');
    expect(await page.getByTestId('indicator-value').textContent()).toContain(`${city.value.toFixed(1)}‰`);
    expect(await page.getByTestId('indicator-value').textContent()).toContain(`${city.latest_year}年`);
    expect(await page.getByTestId('indicator-target').textContent()).toContain('≤5‰');
    expect(await page.getByTestId('indicator-status').textContent()).toContain(STATUS_LABELS[city.status]);
    expect(await page.getByTestId('indicator-sentence').textContent()).toMatch(
      new RegExp(`^按当前速度,2030年预计为${city.projected_value.toFixed(1)}‰,目标为5‰以下,需年均下降\\d+\\.\\d%。$`),
    );

    // Each county as the command line assessed it.
    const table = page.getByTestId('children-table');
    for (const county of cli.filter((r) => r.org_unit !== CITY)) {
      const row = table.locator('tr', { hasText: county.org_name });
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(`${county.value?.toFixed(1)}‰`);
      expect(text).toContain(STATUS_LABELS[county.status]);
    }

    // The map: the five county-level units and nothing else, drawn offline, labelled 示意图.
    const map = page.getByTestId('siping-map');
    await expect.poll(() => map.locator('svg text').count(), WAIT).toBeGreaterThan(5);
    const labels = (await map.locator('svg text').allTextContents()).join(' ');
    for (const name of COUNTIES) expect(labels).toContain(name);
    expect(labels).toContain('示意图');
    expect(labels).not.toContain('公主岭');
    expect(await page.getByTestId('map-caption').textContent()).toContain('示意图');
    expect(await page.locator('body').textContent()).not.toContain('公主岭');
    // One filled region per county: the map's paths carry the five status colours, and no sixth unit.
    const regions = await map
      .locator('svg path[fill="#cf1322"], svg path[fill="#faad14"], svg path[fill="#52c41a"], svg path[fill="#bfbfbf"]')
      .count();
    expect(regions).toBe(5);
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    await screenshot(page, 'indicator-city');

    // Coloured by value: the same five units, a scale instead of the warnings' legend.
    await page.getByText('按数值着色').click();
    await expect.poll(() => page.getByTestId('map-legend').count(), WAIT).toBe(0);
    const byValue = (await map.locator('svg text').allTextContents()).join(' ');
    for (const name of COUNTIES) expect(byValue).toContain(name);
    expect(byValue).not.toContain('公主岭');
    await map.screenshot({ path: `${SCREENSHOTS}/indicator-map-by-value.png` });
    await page.context().close();
  });

  it('goes down from the city to a county, one of its townships and its villages', async () => {
    const [lishu] = await assessed('children_home_coverage', [LISHU]);
    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    await page.goto(`${server.baseUrl}/indicators/children_home_coverage?year=2024&org=${CITY}&data=all`);
    await progressOf(page, '四平市');
    await page.getByTestId(`open-${LISHU}`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('org'), WAIT).toBe(LISHU);
    await progressOf(page, '梨树县');
    expect(await page.getByTestId('indicator-value').textContent()).toContain(`${lishu?.value?.toFixed(1)}%`);
    expect(await page.getByTestId('children-table').textContent()).toContain('乡镇(街道)');
    // No map below the city: the committed map has the county-level units only.
    expect(await page.getByTestId('siping-map').count()).toBe(0);
    await screenshot(page, 'indicator-county');

    const township = page.getByTestId('children-table').locator('tr', { hasText: '有' }).first().getByRole('button');
    const townshipName = (await township.textContent()) ?? '';
    await township.click();
    await progressOf(page, townshipName);
    await expect.poll(() => page.getByTestId('children-table').textContent(), WAIT).toContain('村(社区)');
    const villages = await page.getByTestId('children-table').locator('tbody tr').count();
    expect(villages).toBeGreaterThan(0);
    await screenshot(page, 'indicator-township');
    await page.context().close();
  });

  it('lists the indicators with their status and opens one', async () => {
    const page = await signIn(chrome.browser, server.baseUrl, 'viewer');
    await page.goto(`${server.baseUrl}/indicators?year=2024`);
    const link = page.getByTestId('indicator-link-neonatal_mortality');
    await link.waitFor(WAIT);
    await screenshot(page, 'indicator-list');
    await link.click();
    await expect.poll(() => page.getByTestId('indicator-name').textContent(), WAIT).toBe('新生儿死亡率(‰)');
    expect(new URL(page.url()).pathname).toBe('/indicators/neonatal_mortality');
    // A viewer is not offered unapproved figures.
    expect(await page.getByTestId('data-kind').count()).toBe(0);
    await page.context().close();
  });
});
