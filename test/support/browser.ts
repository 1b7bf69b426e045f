/**
 * Headless Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core.
 * Screenshots go to test-results/screenshots/, written by every run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHILDPLAN_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join('test-results', 'screenshots');

// The machine's network is closed: without these, Chromium keeps trying to reach Google.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      return browser;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
