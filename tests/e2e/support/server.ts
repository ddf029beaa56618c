import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../../src/server/app.js';
import { openContext } from '../../../src/server/platform/bootstrap.js';
import type { AppContext, Clock } from '../../../src/server/platform/context.js';
import { openDatabase } from '../../../src/server/platform/db/client.js';
import { migratedSnapshot, testConfig } from '../../support/test-app.js';

export interface E2E {
  ctx: AppContext;
  baseUrl: string;
  browser: Browser;
  newPage(opts?: { mobile?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/**
 * The real server (built UI, embedded database in a temp folder, laid out from the run's migrated
 * snapshot as the integration tests' are) on a free port, and Debian's Chromium.
 */
export async function startE2E(opts: { clock?: Clock } = {}): Promise<E2E> {
  const config = testConfig();
  const { dump } = await migratedSnapshot();
  const database = await openDatabase({ dataDir: config.dataDir, ...(dump ? { loadDataDir: dump } : {}) });
  const ctx = await openContext({ config, database, clock: opts.clock });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    ctx,
    baseUrl,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext(
        opts.mobile
          ? {
              viewport: { width: 375, height: 812 },
              isMobile: true,
              hasTouch: true,
              locale: 'zh-CN',
              reducedMotion: 'reduce',
            }
          : { viewport: { width: 1366, height: 860 }, locale: 'zh-CN', reducedMotion: 'reduce' },
      );
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { page, context };
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

export async function fillLogin(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}
