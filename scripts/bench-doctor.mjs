#!/usr/bin/env node
// npm run bench:doctor — the connectivity doctor's reads per path, against the bare SDK calls for
// the same reads. Plain node, no VS Code: the emulator (demo scenario) in its own process; per
// path, BENCH_DOCTOR_RUNS paired runs (15; after one warm-up of each) of BENCH_DOCTOR_DIAGNOSES
// diagnoses each (50):
//   doctor  layer.doctor.<path>() and the pure check (what the command does), on one AWS layer
//           kept for all the path's runs, as the extension keeps one for its session (the
//           explorer has usually made its clients already)
//   bare    SDK clients kept likewise, making the same calls in the same dependency order (each
//           read starts when what it needs is there)
// A fresh layer per run would weigh what a layer pays once per session: it re-reads the AWS config
// files for its first clients (so edits are seen), while bare clients reuse the SDK's
// process-wide file cache; that is not what a diagnosis costs.
// Prints, per path, the request counts (from the emulator's request log; sts excluded) and the
// median time ratio doctor/bare with its spread (min–max), the client-side CPU ratio (robust to a busy
// machine: waiting for the emulator does not count) and the load average, and one JSON line per
// path for scripts/bench.mjs. Targets: the minimal count per path, ratio ≤ 1.2. Exits 1 on a miss.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnEmulator, useAwsProfile } from './lib/emulator.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (p) => path.join(ROOT, 'out', p);
// A diagnosis takes a few milliseconds: runs of 10 lasted ~50 ms, short enough for one GC or a
// scheduler hiccup to swing a ratio by ±0.3. Runs of 50 (~250 ms) and 15 pairs hold the median
// within a few hundredths from run to run, at ~15 s for the five paths.
const RUNS = Number(process.env.BENCH_DOCTOR_RUNS || 15);
const DIAGNOSES = Number(process.env.BENCH_DOCTOR_DIAGNOSES || 50);
const { writeAwsProfile } = require(out('test/emulator/awsProfile.js'));

const emu = await spawnEmulator('demo');
const control = emu.control;
const awsDir = mkdtempSync(path.join(os.tmpdir(), 'cpl-bench-doctor-'));
const profile = writeAwsProfile(awsDir, emu.url);
useAwsProfile(profile);

const { createAwsLayer } = require(out('src/aws/index.js'));
const { checkVpcResource } = require(out('src/model/doctor/vpcResource.js'));
const { checkEndpointService } = require(out('src/model/doctor/endpointService.js'));
const { checkMskMultiVpc } = require(out('src/model/doctor/mskMultiVpc.js'));
const { checkDatabase } = require(out('src/model/doctor/database.js'));
const sdk = {
  lattice: require('@aws-sdk/client-vpc-lattice'), ec2: require('@aws-sdk/client-ec2'), rds: require('@aws-sdk/client-rds'),
  kafka: require('@aws-sdk/client-kafka'), elb: require('@aws-sdk/client-elastic-load-balancing-v2'),
};
const US = { profile: profile.profile, region: 'us-east-1' };
const EU = { profile: profile.profile, region: 'eu-central-1' };

// Ids of the demo's broken setups, read through the emulator's own answers.
const layer0 = createAwsLayer({});
const configurationId = (await layer0.listResourceConfigurations(US)).find((c) => c.name === 'crm-postgres').id;
const ipConfigurationId = (await layer0.listResourceConfigurations(US)).find((c) => c.name === 'reports-postgres-ec2').id;
const lbArn = (await layer0.listLoadBalancers(US)).find((l) => l.name === 'pg-proxy-nlb').arn;
const serviceId = (await layer0.listEndpointServices(US)).find((s) => s.networkLoadBalancerArns.includes(lbArn)).id;
layer0.dispose();
const euClients = { kafka: new sdk.kafka.KafkaClient({ region: 'eu-central-1' }) };
const clusterArn = (await euClients.kafka.send(new sdk.kafka.ListClustersV2Command({}))).ClusterInfoList.find((c) => c.ClusterName === 'eu-audit-scram').ClusterArn;
euClients.kafka.destroy();

/** SDK clients made on first use and kept for one run, as the AWS layer keeps its own. */
function clientSet() {
  const made = new Map();
  const ctor = { lattice: sdk.lattice.VPCLatticeClient, ec2: sdk.ec2.EC2Client, rds: sdk.rds.RDSClient, kafka: sdk.kafka.KafkaClient, elb: sdk.elb.ElasticLoadBalancingV2Client };
  return {
    get(kind, region) { const k = `${kind}/${region}`; if (!made.has(k)) made.set(k, new ctor[kind]({ region })); return made.get(k); },
    destroy() { for (const x of made.values()) x.destroy(); },
  };
}

const all = async (paginator, pick) => { const items = []; for await (const p of paginator) items.push(...(pick(p) ?? [])); return items; };

const PATHS = [
  {
    name: 'VPC resource (RDS target)', minimal: 5,
    doctor: async (layer) => checkVpcResource(await layer.doctor.vpcResource(US, configurationId)),
    bare: async (c) => {
      const lattice = c.get('lattice', 'us-east-1'); const ec2 = c.get('ec2', 'us-east-1'); const rds = c.get('rds', 'us-east-1');
      const cfg = await lattice.send(new sdk.lattice.GetResourceConfigurationCommand({ resourceConfigurationIdentifier: configurationId }));
      const dbId = cfg.resourceConfigurationDefinition.arnResource.arn.split(':db:')[1];
      const gwP = lattice.send(new sdk.lattice.GetResourceGatewayCommand({ resourceGatewayIdentifier: cfg.resourceGatewayId }));
      const dbP = rds.send(new sdk.rds.DescribeDBInstancesCommand({ DBInstanceIdentifier: dbId }));
      const subnetsP = gwP.then((gw) => ec2.send(new sdk.ec2.DescribeSubnetsCommand({ SubnetIds: gw.subnetIds })));
      const rulesP = Promise.all([gwP, dbP]).then(([gw, db]) => all(sdk.ec2.paginateDescribeSecurityGroupRules({ client: ec2 }, {
        Filters: [{ Name: 'group-id', Values: [...gw.securityGroupIds, ...db.DBInstances[0].VpcSecurityGroups.map((g) => g.VpcSecurityGroupId)] }], MaxResults: 1000,
      }), (p) => p.SecurityGroupRules));
      await Promise.all([gwP, dbP, subnetsP, rulesP]);
    },
  },
  {
    // The ENI lookup needs the gateway's VPC, the rules need the ENI's groups: three rounds, five reads.
    name: 'VPC resource (IP target)', minimal: 5,
    doctor: async (layer) => checkVpcResource(await layer.doctor.vpcResource(US, ipConfigurationId)),
    bare: async (c) => {
      const lattice = c.get('lattice', 'us-east-1'); const ec2 = c.get('ec2', 'us-east-1');
      const cfg = await lattice.send(new sdk.lattice.GetResourceConfigurationCommand({ resourceConfigurationIdentifier: ipConfigurationId }));
      const ip = cfg.resourceConfigurationDefinition.ipResource.ipAddress;
      const gwP = lattice.send(new sdk.lattice.GetResourceGatewayCommand({ resourceGatewayIdentifier: cfg.resourceGatewayId }));
      const eniP = gwP.then((gw) => all(sdk.ec2.paginateDescribeNetworkInterfaces({ client: ec2 }, {
        Filters: [{ Name: 'addresses.private-ip-address', Values: [ip] }, { Name: 'vpc-id', Values: [gw.vpcId] }], MaxResults: 1000,
      }), (p) => p.NetworkInterfaces));
      const subnetsP = gwP.then((gw) => ec2.send(new sdk.ec2.DescribeSubnetsCommand({ SubnetIds: gw.subnetIds })));
      const rulesP = Promise.all([gwP, eniP]).then(([gw, enis]) => all(sdk.ec2.paginateDescribeSecurityGroupRules({ client: ec2 }, {
        Filters: [{ Name: 'group-id', Values: [...gw.securityGroupIds, ...(enis[0]?.Groups ?? []).map((g) => g.GroupId)] }], MaxResults: 1000,
      }), (p) => p.SecurityGroupRules));
      await Promise.all([gwP, eniP, subnetsP, rulesP]);
    },
  },
  {
    name: 'VPC endpoint service (1 NLB, 1 target group)', minimal: 6,
    doctor: async (layer) => checkEndpointService(await layer.doctor.endpointService(US, { id: serviceId })),
    bare: async (c) => {
      const ec2 = c.get('ec2', 'us-east-1'); const elb = c.get('elb', 'us-east-1');
      const [cfg] = await Promise.all([
        ec2.send(new sdk.ec2.DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] })),
        ec2.send(new sdk.ec2.DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId, MaxResults: 1000 })),
        ec2.send(new sdk.ec2.DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'service-id', Values: [serviceId] }], MaxResults: 1000 })),
      ]);
      const arns = cfg.ServiceConfigurations[0].NetworkLoadBalancerArns;
      const lbsP = elb.send(new sdk.elb.DescribeLoadBalancersCommand({ LoadBalancerArns: arns }));
      const lsP = Promise.all(arns.map((a) => elb.send(new sdk.elb.DescribeListenersCommand({ LoadBalancerArn: a }))));
      const healthP = lsP.then((ls) => {
        const tgs = [...new Set(ls.flatMap((l) => l.Listeners.flatMap((x) => x.DefaultActions.map((d) => d.TargetGroupArn))))];
        return Promise.all(tgs.map((t) => elb.send(new sdk.elb.DescribeTargetHealthCommand({ TargetGroupArn: t }))));
      });
      await Promise.all([lbsP, lsP, healthP]);
    },
  },
  {
    name: 'MSK multi-VPC (SASL/SCRAM, custom configuration)', minimal: 5,
    doctor: async (layer) => checkMskMultiVpc(await layer.doctor.mskMultiVpc(EU, clusterArn, 'SASL_SCRAM')),
    bare: async (c) => {
      const kafka = c.get('kafka', 'eu-central-1'); const ec2 = c.get('ec2', 'eu-central-1');
      const clP = kafka.send(new sdk.kafka.DescribeClusterV2Command({ ClusterArn: clusterArn }));
      const policyP = kafka.send(new sdk.kafka.GetClusterPolicyCommand({ ClusterArn: clusterArn }));
      const secretsP = all(sdk.kafka.paginateListScramSecrets({ client: kafka }, { ClusterArn: clusterArn }), (p) => p.SecretArnList);
      const revisionP = clP.then((cl) => {
        const sw = cl.ClusterInfo.Provisioned.CurrentBrokerSoftwareInfo;
        return kafka.send(new sdk.kafka.DescribeConfigurationRevisionCommand({ Arn: sw.ConfigurationArn, Revision: sw.ConfigurationRevision }));
      });
      const rulesP = clP.then((cl) => all(sdk.ec2.paginateDescribeSecurityGroupRules({ client: ec2 }, {
        Filters: [{ Name: 'group-id', Values: cl.ClusterInfo.Provisioned.BrokerNodeGroupInfo.SecurityGroups }], MaxResults: 1000,
      }), (p) => p.SecurityGroupRules));
      await Promise.all([clP, policyP, secretsP, revisionP, rulesP]);
    },
  },
  {
    name: 'Database for CDC (instance)', minimal: 2,
    doctor: async (layer) => checkDatabase(await layer.doctor.database(US, 'instance', 'ledger-postgres')),
    bare: async (c) => {
      const rds = c.get('rds', 'us-east-1');
      const db = await rds.send(new sdk.rds.DescribeDBInstancesCommand({ DBInstanceIdentifier: 'ledger-postgres' }));
      await all(sdk.rds.paginateDescribeDBParameters({ client: rds }, { DBParameterGroupName: db.DBInstances[0].DBParameterGroups[0].DBParameterGroupName, MaxRecords: 100 }), (p) => p.Parameters);
    },
  },
];

const reads = async () => Object.entries((await control('GET', 'log')).counts).filter(([k]) => !k.startsWith('sts:')).reduce((a, [, n]) => a + n, 0);
/** Wall time, and this process's CPU time (the client side alone: the emulator runs in its own process). */
const timed = async (fn) => {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  await fn();
  const u = process.cpuUsage(c);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, cpu: (u.user + u.system) / 1000 };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const doctorOnceCounted = async (p) => { const layer = createAwsLayer({}); try { await p.doctor(layer); } finally { layer.dispose(); } };
const bareOnceCounted = async (p) => { const c = clientSet(); try { await p.bare(c); } finally { c.destroy(); } };

let missed = false;
try {
  for (const p of PATHS) {
    const layer = createAwsLayer({});
    const clients = clientSet();
    const doctorOnce = async () => { for (let i = 0; i < DIAGNOSES; i++) await p.doctor(layer); };
    const bareOnce = async () => { for (let i = 0; i < DIAGNOSES; i++) await p.bare(clients); };
    await control('DELETE', 'log'); await doctorOnceCounted(p); const doctorReads = await reads();
    await control('DELETE', 'log'); await bareOnceCounted(p); const bareReads = await reads();
    await doctorOnce(); await bareOnce();
    const ratios = [];
    const cpuRatios = [];
    for (let r = 0; r < RUNS; r++) {
      // Which side goes first alternates, so a drift of the machine or the emulator over the pair
      // (GC, its growing request log, the load of a shared machine) does not always fall on one side.
      const first = r % 2 === 0 ? doctorOnce : bareOnce;
      const second = r % 2 === 0 ? bareOnce : doctorOnce;
      const a = await timed(first);
      const b = await timed(second);
      const [d, bare] = r % 2 === 0 ? [a, b] : [b, a];
      ratios.push(d.ms / bare.ms);
      cpuRatios.push(d.cpu / bare.cpu);
    }
    const ratio = median(ratios);
    const ok = doctorReads === p.minimal && bareReads === p.minimal && ratio <= 1.2;
    if (!ok) missed = true;
    const [ratioMin, ratioMax] = [Math.min(...ratios), Math.max(...ratios)];
    const load = os.loadavg()[0].toFixed(1);
    const cpuRatio = median(cpuRatios);
    layer.dispose();
    clients.destroy();
    console.log(`${p.name}: reads doctor ${doctorReads}, bare ${bareReads} (minimal ${p.minimal}); ratio (median of ${RUNS} paired runs of ${DIAGNOSES}): ${ratio.toFixed(2)} (spread ${ratioMin.toFixed(2)}–${ratioMax.toFixed(2)}; client CPU ratio ${cpuRatio.toFixed(2)}; load ${load}) ${ok ? 'PASS' : 'MISS'}`);
    // One JSON line per path for scripts/bench.mjs's table.
    console.log(JSON.stringify({ bench: 'doctor', path: p.name, readsDoctor: doctorReads, readsBare: bareReads, minimal: p.minimal, ratio, ratioMin, ratioMax, cpuRatio, runs: RUNS, load }));
  }
} finally {
  await emu.stop();
  rmSync(awsDir, { recursive: true, force: true });
}
process.exit(missed ? 1 : 0);
