#!/usr/bin/env node
// npm run bench:explorer — how much the explorer adds on top of the AWS calls it must make.
// Plain node, no VS Code: starts the emulator with the `scale` scenario (500 of each kind in
// us-east-1 = 2,500 resources), then, 5 times each (alternating, after one warm-up of each):
//   explorer  a fresh AWS layer + ExplorerModel (the provider's own loading code), every
//             expandable node expanded in parallel like a user opening everything, and every
//             node described as getTreeItem would (label, description, accessibility label,
//             contextValue, readiness; tooltips are built on hover)
//   bare      the same minimal paginated SDK calls, made directly with fresh SDK clients, all in
//             parallel (per-service permissions with the same concurrency, 8, as the layer)
// Prints the median ratio explorer/bare, both request counts (from the emulator's request log)
// and API calls per minute while idle with the explorer loaded (nothing is in transition in the
// scale scenario, so the poller must stay silent). Targets: ratio ≤ 1.2, equal counts, 0 idle.
//   env: BENCH_RUNS (default 5), BENCH_IDLE_SECONDS (default 30)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (p) => path.join(ROOT, 'out', p);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS || 30);
const PERMISSION_CONCURRENCY = 8;

const { writeAwsProfile } = require(out('test/emulator/awsProfile.js'));

// The emulator runs in its own process, as AWS would: the explorer's CPU work must not slow the
// server down, and the server's must not be billed to the explorer.
const emuProc = spawn(process.execPath, [out('test/emulator/cli.js'), '--port', '0', '--scenario', 'scale', '--quiet'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const emuUrl = await new Promise((resolve, reject) => {
  let buf = '';
  emuProc.stdout.on('data', (d) => {
    buf += d;
    const m = /http:\/\/[\w.:]+/.exec(buf);
    if (m) resolve(m[0]);
  });
  emuProc.on('exit', (code) => reject(new Error(`emulator exited (${code})`)));
});
const emu = {
  url: emuUrl,
  async control(method, p) {
    const res = await fetch(`${emuUrl}/_emulator/${p}`, { method });
    return res.json();
  },
  stop: () => new Promise((r) => {
    emuProc.once('exit', r);
    emuProc.kill('SIGTERM');
  }),
};
const awsDir = mkdtempSync(path.join(os.tmpdir(), 'cpl-bench-aws-'));
const profile = writeAwsProfile(awsDir, emu.url);
// The SDK reads endpoint_url and credentials from these, exactly as in the extension.
Object.assign(process.env, {
  AWS_CONFIG_FILE: profile.configFile,
  AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile,
  AWS_PROFILE: profile.profile,
});
delete process.env.AWS_ACCESS_KEY_ID;
delete process.env.AWS_SECRET_ACCESS_KEY;
delete process.env.AWS_ENDPOINT_URL;

const { createAwsLayer } = require(out('src/aws/index.js'));
const { ExplorerModel } = require(out('src/views/explorer/model.js'));
const { Poller } = require(out('src/views/explorer/poller.js'));
const { describeRow } = require(out('src/views/explorer/describe.js'));
const { contextValueOf } = require(out('src/views/explorer/contextValue.js'));
const { readinessOf } = require(out('src/views/explorer/readiness.js'));
const { isLoadedByFullWalk } = require(out('src/views/explorer/nodes.js'));

const scope = { profile: profile.profile, region: 'us-east-1' };

// ---- explorer ----------------------------------------------------------------------------------
async function explorerLoad() {
  const layer = createAwsLayer({});
  const poller = new Poller();
  let identityDone;
  const identity = new Promise((r) => (identityDone = r));
  const model = new ExplorerModel({
    aws: () => layer,
    poller,
    settings: { profiles: () => [scope.profile], regions: () => [scope.region], defaultProfile: () => scope.profile },
    onDidChange: (node) => {
      if (node?.type === 'profile') identityDone();
    },
  });
  let nodes = 0;
  let errors = 0;
  const expand = async (node) => {
    const kids = await model.getChildren(node);
    for (const k of kids) {
      // What getTreeItem computes for each row (the tooltip waits for a hover: resolveTreeItem).
      describeRow(k, readinessOf(k, model));
      contextValueOf(k);
      nodes++;
      if (k.type === 'error') errors++;
    }
    await Promise.all(kids.filter((k) => isLoadedByFullWalk(k.type)).map(expand));
  };
  await Promise.all([expand(undefined), identity]);
  return { nodes, errors, model, poller, layer };
}

// ---- bare SDK ----------------------------------------------------------------------------------
const sdk = {
  lattice: require('@aws-sdk/client-vpc-lattice'),
  ram: require('@aws-sdk/client-ram'),
  kafka: require('@aws-sdk/client-kafka'),
  ec2: require('@aws-sdk/client-ec2'),
  rds: require('@aws-sdk/client-rds'),
  sts: require('@aws-sdk/client-sts'),
};

async function all(paginator, pick) {
  const items = [];
  for await (const page of paginator) items.push(...(pick(page) ?? []));
  return items;
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  }));
  return results;
}

async function bareLoad() {
  const cfg = { region: scope.region };
  const lattice = new sdk.lattice.VPCLatticeClient(cfg);
  const ram = new sdk.ram.RAMClient(cfg);
  const kafka = new sdk.kafka.KafkaClient(cfg);
  const ec2 = new sdk.ec2.EC2Client(cfg);
  const rds = new sdk.rds.RDSClient(cfg);
  const sts = new sdk.sts.STSClient(cfg);
  const services = all(sdk.ec2.paginateDescribeVpcEndpointServiceConfigurations({ client: ec2 }, { MaxResults: 1000 }), (p) => p.ServiceConfigurations);
  const results = await Promise.all([
    sts.send(new sdk.sts.GetCallerIdentityCommand({})),
    all(sdk.lattice.paginateListResourceGateways({ client: lattice }, { maxResults: 100 }), (p) => p.items),
    all(sdk.lattice.paginateListResourceConfigurations({ client: lattice }, { maxResults: 100 }), (p) => p.items),
    all(sdk.ram.paginateGetResourceShares({ client: ram }, { resourceOwner: 'SELF', maxResults: 500 }), (p) => p.resourceShares),
    all(sdk.ram.paginateGetResourceShareAssociations({ client: ram }, { associationType: 'PRINCIPAL', maxResults: 500 }), (p) => p.resourceShareAssociations),
    all(sdk.ram.paginateGetResourceShareAssociations({ client: ram }, { associationType: 'RESOURCE', maxResults: 500 }), (p) => p.resourceShareAssociations),
    all(sdk.kafka.paginateListClustersV2({ client: kafka }, { MaxResults: 100 }), (p) => p.ClusterInfoList),
    services,
    all(sdk.ec2.paginateDescribeVpcEndpointConnections({ client: ec2 }, { MaxResults: 1000 }), (p) => p.VpcEndpointConnections),
    services.then((list) => mapLimit(list, PERMISSION_CONCURRENCY, (s) =>
      all(sdk.ec2.paginateDescribeVpcEndpointServicePermissions({ client: ec2 }, { ServiceId: s.ServiceId, MaxResults: 1000 }), (p) => p.AllowedPrincipals))),
    all(sdk.rds.paginateDescribeDBClusters({ client: rds }, { MaxRecords: 100 }), (p) => p.DBClusters),
    all(sdk.rds.paginateDescribeDBInstances({ client: rds }, { MaxRecords: 100 }), (p) => p.DBInstances),
  ]);
  for (const c of [lattice, ram, kafka, ec2, rds, sts]) c.destroy();
  return { items: results.slice(1).reduce((n, r) => n + (Array.isArray(r) ? r.length : 0), 0) };
}

// ---- measuring ---------------------------------------------------------------------------------
async function requestLog() {
  const { entries, counts } = await emu.control('GET', 'log');
  return { total: entries.length, byOp: counts, failed: entries.filter((e) => e.status >= 400).length };
}

async function timed(fn) {
  await emu.control('DELETE', 'log');
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  return { ms, result, requests: await requestLog() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`[bench:explorer] emulator ${emu.url}, scenario scale, profile ${scope.profile}, ${RUNS} runs + warm-up`);
let last;
try {
  const warmE = await timed(explorerLoad);
  warmE.result.layer.dispose();
  const warmB = await timed(bareLoad);
  console.log(`  warm-up: explorer ${warmE.ms.toFixed(0)} ms (${warmE.result.nodes} nodes), bare ${warmB.ms.toFixed(0)} ms (${warmB.result.items} items)`);
  if (warmE.result.errors) throw new Error(`the explorer showed ${warmE.result.errors} error nodes`);

  const e = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so neither side always runs on a warmer process.
    const first = i % 2 === 0 ? 'explorer' : 'bare';
    for (const side of first === 'explorer' ? ['explorer', 'bare'] : ['bare', 'explorer']) {
      if (side === 'explorer') {
        if (last) last.result.layer.dispose();
        last = await timed(explorerLoad);
        e.push(last);
      } else {
        b.push(await timed(bareLoad));
      }
    }
    console.log(`  run ${i + 1}: explorer ${e[i].ms.toFixed(0)} ms, bare ${b[i].ms.toFixed(0)} ms, ratio ${(e[i].ms / b[i].ms).toFixed(2)}`);
  }
  const em = median(e.map((x) => x.ms));
  const bm = median(b.map((x) => x.ms));
  // This machine is shared: load drifts by seconds between runs. Each run pairs an explorer load
  // with a bare load made right next to it, so the per-run ratio cancels the drift; the ratio
  // reported is the median of those 5 paired ratios (the ratio of medians is printed too).
  const pairRatios = e.map((x, i) => x.ms / b[i].ms);
  const ratio = median(pairRatios);
  const eReq = e[e.length - 1].requests;
  const bReq = b[b.length - 1].requests;
  const diff = [...new Set([...Object.keys(eReq.byOp), ...Object.keys(bReq.byOp)])]
    .filter((k) => eReq.byOp[k] !== bReq.byOp[k])
    .map((k) => `${k} explorer=${eReq.byOp[k] ?? 0} bare=${bReq.byOp[k] ?? 0}`);

  // Idle: the last explorer stays loaded, its poller live on the real clock.
  await emu.control('DELETE', 'log');
  console.log(`  idle: watching the emulator log for ${IDLE_SECONDS} s with the explorer loaded (poller tracking ${last.result.poller.size})…`);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idle = (await requestLog()).total;
  const idlePerMinute = (idle * 60) / IDLE_SECONDS;

  console.log('');
  console.log(`explorer full load: median ${em.toFixed(0)} ms (${last.result.nodes} nodes)`);
  console.log(`bare SDK calls:     median ${bm.toFixed(0)} ms`);
  console.log(`ratio (median of ${RUNS} paired runs): ${ratio.toFixed(2)}  (target ≤ 1.2; ratio of medians ${(em / bm).toFixed(2)})`);
  console.log(`requests: explorer ${eReq.total}, bare ${bReq.total}${diff.length ? `  DIFFER: ${diff.join('; ')}` : '  (equal, per operation too)'}`);
  console.log(`requests by operation: ${Object.entries(eReq.byOp).sort().map(([k, v]) => `${k}=${v}`).join(', ')}`);
  console.log(`idle API calls per minute: ${idlePerMinute} (${idle} in ${IDLE_SECONDS} s; target 0)`);
  const ok = ratio <= 1.2 && eReq.total === bReq.total && diff.length === 0 && idle === 0;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  last?.result.poller.dispose();
  last?.result.layer.dispose();
  await emu.stop();
  rmSync(awsDir, { recursive: true, force: true });
}
