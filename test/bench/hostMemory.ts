// Memory benchmark INSIDE the real VS Code extension host (code-server, started by
// scripts/bench-memory.mjs with the emulator's `scale` scenario: 2,500 resources in us-east-1 of
// the `clickpipes-demo` profile). VS Code requires this file as extensionTestsPath (smoke-test
// driver payload, like test/suite/index.ts) and awaits run().
//
//   1. activate the extension (vscode.extensions.getExtension(...).activate()); its view stays
//      hidden, so nothing has asked for the tree yet and the AWS bundle (dist/aws.js) is not loaded
//   2. settle: full GCs until heapUsed stops moving and no other extension activates (VS Code's
//      own start-up work in this host) → `before`
//   3. walk the whole explorer tree through the extension's test API (explorer.getChildren: the
//      provider's own model, which loads dist/aws.js and keeps what it lists), every expandable
//      node expanded in parallel like a person opening everything (isLoadedByFullWalk, as the
//      other full loads: database rows stay closed, their IAM roles come from the features
//      bundle), the profiles' account ids awaited
//   4. keep the nodes, settle again → `after`; growth = after − before. Extensions that activated
//      between the two readings are reported (their memory would be in the growth).
// Writes { before/after heapUsed, growth, nodes, … } as JSON to CPL_BENCH_RESULTS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { ClickPipesTestApi } from '../../src/extension';
import { isLoadedByFullWalk, type ExplorerNode } from '../../src/views/explorer/nodes';

const EXTENSION_ID = 'clickpipes-tools.clickpipes-privatelink';
const MB = 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const tick = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Reading = { heapUsed: number; rss: number; external: number };

async function fullGc(): Promise<Reading> {
  for (let i = 0; i < 4; i++) {
    gc();
    await tick();
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external };
}

const activeExtensions = () => vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id).sort();

/**
 * heapUsed after full GCs, once three readings a second apart agree within 0.25 MB and no other
 * extension activated meanwhile: the host also runs VS Code's own start-up work (built-in
 * extensions activating, RPC). Returns the last reading, the readings and the active extensions.
 */
async function settledHeap(maxMs = 30_000): Promise<{ reading: Reading; readingsMB: number[]; active: string[] }> {
  const end = Date.now() + maxMs;
  let last = await fullGc();
  let active = activeExtensions();
  const readingsMB = [last.heapUsed / MB];
  let stable = 0;
  for (;;) {
    await sleep(1000);
    const cur = await fullGc();
    const nowActive = activeExtensions();
    readingsMB.push(cur.heapUsed / MB);
    if (process.env.CPL_BENCH_DEBUG) console.log(`[bench-memory] ${(cur.heapUsed / MB).toFixed(1)} MB; active: ${nowActive.join(', ')}`);
    stable = Math.abs(cur.heapUsed - last.heapUsed) < 0.25 * MB && nowActive.join() === active.join() ? stable + 1 : 0;
    last = cur;
    active = nowActive;
    if (stable >= 2 || Date.now() > end) return { reading: cur, readingsMB, active };
  }
}

async function walk(api: ClickPipesTestApi): Promise<ExplorerNode[]> {
  const nodes: ExplorerNode[] = [];
  const expand = async (node: ExplorerNode | undefined): Promise<void> => {
    const kids = await api.explorer.getChildren(node);
    nodes.push(...kids);
    await Promise.all(kids.filter((k) => isLoadedByFullWalk(k.type)).map(expand));
  };
  await expand(undefined);
  // The account id arrives in the background (STS); the model keeps it on the profile node.
  const end = Date.now() + 60_000;
  while (nodes.some((n) => n.type === 'profile' && n.info && !n.account && !n.identityError) && Date.now() < end) await sleep(100);
  return nodes;
}

/** The walked nodes, reachable for the life of the host (the model keeps them too). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
let held: unknown;

export async function run(): Promise<void> {
  const resultsFile = process.env.CPL_BENCH_RESULTS;
  if (!resultsFile) throw new Error('CPL_BENCH_RESULTS is not set: run through scripts/bench-memory.mjs');
  const write = (o: object) => {
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, JSON.stringify(o, null, 2));
  };
  try {
    const ext = vscode.extensions.getExtension<ClickPipesTestApi>(EXTENSION_ID);
    if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
    const api = await ext.activate();
    const awsBundle = path.join(ext.extensionPath, 'dist', 'aws.js');
    // Growth must include loading the AWS bundle: the tree must not have been asked for yet.
    if (require.cache[awsBundle]) throw new Error(`${awsBundle} was already loaded before the baseline (was the explorer view shown?)`);

    const before = await settledHeap();
    const t0 = performance.now();
    const nodes = await walk(api);
    const loadMs = performance.now() - t0;
    const errors = nodes.filter((n) => n.type === 'error');
    if (errors.length) throw new Error(`the tree has ${errors.length} error nodes: ${errors.slice(0, 3).map((e) => (e.type === 'error' ? e.message : '')).join('; ')}`);
    if (!require.cache[awsBundle]) throw new Error(`${awsBundle} was not loaded by the walk: not the extension's own AWS layer?`);
    held = nodes; // the model keeps them too; this makes sure nothing is collected before `after`
    const after = await settledHeap();
    // Another extension activating between the two readings would be billed to the tree.
    const activatedMeanwhile = after.active.filter((id) => !before.active.includes(id));

    const result = {
      bench: 'memory',
      where: 'extension host (code-server)',
      node: process.version,
      nodes: nodes.length,
      loadMs,
      heapBeforeMB: before.reading.heapUsed / MB,
      heapAfterMB: after.reading.heapUsed / MB,
      growthMB: (after.reading.heapUsed - before.reading.heapUsed) / MB,
      rssGrowthMB: (after.reading.rss - before.reading.rss) / MB,
      externalGrowthMB: (after.reading.external - before.reading.external) / MB,
      settleReadingsMB: { before: before.readingsMB, after: after.readingsMB },
      module: path.relative(ext.extensionPath, awsBundle),
      activeExtensions: before.active.length,
      activatedMeanwhile,
      accounts: nodes.flatMap((n) => (n.type === 'profile' ? [n.account ?? null] : [])),
    };
    write(result);
    console.log(`[bench-memory] extension host: ${result.nodes} nodes in ${loadMs.toFixed(0)} ms; heapUsed ${result.heapBeforeMB.toFixed(1)} → ${result.heapAfterMB.toFixed(1)} MB (growth ${result.growthMB.toFixed(1)} MB)`);
  } catch (e) {
    write({ bench: 'memory', where: 'extension host (code-server)', error: String((e as Error)?.stack ?? e) });
    throw e;
  }
}
