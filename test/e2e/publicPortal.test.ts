/**
 * The public portal in a real browser, without signing in: an unpublished year is neither offered
 * nor shown; once the office publishes it, it appears, and the downloads carry the same figures as
 * the command line's assessment and the database.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { indicatorDigits } from '../../src/core/phrasing/figures.js';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { cliAssessment } from '../support/cliAssessment.js';
import { readCsv } from '../support/csvTable.js';
import { useServer } from '../support/server.js';

const LISHU = '220322';
const WAIT = { timeout: 20_000 };

describe('the public portal in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();

  /** A visitor who never signed in, with the bytes of every script the first page loads. */
  async function visit(browser: Browser, path: string): Promise<{ page: Page; scripts: Promise<Buffer>[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body());
    });
    await page.goto(`${server.baseUrl}${path}`);
    return { page, scripts };
  }

  async function publish(year: number): Promise<void> {
    const office = await server.login('office');
    const res = await office.post('/api/publications', { year });
    expect(res.statusCode).toBe(200);
  }

  async function yearOptions(page: Page): Promise<string[]> {
    await page.getByTestId('public-year').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor(WAIT);
    const texts = await options.allTextContents();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
    return texts;
  }

  it('offers no year before one is published, with a first page under 1 MB of script', async () => {
    const { page, scripts } = await visit(chrome.browser, '/public');
    await page.getByTestId('public-no-year').waitFor(WAIT);
    expect(await page.getByTestId('public-title').textContent()).toBe('四平市儿童发展规划(2021-2030年)监测数据公开');
    expect(await page.getByTestId('public-year').count()).toBe(0);
    expect(page.url()).toBe(`${server.baseUrl}/public`);
    await screenshot(page, 'public-portal-unpublished');
    const sizes = await Promise.all(scripts);
    const gzipped = sizes.reduce((n, b) => n + gzipSync(b).length, 0);
    expect(sizes.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(1024 * 1024);
    console.info(`public portal, first page: ${sizes.length} scripts, ${Math.round(gzipped / 1024)} KB gzipped`);
    await page.context().close();
  });

  it('shows a published year and not the year left unpublished, even when the address asks for it', async () => {
    await publish(2023);
    const { page } = await visit(chrome.browser, '/public?year=2024');
    await expect.poll(() => page.getByTestId('public-heading').textContent(), WAIT).toBe('四平市 2023年规划目标进展');
    expect(await yearOptions(page)).toEqual(['2023 年']);
    expect(await page.getByTestId('public-domain').count()).toBe(7);
    await screenshot(page, 'public-portal-2023-only');
    // The API refuses the unpublished year outright.
    const api = await page.request.get(`${server.baseUrl}/api/public/overview?year=2024&org=220300`);
    expect(api.status()).toBe(404);
    await page.context().close();
  });

  it('shows 2024 once the office publishes it, with the figures of the command line’s assessment', async () => {
    await publish(2024);
    const cli = await cliAssessment(server.url, 2024, LISHU);
    const { page } = await visit(chrome.browser, `/public?org=${LISHU}`);
    await expect.poll(() => page.getByTestId('public-heading').textContent(), WAIT).toBe('梨树县 2024年规划目标进展');
    expect(await yearOptions(page)).toEqual(['2024 年', '2023 年']);
    // Every county-level report of 梨树县 for 2024 is approved: the public tile is the CLI's figure.
    const code = 'newborn_visit_rate';
    const record = cli.find((r) => r.indicator === code && r.sex === 'total' && r.area === 'total');
    const indicator = server.ctx.plan().indicators.find((i) => i.code === code);
    expect(record?.latest_year).toBe(2024);
    if (!record || record.value === null || !indicator) throw new Error('no CLI figure');
    const tile = page.locator(`[data-testid="public-tile"][data-indicator="${code}"]`).first();
    await expect
      .poll(() => tile.getByTestId('public-tile-value').textContent(), WAIT)
      .toContain(record.value.toFixed(indicatorDigits(indicator)));
    await screenshot(page, 'public-portal-home');

    await tile.click();
    await expect.poll(() => page.getByTestId('indicator-name').textContent(), WAIT).toContain(indicator.name);
    await page.getByTestId('progress-card').waitFor(WAIT);
    expect(page.url()).toContain(`/public/indicators/${code}?year=2024&org=${LISHU}`);
    // The chart's text alternative lists the published years only, with the CLI's figure.
    await page.locator('[data-testid="trend-chart"] svg').waitFor(WAIT);
    const described = await page.getByTestId('trend-chart').getAttribute('aria-label');
    expect(described?.startsWith(`${indicator.name}历年走势:`)).toBe(true);
    expect(described).toContain(`2024年${record.value.toFixed(indicatorDigits(indicator))}`);
    expect(described).not.toMatch(/20(18|19|20|21|22)年/);
    // No boundary map on the public portal: charts and tables only.
    expect(await page.getByText('示意图').count()).toBe(0);
    await screenshot(page, 'public-portal-indicator');
    await page.context().close();
  });

  it('downloads CSV and SDMX-CSV holding the CLI’s and the database’s figures', async () => {
    const cli = await cliAssessment(server.url, 2024, LISHU);
    const { page } = await visit(chrome.browser, '/public/downloads');
    await page.getByTestId('download-csv').waitFor(WAIT);
    await screenshot(page, 'public-portal-downloads');
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(csvFile.suggestedFilename()).toBe('四平市儿童发展规划(2021-2030年)公开数据.csv');
    const csv = readCsv(readFileSync(await csvFile.path(), 'utf8'));
    expect(csv.bom).toBe(true);
    const lishu2024 = csv.rows.filter(
      (r) => r['单位代码'] === LISHU && r['年份'] === '2024' && r['性别'] === '合计' && r['城乡'] === '合计',
    );
    const compared = cli.filter((r) => r.sex === 'total' && r.area === 'total' && r.latest_year === 2024 && r.value !== null);
    expect(compared.length).toBeGreaterThan(10);
    for (const r of compared) {
      const row = lishu2024.find((x) => x['指标代码'] === r.indicator && x['年龄组'] === '合计');
      expect(Number(row?.['数值']), r.indicator).toBeCloseTo(r.value ?? Number.NaN, 4);
    }

    const [sdmxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-sdmx').click()]);
    const sdmx = readCsv(readFileSync(await sdmxFile.path(), 'utf8'));
    const stored = await server.ctx.db
      .selectFrom('data_value')
      .select(['indicator_code', 'value'])
      .where('org_unit_code', '=', LISHU)
      .where('year', '=', 2024)
      .where('sex', '=', 'total')
      .where('area', '=', 'total')
      .where('age_group', '=', 'total')
      .where('value', 'is not', null)
      .execute();
    expect(stored.length).toBeGreaterThan(10);
    for (const s of stored) {
      const row = sdmx.rows.find(
        (x) =>
          x.INDICATOR === s.indicator_code && x.REF_AREA === LISHU && x.TIME_PERIOD === '2024' && x.SEX === '_T' && x.URBANISATION === '_T',
      );
      expect(Number(row?.OBS_VALUE), s.indicator_code).toBeCloseTo(s.value ?? Number.NaN, 4);
      expect(row?.STRUCTURE).toBe('dataflow');
    }
    // Only published years, never the unpublished ones.
    expect(new Set(sdmx.rows.map((r) => r.TIME_PERIOD))).toEqual(new Set(['2023', '2024']));
    await page.context().close();
  });

  it('gives the plan’s text on 关于规划', async () => {
    const { page } = await visit(chrome.browser, '/public/about');
    await page.getByTestId('public-about').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('public-about').textContent(), WAIT).toContain('新生儿死亡率下降到3‰以下');
    await screenshot(page, 'public-portal-about');
    await page.context().close();
  });

  it('lets the office withdraw a year on the 公开发布 page, and the portal no longer offers it', async () => {
    const page = await signIn(chrome.browser, server.baseUrl, 'office');
    await page.goto(`${server.baseUrl}/publications`);
    const table = page.getByTestId('publications-table');
    const row2023 = table.locator('tr', { hasText: '2023 年' });
    await expect.poll(() => row2023.textContent(), WAIT).toContain('已公开发布');
    await expect.poll(() => table.locator('.ant-spin-spinning').count(), WAIT).toBe(0);
    await screenshot(page, 'publications-page');
    await page.getByRole('button', { name: '撤回 2023 年' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤回' }).click();
    await expect.poll(() => row2023.textContent(), WAIT).toContain('未发布');
    const logged = await server.ctx.db.selectFrom('security_log').select('detail').where('event', '=', 'year_withdrawn').execute();
    expect(logged.map((l) => l.detail.slice(0, 11))).toEqual(['撤回 2023 年数据']);
    await page.context().close();

    const { page: visitor } = await visit(chrome.browser, '/public?year=2023');
    await expect.poll(() => visitor.getByTestId('public-heading').textContent(), WAIT).toBe('四平市 2024年规划目标进展');
    expect(await yearOptions(visitor)).toEqual(['2024 年']);
    await visitor.context().close();
  });
});
