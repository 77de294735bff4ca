// Reusable Playwright helpers for UI tests in a real VS Code (code-server). Run by
// scripts/run-ui.mjs, which starts the emulator + code-server once and sets:
//   CPL_UI_URL        code-server base URL (http://127.0.0.1:<port>)
//   CPL_UI_WORKSPACE  fixture folder opened by default
//   CPL_UI_EXT_PATH   the extension folder, loaded as a development extension via the payload
//   CPL_EMULATOR_URL  local AWS/ClickHouse emulator (absent if the emulator is not built)
//
// Helpers (all take a Playwright `page` opened with openWorkbench):
//   openWorkbench({ folder })            new Chromium context + page on the workbench with the
//                                        extension loaded; clipboard granted; resolves once
//                                        .monaco-workbench is shown → { page, browser, close() }
//   openView(page, title)                click the activity-bar icon whose label starts with title
//   findRow(page, text)                  locator of the tree/list row containing text (waits visible)
//   expandRow(page, text)                expand a collapsed tree row (no-op if expanded)
//   contextMenu(page, rowText, item)     right-click the row, wait 500 ms for the menu to settle
//                                        (clicking at once is flaky), click the menu item by name;
//                                        reopens the menu until the item shows (state arriving late)
//   runCommand(page, label)              F1, type `>label`, pick the matching row, Enter
//   readClipboard(page)                  navigator.clipboard.readText() in the page
//   findWebviewFrame(page, selector)     the webview frame holding selector (searches all frames)
//   screenshotOnFailure(ctx)             mocha afterEach helper: saves test-results/<title>.png
//   assertNoExternalRequests(browser)    throws if the browser asked for a non-loopback host
//   emulatorControl(route, body)         the emulator's control API: POST body (GET without one) to
//                                        /_emulator/<route>, resolves to its JSON; no-op without emulator
//   EMULATOR_DEFAULT_TIMINGS             its default settle times, to put back after changing them
// Assert side effects (clipboard, files, tree contents), not toasts: notifications are flaky.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../scripts/lib/browser.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const MENU_SETTLE_MS = 500;

function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run UI tests through scripts/run-ui.mjs (npm run test:ui)`);
  return v;
}

export function workbenchUrl({ folder = process.env.CPL_UI_WORKSPACE, extensionPath = process.env.CPL_UI_EXT_PATH } = {}) {
  const base = new URL(env('CPL_UI_URL'));
  const remote = (p) => `vscode-remote://${base.host}${p}`;
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  if (extensionPath) q.push(`payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', remote(extensionPath)]]))}`);
  return `${base.origin}/?${q.join('&')}`;
}

/** Opens the workbench in a fresh browser context (so a fresh extension host). */
export async function openWorkbench(opts = {}) {
  const origin = new URL(env('CPL_UI_URL')).origin;
  const browser = await launchBrowser({ origin });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(opts.timeout ?? 30_000);
  await page.goto(workbenchUrl(opts));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  return { page, browser, close: () => browser.close() };
}

export async function openView(page, title) {
  const icon = page.locator(`.activitybar [aria-label^="${title}"]`).first();
  await icon.waitFor({ state: 'visible', timeout: 45_000 });
  // Clicking an already-open container collapses the side bar: only click when not checked.
  const active = await icon.evaluate((el) => {
    const item = el.closest('.action-item') || el;
    return item.classList.contains('checked') || item.getAttribute('aria-selected') === 'true' || item.getAttribute('aria-checked') === 'true';
  });
  if (!active) await icon.click();
  // The side bar title reads "<container title>" (or "<container>: <view>" with a single view).
  await page.locator('.part.sidebar .composite.title', { hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 });
  return icon;
}

export async function findRow(page, text, { timeout = 30_000 } = {}) {
  const row = page.locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout });
  return row;
}

export async function expandRow(page, text) {
  const row = await findRow(page, text);
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  return row;
}

/**
 * Menu items can depend on state that arrives later (a node's contextValue flags): when the item
 * is not in the menu, close it (Escape) and reopen, until `timeout`.
 */
export async function contextMenu(page, rowText, itemName, { timeout = 20_000 } = {}) {
  const end = Date.now() + timeout;
  const item = page.getByRole('menuitem', { name: itemName }).first();
  for (;;) {
    const row = await findRow(page, rowText);
    await row.click({ button: 'right' });
    await page.getByRole('menuitem').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(MENU_SETTLE_MS);
    if (await item.isVisible()) break;
    const shown = await page.getByRole('menuitem').allInnerTexts().catch(() => []);
    await page.keyboard.press('Escape');
    if (Date.now() > end) throw new Error(`menu of "${rowText}" has no "${itemName}" (items: ${shown.join(' | ')})`);
    await page.waitForTimeout(1000);
  }
  await item.click();
}

export async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

export async function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Polls the clipboard until predicate(text) holds (the copy is asynchronous). */
export async function waitForClipboard(page, predicate, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await readClipboard(page).catch(() => '');
    if (predicate(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`clipboard never matched; last value: ${JSON.stringify(last)}`);
}

export async function findWebviewFrame(page, selector, timeout = 20_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const f of page.frames()) {
      if (await f.locator(selector).count().catch(() => 0)) return f;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame contains ${selector}`);
}

/** Use in afterEach: `afterEach(async function () { await screenshotOnFailure(this, page); })`. */
export async function screenshotOnFailure(mochaCtx, page) {
  const t = mochaCtx.currentTest;
  if (!page || !t || t.state !== 'failed') return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `ui-${t.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 100)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  console.log(`    screenshot: ${path.relative(REPO_ROOT, file)}`);
}

export function assertNoExternalRequests(browser) {
  if (browser.external.length) throw new Error(`browser requested non-loopback hosts: ${browser.external.join(', ')}`);
}

/** The emulator's control API: POST `body` (GET without one) to /_emulator/<route>; its JSON answer. Does nothing without an emulator. */
export async function emulatorControl(route, body, method = body === undefined ? 'GET' : 'POST') {
  // The UI layer always runs beside the emulator (scripts/run-ui.mjs starts it): a missing URL or a
  // refused control call is a broken harness, not something to pass over.
  const url = process.env.CPL_EMULATOR_URL;
  if (!url) throw new Error('CPL_EMULATOR_URL is not set: run the UI tests through scripts/run-ui.mjs');
  const res = await fetch(`${url}/_emulator/${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${route}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** The emulator's default settle times (ms). The emulator is shared by every UI test file: a file that changes them puts these back. */
export const EMULATOR_DEFAULT_TIMINGS = { create: 3000, update: 3000, delete: 2000, shareActivate: 2000 };
