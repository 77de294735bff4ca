import * as assert from 'node:assert/strict';
import {
  KafkaClient, ListClustersV2Command, DescribeClusterV2Command, GetClusterPolicyCommand, PutClusterPolicyCommand, DeleteClusterPolicyCommand,
  UpdateConnectivityCommand, DescribeClusterOperationV2Command, GetBootstrapBrokersCommand, ListClientVpcConnectionsCommand, paginateListClustersV2,
  BadRequestException, NotFoundException,
} from '@aws-sdk/client-kafka';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';
import { provisionedCluster } from './services/kafka';

describe('MSK multi-VPC connectivity', () => {
  let emu: RunningEmulator;
  let msk: KafkaClient;
  const arns: Record<string, string> = {};
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); msk = new KafkaClient({ ...sdkConfig(emu.url), maxAttempts: 1 }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset');
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    const base = { account: DEMO_ACCOUNT, region: 'us-east-1', subnets: ['subnet-0aaaaaaaaaaaaaaa1'], securityGroups: ['sg-0d0d0d0d0d0d0d0d0'] };
    for (const c of [
      provisionedCluster(emu.world, { ...base, name: 'orders', kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large', iam: true, scram: true }),
      provisionedCluster(emu.world, { ...base, name: 'small', kafkaVersion: '3.6.0', instanceType: 'kafka.t3.small', iam: true }),
      provisionedCluster(emu.world, { ...base, name: 'legacy', kafkaVersion: '2.6.2', instanceType: 'kafka.m5.large', iam: true }),
      provisionedCluster(emu.world, { ...base, name: 'iam-only', kafkaVersion: '3.5.1', instanceType: 'kafka.m5.large', iam: true }),
      provisionedCluster(emu.world, { ...base, name: 'open', kafkaVersion: '3.5.1', instanceType: 'kafka.m5.large', unauthenticated: true }),
    ]) { r.mskClusters.set(c.ClusterArn, c); arns[c.ClusterName] = c.ClusterArn; }
  });
  const settle = () => control(emu.url, 'POST', 'clock/advance', { ms: 60_000 });

  it('lists clusters (camelCase wire → typed PascalCase output), filters by name prefix and paginates', async () => {
    const all = await msk.send(new ListClustersV2Command({}));
    assert.equal(all.ClusterInfoList!.length, 5);
    const orders = all.ClusterInfoList![0];
    assert.equal(orders.ClusterName, 'orders');
    assert.match(orders.ClusterArn!, new RegExp(`^arn:aws:kafka:us-east-1:${DEMO_ACCOUNT}:cluster/orders/[0-9a-f-]{36}-\\d$`));
    assert.equal(orders.Provisioned!.ClientAuthentication!.Sasl!.Iam!.Enabled, true);
    assert.equal(orders.Provisioned!.BrokerNodeGroupInfo!.InstanceType, 'kafka.m5.large');
    assert.ok(orders.CreationTime instanceof Date);
    assert.equal((await msk.send(new ListClustersV2Command({ ClusterNameFilter: 'o' }))).ClusterInfoList!.map((c) => c.ClusterName).join(), 'orders,open');
    const sizes: number[] = [];
    for await (const p of paginateListClustersV2({ client: msk, pageSize: 2 }, {})) sizes.push(p.ClusterInfoList!.length);
    assert.deepEqual(sizes, [2, 2, 1]);
    const bad = await msk.send(new ListClustersV2Command({ MaxResults: 0 })).catch((e) => e);
    assert.ok(bad instanceof BadRequestException);
    assert.equal(bad.InvalidParameter, 'maxResults');
  });

  it('describes a cluster, NotFound for unknown ARNs and BadRequest for malformed ones', async () => {
    const d = await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders }));
    assert.equal(d.ClusterInfo!.State, 'ACTIVE');
    assert.match(d.ClusterInfo!.CurrentVersion!, /^K[0-9A-Z]{13}$/);
    const nf = await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders.replace('orders', 'nope') })).catch((e) => e);
    assert.ok(nf instanceof NotFoundException);
    const bad = await msk.send(new DescribeClusterV2Command({ ClusterArn: 'orders' })).catch((e) => e);
    assert.ok(bad instanceof BadRequestException);
  });

  it('cluster policy: NotFound when none, CurrentVersion required and checked when replacing, delete', async () => {
    assert.ok(await msk.send(new GetClusterPolicyCommand({ ClusterArn: arns.orders })).catch((e) => e) instanceof NotFoundException);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '072088201116' }, Action: ['kafka:CreateVpcConnection'], Resource: arns.orders }] });
    const first = await msk.send(new PutClusterPolicyCommand({ ClusterArn: arns.orders, Policy: policy }));
    const got = await msk.send(new GetClusterPolicyCommand({ ClusterArn: arns.orders }));
    assert.equal(got.Policy, policy);
    assert.equal(got.CurrentVersion, first.CurrentVersion);
    const noVersion = await msk.send(new PutClusterPolicyCommand({ ClusterArn: arns.orders, Policy: policy })).catch((e) => e);
    assert.ok(noVersion instanceof BadRequestException);
    assert.equal(noVersion.InvalidParameter, 'currentVersion');
    const stale = await msk.send(new PutClusterPolicyCommand({ ClusterArn: arns.orders, Policy: policy, CurrentVersion: 'KSTALE00000000' })).catch((e) => e);
    assert.ok(stale instanceof BadRequestException);
    const second = await msk.send(new PutClusterPolicyCommand({ ClusterArn: arns.orders, Policy: policy, CurrentVersion: first.CurrentVersion }));
    assert.notEqual(second.CurrentVersion, first.CurrentVersion);
    assert.ok(await msk.send(new PutClusterPolicyCommand({ ClusterArn: arns.orders, Policy: '{not json' })).catch((e) => e) instanceof BadRequestException);
    await msk.send(new DeleteClusterPolicyCommand({ ClusterArn: arns.orders }));
    assert.ok(await msk.send(new GetClusterPolicyCommand({ ClusterArn: arns.orders })).catch((e) => e) instanceof NotFoundException);
  });

  it('turns on multi-VPC connectivity: UPDATING → ACTIVE with a new CurrentVersion and VPC-connectivity bootstrap brokers', async () => {
    const before = (await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders }))).ClusterInfo!;
    const brokersBefore = await msk.send(new GetBootstrapBrokersCommand({ ClusterArn: arns.orders }));
    assert.match(brokersBefore.BootstrapBrokerStringSaslIam!, /^b-1\.orders\.[0-9a-f]{6}\.c2\.kafka\.us-east-1\.amazonaws\.com:9098,b-2/);
    assert.match(brokersBefore.BootstrapBrokerStringSaslScram!, /:9096/);
    assert.equal(brokersBefore.BootstrapBrokerStringVpcConnectivitySaslIam, undefined);
    const connectivity = { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true }, Scram: { Enabled: true } } } } };
    const out = await msk.send(new UpdateConnectivityCommand({ ClusterArn: arns.orders, CurrentVersion: before.CurrentVersion, ConnectivityInfo: connectivity }));
    assert.equal(out.ClusterArn, arns.orders);
    assert.match(out.ClusterOperationArn!, /^arn:aws:kafka:us-east-1:\d{12}:cluster-operation\/orders\//);
    assert.equal((await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders }))).ClusterInfo!.State, 'UPDATING');
    const busy = await msk.send(new UpdateConnectivityCommand({ ClusterArn: arns.orders, CurrentVersion: before.CurrentVersion, ConnectivityInfo: connectivity })).catch((e) => e);
    assert.ok(busy instanceof BadRequestException);
    await settle();
    const after = (await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders }))).ClusterInfo!;
    assert.equal(after.State, 'ACTIVE');
    assert.notEqual(after.CurrentVersion, before.CurrentVersion);
    assert.equal(after.Provisioned!.BrokerNodeGroupInfo!.ConnectivityInfo!.VpcConnectivity!.ClientAuthentication!.Sasl!.Iam!.Enabled, true);
    const brokers = await msk.send(new GetBootstrapBrokersCommand({ ClusterArn: arns.orders }));
    assert.match(brokers.BootstrapBrokerStringVpcConnectivitySaslIam!, /:14001,b-2\.[^,]+:14002,b-3\.[^,]+:14003$/);
    assert.ok(brokers.BootstrapBrokerStringVpcConnectivitySaslScram);
    assert.equal(brokers.BootstrapBrokerStringVpcConnectivityTls, undefined);
  });

  // botocore kafka model: DescribeClusterOperationV2, GET /api/v2/operations/{clusterOperationArn};
  // states as the AWS Terraform provider waits on them (PENDING, UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED).
  it('follows the UpdateConnectivity operation to UPDATE_COMPLETE, or UPDATE_FAILED while the cluster reads ACTIVE again', async () => {
    const connectivity = { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } };
    const version = (name: string) => msk.send(new DescribeClusterV2Command({ ClusterArn: arns[name] })).then((o) => o.ClusterInfo!.CurrentVersion);
    const ok = await msk.send(new UpdateConnectivityCommand({ ClusterArn: arns.orders, CurrentVersion: await version('orders'), ConnectivityInfo: connectivity }));
    const pending = (await msk.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: ok.ClusterOperationArn }))).ClusterOperationInfo!;
    assert.equal(pending.OperationState, 'PENDING');
    assert.equal(pending.ClusterArn, arns.orders);
    assert.equal(pending.OperationArn, ok.ClusterOperationArn);
    await settle();
    const done = (await msk.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: ok.ClusterOperationArn }))).ClusterOperationInfo!;
    assert.equal(done.OperationState, 'UPDATE_COMPLETE');
    assert.ok(done.EndTime instanceof Date);

    emu.world.region(DEMO_ACCOUNT, 'us-east-1').mskClusters.get(arns['iam-only'])!.Tags['emulator:outcome'] = 'UPDATE_FAILED';
    const bad = await msk.send(new UpdateConnectivityCommand({ ClusterArn: arns['iam-only'], CurrentVersion: await version('iam-only'), ConnectivityInfo: connectivity }));
    await settle();
    const failed = (await msk.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: bad.ClusterOperationArn }))).ClusterOperationInfo!;
    assert.equal(failed.OperationState, 'UPDATE_FAILED');
    assert.match(failed.ErrorInfo!.ErrorString!, /failed/);
    const cluster = (await msk.send(new DescribeClusterV2Command({ ClusterArn: arns['iam-only'] }))).ClusterInfo!;
    assert.equal(cluster.State, 'ACTIVE', 'the cluster reads ACTIVE although the update failed');
    assert.equal(cluster.Provisioned!.BrokerNodeGroupInfo!.ConnectivityInfo!.VpcConnectivity, undefined);
    const missing = await msk.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: `${bad.ClusterOperationArn}x` })).catch((e) => e);
    assert.ok(missing instanceof NotFoundException);
  });

  it('refuses UpdateConnectivity without/with a stale CurrentVersion and on clusters that cannot use multi-VPC', async () => {
    const conn = (iam = true, scram = false) => ({ VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: iam }, Scram: { Enabled: scram } } } } });
    const version = async (name: string) => (await msk.send(new DescribeClusterV2Command({ ClusterArn: arns[name] }))).ClusterInfo!.CurrentVersion;
    const attempt = async (name: string, v: string | undefined, info = conn()) =>
      msk.send(new UpdateConnectivityCommand({ ClusterArn: arns[name], CurrentVersion: v, ConnectivityInfo: info })).catch((e) => e);
    const missing = await attempt('orders', undefined);
    assert.ok(missing instanceof BadRequestException);
    assert.equal(missing.InvalidParameter, 'currentVersion');
    assert.ok(await attempt('orders', 'KSTALE00000000') instanceof BadRequestException);
    assert.match((await attempt('small', await version('small'))).message, /kafka\.t3\.small/);
    assert.match((await attempt('legacy', await version('legacy'))).message, /2\.7\.1/);
    assert.match((await attempt('iam-only', await version('iam-only'), conn(true, true))).message, /SCRAM/);
    assert.match((await attempt('open', await version('open'))).message, /IAM/);
  });

  it('refuses turning off multi-VPC auth that client VPC connections still use, and bad type filters', async () => {
    const on = { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } };
    const v1 = (await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders }))).ClusterInfo!.CurrentVersion;
    await msk.send(new UpdateConnectivityCommand({ ClusterArn: arns.orders, CurrentVersion: v1, ConnectivityInfo: on }));
    await settle();
    emu.world.region(DEMO_ACCOUNT, 'us-east-1').mskVpcConnections.set(arns.orders, [{
      VpcConnectionArn: 'arn:aws:kafka:us-east-1:072088201116:vpc-connection/072088201116/orders/x', Authentication: 'SASL_IAM', State: 'AVAILABLE', Owner: '072088201116',
    }]);
    const v2 = (await msk.send(new DescribeClusterV2Command({ ClusterArn: arns.orders }))).ClusterInfo!.CurrentVersion;
    const off = { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: false } } } } };
    const err = await msk.send(new UpdateConnectivityCommand({ ClusterArn: arns.orders, CurrentVersion: v2, ConnectivityInfo: off })).catch((e) => e);
    assert.ok(err instanceof BadRequestException);
    assert.match(err.message, /SASL_IAM/);
    assert.ok(await msk.send(new ListClustersV2Command({ ClusterTypeFilter: 'BIG' })).catch((e) => e) instanceof BadRequestException);
  });

  it('plaintext/TLS bootstrap strings for an unauthenticated cluster, and lists client VPC connections', async () => {
    const open = await msk.send(new GetBootstrapBrokersCommand({ ClusterArn: arns.open }));
    assert.match(open.BootstrapBrokerString!, /:9092/);
    assert.match(open.BootstrapBrokerStringTls!, /:9094/);
    assert.equal(open.BootstrapBrokerStringSaslIam, undefined);
    assert.deepEqual((await msk.send(new ListClientVpcConnectionsCommand({ ClusterArn: arns.orders }))).ClientVpcConnections, []);
    emu.world.region(DEMO_ACCOUNT, 'us-east-1').mskVpcConnections.set(arns.orders, [{
      VpcConnectionArn: `arn:aws:kafka:us-east-1:072088201116:vpc-connection/072088201116/orders/abc`, Authentication: 'SASL_IAM',
      CreationTime: '2026-01-02T03:04:05.000Z', State: 'AVAILABLE', Owner: '072088201116',
    }]);
    const list = await msk.send(new ListClientVpcConnectionsCommand({ ClusterArn: arns.orders }));
    assert.equal(list.ClientVpcConnections![0].Owner, '072088201116');
    assert.ok(list.ClientVpcConnections![0].CreationTime instanceof Date);
  });
});
