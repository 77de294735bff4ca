// MSK through the AWS layer: clusters from ListClustersV2 alone, policies only when asked, and
// the Kafka family of call() (multi-VPC connectivity + cluster policy as the plan does it).
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../emulator/index';
import { CLICKPIPES_ACCOUNT, DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { provisionedCluster } from '../emulator/services/kafka';
import type { AwsLayer } from '../../src/aws/api';
import { advance, clearLog, control, emulatorSuite, rejection, requestCounts, US } from './awsEnv';

describe('AWS layer against the emulator: MSK', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  const arns: Record<string, string> = {};
  const base = { account: DEMO_ACCOUNT, region: 'us-east-1', subnets: ['subnet-0aaaaaaaaaaaaaa01'], securityGroups: ['sg-0aaaaaaaaaaaaaaa1'] };
  const add = (c: Record<string, any>) => {
    emu.world.region(DEMO_ACCOUNT, 'us-east-1').mskClusters.set(c.ClusterArn, c);
    arns[c.ClusterName] = c.ClusterArn;
  };

  beforeEach(() => {
    ({ emu, layer } = suite);
    add(provisionedCluster(emu.world, { ...base, name: 'orders', kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large', iam: true, scram: true, brokers: 3 }));
    add(provisionedCluster(emu.world, { ...base, name: 'open', kafkaVersion: '3.5.1', instanceType: 'kafka.m5.large', unauthenticated: true }));
  });

  it('lists clusters as plain models with one request (no Describe per cluster, no policies)', async () => {
    await clearLog(emu.url);
    const clusters = await layer.listMskClusters(US);
    assert.deepEqual(await requestCounts(emu.url), { 'kafka:ListClustersV2': 1 });
    const orders = clusters.find((c) => c.name === 'orders')!;
    assert.ok(orders.currentVersion);
    assert.equal(orders.policy, undefined);
    assert.deepEqual(orders, {
      arn: arns.orders, name: 'orders', clusterType: 'PROVISIONED', state: 'ACTIVE', currentVersion: orders.currentVersion,
      kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large',
      auth: { iam: true, scram: true, tls: false, unauthenticated: false },
      multiVpc: { iam: false, scram: false, tls: false }, brokerCount: 3,
    });
    assert.deepEqual(clusters.find((c) => c.name === 'open')!.auth, { iam: false, scram: false, tls: false, unauthenticated: true });
    assert.deepEqual(await layer.describeMskCluster(US, arns.orders), orders);
  });

  it('turns on multi-VPC IAM and writes the ClickPipes policy through call(), as a plan would', async () => {
    await control(emu.url, 'POST', 'timings', { update: 5000 });
    const described = await layer.call(US, 'kafka', 'DescribeClusterV2', { ClusterArn: arns.orders });
    const info = described.ClusterInfo as Record<string, any>;
    assert.equal(typeof info.CreationTime, 'string');
    const upd = await layer.call(US, 'kafka', 'UpdateConnectivity', {
      ClusterArn: arns.orders, CurrentVersion: info.CurrentVersion,
      ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } },
    });
    assert.ok(upd.ClusterOperationArn);
    assert.equal((await layer.describeMskCluster(US, arns.orders)).state, 'UPDATING');
    await advance(emu, 600_000);
    const after = await layer.describeMskCluster(US, arns.orders);
    assert.equal(after.state, 'ACTIVE');
    assert.deepEqual(after.multiVpc, { iam: true, scram: false, tls: false });

    const none = await rejection(layer.call(US, 'kafka', 'GetClusterPolicy', { ClusterArn: arns.orders }));
    assert.equal(none.failure.name, 'NotFoundException');
    assert.equal(await layer.getMskClusterPolicy(US, arns.orders), null);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: CLICKPIPES_ACCOUNT }, Action: ['kafka:CreateVpcConnection'], Resource: arns.orders }] });
    const put = await layer.call(US, 'kafka', 'PutClusterPolicy', { ClusterArn: arns.orders, Policy: policy });
    assert.ok(put.CurrentVersion);
    assert.deepEqual(await layer.getMskClusterPolicy(US, arns.orders), { currentVersion: put.CurrentVersion, document: policy });

    await clearLog(emu.url);
    const withPolicies = await layer.listMskClusters(US, { policies: true });
    assert.deepEqual(withPolicies.find((c) => c.name === 'orders')!.policy, { currentVersion: put.CurrentVersion, document: policy });
    assert.equal(withPolicies.find((c) => c.name === 'open')!.policy, null);
    assert.deepEqual(await requestCounts(emu.url), { 'kafka:ListClustersV2': 1, 'kafka:GetClusterPolicy': 2 });

    const brokers = await layer.getBootstrapBrokers(US, arns.orders);
    assert.ok(brokers.BootstrapBrokerStringVpcConnectivitySaslIam, JSON.stringify(brokers));
    assert.deepEqual(await layer.call(US, 'kafka', 'GetBootstrapBrokers', { ClusterArn: arns.orders }), brokers);
    await layer.call(US, 'kafka', 'DeleteClusterPolicy', { ClusterArn: arns.orders });
    assert.equal(await layer.getMskClusterPolicy(US, arns.orders), null);
  });

  it('pages 230 clusters at 100 per request, and survives throttling', async function () {
    this.timeout(60_000);
    for (let i = 0; i < 228; i++) add(provisionedCluster(emu.world, { ...base, name: `c${i}`, kafkaVersion: '3.6.0', instanceType: 'kafka.m5.large', iam: true }));
    await clearLog(emu.url);
    assert.equal((await layer.listMskClusters(US)).length, 230);
    assert.deepEqual(await requestCounts(emu.url), { 'kafka:ListClustersV2': 3 });
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'kafka', throttleRate: 0.3 }] });
    assert.equal((await layer.listMskClusters(US)).length, 230);
  });
});
