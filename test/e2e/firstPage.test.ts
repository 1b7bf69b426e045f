/**
 * What the browser downloads before the first page shows: the sign-in page and the workbench a user
 * lands on must stay under 1 MB of gzipped script together (charts and the map come only with the
 * pages that draw them).
 */
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultWebRoot } from '../../src/server/listen.js';
import { useBrowser } from '../support/browser.js';
import { PASSWORD, useServer } from '../support/server.js';

const WAIT = { timeout: 20_000 };

describe('the first page of the web app', () => {
  const server = useServer('sqlite', { demo: true, listen: true, config: { webRoot: defaultWebRoot() } });
  const chrome = useBrowser();

  it('sends less than 1 MB of gzipped script for signing in and the workbench, and no chart library', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const scripts: { url: string; body: Promise<Buffer> }[] = [];
    const collect = (r: Response): void => {
      if (r.request().resourceType() !== 'script') return;
      const body = r.body();
      // A prefetch answered while the context closes has no body to give: not part of the first page.
      body.catch(() => undefined);
      scripts.push({ url: r.url(), body });
    };
    page.on('response', collect);
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('用户名').waitFor(WAIT);
    await page.getByLabel('用户名').fill('city_monitor');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), WAIT);
    await page.getByRole('menu').first().waitFor(WAIT);
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    const bodies = await Promise.all(scripts.map((s) => s.body));
    const gzipped = bodies.reduce((n, b) => n + gzipSync(b).length, 0);
    const text = bodies.map((b) => b.toString('utf8')).join('\n');
    console.info(`sign-in and workbench: ${bodies.length} scripts, ${Math.round(gzipped / 1024)} KB gzipped`);
    expect(bodies.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(1024 * 1024);
    // ECharts registers its renderers by these names; their code must not be on the first page.
    expect(text).not.toContain('registerPainter');
    await context.close();
  }, 60_000);
});
