#!/usr/bin/env node --expose-gc
// Extension-host-like memory growth after loading the scale scenario (2,500 resources).
// Run with --expose-gc (npm run bench does): a node process that starts like an activated
// extension (nothing AWS loaded), then loads the production AWS bundle (dist/aws.js, as
// src/awsLoader.ts does when the view is shown) and the explorer model (out/src/views), expands
// the whole tree of the emulator's `scale` scenario (emulator in its own process, as AWS would be)
// and keeps it, as the extension host keeps a loaded tree. heapUsed is read after full GCs:
//   before  activated, no AWS module
//   after   tree loaded and held (the AWS modules, SDK clients, lists, nodes)
// Prints one JSON line (for scripts/bench.mjs) after a human-readable summary. Target ≤ 50 MB.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (p) => path.join(ROOT, 'out', p);
const MB = 1024 * 1024;

if (typeof globalThis.gc !== 'function') {
  console.error('bench-memory: run with node --expose-gc');
  process.exit(2);
}
async function settledHeap() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external };
}

const { writeAwsProfile } = require(out('test/emulator/awsProfile.js'));
const emuProc = spawn(process.execPath, [out('test/emulator/cli.js'), '--port', '0', '--scenario', 'scale', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
const emuUrl = await new Promise((resolve, reject) => {
  let buf = '';
  emuProc.stdout.on('data', (d) => {
    buf += d;
    const m = /http:\/\/[\w.:]+/.exec(buf);
    if (m) resolve(m[0]);
  });
  emuProc.on('exit', (code) => reject(new Error(`emulator exited (${code})`)));
});
const awsDir = mkdtempSync(path.join(os.tmpdir(), 'cpl-bench-mem-'));
const profile = writeAwsProfile(awsDir, emuUrl);
Object.assign(process.env, { AWS_CONFIG_FILE: profile.configFile, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile, AWS_PROFILE: profile.profile });
for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL']) delete process.env[k];

let held;
try {
  // The explorer model is pure (no SDK); the extension bundle holds it from activation on.
  const { loadFullTree } = require(out('test/resilience/explorerLoad.js'));
  const before = await settledHeap();
  const bundle = path.join(ROOT, 'dist', 'aws.js');
  const awsModule = existsSync(bundle) ? bundle : out('src/aws/index.js');
  const { createAwsLayer } = require(awsModule);
  const layer = createAwsLayer({});
  const t0 = performance.now();
  const tree = await loadFullTree(layer, [profile.profile], undefined, () => ['us-east-1']);
  const ms = performance.now() - t0;
  if (tree.errors.length) throw new Error(`the tree has ${tree.errors.length} error nodes`);
  held = { layer, tree };
  const after = await settledHeap();
  const growth = (after.heapUsed - before.heapUsed) / MB;
  console.log(`AWS module: ${path.relative(ROOT, awsModule)}; ${tree.nodes.length} nodes loaded in ${ms.toFixed(0)} ms and held`);
  console.log(`heapUsed before ${(before.heapUsed / MB).toFixed(1)} MB, after ${(after.heapUsed / MB).toFixed(1)} MB → growth ${growth.toFixed(1)} MB (target ≤ 50 MB)`);
  console.log(`rss before ${(before.rss / MB).toFixed(1)} MB, after ${(after.rss / MB).toFixed(1)} MB (growth ${((after.rss - before.rss) / MB).toFixed(1)} MB, for information)`);
  console.log(JSON.stringify({ bench: 'memory', nodes: tree.nodes.length, heapBeforeMB: before.heapUsed / MB, heapAfterMB: after.heapUsed / MB, growthMB: growth, rssGrowthMB: (after.rss - before.rss) / MB, module: path.relative(ROOT, awsModule) }));
  process.exitCode = growth <= 50 ? 0 : 1;
} finally {
  held?.layer.dispose();
  await new Promise((r) => {
    emuProc.once('exit', r);
    emuProc.kill('SIGTERM');
  });
  rmSync(awsDir, { recursive: true, force: true });
}
