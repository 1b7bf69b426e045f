/**
 * The yearly reporting round in a real browser (headless Chromium): a department fills its form,
 * the county bureau returns it, it is resubmitted, reviewed and approved by the city, which locks
 * it; a second department reports through the Excel template; every main page is photographed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { LISHU, useServer } from '../support/server.js';

const YEAR = 2025;
/** A workflow step goes to the server and back on a shared machine: wait longer than the default 5 s. */
const SLOW = { timeout: 20_000 };
const CELL = `newborn_visit_rate-${LISHU}-total-total`;

describe('the yearly reporting round in the browser', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();
  let department: Page | null = null;
  const dept = (): Page => {
    if (!department) throw new Error('the department signs in in an earlier test');
    return department;
  };
  const dir = mkdtempSync(join(tmpdir(), 'childplan-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function signInAs(browser: Browser, username: string): Promise<Page> {
    const page = await signIn(browser, server.baseUrl, username);
    await settle(page);
    return page;
  }

  /** The page has drawn its data: the frame is there and no request or spinner is pending. */
  const settle = async (page: Page): Promise<void> => {
    await page.locator('main').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  };

  const openForm = async (page: Page): Promise<void> => {
    await page.goto(`${server.baseUrl}/entry?year=${YEAR}&org=${LISHU}&department=health`);
    await page.getByTestId('entry-grid').waitFor();
  };
  const state = (page: Page) => page.getByTestId('submission-state').getAttribute('data-state');
  /** One workflow step through its button and confirmation; waits for the server's answer, which must be a success. */
  const act = async (page: Page, button: string, confirm: string, reason?: string): Promise<void> => {
    await page.getByTestId(button).click();
    if (reason !== undefined) await page.getByTestId('workflow-reason').fill(reason);
    const step = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        /\/api\/submissions\/[^?]+\/(submit|review|approve|return|reopen)$/.test(new URL(r.url()).pathname),
      SLOW,
    );
    await page.getByRole('button', { name: confirm }).click();
    const response = await step;
    expect(response.status(), await response.text()).toBe(200);
  };

  it('refuses a wrong password with the Chinese message', async () => {
    const context = await chrome.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('lishu_health');
    await page.getByLabel('密码').fill('wrong-Passw0rd');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await screenshot(page, '01-login-error');
    await context.close();
  });

  it('lets a department fix an invalid value it was told about in Chinese, save and submit', async () => {
    const page = await signInAs(chrome.browser, 'lishu_health');
    department = page;
    await screenshot(page, '02-workbench-department');
    await openForm(page);
    await page.getByTestId(`value-${CELL}`).fill('abc');
    await expect.poll(() => page.getByTestId(`error-value-${CELL}`).innerText(), { timeout: 10_000 }).toBe('数值“abc”不是数字');
    await page.getByTestId(`error-value-${CELL}`).scrollIntoViewIfNeeded();
    await screenshot(page, '03-entry-invalid-value');
    await page.getByTestId(`value-${CELL}`).fill('96.5');
    await expect.poll(() => page.getByTestId(`error-value-${CELL}`).count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId(`value-neonatal_mortality-${LISHU}-total-total`).fill('3.1');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toContain('已保存');
    await act(page, 'action-submit', '确认提交');
    await expect.poll(() => state(page), SLOW).toBe('submitted');
    await screenshot(page, '04-entry-submitted');
    const stored = await server.ctx.db
      .selectFrom('data_value')
      .select('value')
      .where('indicator_code', '=', 'newborn_visit_rate')
      .where('org_unit_code', '=', LISHU)
      .where('year', '=', YEAR)
      .executeTakeFirst();
    expect(stored?.value).toBe(96.5);
  });

  it('lets the county bureau return it with a reason, and the department resubmit', async () => {
    const county = await signInAs(chrome.browser, 'lishu_monitor');
    await county.goto(`${server.baseUrl}/review`);
    await county.getByTestId('submissions-table').waitFor();
    await screenshot(county, '05-review-list');
    await act(county, `action-return-health-${LISHU}`, '确认退回', '新生儿访视率与妇幼年报不一致,请核实');
    await expect.poll(() => county.locator(`tr[data-row-key="health|${LISHU}"]`).innerText(), SLOW).toContain('草稿');

    const page = dept();
    await openForm(page);
    expect(await state(page)).toBe('draft');
    await page.getByTestId(`value-${CELL}`).fill('96.8');
    await page.getByTestId('save-reason').fill('按妇幼年报更正');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toContain('已保存');
    await act(page, 'action-submit', '确认提交');
    await expect.poll(() => state(page), SLOW).toBe('submitted');

    await county.reload();
    await county.getByTestId('submissions-table').waitFor();
    await act(county, `action-review-health-${LISHU}`, '确认审核通过');
    await expect.poll(() => county.locator(`tr[data-row-key="health|${LISHU}"]`).innerText(), SLOW).toContain('已审核');
  });

  it('lets the city bureau approve, which locks the form', async () => {
    const city = await signInAs(chrome.browser, 'city_monitor');
    await city.goto(`${server.baseUrl}/review`);
    await city.getByTestId('submissions-table').waitFor();
    await act(city, `action-approve-health-${LISHU}`, '确认批准');
    await expect.poll(() => city.locator(`tr[data-row-key="health|${LISHU}"]`).innerText(), SLOW).toContain('已批准');
    await screenshot(city, '06-review-approved');

    const page = dept();
    await openForm(page);
    expect(await state(page)).toBe('approved');
    await expect.poll(() => page.getByTestId('locked-notice').innerText(), SLOW).toContain('已批准');
    expect(await page.getByTestId(`value-${CELL}`).getAttribute('readonly')).not.toBeNull();
  });

  it('shows every version of a value with who changed it, when, from what and why', async () => {
    const page = dept();
    await page.getByTestId(`history-${CELL}`).click();
    await page.getByTestId('value-versions').waitFor();
    const drawer = await page.getByTestId('history-drawer').innerText();
    expect(drawer).toContain('96.8');
    expect(drawer).toContain('96.5');
    expect(drawer).toContain('按妇幼年报更正');
    expect(drawer).toContain('新生儿访视率与妇幼年报不一致,请核实');
    await screenshot(page, '07-value-history');
  });

  it('takes a filled Excel template back: preview, then confirm', async () => {
    const page = await signInAs(chrome.browser, 'lishu_education');
    await page.goto(`${server.baseUrl}/upload`);
    await page.getByTestId('download-template').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    const template = join(dir, download.suggestedFilename());
    await download.saveAs(template);
    expect(download.suggestedFilename()).toMatch(/^2025年_梨树县_教育局_填报模板\.xlsx$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const sheet = book.getWorksheet('填报表');
    if (!sheet) throw new Error('no 填报表 sheet');
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string): number => header.indexOf(name);
    let filled = 0;
    sheet.eachRow((row, n) => {
      if (
        n === 1 ||
        row.getCell(col('指标代码')).text === '' ||
        row.getCell(col('性别')).text !== '合计' ||
        row.getCell(col('城乡')).text !== '合计'
      )
        return;
      const last = Number(row.getCell(col('上年数值')).text || '90');
      row.getCell(col('数值')).value = Math.min(100, Math.round(last * 1.01 * 10) / 10);
      row.getCell(col('来源')).value = '教育统计年报';
      filled++;
    });
    expect(filled).toBeGreaterThanOrEqual(3);
    const upload = join(dir, '梨树县教育局2025.xlsx');
    await book.xlsx.writeFile(upload);

    await page.locator('.ant-upload input[type=file]').first().setInputFiles(upload);
    await page.getByTestId('upload-changes-table').waitFor();
    expect(await page.getByTestId('count-inserted').innerText()).toContain(String(filled));
    await screenshot(page, '08-upload-preview');
    await page.getByTestId('import-reason').fill('按教育统计年报填报');
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-result').waitFor();
    await screenshot(page, '09-upload-done');
    const stored = await server.ctx.db
      .selectFrom('data_value')
      .select(['indicator_code', 'source'])
      .where('org_unit_code', '=', LISHU)
      .where('year', '=', YEAR)
      .where('source', '=', '教育统计年报')
      .execute();
    expect(stored).toHaveLength(filled);
  });

  it('shows the office and the admin their pages', async () => {
    const office = await signInAs(chrome.browser, 'office');
    await office.goto(`${server.baseUrl}/completeness?year=${YEAR}`);
    await office.locator('main table').first().waitFor();
    await settle(office);
    // What the department entered and the Excel upload both count at once.
    expect(await office.locator('main table tr', { hasText: '梨树县' }).filter({ hasText: '卫生健康委员会' }).innerText()).toMatch(
      /19\s+2\b/,
    );
    for (const [path, name, ready] of [
      ['/', '10-workbench-office', 'main'],
      ['/completeness', '11-completeness', 'main table'],
      ['/qualitative', '12-qualitative', 'main table'],
      ['/assignments', '13-assignments', 'main table'],
      ['/implementation-plans', '14-implementation-plans', 'main table'],
      ['/departments', '15-departments', 'main table'],
    ] as const) {
      await office.goto(`${server.baseUrl}${path}`);
      await office.locator(ready).first().waitFor();
      await settle(office);
      await screenshot(office, name);
    }
    const admin = await signInAs(chrome.browser, 'admin');
    for (const [path, name] of [
      ['/users', '16-users'],
      ['/security-log', '17-security-log'],
    ] as const) {
      await admin.goto(`${server.baseUrl}${path}`);
      await admin.locator('main table').first().waitFor();
      await settle(admin);
      await screenshot(admin, name);
    }
    expect(await admin.locator('main').innerText()).toContain('lishu_health');
  });
});
