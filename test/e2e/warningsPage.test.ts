/**
 * The early-warning page (预警) in a real browser on the demo data: the red and yellow targets shown
 * are those of the command line's assessment of the same database, each with a reason and its lead
 * department; the Excel export opens with exceljs and has the rows; the history shows every year.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getResponsibilities } from '../../src/app/responsibilities.js';
import { getDepartmentNames } from '../../src/db/repositories/qualitative.js';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { cliAssessment, countedRecords, inDomainOrder, key, type CliRecord } from '../support/cliAssessment.js';
import { CITY, useServer } from '../support/server.js';
import { openWorkbook, rowTexts } from '../reports/workbook.js';

const WAIT = { timeout: 20_000 };

function warned(records: readonly CliRecord[]): CliRecord[] {
  const counted = inDomainOrder(countedRecords(records));
  return [...counted.filter((r) => r.warning === 'red'), ...counted.filter((r) => r.warning === 'yellow')];
}

async function rowsShown(page: Page): Promise<{ key: string; warning: string; reason: string; lead: string }[]> {
  return page.locator('[data-current="true"] tr:has([data-testid="warning-tag"])').evaluateAll((rows) =>
    rows.map((tr) => {
      const link = tr.querySelector('[data-testid="warning-indicator"]');
      const cells = tr.querySelectorAll('td');
      return {
        key: `${link?.getAttribute('data-indicator')}|${link?.getAttribute('data-sex')}|${link?.getAttribute('data-area')}`,
        warning: tr.querySelector('[data-testid="warning-tag"]')?.getAttribute('data-warning') ?? '',
        reason: tr.querySelector('[data-testid="warning-reason"]')?.textContent ?? '',
        lead: cells[cells.length - 2]?.textContent ?? '',
      };
    }),
  );
}

describe('the early-warning page in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();

  it('lists the red, then the yellow targets of the command line’s assessment with why and who leads, and exports them', async () => {
    const expected = warned(await cliAssessment(server.url, 2024, CITY));
    expect(expected.length).toBeGreaterThan(0);
    const page = await signIn(chrome.browser, server.baseUrl, 'city_monitor');
    await page.goto(`${server.baseUrl}/warnings?year=2024&data=all`);
    await page
      .locator(`[data-testid="warnings"][data-current="true"][data-org="${CITY}"][data-year="2024"][data-kind="all"]`)
      .waitFor(WAIT);
    const rows = await rowsShown(page);
    expect(rows.map((r) => `${r.key}|${r.warning}`)).toEqual(expected.map((r) => `${key(r)}|${r.warning}`));
    const responsibilities = await getResponsibilities(server.ctx.db, 2024);
    const names = await getDepartmentNames(server.ctx.db);
    for (const [i, r] of expected.entries()) {
      const lead = responsibilities.get(r.indicator)?.lead;
      expect(rows[i]?.lead, key(r)).toBe(lead ? names.get(lead) : '未指定');
      expect(rows[i]?.reason.length, key(r)).toBeGreaterThan(4);
    }
    expect(await page.getByTestId('red-count').textContent()).toContain(String(expected.filter((r) => r.warning === 'red').length));
    expect(await page.getByTestId('yellow-count').textContent()).toContain(String(expected.filter((r) => r.warning === 'yellow').length));

    // The history: the last year's column is the list above.
    const history = page.getByTestId('warning-history');
    await history.getByTestId('history-chart').locator('svg').waitFor(WAIT);
    const lastYear = await history
      .locator('[data-testid="history-cell"][data-year="2024"]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-warning')));
    expect(lastYear.filter((w) => w === 'red').length).toBe(expected.filter((r) => r.warning === 'red').length);
    expect(lastYear.filter((w) => w === 'yellow').length).toBe(expected.filter((r) => r.warning === 'yellow').length);
    expect(await history.locator('th').allTextContents()).toEqual(expect.arrayContaining(['2020', '2021', '2022', '2023', '2024']));
    await screenshot(page, 'warnings');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('warning-export').click()]);
    expect(download.suggestedFilename()).toBe('四平市2024年预警指标(含未批准数据).xlsx');
    const book = await openWorkbook(readFileSync(await download.path()));
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const texts = rowTexts(sheet);
    expect(texts[0]?.split('|')).toEqual([
      '序号',
      '领域',
      '指标',
      '最新值',
      '数据年份',
      '目标',
      '状态',
      '预警',
      '预警原因',
      '牵头单位',
      '配合单位',
    ]);
    expect(texts.slice(1, 1 + expected.length).map((t) => t.split('|')[7])).toEqual(
      expected.map((r) => (r.warning === 'red' ? '红色预警' : '黄色预警')),
    );
    await page.context().close();
  });

  it('shows a viewer the approved warnings only and names the file without a draft mark', async () => {
    const page = await signIn(chrome.browser, server.baseUrl, 'viewer');
    await page.goto(`${server.baseUrl}/warnings?year=2024`);
    await page.locator(`[data-testid="warnings"][data-current="true"][data-kind="approved"]`).waitFor(WAIT);
    expect(await page.getByTestId('data-kind').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('warning-export').click()]);
    expect(download.suggestedFilename()).toBe('四平市2024年预警指标.xlsx');
    await page.context().close();
  });
});
