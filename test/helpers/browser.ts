// One way to start a browser test: a fresh demo database (SQLite unless the test names PostgreSQL), the real server with the built web
// app, and Debian's Chromium through playwright-core. A missing build or browser fails the test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, DEFAULT_WEB_ROOT } from '../../src/server/app';
import type { Dialect } from '../../src/db/connect';
import { createInitializedDatabase, type TestDatabase } from './databases';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp';
// Without the networking flags Chromium tries to reach Google's hosts, which this closed network refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserSession {
  database: TestDatabase;
  app: FastifyInstance;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Script errors and console errors other than failed requests (refused actions show as those). */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function startBrowserSession(opts: { dialect?: Dialect; prepare?: (database: TestDatabase) => Promise<void> } = {}): Promise<BrowserSession> {
  const index = join(DEFAULT_WEB_ROOT, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: build the web app first with \`npx vite build\`.`);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium fonts-wqy-microhei) or set CHROMIUM_PATH.`);
  }
  const database = await createInitializedDatabase(opts.dialect ?? 'sqlite', { demo: true });
  await opts.prepare?.(database);
  const app = await buildApp({ database, webRoot: DEFAULT_WEB_ROOT });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  // Reduced motion turns antd's animations off: with them, Playwright could press on a dialog in its first,
  // not yet zooming frame and release after it moved, so the click went to the page behind (a flaky failure).
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      pageErrors.push(`${msg.text()} @ ${page.url()} ${msg.location().url}:${msg.location().lineNumber}`);
    }
  });
  return {
    database, app, browser, context, page, baseUrl, pageErrors,
    close: async () => {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}
