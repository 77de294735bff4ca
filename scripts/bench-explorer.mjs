#!/usr/bin/env node
// npm run bench:explorer — how much the explorer adds on top of the AWS calls it must make.
// Plain node, no VS Code: starts the emulator with the `scale` scenario (500 of each kind in
// us-east-1 = 2,500 resources), then, 5 times each (alternating, after one warm-up of each):
//   explorer  a fresh AWS layer + ExplorerModel (the provider's own loading code), every
//             expandable node expanded in parallel like a user opening everything, and every
//             node described as getTreeItem would (label, description, accessibility label,
//             contextValue, readiness; tooltips are built on hover)
//   bare      the same minimal paginated SDK calls, made directly with fresh SDK clients, all in
//             parallel (per-service permissions with the same concurrency, 8, as the layer), plus
//             the reads the rows' verdicts need with their lists (src/views/explorer/verdictLoads.ts):
//             DescribeSubnets per 200 gateway VPCs, GetResourceConfiguration for an ARN configuration
//             whose target can decide its icon, GetClusterPolicy for a cluster whose icon the policy
//             decides. The bare side chooses those items with the same rules, written here against
//             the SDK's shapes (only the ClickPipes region table is taken from the compiled model).
// Prints the median ratio explorer/bare, both request counts (from the emulator's request log)
// and API calls per minute while idle with the explorer loaded (nothing is in transition in the
// scale scenario, so the poller must stay silent). Targets: ratio ≤ 1.2, equal counts, 0 idle.
//   env: BENCH_RUNS (default 5), BENCH_IDLE_SECONDS (default 30)
//   --scenario scale10: ten times the resources over 20 profiles × 3 regions (test/emulator/scenarios/
//   scale10.ts), loaded all at once; it also prints when the first profile's rows were all there
//   against when the last profile's calls finished (the tree is usable while it loads), and,
//   for both scenarios, heap growth per 1,000 nodes (this process, after full GCs, the last
//   explorer model held). Prints one JSON line {"bench":"explorer",…} for scripts/bench.mjs.
import { spawnEmulator, useAwsProfile } from './lib/emulator.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
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
const SCENARIO = process.argv.includes('--scenario') ? process.argv[process.argv.indexOf('--scenario') + 1] : 'scale';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const { writeAwsProfile, writeScale10Profiles } = require(out('test/emulator/awsProfile.js'));

const emu = await spawnEmulator(SCENARIO);
const awsDir = mkdtempSync(path.join(os.tmpdir(), 'cpl-bench-aws-'));
const profile = SCENARIO === 'scale10' ? writeScale10Profiles(awsDir, emu.url) : writeAwsProfile(awsDir, emu.url);
const PROFILES = SCENARIO === 'scale10' ? profile.profiles : [profile.profile];
const REGIONS = SCENARIO === 'scale10' ? require(out('test/emulator/scenarios/scale10.js')).SCALE10_REGIONS : ['us-east-1'];
profile.profile = PROFILES[0];
// The SDK reads endpoint_url and credentials from these, exactly as in the extension.
useAwsProfile(profile);

const { createAwsLayer } = require(out('src/aws/index.js'));
const { ExplorerModel } = require(out('src/views/explorer/model.js'));
const { Poller } = require(out('src/views/explorer/poller.js'));
const { describeRow } = require(out('src/views/explorer/describe.js'));
const { contextValueOf } = require(out('src/views/explorer/contextValue.js'));
const { readinessOf } = require(out('src/views/explorer/readiness.js'));
const { isLoadedByFullWalk } = require(out('src/views/explorer/nodes.js'));
const { isClickPipesRegion } = require(out('src/model/clickpipes.js'));

const SCOPES = PROFILES.flatMap((p) => REGIONS.map((region) => ({ profile: p, region })));

// ---- explorer ----------------------------------------------------------------------------------
async function explorerLoad() {
  const layer = createAwsLayer({});
  const poller = new Poller();
  const identified = new Set();
  let identityDone;
  const identity = new Promise((r) => (identityDone = r));
  const model = new ExplorerModel({
    aws: () => layer,
    poller,
    settings: { profiles: () => PROFILES, regions: () => REGIONS, defaultProfile: () => PROFILES[0] },
    onDidChange: (node) => {
      if (node?.type === 'profile') identified.add(node.profile);
      if (identified.size === PROFILES.length) identityDone();
    },
  });
  let nodes = 0;
  let errors = 0;
  let firstRowsAt;
  const expand = async (node) => {
    const kids = await model.getChildren(node);
    // The first resource rows of the first profile: the tree is usable from there on.
    if (firstRowsAt === undefined && node?.type === 'group' && node.scope.profile === PROFILES[0] && kids.some((k) => k.type !== 'message' && k.type !== 'error')) firstRowsAt = performance.now();
    for (const k of kids) {
      // What getTreeItem computes for each row (the tooltip waits for a hover: resolveTreeItem).
      describeRow(k, readinessOf(k, model));
      contextValueOf(k);
      nodes++;
      if (k.type === 'error') errors++;
    }
    await Promise.all(kids.filter((k) => isLoadedByFullWalk(k.type)).map(expand));
  };
  // Per profile: when its whole subtree (every row under it) was there, from the start.
  const t0 = performance.now();
  const profileDone = [];
  const roots = await model.getChildren();
  for (const k of roots) { describeRow(k, readinessOf(k, model)); contextValueOf(k); nodes++; }
  await Promise.all([
    ...roots.map((r, i) => expand(r).then(() => { profileDone[i] = performance.now() - t0; })),
    identity,
  ]);
  return { nodes, errors, model, poller, layer, firstRowsMs: firstRowsAt - t0, firstProfileMs: profileDone[0], lastProfileMs: Math.max(...profileDone) };
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
  const t0 = performance.now();
  const done = new Map();
  const sts = new Map();
  const results = await Promise.all(SCOPES.map(async (scope) => {
    // One GetCallerIdentity per profile, as the explorer makes.
    if (!sts.has(scope.profile)) {
      const client = new sdk.sts.STSClient({ region: scope.region, profile: scope.profile });
      sts.set(scope.profile, client.send(new sdk.sts.GetCallerIdentityCommand({})).finally(() => client.destroy()));
    }
    const r = await bareScope(scope);
    done.set(scope.profile, Math.max(done.get(scope.profile) ?? 0, performance.now() - t0));
    return r;
  }));
  await Promise.all(sts.values());
  return { items: results.reduce((n, r) => n + r.items, 0), lastProfileMs: Math.max(...done.values()) };
}

const LIVE = new Set(['ASSOCIATED', 'ASSOCIATING']);
const CLICKPIPES = new Set(['072088201116', 'arn:aws:iam::072088201116:root']);
const versionBelow = (v, min) => {
  const [a, b] = [v, min].map((x) => x.split('.').map((p) => parseInt(p, 10)).filter((n) => !Number.isNaN(n)));
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

/** An ARN configuration whose target can still decide its icon: a public database exists and the share check is no error. */
function needsTarget(c, shares, principals, resources, publicDb) {
  if (c.type !== 'ARN' || !publicDb) return false;
  const holder = resources.find((a) => a.associatedEntity === c.arn);
  if (!holder) return true; // no share: a warning, which a public target would turn into an error
  const share = shares.find((s) => s.resourceShareArn === holder.resourceShareArn);
  const p = principals.find((a) => a.resourceShareArn === holder.resourceShareArn && CLICKPIPES.has(a.associatedEntity));
  return !!p && LIVE.has(p.status) && !!share?.allowExternalPrincipals && LIVE.has(holder.status);
}

/** A provisioned cluster ready in every other respect: only then does its policy decide the icon. */
function needsPolicy(c) {
  const p = c.Provisioned;
  if (!p || c.State !== 'ACTIVE') return false;
  const auth = p.ClientAuthentication?.Sasl;
  const multi = p.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl;
  const version = p.CurrentBrokerSoftwareInfo?.KafkaVersion;
  return !(version && versionBelow(version, '2.7.1')) && p.BrokerNodeGroupInfo?.InstanceType !== 'kafka.t3.small'
    && !!(auth?.Iam?.Enabled || auth?.Scram?.Enabled) && !!(multi?.Iam?.Enabled || multi?.Scram?.Enabled);
}

async function bareScope(scope) {
  const cfg = { region: scope.region, profile: scope.profile };
  const lattice = new sdk.lattice.VPCLatticeClient(cfg);
  const ram = new sdk.ram.RAMClient(cfg);
  const kafka = new sdk.kafka.KafkaClient(cfg);
  const ec2 = new sdk.ec2.EC2Client(cfg);
  const rds = new sdk.rds.RDSClient(cfg);
  const services = all(sdk.ec2.paginateDescribeVpcEndpointServiceConfigurations({ client: ec2 }, { MaxResults: 1000 }), (p) => p.ServiceConfigurations);
  const gateways = all(sdk.lattice.paginateListResourceGateways({ client: lattice }, { maxResults: 100 }), (p) => p.items);
  const configurations = all(sdk.lattice.paginateListResourceConfigurations({ client: lattice }, { maxResults: 100 }), (p) => p.items);
  const shares = all(sdk.ram.paginateGetResourceShares({ client: ram }, { resourceOwner: 'SELF', maxResults: 500 }), (p) => p.resourceShares);
  const principals = all(sdk.ram.paginateGetResourceShareAssociations({ client: ram }, { associationType: 'PRINCIPAL', maxResults: 500 }), (p) => p.resourceShareAssociations);
  const resources = all(sdk.ram.paginateGetResourceShareAssociations({ client: ram }, { associationType: 'RESOURCE', maxResults: 500 }), (p) => p.resourceShareAssociations);
  const clusters = all(sdk.kafka.paginateListClustersV2({ client: kafka }, { MaxResults: 100 }), (p) => p.ClusterInfoList);
  const dbClusters = all(sdk.rds.paginateDescribeDBClusters({ client: rds }, { MaxRecords: 100 }), (p) => p.DBClusters);
  const dbInstances = all(sdk.rds.paginateDescribeDBInstances({ client: rds }, { MaxRecords: 100 }), (p) => p.DBInstances);
  const inClickPipesRegion = isClickPipesRegion(scope.region);
  const results = await Promise.all([
    gateways, configurations, shares, principals, resources, clusters, services,
    all(sdk.ec2.paginateDescribeVpcEndpointConnections({ client: ec2 }, { MaxResults: 1000 }), (p) => p.VpcEndpointConnections),
    services.then((list) => mapLimit(list, PERMISSION_CONCURRENCY, (s) =>
      all(sdk.ec2.paginateDescribeVpcEndpointServicePermissions({ client: ec2 }, { ServiceId: s.ServiceId, MaxResults: 1000 }), (p) => p.AllowedPrincipals))),
    dbClusters, dbInstances,
    // Subnets of every gateway VPC, 200 VPC ids per DescribeSubnets.
    gateways.then(async (list) => {
      const vpcs = [...new Set(list.map((g) => g.vpcIdentifier).filter(Boolean))];
      const chunks = [];
      for (let i = 0; i < vpcs.length; i += 200) chunks.push(vpcs.slice(i, i + 200));
      return (await Promise.all(chunks.map((c) => all(sdk.ec2.paginateDescribeSubnets({ client: ec2 }, { Filters: [{ Name: 'vpc-id', Values: c }], MaxResults: 1000 }), (p) => p.Subnets)))).flat();
    }),
    Promise.all([configurations, shares, principals, resources, dbClusters, dbInstances]).then(([cs, ss, ps, rs, dcs, dis]) => {
      const publicDb = [...dcs, ...dis].some((d) => d.PubliclyAccessible);
      const wanted = inClickPipesRegion ? cs.filter((c) => needsTarget(c, ss, ps, rs, publicDb)) : [];
      return mapLimit(wanted, PERMISSION_CONCURRENCY, (c) => lattice.send(new sdk.lattice.GetResourceConfigurationCommand({ resourceConfigurationIdentifier: c.id })));
    }),
    clusters.then((list) => mapLimit(inClickPipesRegion ? list.filter(needsPolicy) : [], PERMISSION_CONCURRENCY, (c) =>
      kafka.send(new sdk.kafka.GetClusterPolicyCommand({ ClusterArn: c.ClusterArn })).catch((err) => {
        if (err.name !== 'NotFoundException') throw err;
        return null;
      }))),
  ]);
  for (const c of [lattice, ram, kafka, ec2, rds]) c.destroy();
  return { items: results.reduce((n, r) => n + (Array.isArray(r) ? r.length : 0), 0) };
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

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`[bench:explorer] emulator ${emu.url}, scenario ${SCENARIO}, ${PROFILES.length} profile(s) × ${REGIONS.length} region(s), ${RUNS} runs + warm-up; load average ${load()}`);
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
    const usable = PROFILES.length > 1 ? `; first profile's first resource rows at ${e[i].result.firstRowsMs.toFixed(0)} ms, all its rows at ${e[i].result.firstProfileMs.toFixed(0)} ms, last profile's at ${e[i].result.lastProfileMs.toFixed(0)} ms` : '';
    console.log(`  run ${i + 1}: explorer ${e[i].ms.toFixed(0)} ms, bare ${b[i].ms.toFixed(0)} ms, ratio ${(e[i].ms / b[i].ms).toFixed(2)}${usable}  [load ${load()}]`);
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

  // Heap: drop the last model, full GCs (before), load and hold a new one, full GCs (after).
  last.result.poller.dispose();
  last.result.layer.dispose();
  last = undefined;
  const heap = () => { for (let k = 0; k < 4; k++) gc(); return process.memoryUsage().heapUsed / 1024 / 1024; };
  const heapBefore = heap();
  last = await timed(explorerLoad);
  const heapAfter = heap();
  const mbPer1000 = ((heapAfter - heapBefore) / last.result.nodes) * 1000;

  // Idle: the last explorer stays loaded, its poller live on the real clock.
  await emu.control('DELETE', 'log');
  console.log(`  idle: watching the emulator log for ${IDLE_SECONDS} s with the explorer loaded (poller tracking ${last.result.poller.size})…`);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idle = (await requestLog()).total;
  const idlePerMinute = (idle * 60) / IDLE_SECONDS;

  console.log('');
  console.log(`explorer full load: median ${em.toFixed(0)} ms (${last.result.nodes} nodes)`);
  console.log(`bare SDK calls:     median ${bm.toFixed(0)} ms`);
  console.log(`ratio (median of ${RUNS} paired runs): ${ratio.toFixed(2)}  (target ≤ 1.2; spread ${Math.min(...pairRatios).toFixed(2)}–${Math.max(...pairRatios).toFixed(2)}; ratio of medians ${(em / bm).toFixed(2)})`);
  console.log(`requests: explorer ${eReq.total}, bare ${bReq.total}${diff.length ? `  DIFFER: ${diff.join('; ')}` : '  (equal, per operation too)'}`);
  console.log(`requests by operation: ${Object.entries(eReq.byOp).sort().map(([k, v]) => `${k}=${v}`).join(', ')}`);
  console.log(`idle API calls per minute: ${idlePerMinute} (${idle} in ${IDLE_SECONDS} s; target 0)`);
  console.log(`heap growth holding the tree: ${(heapAfter - heapBefore).toFixed(1)} MB for ${last.result.nodes} nodes = ${mbPer1000.toFixed(2)} MB per 1,000 nodes (this process, heapUsed after GC)`);
  // Usable while it loads: every run, the first profile's rows were all there before the last profile's.
  const usableRuns = e.filter((x) => x.result.firstProfileMs < x.result.lastProfileMs).length;
  const firstRowsMs = median(e.map((x) => x.result.firstRowsMs));
  const firstMs = median(e.map((x) => x.result.firstProfileMs));
  const lastMs = median(e.map((x) => x.result.lastProfileMs));
  if (PROFILES.length > 1) console.log(`usable while loading: first profile's first resource rows at median ${firstRowsMs.toFixed(0)} ms; its rows all there at median ${firstMs.toFixed(0)} ms, last profile's at ${lastMs.toFixed(0)} ms (first before last in ${usableRuns} of ${RUNS} runs)`);
  console.log(`load average ${load()}`);
  console.log(JSON.stringify({ bench: 'explorer', scenario: SCENARIO, profiles: PROFILES.length, regions: REGIONS.length, nodes: last.result.nodes,
    ratio, ratioMin: Math.min(...pairRatios), ratioMax: Math.max(...pairRatios), runs: RUNS, explorerMs: em, bareMs: bm,
    requestsExplorer: eReq.total, requestsBare: bReq.total, requestsEqual: eReq.total === bReq.total && diff.length === 0,
    idlePerMinute, heapGrowthMB: heapAfter - heapBefore, mbPer1000Nodes: mbPer1000,
    firstRowsMs, firstProfileMs: firstMs, lastProfileMs: lastMs, usableRuns, load: load() }));
  const usableOk = PROFILES.length === 1 || usableRuns === RUNS;
  const ok = ratio <= 1.2 && eReq.total === bReq.total && diff.length === 0 && idle === 0 && usableOk;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  last?.result.poller.dispose();
  last?.result.layer.dispose();
  await emu.stop();
  rmSync(awsDir, { recursive: true, force: true });
}
