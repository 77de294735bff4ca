import * as assert from 'node:assert/strict';
import { scale10Profiles, SCALE10_REGIONS } from './scenarios/scale10';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import {
  VPCLatticeClient, ListResourceGatewaysCommand, ListResourceConfigurationsCommand, GetResourceConfigurationCommand, paginateListResourceGateways,
  CreateResourceConfigurationCommand, ValidationException, ListResourceEndpointAssociationsCommand,
} from '@aws-sdk/client-vpc-lattice';
import { RAMClient, GetResourceSharesCommand, GetResourceShareAssociationsCommand } from '@aws-sdk/client-ram';
import { KafkaClient, ListClustersV2Command, GetBootstrapBrokersCommand, GetClusterPolicyCommand, ListClientVpcConnectionsCommand } from '@aws-sdk/client-kafka';
import { EC2Client, AcceptVpcEndpointConnectionsCommand, DescribeSubnetsCommand, DescribeVpcEndpointServiceConfigurationsCommand, DescribeVpcEndpointConnectionsCommand } from '@aws-sdk/client-ec2';
import { RDSClient, DescribeDBInstancesCommand, DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';
import { writeAwsProfile } from './awsProfile';
import { CLICKPIPES_ACCOUNT, DEMO_ACCOUNT, OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY } from './scenarios/accounts';

describe('scenario: demo', () => {
  let emu: RunningEmulator;
  const cfg = (region = 'us-east-1') => ({ ...sdkConfig(emu.url, region), maxAttempts: 1 });
  before(async () => { emu = await startEmulator({ scenario: 'demo' }); });
  after(async () => { await emu.stop(); });

  it('has resource gateways and configurations in every status; in-progress ones settle to ACTIVE', async () => {
    const lattice = new VPCLatticeClient(cfg());
    const gws = (await lattice.send(new ListResourceGatewaysCommand({}))).items!;
    assert.deepEqual(gws.map((g) => g.status).sort(), ['ACTIVE', 'CREATE_FAILED', 'CREATE_IN_PROGRESS']);
    const cfgs = (await lattice.send(new ListResourceConfigurationsCommand({}))).items!;
    assert.deepEqual([...new Set(cfgs.map((c) => c.status))].sort(), ['ACTIVE', 'CREATE_FAILED', 'CREATE_IN_PROGRESS']);
    assert.deepEqual([...new Set(cfgs.map((c) => c.type))].sort(), ['ARN', 'CHILD', 'GROUP', 'SINGLE']);
    const failed = cfgs.find((c) => c.status === 'CREATE_FAILED')!;
    assert.ok((await lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: failed.id }))).failureReason);
    await control(emu.url, 'POST', 'clock/advance', { ms: 60_000 });
    const after = (await lattice.send(new ListResourceGatewaysCommand({}))).items!;
    assert.deepEqual(after.map((g) => g.status).sort(), ['ACTIVE', 'ACTIVE', 'CREATE_FAILED']);
  });

  it('has Network Load Balancers behind no endpoint service, for the endpoint-service flows (form and step by step)', async () => {
    const lbs = (await new ElasticLoadBalancingV2Client(cfg()).send(new DescribeLoadBalancersCommand({}))).LoadBalancers!;
    const services = (await new EC2Client(cfg()).send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations!;
    const used = new Set(services.flatMap((svc) => svc.NetworkLoadBalancerArns ?? []));
    const free = lbs.filter((lb) => lb.Type === 'network' && !used.has(lb.LoadBalancerArn!)).map((lb) => lb.LoadBalancerName);
    assert.deepEqual(free.sort(), ['archive-nlb', 'reports-nlb']);
  });

  it('refuses a configuration on the publicly accessible Aurora cluster', async () => {
    const lattice = new VPCLatticeClient(cfg());
    const gw = (await lattice.send(new ListResourceGatewaysCommand({}))).items!.find((g) => g.name === 'prod-data-gateway')!;
    const cluster = (await new RDSClient(cfg()).send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'public-aurora-pg' }))).DBClusters![0];
    // Aurora is public per instance: DBCluster.PubliclyAccessible is for non-Aurora Multi-AZ clusters only (botocore rds model).
    assert.equal(cluster.PubliclyAccessible, undefined);
    const members = (await new RDSClient(cfg()).send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['public-aurora-pg'] }] }))).DBInstances!;
    assert.ok(members.length > 0 && members.every((m) => m.PubliclyAccessible === true));
    const err = await lattice.send(new CreateResourceConfigurationCommand({ name: 'public-db', type: 'ARN', resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { arnResource: { arn: cluster.DBClusterArn } } })).catch((e) => e);
    assert.ok(err instanceof ValidationException);
  });

  it('has shares with and without the ClickPipes principal', async () => {
    const ram = new RAMClient(cfg());
    const shares = (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares!;
    assert.equal(shares.length, 3);
    const principals = (await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL' }))).resourceShareAssociations!;
    const withClickPipes = new Set(principals.filter((a) => a.associatedEntity === CLICKPIPES_ACCOUNT).map((a) => a.resourceShareName));
    assert.deepEqual([...withClickPipes], ['clickpipes-orders-aurora']);
    const eu = (await new RAMClient(cfg('eu-central-1')).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares!;
    assert.equal(eu[0].name, 'clickpipes-events-aurora');
    const partner = new RAMClient({ ...sdkConfig(emu.url, 'us-east-1', OTHER_ACCESS_KEY_ID, OTHER_SECRET_ACCESS_KEY), maxAttempts: 1 });
    assert.equal((await partner.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }))).resourceShares![0].name, 'partner-kafka-share');
  });

  it('has MSK clusters for every multi-VPC case', async () => {
    const msk = new KafkaClient(cfg());
    const clusters = (await msk.send(new ListClustersV2Command({}))).ClusterInfoList!;
    const byName = Object.fromEntries(clusters.map((c) => [c.ClusterName!, c]));
    assert.deepEqual(Object.keys(byName).sort(), ['dev-sandbox', 'legacy-logs', 'orders-events', 'payments-stream', 'plaintext-metrics']);
    assert.equal(byName['dev-sandbox'].Provisioned!.BrokerNodeGroupInfo!.InstanceType, 'kafka.t3.small');
    assert.equal(byName['legacy-logs'].Provisioned!.CurrentBrokerSoftwareInfo!.KafkaVersion, '2.6.2');
    assert.equal(byName['plaintext-metrics'].Provisioned!.ClientAuthentication!.Unauthenticated!.Enabled, true);
    const paymentsArn = byName['payments-stream'].ClusterArn!;
    assert.match((await msk.send(new GetBootstrapBrokersCommand({ ClusterArn: paymentsArn }))).BootstrapBrokerStringVpcConnectivitySaslIam!, /:14001/);
    assert.match((await msk.send(new GetClusterPolicyCommand({ ClusterArn: paymentsArn }))).Policy!, /072088201116/);
    assert.equal((await msk.send(new ListClientVpcConnectionsCommand({ ClusterArn: paymentsArn }))).ClientVpcConnections![0].State, 'AVAILABLE');
  });

  it('serves the EC2, ELBv2 and RDS records in their SDK shapes', async () => {
    const ec2 = new EC2Client(cfg());
    const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!;
    const tiny = subnets.find((s) => s.CidrBlock === '10.0.3.0/28')!;
    assert.equal(tiny.AvailableIpAddressCount, 9);
    const services = (await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations!;
    assert.equal(services.length, 3);
    assert.ok(services.every((s) => /^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-[0-9a-f]{17}$/.test(s.ServiceName!)));
    const pending = (await ec2.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'vpc-endpoint-state', Values: ['pendingAcceptance'] }] }))).VpcEndpointConnections ?? [];
    const all = (await ec2.send(new DescribeVpcEndpointConnectionsCommand({}))).VpcEndpointConnections!;
    assert.equal(all.filter((c) => c.VpcEndpointState === 'PendingAcceptance').length, 2, `filter gave ${pending.length}`);
    const lbs = (await new ElasticLoadBalancingV2Client(cfg()).send(new DescribeLoadBalancersCommand({}))).LoadBalancers!;
    assert.deepEqual(lbs.map((l) => l.Type).sort(), ['application', 'network', 'network', 'network', 'network', 'network']);
    const rds = new RDSClient(cfg());
    const engines = new Set([
      ...(await rds.send(new DescribeDBInstancesCommand({}))).DBInstances!.map((d) => d.Engine),
      ...(await rds.send(new DescribeDBClustersCommand({}))).DBClusters!.map((d) => d.Engine),
    ]);
    assert.deepEqual([...engines].sort(), ['aurora-mysql', 'aurora-postgresql', 'mariadb', 'mysql', 'postgres']);
  });

  // The SDK (3.11xx) reads a profile's endpoint_url for the profile named by AWS_PROFILE (or
  // `default`), NOT for a client's `profile` option (getEndpointFromConfig calls loadConfig without
  // it), so select the profile through the environment, as the CLI and `npm run demo` do.
  it('reaches the emulator through a written AWS profile (endpoint_url), in both regions and both accounts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-profile-'));
    const { configFile, credentialsFile, profile } = writeAwsProfile(dir, emu.url);
    const keys = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'] as const;
    const saved = keys.map((k) => process.env[k]);
    process.env.AWS_CONFIG_FILE = configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsFile;
    const viaProfile = async (name: string) => {
      process.env.AWS_PROFILE = name;
      return (await new VPCLatticeClient({ profile: name }).send(new ListResourceGatewaysCommand({}))).items!;
    };
    try {
      assert.equal((await viaProfile(profile)).length, 3);
      assert.deepEqual((await viaProfile('clickpipes-demo-eu')).map((g) => g.name), ['eu-prod-gateway']);
      assert.deepEqual(await viaProfile('clickpipes-other'), []);
      const log = await control(emu.url, 'GET', 'log');
      const last = log.entries.slice(-3);
      assert.deepEqual(last.map((e: any) => `${e.accountId}/${e.region}`), [`${DEMO_ACCOUNT}/us-east-1`, `${DEMO_ACCOUNT}/eu-central-1`, '210987654321/us-east-1']);
      assert.match(fs.readFileSync(configFile, 'utf8'), /\[profile clickpipes-demo\]\nregion = us-east-1\nendpoint_url = http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      keys.forEach((k, i) => { if (saved[i] === undefined) delete process.env[k]; else process.env[k] = saved[i]; });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links the seeded ClickHouse endpoints to the demo AWS records, and acceptance makes the pending one Ready', async () => {
    const { DEMO_CH_ORG_ID, DEMO_CH_SERVICE_US, DEMO_CH_SERVICE_EU, DEMO_CH_RPE_READY, DEMO_CH_RPE_PENDING } = await import('./services/clickhouse');
    const ch = async (service: string, id: string) => {
      const res = await fetch(`${emu.url}/v1/organizations/${DEMO_CH_ORG_ID}/services/${service}/clickpipesReversePrivateEndpoints/${id}`,
        { headers: { authorization: `Basic ${Buffer.from('demo-key-id:demo-key-secret').toString('base64')}` } });
      assert.equal(res.status, 200);
      return (await res.json() as any).result;
    };
    const lattice = new VPCLatticeClient(cfg());
    const ready = await ch(DEMO_CH_SERVICE_US, DEMO_CH_RPE_READY);
    const config = await lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: ready.vpcResourceConfigurationId }));
    assert.equal(config.name, 'orders-aurora');
    const shares = await new RAMClient(cfg()).send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [ready.vpcResourceShareArn] }));
    assert.equal(shares.resourceShares![0].name, 'clickpipes-orders-aurora');
    const consumers = await lattice.send(new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: config.id }));
    assert.deepEqual(consumers.items!.map((a) => [a.vpcEndpointId, a.vpcEndpointOwner]), [[ready.endpointId, CLICKPIPES_ACCOUNT]]);

    const pending = await ch(DEMO_CH_SERVICE_EU, DEMO_CH_RPE_PENDING);
    assert.equal(pending.status, 'PendingAcceptance');
    const ec2 = new EC2Client(cfg('eu-central-1'));
    const service = (await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({}))).ServiceConfigurations![0];
    assert.equal(service.ServiceName, pending.vpcEndpointServiceName);
    await ec2.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: service.ServiceId, VpcEndpointIds: [pending.endpointId] }));
    await control(emu.url, 'POST', 'clock/advance', { ms: 60_000 });
    assert.equal((await ch(DEMO_CH_SERVICE_EU, DEMO_CH_RPE_PENDING)).status, 'Ready');
  });

  it('is reached through AWS_ENDPOINT_URL with no client endpoint option', async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = emu.url;
    try {
      const { endpoint, ...rest } = sdkConfig(emu.url);
      assert.ok(endpoint);
      const out = await new KafkaClient(rest).send(new ListClustersV2Command({ MaxResults: 1 }));
      assert.equal(out.ClusterInfoList!.length, 1);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL; else process.env.AWS_ENDPOINT_URL = saved;
    }
  });

  it('gives the same ids on every load, and reset restores the scenario', async () => {
    const lattice = new VPCLatticeClient(cfg());
    const ids = (await lattice.send(new ListResourceGatewaysCommand({}))).items!.map((g) => g.id);
    await control(emu.url, 'POST', 'scenario', { name: 'empty' });
    assert.deepEqual((await lattice.send(new ListResourceGatewaysCommand({}))).items, []);
    await control(emu.url, 'POST', 'reset', { scenario: 'demo' });
    assert.deepEqual((await lattice.send(new ListResourceGatewaysCommand({}))).items!.map((g) => g.id), ids);
  });
});

describe('scenario: scale', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'scale' }); });
  after(async () => { await emu.stop(); });

  it('has 500 of each resource kind, pageable through the SDK', async () => {
    const lattice = new VPCLatticeClient({ ...sdkConfig(emu.url), maxAttempts: 1 });
    let gateways = 0;
    for await (const p of paginateListResourceGateways({ client: lattice, pageSize: 100 }, {})) gateways += p.items!.length;
    assert.equal(gateways, 500);
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    for (const [kind, n] of Object.entries({
      resourceConfigurations: r.resourceConfigurations.size, resourceShares: r.resourceShares.size, mskClusters: r.mskClusters.size,
      endpointServices: r.endpointServices.size, dbClusters: r.dbClusters.size, loadBalancers: r.loadBalancers.size, vpcs: r.vpcs.size,
    })) assert.equal(n, 500, kind);
    assert.ok(r.dbInstances.size >= 500);
  });
});

describe('scenario: scale10', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ scenario: 'scale10' }); });
  after(async () => { await emu.stop(); });

  it('has 5,000 of each listed kind over 20 accounts × 3 regions, each account signed in by its own key', async () => {
    const profiles = scale10Profiles();
    assert.equal(new Set(profiles.map((p) => p.account)).size, 20);
    const totals: Record<string, number> = { gateways: 0, configurations: 0, shares: 0, msk: 0, services: 0 };
    for (const p of profiles) {
      assert.equal(emu.world.accessKeys.get(p.accessKeyId), p.account);
      for (const region of SCALE10_REGIONS) {
        const r = emu.world.region(p.account, region);
        assert.ok(r.resourceGateways.size === 83 || r.resourceGateways.size === 84, `${p.account}/${region}`);
        totals.gateways += r.resourceGateways.size;
        totals.configurations += r.resourceConfigurations.size;
        totals.shares += r.resourceShares.size;
        totals.msk += r.mskClusters.size;
        totals.services += r.endpointServices.size;
      }
    }
    assert.deepEqual(totals, { gateways: 5000, configurations: 5000, shares: 5000, msk: 5000, services: 5000 });
  });
});

describe('emulator CLI', () => {
  it('prints its URL, serves, and stops on SIGTERM', async function () {
    const cli = path.join(__dirname, 'cli.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-'));
    const child = spawn(process.execPath, [cli, '--port', '0', '--scenario', 'empty', '--quiet', '--write-profile', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => { out += d; const m = /(http:\/\/127\.0\.0\.1:\d+)\n.*AWS_PROFILE=/s.exec(out); if (m) resolve(m[1]); });
      child.on('exit', (code) => reject(new Error(`cli exited ${code}`)));
    });
    assert.equal((await control(url, 'GET', 'health')).scenario, 'empty');
    assert.match(fs.readFileSync(path.join(dir, 'config'), 'utf8'), new RegExp(`endpoint_url = ${url}`));
    fs.rmSync(dir, { recursive: true, force: true });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
