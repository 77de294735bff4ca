#!/usr/bin/env node
// `npm test`: every test layer from one command.
//   build (esbuild) → compile tests (tsc) → typecheck the webview pages (tsc) → lint (eslint, zero warnings; counts as 1 passed or 1 failed) → plain mocha layers (one per spec of .mocharc.json:
//   unit, emulator, integration; plus test/resilience/mocharc.json: resilience; test/awscli/mocharc.json:
//   awscli, the real AWS CLI as the oracle) → bootstrap (Node 24, code-server, Chromium) → suite layer
//   (mocha inside the code-server extension host) → UI layer (Playwright clicks).
// Prints a per-layer summary and, as the very last line, `N passed, N failed` over all layers.
// Exits non-zero if anything failed or a layer could not run.
//   CPL_LAYERS=unit,suite  run only these layers (build + compile always run)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const t0 = Date.now();
const only = process.env.CPL_LAYERS ? new Set(process.env.CPL_LAYERS.split(',').map((s) => s.trim())) : null;
const rows = [];

/** Runs a command, streaming its output; resolves { code, out }. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(opts.env || {}) } });
    let out = '';
    // A hung layer must not eat the CI budget: SIGTERM lets the runner stop its servers.
    const timer = opts.timeoutMs && setTimeout(() => {
      out += `\n[test-all] ${path.basename(String(args[0] ?? cmd))} timed out after ${opts.timeoutMs / 60000} min\n`;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, opts.timeoutMs);
    const tee = (stream) => (d) => { out += d; stream.write(d); };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('error', (e) => resolve({ code: 127, out: out + String(e) }));
    child.on('close', (code, sig) => { if (timer) clearTimeout(timer); resolve({ code: code ?? (sig ? 128 : 1), out }); });
  });
}

function header(name) {
  console.log(`\n━━━ ${name} ${'━'.repeat(Math.max(0, 60 - name.length))}`);
}

/** Mocha spec reporter: "N passing", "N failing", "N pending". */
function mochaCounts(out) {
  const num = (re) => { const m = [...out.matchAll(re)].pop(); return m ? Number(m[1]) : 0; };
  return { passed: num(/^\s*(\d+) passing/gm), failed: num(/^\s*(\d+) failing/gm), pending: num(/^\s*(\d+) pending/gm) };
}

/** Our runners' last line: "N passed, N failed". */
function lastLineCounts(out) {
  const m = [...out.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
}

async function step(name, cmd, args) {
  header(name);
  const s = Date.now();
  const r = await run(cmd, args);
  const secs = (Date.now() - s) / 1000;
  if (r.code !== 0) rows.push({ layer: name, status: 'ERROR', passed: 0, failed: 0, secs, note: `exit ${r.code}` });
  else rows.push({ layer: name, status: 'ok', secs, step: true });
  return r.code === 0;
}

function walk(dir, re) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? walk(f, re) : re.test(e.name) ? [f] : [];
  });
}

async function mochaLayers() {
  const rc = JSON.parse(readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8'));
  const specs = Array.isArray(rc.spec) ? rc.spec : [rc.spec];
  // Layers with a mocha config of their own (spec, timeout): resilience (npm run test:resilience),
  // awscli (npm run test:awscli).
  const own = ['test/resilience/mocharc.json', 'test/awscli/mocharc.json'].map((f) => JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')));
  const configOf = new Map([...specs.map((s) => [s, rc]), ...own.flatMap((c) => (Array.isArray(c.spec) ? c.spec : [c.spec]).map((s) => [s, c]))]);
  const tmp = mkdtempSync(path.join(tmpdir(), 'cpl-mocharc-'));
  try {
    for (const [spec, specRc] of configOf) {
      const layer = (spec.match(/out\/test\/([^/*]+)/) || [null, spec])[1];
      if (only && !only.has(layer)) continue;
      header(`${layer} (mocha ${spec})`);
      const base = spec.replace(/\/\*\*.*$/, '').replace(/\/[^/]*\*.*$/, '');
      const s = Date.now();
      if (walk(path.join(ROOT, base), /\.test\.js$/).length === 0) {
        console.log(`no test files under ${base} yet`);
        rows.push({ layer, status: 'empty', passed: 0, failed: 0, secs: 0, note: 'no test files yet' });
        continue;
      }
      const cfg = path.join(tmp, `${layer}.json`);
      writeFileSync(cfg, JSON.stringify({ ...specRc, spec: [spec], reporter: 'spec' }));
      const r = await run(path.join(BIN, 'mocha'), ['--config', cfg, '--no-color']);
      const c = mochaCounts(r.out);
      const secs = (Date.now() - s) / 1000;
      if (r.code !== 0 && c.failed === 0) rows.push({ layer, status: 'ERROR', ...c, failed: 1, secs, note: `mocha exit ${r.code}` });
      else rows.push({ layer, status: c.failed ? 'FAIL' : 'ok', ...c, secs });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function runnerLayer(layer, script) {
  if (only && !only.has(layer)) return;
  header(`${layer} (${script})`);
  const s = Date.now();
  const r = await run(process.execPath, [path.join(ROOT, script)], { timeoutMs: 30 * 60_000 });
  const c = lastLineCounts(r.out);
  const secs = (Date.now() - s) / 1000;
  if (!c) rows.push({ layer, status: 'ERROR', passed: 0, failed: 1, secs, note: `no result line, exit ${r.code}` });
  else if (r.code !== 0) rows.push({ layer, status: c.failed ? 'FAIL' : 'ERROR', ...c, failed: Math.max(c.failed, 1), secs, note: c.failed ? undefined : `exit ${r.code}` });
  else rows.push({ layer, status: 'ok', ...c, secs });
}

/** ESLint over the repository (eslint.config.mjs) with zero warnings allowed: one result, 1 passed or 1 failed. */
async function lintLayer() {
  if (only && !only.has('lint')) return;
  header('lint (eslint --max-warnings 0)');
  const s = Date.now();
  const r = await run(path.join(BIN, 'eslint'), ['.', '--max-warnings', '0'], { timeoutMs: 10 * 60_000 });
  const secs = (Date.now() - s) / 1000;
  if (r.code === 0) rows.push({ layer: 'lint', status: 'ok', passed: 1, failed: 0, secs });
  else rows.push({ layer: 'lint', status: 'FAIL', passed: 0, failed: 1, secs, note: `eslint exit ${r.code}` });
}

function summary() {
  header('summary');
  let passed = 0;
  let failed = 0;
  let bad = false;
  for (const r of rows) {
    if (r.status === 'ERROR' || r.status === 'FAIL') bad = true;
    if (r.step) { console.log(`  ${r.layer.padEnd(12)} ${r.status.padEnd(6)} ${r.secs.toFixed(1).padStart(6)} s`); continue; }
    passed += r.passed || 0;
    failed += r.failed || 0;
    const counts = `${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}`;
    console.log(`  ${r.layer.padEnd(12)} ${r.status.padEnd(6)} ${r.secs.toFixed(1).padStart(6)} s  ${counts}${r.note ? `  (${r.note})` : ''}`);
  }
  console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (bad && failed === 0) failed = 1; // a layer that could not run counts as a failure
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(bad || failed ? 1 : 0);
}

if (!(await step('build', process.execPath, [path.join(ROOT, 'esbuild.mjs')]))) summary();
// tsc still emits on type errors: the run goes on (for the information) but ends failed.
await step('compile', path.join(BIN, 'tsc'), ['-p', 'tsconfig.test.json']);
// The webview pages are bundled by esbuild, which does not check types: tsc does it here.
await step('typecheck', path.join(BIN, 'tsc'), ['-p', 'tsconfig.webview.json', '--noEmit']);
await lintLayer();
await mochaLayers();
const needsVscode = !only || only.has('suite') || only.has('ui');
if (needsVscode && (await step('bootstrap', process.execPath, [path.join(ROOT, 'scripts', 'bootstrap.mjs')]))) {
  await runnerLayer('suite', 'scripts/run-suite.mjs');
  await runnerLayer('ui', 'scripts/run-ui.mjs');
}
summary();
