#!/usr/bin/env node
// Extension-host memory growth after loading the `scale` scenario (2,500 resources). Target ≤ 50 MB.
// Measured in the REAL extension host: code-server (VS Code 1.139, Node 24) loaded by headless
// Chromium with the smoke-test-driver payload, as the suite layer (scripts/run-suite.mjs) does:
//   ?payload=[["extensionDevelopmentPath","vscode-remote://…/<repo>"],
//             ["extensionTestsPath","vscode-remote://…/<repo>/out/test/bench/hostMemory.js"]]
// The emulator (scenario `scale`) runs in this process, not in the extension host. The host entry
// (test/bench/hostMemory.ts) activates the extension, reads heapUsed after full GCs (before),
// walks and keeps the whole explorer tree through the extension's own model, reads it again
// (after) and writes a JSON file; this script prints a summary and one JSON line
// ({"bench":"memory",…}) that scripts/bench.mjs reads. Exits 0 if growth ≤ 50 MB, 1 if not, 2 if
// there is no figure. Expects `npm run build` (or build:prod) and `npm run compile-tests`.
//   env: CPL_BENCH_TIMEOUT (ms, default 300000), CPL_BENCH_DEBUG=1 (each settle reading, with the active extensions)
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runInExtensionHost } from './lib/extensionHost.mjs';
import { REPO_ROOT } from './lib/emulator.mjs';
import { startSession } from './lib/session.mjs';

const TARGET_MB = 50;
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const entry = path.join(REPO_ROOT, 'out', 'test', 'bench', 'hostMemory.js');
const resultsDir = path.join(REPO_ROOT, 'test-results');
const resultsFile = path.join(resultsDir, `bench-memory-${process.pid}.json`);
const timeoutMs = Number(process.env.CPL_BENCH_TIMEOUT || 300_000);

function fail(why) {
  console.error(`[bench-memory] ${why}`);
  process.exit(2);
}
if (!existsSync(entry)) fail(`${path.relative(REPO_ROOT, entry)} missing: run npm run compile-tests first`);
if (!existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) fail('dist/extension.js missing: run npm run build first');
mkdirSync(resultsDir, { recursive: true });
rmSync(resultsFile, { force: true });
delete process.env.CPL_SCENARIO; // this figure is about the scale scenario, whatever the shell says

let session;
try {
  // No automatic port forwarding: it can activate vscode.tunnel-forwarding (onTunnel) in the
  // middle of the measurement, and its memory would be billed to the tree.
  session = await startSession({ name: 'bench-memory', scenario: 'scale', settings: { 'remote.autoForwardPorts': false }, env: { CPL_BENCH_RESULTS: resultsFile } });
} catch (e) {
  fail(`could not start: ${e.message}`);
}
const { server } = session;
console.error(`[bench-memory] code-server ${server.url} ready at ${secs()}, emulator ${session.emulator?.url} (scale)`);
const { exitCode, problem } = await runInExtensionHost({ server, entry, timeoutMs, onLog: (_type, line) => process.stderr.write(line) });
await session.stop();

let res;
if (existsSync(resultsFile)) {
  res = JSON.parse(readFileSync(resultsFile, 'utf8'));
  rmSync(resultsFile, { force: true });
}
if (!res) fail(problem ?? `the extension host wrote no results (codeAutomationExit(${exitCode})): did hostMemory.js load?`);
if (res.error) fail(`the extension host failed: ${res.error}`);
if (problem) fail(problem);

const f = (x) => x.toFixed(1);
console.log(`extension host (code-server, Node ${res.node}): ${res.nodes} nodes of the scale scenario loaded in ${res.loadMs.toFixed(0)} ms through the extension's own model (AWS bundle ${res.module}) and held`);
console.log(`heapUsed after GC: before ${f(res.heapBeforeMB)} MB (activated, tree not loaded), after ${f(res.heapAfterMB)} MB → growth ${f(res.growthMB)} MB (target ≤ ${TARGET_MB} MB)`);
console.log(`rss growth ${f(res.rssGrowthMB)} MB, external growth ${f(res.externalGrowthMB)} MB (for information); settle readings before [${res.settleReadingsMB.before.map(f).join(', ')}], after [${res.settleReadingsMB.after.map(f).join(', ')}] MB`);
if (res.activatedMeanwhile?.length) console.log(`warning: ${res.activatedMeanwhile.join(', ')} activated between the two readings: the growth includes their memory`);
console.log(`[bench-memory] done in ${secs()}`);
console.log(JSON.stringify({ bench: 'memory', where: res.where, nodes: res.nodes, heapBeforeMB: res.heapBeforeMB, heapAfterMB: res.heapAfterMB, growthMB: res.growthMB, rssGrowthMB: res.rssGrowthMB, module: res.module, activatedMeanwhile: res.activatedMeanwhile }));
process.exit(res.growthMB <= TARGET_MB ? 0 : 1);
