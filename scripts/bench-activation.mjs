#!/usr/bin/env node
// `npm run bench:activation`: builds the production bundles and the VSIX, then prints
//   - bundle sizes (dist/extension.js, dist/features.js, dist/aws.js) and the VSIX size,
//   - the median of 20 runs of: require(dist/extension.js) + activate() in a CLEAN node process
//     with a permissive stub `vscode` module (a Proxy: any property is a callable, disposable stub),
//   - whether any @aws-sdk module (or dist/aws.js) was in require.cache after activation,
//   - whether dist/features.js (plans, forms, ClickHouse Cloud; loaded on first use) was.
// The stub reports tree views as hidden (visible: false), as when a command or another view
// activates the extension: DESIGN.md says nothing AWS loads until the explorer is SHOWN.
// Targets: median ≤ 10 ms, no AWS module and no features bundle loaded. Exits 1 if one is missed.
//   --no-build  measure the current dist/ and dist-vsix/ as they are
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 20;
const TARGET_MS = 10;
const VSIX = path.join(ROOT, 'dist-vsix', 'clickpipes-privatelink.vsix');

if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

// The child: installs the stub as the `vscode` module, times require + activate, reports JSON.
const child = String.raw`
const Module = require('module');
const path = require('path');
// Permissive stub: any property is a stub, calling or constructing one works, instances of
// subclasses (class X extends vscode.TreeItem) keep their own prototype. Settings read through
// get(key, default) return the default, and inspect(key) finds no value set anywhere (a fresh
// install); views report hidden.
function makeStub(name) {
  return new Proxy(function () {}, {
    get(_t, p) {
      if (p === Symbol.toPrimitive) return () => '';
      if (p === 'then') return undefined;            // not a thenable
      if (p === 'dispose') return () => {};
      if (p === Symbol.iterator) return function* () {};
      if (p === 'visible' || p === 'focused') return false; // the view starts hidden (see header)
      return makeStub(String(p));
    },
    set() { return true; },
    apply(_t, _this, args) {
      if (name === 'get') return args.length >= 2 ? args[1] : undefined;
      if (name === 'inspect') return undefined;
      return makeStub(name + '()');
    },
    construct(_t, _args, newTarget) { return Object.create(newTarget.prototype ?? null); },
  });
}
// esbuild's __toESM copies the module's own property names, so list the real API's names.
const vscode = {};
for (const name of JSON.parse(process.argv[3])) vscode[name] = makeStub(name);
const stub = makeStub('stub');
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode' : origResolve.call(this, req, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
// Storage locations are real Uri-like values (code reads .fsPath from them during activation).
const uri = (fsPath) => new Proxy({ fsPath, path: fsPath, scheme: 'file', toString: () => 'file://' + fsPath }, {
  get: (t, p) => (p in t ? t[p] : makeStub('uri.' + String(p))),
});
const context = {
  subscriptions: [], extensionPath: process.argv[2], extensionUri: uri(process.argv[2]), extensionMode: 1,
  globalState: { get: () => undefined, update: async () => {}, keys: () => [], setKeysForSync() {} },
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: stub },
  environmentVariableCollection: stub, storageUri: uri('/tmp/cpl-bench/storage'), globalStorageUri: uri('/tmp/cpl-bench/global'), logUri: uri('/tmp/cpl-bench/log'),
  storagePath: '/tmp', globalStoragePath: '/tmp', logPath: '/tmp', extension: stub,
  asAbsolutePath: (p) => path.join(process.argv[2], p),
};
(async () => {
  const t0 = process.hrtime.bigint();
  const ext = require(path.join(process.argv[2], 'dist', 'extension.js'));
  const r = ext.activate(context);
  if (r && typeof r.then === 'function') await r;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const aws = Object.keys(require.cache).filter((k) => k.includes('@aws-sdk') || k.endsWith(path.sep + 'aws.js'));
  const features = Object.keys(require.cache).some((k) => k.endsWith(path.sep + 'features.js'));
  process.stdout.write(JSON.stringify({ ms, aws, features }));
  process.exit(0);
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

const tmp = mkdtempSync(path.join(tmpdir(), 'cpl-bench-'));
const childFile = path.join(tmp, 'activate-child.cjs');
writeFileSync(childFile, child);
// Top-level names exported by module 'vscode', read from @types/vscode.
const dts = readFileSync(path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
const apiNames = [...new Set([...dts.matchAll(/^(?:\t| {4})export (?:declare )?(?:class|namespace|enum|function|const|let|var) (\w+)/gm)].map((m) => m[1]))];
const times = [];
const awsLoaded = new Set();
let featuresLoaded = false;
try {
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [childFile, ROOT, JSON.stringify(apiNames)], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (r.status !== 0) throw new Error(`activation failed in the stub host:\n${r.stderr}`);
    const { ms, aws, features } = JSON.parse(r.stdout);
    times.push(ms);
    featuresLoaded ||= features;
    aws.forEach((a) => awsLoaded.add(path.relative(ROOT, a)));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
const median = (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;
const kb = (f) => (existsSync(f) ? `${(statSync(f).size / 1024).toFixed(1)} KiB` : 'missing');

console.log(`dist/extension.js      ${kb(path.join(ROOT, 'dist', 'extension.js'))}`);
console.log(`dist/features.js       ${kb(path.join(ROOT, 'dist', 'features.js'))}`);
console.log(`dist/aws.js            ${kb(path.join(ROOT, 'dist', 'aws.js'))}`);
console.log(`VSIX                   ${kb(VSIX)}  (${path.relative(ROOT, VSIX)})`);
console.log(`activation (require + activate, median of ${RUNS} clean processes)  ${median.toFixed(2)} ms  (min ${times[0].toFixed(2)}, max ${times[RUNS - 1].toFixed(2)}; target ≤ ${TARGET_MS} ms)`);
console.log(`@aws-sdk loaded at activation  ${awsLoaded.size ? `YES: ${[...awsLoaded].slice(0, 5).join(', ')}` : 'no'}`);
console.log(`dist/features.js loaded at activation  ${featuresLoaded ? 'YES' : 'no'}`);
const ok = median <= TARGET_MS && awsLoaded.size === 0 && !featuresLoaded;
console.log(ok ? 'targets met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
