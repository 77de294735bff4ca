#!/usr/bin/env node
// Suite layer: runs out/test/suite/index.js INSIDE the extension host of a real VS Code
// (code-server 1.139, Node 24) loaded by headless Chromium, with the smoke-test-driver payload:
//   ?payload=[["extensionDevelopmentPath","vscode-remote://host:port/<repo>"],
//             ["extensionTestsPath","vscode-remote://host:port/<repo>/out/test/suite/index.js"]]
// The workbench forwards the host's console through window.codeAutomationLog and reports the end
// through window.codeAutomationExit(code). Exits with the suite's status; the last line is
// `N passed, N failed`. Expects `npm run build` and `npm run compile-tests` to have run.
//   env: CPL_SUITE_TIMEOUT (ms, default 600000: the whole suite, with room for a loaded 2-core machine), CPL_SUITE_GREP (mocha grep)
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { allAborted, allSwServed } from './lib/browser.mjs';
import { runInExtensionHost } from './lib/extensionHost.mjs';
import { REPO_ROOT } from './lib/emulator.mjs';
import { externalLookupsInLog } from './lib/server.mjs';
import { startSession } from './lib/session.mjs';

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const suiteIndex = path.join(REPO_ROOT, 'out', 'test', 'suite', 'index.js');
const resultsDir = path.join(REPO_ROOT, 'test-results');
// Per-run file (several runs may share a checkout), renamed to suite-results.json at the end.
const resultsFile = path.join(resultsDir, `suite-results-${process.pid}.json`);
const finalResults = path.join(resultsDir, 'suite-results.json');

function finish(code, passed, failed, why) {
  if (why) console.error(`[suite] ${why}`);
  console.log(`[suite] done in ${secs()}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

if (!existsSync(suiteIndex)) finish(2, 0, 0, `${suiteIndex} missing: run npm run compile-tests first`);
if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) finish(2, 0, 0, 'dist/extension.js missing: run npm run build first');
mkdirSync(resultsDir, { recursive: true });
rmSync(resultsFile, { force: true });

const timeoutMs = Number(process.env.CPL_SUITE_TIMEOUT || 600_000);
const env = { CPL_SUITE_RESULTS: resultsFile };
if (process.env.CPL_SUITE_GREP) env.CPL_SUITE_GREP = process.env.CPL_SUITE_GREP;

let session;
try {
  session = await startSession({ name: 'suite', env });
} catch (e) {
  finish(1, 0, 1, `could not start: ${e.message}`);
}
const { server } = session;
console.log(`[suite] code-server ${server.url} ready at ${secs()}${session.emulator ? `, emulator ${session.emulator.url}` : ''}`);
const { exitCode, problem: runProblem } = await runInExtensionHost({
  server, entry: suiteIndex, timeoutMs, timeoutScreenshot: path.join(resultsDir, 'suite-timeout.png'),
  onLog: (type, line) => (type === 'error' ? process.stderr : process.stdout).write(line),
});
let problem = runProblem;
const leaks = externalLookupsInLog(server.allLogs());
await session.stop();
if (allSwServed.length) console.log(`[suite] ${allSwServed.length} non-loopback request(s) (webview resources) answered in-browser by the service worker`);
if (allAborted.length) console.log(`[suite] ${allAborted.length} webview resource load(s) cancelled by their closing webview`);
if (leaks.length) console.error(`[suite] warning: the server failed to resolve external hosts: ${leaks.join(', ')}`);

let passed = 0;
let failed = 0;
if (existsSync(resultsFile)) {
  const res = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = res.passed;
  failed = res.failed;
  renameSync(resultsFile, finalResults);
} else if (!problem) {
  problem = `the suite wrote no results file (codeAutomationExit(${exitCode})): did index.js load?`;
}
if (problem) finish(1, passed, Math.max(failed, 1), problem);
finish(exitCode === 0 && failed === 0 ? 0 : 1, passed, failed);
