#!/usr/bin/env node
// UI layer: Playwright tests (test/ui/**/*.test.mjs, plain mocha in this Node process) that click
// in a real VS Code. Starts the emulator (scenario demo) and ONE code-server for all tests; each
// test file opens its own browser context (= its own extension host) with test/ui/helpers.mjs.
// Fails when a test fails or when any browser requested a non-loopback host.
// Last line: `N passed, N failed`. Expects `npm run build` to have run.
//   node scripts/run-ui.mjs [files…]      env: CPL_UI_GREP (mocha grep)
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { allAborted, allExternal, allSwServed } from './lib/browser.mjs';
import { REPO_ROOT } from './lib/emulator.mjs';
import { externalLookupsInLog } from './lib/server.mjs';
import { startSession } from './lib/session.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : findTests(f);
    return /\.test\.m?js$/.test(e.name) ? [f] : [];
  }).sort();
}

function finish(code, passed, failed, why) {
  if (why) console.error(`[ui] ${why}`);
  console.log(`[ui] done in ${secs()}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

const files = process.argv.slice(2).length ? process.argv.slice(2).map((f) => path.resolve(f)) : findTests(path.join(REPO_ROOT, 'test', 'ui'));
if (!files.length) finish(2, 0, 0, 'no UI test files found');
if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) finish(2, 0, 0, 'dist/extension.js missing: run npm run build first');

let session;
try {
  session = await startSession({ name: 'ui' });
} catch (e) {
  finish(1, 0, 1, `could not start: ${e.message}`);
}
const { server } = session;
console.log(`[ui] code-server ${server.url} ready at ${secs()}${session.emulator ? `, emulator ${session.emulator.url}` : ''}`);
process.env.CPL_UI_URL = server.url;
process.env.CPL_UI_WORKSPACE = path.join(REPO_ROOT, 'test', 'ui', 'fixtures', 'workspace');
process.env.CPL_UI_EXT_PATH ||= REPO_ROOT; // override: try the tests against another extension folder
if (session.emulator) process.env.CPL_EMULATOR_URL = session.emulator.url;

let passed = 0;
let failed = 0;
let problem = null;
try {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000, color: false });
  if (process.env.CPL_UI_GREP) mocha.grep(process.env.CPL_UI_GREP);
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
} catch (e) {
  problem = `runner error: ${e.stack || e.message}`;
} finally {
  const leaks = externalLookupsInLog(server.allLogs());
  await session.stop();
  if (leaks.length) console.error(`[ui] warning: the server failed to resolve external hosts: ${leaks.join(', ')}`);
}
if (allSwServed.length) console.log(`[ui] ${allSwServed.length} non-loopback request(s) (webview resources) answered in-browser by the service worker`);
if (allAborted.length) console.log(`[ui] ${allAborted.length} webview resource load(s) cancelled by their closing webview`);
if (allExternal.length) problem = `browser requested non-loopback hosts: ${[...new Set(allExternal)].join(', ')}`;
if (problem) finish(1, passed, failed + 1, problem);
finish(failed ? 1 : 0, passed, failed);
