/** A password older than ninety days in the browser: the sign-in leads to the password page, which says why. */
import { describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/server/listen.js';
import { screenshot, signIn, useBrowser } from '../support/browser.js';
import { PASSWORD, useServer } from '../support/server.js';

const DAY = 86_400_000;
const WAIT = { timeout: 20_000 };

describe('an expired password in the browser', () => {
  const server = useServer('sqlite', { listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();

  it('sends the user to the password page saying the password expired, and lets him on once it is changed', async () => {
    server.advanceClock(91 * DAY);
    const page = await signIn(chrome.browser, server.baseUrl, 'viewer');
    await page.waitForURL((u) => u.pathname === '/password', WAIT);
    await expect.poll(() => page.getByTestId('password-forced').innerText(), WAIT).toContain('密码已过期');
    await screenshot(page, 'password-expired');
    await page.getByLabel('原密码').fill(PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Renewed-Passw0rd#');
    await page.getByLabel('确认新密码').fill('Renewed-Passw0rd#');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((u) => u.pathname !== '/password', WAIT);
    await expect.poll(() => page.getByTestId('password-forced').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
