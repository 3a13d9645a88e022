// Headless Chromium for the page tests (test/support/chromium.ts), one browser per test file and a
// fresh context per page. Every
// request a page makes is recorded, and any that is not the page file itself is aborted before it
// leaves, so a test can assert that the page asked for nothing; CSP violations, page errors and
// console errors are recorded too.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Availability } from '../lab/lab.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.js';
import { ROOT } from '../support/profiles.js';

export const PAGE_FILE = `${ROOT}dist/synfw.html`;
export const PAGE_URL = `file://${PAGE_FILE}`;

export function browserAvailability(): Availability {
  if (!existsSync(CHROMIUM)) return { ok: false, why: `missing: ${CHROMIUM} (Debian package chromium)` };
  if (!existsSync(PAGE_FILE)) return { ok: false, why: 'dist/synfw.html is not built (npm run build)' };
  return { ok: true };
}

/** Launches Chromium with a fresh user-data-dir (playwright makes one under $TMPDIR and removes it). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** What a page did that it should not have. */
export interface Watch {
  /** Every URL requested, in order (the page file itself included). */
  requests: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** securitypolicyviolation events: "<directive> <blocked URI>". */
  violations(): Promise<string[]>;
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  watch: Watch;
}

/** A new context and page, watched; `allowed` is the one URL that may load (the page file). */
export async function watchedPage(browser: Browser, options: { width?: number; height?: number; allowed?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const allowed = options.allowed ?? PAGE_URL;
  const watch: Watch = {
    requests: [],
    pageErrors: [],
    consoleErrors: [],
    violations: () => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
  context.on('request', (r) => watch.requests.push(r.url()));
  // Nothing but the page file may load: anything else is aborted before a byte is sent.
  await context.route('**/*', (route) => (route.request().url() === allowed ? route.continue() : route.abort()));
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    watch.pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, watch };
}

/** Waits until the page has shown the result of the last change. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.dataset.pending, undefined, { timeout: 10_000 });
}

export interface Shown {
  output: string | null;
  file: string;
  diagnostics: string[];
  status: string;
}

/** What the page shows: the output (null when there is none), its file name, the diagnostics' lines. */
export async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const file = document.getElementById('output-file')!.textContent ?? '';
    return {
      output: file ? document.getElementById('output')!.textContent : null,
      file,
      diagnostics: [...document.querySelectorAll('#diagnostics code.diagnostic')].map((e) => e.textContent ?? ''),
      status: document.getElementById('status')!.textContent ?? '',
    };
  });
}

/** Loads a profile file through the page's file picker, as a user would. */
export async function loadProfile(page: Page, path: string): Promise<void> {
  await page.setInputFiles('#profile-file', path);
  await settled(page);
}

/** Chooses a target and format in the page's selects (only what differs: a new target starts at its default format). */
export async function pick(page: Page, target: string, format = 'default'): Promise<void> {
  if ((await page.inputValue('#target')) !== target) {
    await page.selectOption('#target', target);
    await settled(page);
  }
  if ((await page.inputValue('#format')) !== format) {
    await page.selectOption('#format', format);
    await settled(page);
  }
}
