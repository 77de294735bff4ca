// Runs one extensionTestsPath entry INSIDE the extension host of a started code-server session,
// with the smoke-test-driver payload (see ../shared/docs/real-vscode-offline.md):
//   ?payload=[["extensionDevelopmentPath","vscode-remote://host:port/<repo>"],
//             ["extensionTestsPath","vscode-remote://host:port/<entry>"]]
// The workbench forwards the host's console through window.codeAutomationLog and reports the end
// through window.codeAutomationExit(code). Used by the suite layer and the memory benchmark.
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { REPO_ROOT } from './emulator.mjs';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'ui', 'fixtures', 'workspace');

/**
 * @param {object} o
 * @param {{ url: string, workbenchUrl: Function, remoteUri: Function }} o.server  the session's code-server
 * @param {string} o.entry         the compiled entry (exports run())
 * @param {number} o.timeoutMs     how long to wait for codeAutomationExit
 * @param {(type: string, line: string) => void} o.onLog  each console line of the host (dead-gallery noise dropped)
 * @param {string} [o.timeoutScreenshot]  where to save a screenshot when it times out
 * @returns {Promise<{ exitCode: number | null, problem: string | null }>} problem: a timeout, a driver
 *   error or a non-loopback request made by the browser
 */
export async function runInExtensionHost({ server, entry, timeoutMs, onLog, timeoutScreenshot }) {
  const browser = await launchBrowser({ origin: server.url });
  let exitCode = null;
  let problem = null;
  try {
    const page = await browser.context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (/ECONNREFUSED 127\.0\.0\.1:9\b/.test(line) && !process.env.CPL_VERBOSE) return; // the dead loopback gallery
      onLog(type, line.endsWith('\n') ? line : line + '\n');
    });
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
    await page.goto(server.workbenchUrl({
      folder: WORKSPACE,
      payload: [
        ['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)],
        ['extensionTestsPath', server.remoteUri(entry)],
      ],
    }));
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const r = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (r === 'timeout') {
      problem = `no codeAutomationExit within ${timeoutMs / 1000} s`;
      if (timeoutScreenshot) await page.screenshot({ path: timeoutScreenshot }).catch(() => {});
    } else exitCode = r;
  } catch (e) {
    problem = `driver error: ${e.message}`;
  } finally {
    await browser.close();
    if (browser.external.length) problem ??= `browser requested non-loopback hosts: ${browser.external.join(', ')}`;
  }
  return { exitCode, problem };
}
