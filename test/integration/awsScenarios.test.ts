// The AWS layer on the emulator's scenarios: every list/get on `demo` checked against the world
// it was loaded from, and a full explorer-style load of `scale` (500 of each kind) checked for
// completeness and for the minimal request count (pages at the APIs' maximum sizes + the one
// per-item call EC2 forces: DescribeVpcEndpointServicePermissions takes a single ServiceId).
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import type { AwsLayer, Scope } from '../../src/aws/api';
import { clearLog, control, emulatorSuite, requestCounts, US } from './awsEnv';

const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/** What the explorer loads for one region: the six groups plus the profile's identity. */
async function loadRegion(layer: AwsLayer, scope: Scope) {
  const [identity, gateways, configurations, shares, msk, endpointServices, databases] = await Promise.all([
    layer.callerIdentity(scope.profile), layer.listResourceGateways(scope), layer.listResourceConfigurations(scope),
    layer.listResourceShares(scope), layer.listMskClusters(scope), layer.listEndpointServices(scope), layer.listDatabases(scope),
  ]);
  return { identity, gateways, configurations, shares, msk, endpointServices, databases };
}

function expectedCounts(emu: RunningEmulator, region: string) {
  const r = emu.world.region(DEMO_ACCOUNT, region);
  const assocs = (t: string) => r.shareAssociations.filter((a) => a.associationType === t).length;
  const live = [...r.endpointServices.values()].filter((s) => s.ServiceState !== 'Deleted');
  return {
    'sts:GetCallerIdentity': 1,
    'vpc-lattice:ListResourceGateways': pages(r.resourceGateways.size, 100),
    'vpc-lattice:ListResourceConfigurations': pages(r.resourceConfigurations.size, 100),
    'ram:GetResourceShares': pages(r.resourceShares.size, 500),
    'ram:GetResourceShareAssociations': pages(assocs('PRINCIPAL'), 500) + pages(assocs('RESOURCE'), 500),
    'kafka:ListClustersV2': pages(r.mskClusters.size, 100),
    'ec2:DescribeVpcEndpointServiceConfigurations': pages(live.length, 1000),
    'ec2:DescribeVpcEndpointConnections': pages(r.endpointConnections.size, 1000),
    ...(live.length ? { 'ec2:DescribeVpcEndpointServicePermissions': live.length } : {}),
    'rds:DescribeDBInstances': pages(r.dbInstances.size, 100),
    'rds:DescribeDBClusters': pages(r.dbClusters.size, 100),
  };
}

describe('AWS layer on the demo scenario: every list and get', () => {
  const suite = emulatorSuite('demo');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(() => ({ emu, layer } = suite));

  for (const scope of [US, { profile: 'clickpipes-demo-eu', region: 'eu-central-1' }]) {
    it(`${scope.profile} / ${scope.region}: lists match the world, gets match the lists`, async () => {
      const r = emu.world.region(DEMO_ACCOUNT, scope.region);
      await clearLog(emu.url);
      const all = await loadRegion(layer, scope);
      assert.deepEqual(await requestCounts(emu.url), expectedCounts(emu, scope.region));
      assert.equal(all.identity.account, DEMO_ACCOUNT);

      assert.deepEqual(all.gateways.map((g) => g.id).sort(), [...r.resourceGateways.keys()].sort());
      for (const g of all.gateways) assert.deepEqual(await layer.getResourceGateway(scope, g.id), g);
      assert.deepEqual(all.configurations.map((c) => c.id).sort(), [...r.resourceConfigurations.keys()].sort());
      for (const c of all.configurations) {
        const full = await layer.getResourceConfiguration(scope, c.id);
        const rec = r.resourceConfigurations.get(c.id)!;
        // The summary's fields agree with Get; Get adds ports, protocol, definition, failure reason.
        const { portRanges: _p, protocol: _pr, definition: _d, failureReason: _f, ...summaryPart } = full;
        assert.deepEqual({ ...c, portRanges: undefined }, { ...summaryPart, portRanges: undefined });
        assert.deepEqual(full.portRanges, rec.portRanges ?? []);
        if (rec.resourceConfigurationDefinition?.arnResource) assert.deepEqual(full.definition, { kind: 'arn', arn: rec.resourceConfigurationDefinition.arnResource.arn });
      }
      assert.deepEqual(all.shares.map((s) => s.arn).sort(), [...r.resourceShares.keys()].sort());
      for (const s of all.shares) {
        const mine = r.shareAssociations.filter((a) => a.resourceShareArn === s.arn);
        assert.deepEqual(s.principals.map((p) => p.id).sort(), mine.filter((a) => a.associationType === 'PRINCIPAL').map((a) => a.associatedEntity).sort());
        assert.deepEqual(s.resources.map((x) => x.arn).sort(), mine.filter((a) => a.associationType === 'RESOURCE').map((a) => a.associatedEntity).sort());
      }
      assert.deepEqual(all.msk.map((c) => c.arn).sort(), [...r.mskClusters.keys()].sort());
      for (const c of all.msk) {
        assert.deepEqual(await layer.describeMskCluster(scope, c.arn), c);
        const policy = r.mskPolicies.get(c.arn);
        assert.deepEqual(await layer.getMskClusterPolicy(scope, c.arn), policy ? { currentVersion: policy.currentVersion, document: policy.policy } : null);
        if (c.state === 'ACTIVE') assert.ok(Object.keys(await layer.getBootstrapBrokers(scope, c.arn)).length > 0);
      }
      const services = [...r.endpointServices.values()].filter((s) => s.ServiceState !== 'Deleted');
      assert.deepEqual(all.endpointServices.map((s) => s.id).sort(), services.map((s) => s.ServiceId).sort());
      for (const s of all.endpointServices) {
        assert.deepEqual([...s.allowedPrincipals].sort(), [...(r.servicePermissions.get(s.id) ?? [])].sort());
        assert.deepEqual(s.connections.map((c) => c.vpcEndpointId).sort(),
          [...r.endpointConnections.values()].filter((c) => c.ServiceId === s.id).map((c) => c.VpcEndpointId).sort());
      }
      assert.equal(all.databases.filter((d) => d.kind === 'instance').length, r.dbInstances.size);
      assert.equal(all.databases.filter((d) => d.kind === 'cluster').length, r.dbClusters.size);
      for (const d of all.databases) assert.match(d.resourceId, d.kind === 'instance' ? /^db-/ : /^cluster-/);

      const vpcs = await layer.listVpcs(scope);
      assert.deepEqual(vpcs.map((v) => v.id).sort(), [...r.vpcs.keys()].sort());
      for (const v of vpcs) {
        assert.deepEqual((await layer.listSubnets(scope, v.id)).map((s) => s.id).sort(),
          [...r.subnets.values()].filter((s) => s.VpcId === v.id).map((s) => s.SubnetId).sort());
        assert.deepEqual((await layer.listSecurityGroups(scope, v.id)).map((g) => g.id).sort(),
          [...r.securityGroups.values()].filter((g) => g.VpcId === v.id).map((g) => g.GroupId).sort());
      }
      assert.deepEqual((await layer.listLoadBalancers(scope)).map((l) => l.arn).sort(), [...r.loadBalancers.keys()].sort());
    });
  }

  it('the demo has something in every group of us-east-1 (so the checks above are not vacuous)', async () => {
    const all = await loadRegion(layer, US);
    for (const [k, v] of Object.entries(all)) if (Array.isArray(v)) assert.ok(v.length > 0, `${k} is empty`);
    assert.ok(all.configurations.some((c) => c.status === 'CREATE_FAILED'));
  });
});

describe('AWS layer on the scale scenario: a full load, complete and with the minimal request count', () => {
  const suite = emulatorSuite('scale');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(() => ({ emu, layer } = suite));

  it('loads every group of 500 with exactly the minimal paginated requests', async function () {
    this.timeout(60_000);
    await clearLog(emu.url);
    const all = await loadRegion(layer, US);
    for (const k of ['gateways', 'configurations', 'shares', 'msk', 'endpointServices'] as const) assert.equal(all[k].length, 500, k);
    assert.equal(all.databases.filter((d) => d.kind === 'cluster').length, 500);
    const counts = await requestCounts(emu.url);
    assert.deepEqual(counts, expectedCounts(emu, 'us-east-1'));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`      scale load: ${total} requests (${counts['ec2:DescribeVpcEndpointServicePermissions']} of them per-service permissions)`);
  });

  it('reads the subnets of 500 gateway VPCs in three DescribeSubnets (200 VPC ids each), all of them', async function () {
    this.timeout(60_000);
    const vpcs = [...new Set((await layer.listResourceGateways(US)).map((g) => g.vpcId!))];
    assert.equal(vpcs.length, 500);
    await clearLog(emu.url);
    const subnets = await layer.listSubnetsOfVpcs(US, vpcs);
    assert.deepEqual(await requestCounts(emu.url), { 'ec2:DescribeSubnets': 3 });
    assert.equal(subnets.length, 1000, 'two subnets per VPC');
    assert.deepEqual(new Set(subnets.map((s) => s.vpcId)), new Set(vpcs));
  });

  it('loads completely with 10% of all requests throttled', async function () {
    this.timeout(120_000);
    await control(emu.url, 'POST', 'faults', { faults: [{ throttleRate: 0.1 }] });
    const all = await loadRegion(layer, US);
    for (const k of ['gateways', 'configurations', 'shares', 'msk', 'endpointServices'] as const) assert.equal(all[k].length, 500, k);
    const log = await control(emu.url, 'GET', 'log');
    assert.ok(log.entries.some((e: any) => /Throttl|RequestLimitExceeded/.test(e.errorCode ?? '')), 'some requests should have been throttled');
  });
});
