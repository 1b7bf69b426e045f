/** The reports page in a real browser: choosing a report and downloading it; what a viewer is offered. */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { useServer } from '../support/server.js';
import { openWorkbook } from '../reports/workbook.js';

describe('the reports page in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();

  async function open(browser: Browser, username: string): Promise<Page> {
    const page = await signIn(browser, server.baseUrl, username);
    await page.goto(`${server.baseUrl}/reports`);
    await page.getByTestId('report-generate').waitFor();
    return page;
  }

  it('downloads the statistical tables the statistician chose, marked as a draft when unapproved data is included', async () => {
    const page = await open(chrome.browser, 'city_monitor');
    await page.getByTestId('report-kind').getByText('统计资料', { exact: true }).click();
    await expect.poll(() => page.getByTestId('report-explanation').textContent()).toContain('每个领域一张表');
    expect(await page.getByRole('radio', { name: 'Word(.docx)' }).isDisabled()).toBe(true);
    await page.getByTestId('report-year').click();
    await page.locator('.ant-select-item-option[title="2024 年"]').click();
    await expect.poll(() => page.getByTestId('report-year').textContent()).toContain('2024 年');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-generate').click()]);
    expect(download.suggestedFilename()).toBe('四平市儿童发展统计资料(2020—2024年)(草稿).xlsx');
    await screenshot(page, 'reports');
    const path = await download.path();
    const book = await openWorkbook(readFileSync(path));
    expect(book.worksheets[0]?.name).toBe('说明');
    await page.context().close();
  });

  it('offers a viewer approved data only', async () => {
    const page = await open(chrome.browser, 'viewer');
    expect(await page.getByRole('radio', { name: '含未批准' }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: '已批准' }).isChecked()).toBe(true);
    await page.context().close();
  });
});
