// Headless Debian Chromium through playwright-core, locked to loopback.
// Every request of every page/frame of the context is watched; a request to a host that is not
// loopback and was not answered by a service worker (webview resources) is collected in
// `external`, and the runners fail on it. As a second line, Chromium's resolver maps every
// non-loopback host to NOTFOUND, so nothing can leave anyway.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureTools } from '../bootstrap.mjs';
import { isolatedEnv } from './server.mjs';

/** Non-loopback requests of every browser launched in this process (the runners check it). */
export const allExternal = [];
/** Non-loopback URLs answered by a service worker (webview resources), for the runners' report. */
export const allSwServed = [];
/** Webview resource loads the page itself cancelled (its webview closed first), for the report. */
export const allAborted = [];
const WEBVIEW_RESOURCE_HOST = /\.vscode-resource\.vscode-cdn\.net$/;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackUrl(u) {
  let url;
  try { url = new URL(u); } catch { return true; }
  if (!/^(https?|wss?):$/.test(url.protocol)) return true; // data:, blob:, vscode-*: never reach the network
  return LOOPBACK.has(url.hostname) || url.hostname.endsWith('.localhost');
}

/**
 * A failed non-loopback request the page cancelled itself: a webview resource load
 * (https://*.vscode-resource.vscode-cdn.net/…, answered in-browser by the service worker) aborted
 * because a test closed its webview (the result view, a form) first. Not a request that left the
 * machine (and the host resolver rules would stop one that tried).
 */
export function isCancelledWebviewLoad(u, errorText) {
  return errorText === 'net::ERR_ABORTED' && WEBVIEW_RESOURCE_HOST.test(new URL(u).hostname);
}

/**
 * @param {object} [o]
 * @param {string} [o.origin] origin granted clipboard-read/-write (the code-server URL)
 * @param {string} [o.home] HOME for the browser process (defaults to a temp dir)
 */
export async function launchBrowser(o = {}) {
  const tools = ensureTools();
  const profile = mkdtempSync(path.join(tmpdir(), 'cpl-chromium-'));
  const home = o.home || profile;
  const context = await chromium.launchPersistentContext(path.join(profile, 'profile'), {
    executablePath: tools.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, ...isolatedEnv(home) },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--disable-breakpad', '--disable-crash-reporter',
      '--metrics-recording-only', '--no-pings', '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  const external = [];
  const all = [];
  const flag = (req, why) => {
    const line = `${req.method()} ${req.url()}${why ? ` (${why})` : ''}`;
    external.push(line);
    allExternal.push(line);
  };
  context.on('request', (req) => all.push(req.url()));
  // Classified when done: webview resources (https://*.vscode-resource.vscode-cdn.net/…) are
  // answered by the webview's service worker from the workbench and never reach the network;
  // any other non-loopback request that completed or failed did try to leave the machine.
  context.on('requestfinished', async (req) => {
    if (isLoopbackUrl(req.url())) return;
    let fromSw = false;
    try { fromSw = Boolean((await req.response())?.fromServiceWorker()); } catch { /* closed */ }
    if (!fromSw) flag(req);
    else allSwServed.push(req.url());
  });
  context.on('requestfailed', (req) => {
    if (isLoopbackUrl(req.url())) return;
    const why = req.failure()?.errorText;
    if (isCancelledWebviewLoad(req.url(), why)) allAborted.push(req.url());
    else flag(req, why);
  });
  if (o.origin) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.origin });
  return {
    context,
    external,
    requestCount: () => all.length,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
