// The AWS layer against the emulator through the real SDK clients: the emulator is only a
// profile (endpoint_url in a temp config file). Lattice lists/gets, call() for the Lattice
// family, pagination with minimal request counts, throttling and AccessDenied.
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { isAwsCallError } from '../../src/aws/api';
import type { AwsLayer } from '../../src/aws/api';
import { advance, clearLog, control, emulatorSuite, rejection, requestCounts, seedNetwork, SG, SUBNETS, US, VPC } from './awsEnv';

/** n gateways written straight into the world (Get shape), for pagination tests. */
function seedGateways(emu: RunningEmulator, n: number): void {
  const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
  for (let i = 0; i < n; i++) {
    const id = `rgw-${String(i).padStart(17, '0')}`;
    r.resourceGateways.set(id, {
      name: `gw-${i}`, id, arn: `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourcegateway/${id}`, status: 'ACTIVE',
      vpcId: VPC, subnetIds: SUBNETS, securityGroupIds: [SG], ipAddressType: 'IPV4', createdAt: new Date().toISOString(),
    });
  }
}

describe('AWS layer against the emulator: VPC Lattice', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  beforeEach(() => {
    ({ emu, layer } = suite);
    seedNetwork(emu);
  });

  it('creates a gateway and a configuration with call(), then lists and gets them as plain models', async () => {
    const gw = await layer.call(US, 'vpc-lattice', 'CreateResourceGateway', {
      name: 'clickpipes-gw', vpcIdentifier: VPC, subnetIds: SUBNETS, securityGroupIds: [SG], clientToken: 'plan1-gw',
    });
    assert.match(String(gw.id), /^rgw-[0-9a-z]{17}$/);
    assert.equal(gw.$metadata, undefined);
    assert.equal(gw.vpcIdentifier, VPC);

    const [listed] = await layer.listResourceGateways(US);
    const got = await layer.getResourceGateway(US, String(gw.id));
    // List (vpcIdentifier) and Get (vpcId) map to the same model.
    assert.deepEqual(listed, got);
    assert.deepEqual(got, {
      id: gw.id, arn: gw.arn, name: 'clickpipes-gw', status: got.status, vpcId: VPC,
      subnetIds: SUBNETS, securityGroupIds: [SG], ipAddressType: 'IPV4',
    });

    const raw = await layer.call(US, 'vpc-lattice', 'GetResourceGateway', { resourceGatewayIdentifier: gw.id });
    assert.equal(typeof raw.createdAt, 'string', 'dates come back as ISO strings');
    assert.ok(!Number.isNaN(Date.parse(String(raw.createdAt))));

    await advance(emu);
    const cfg = await layer.call(US, 'vpc-lattice', 'CreateResourceConfiguration', {
      name: 'pg-single', type: 'SINGLE', resourceGatewayIdentifier: gw.id, portRanges: ['5432'],
      resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.0.10' } }, clientToken: 'plan1-cfg',
    });
    await advance(emu);
    const [summary] = await layer.listResourceConfigurations(US);
    assert.deepEqual(summary, {
      id: cfg.id, arn: cfg.arn, name: 'pg-single', type: 'SINGLE', status: 'ACTIVE', resourceGatewayId: gw.id, portRanges: [],
    });
    const full = await layer.getResourceConfiguration(US, String(cfg.id));
    assert.deepEqual(full, { ...summary, portRanges: ['5432'], protocol: 'TCP', definition: { kind: 'ip', ipAddress: '10.0.0.10' } });
    assert.deepEqual(await layer.listResourceConfigurations(US, { details: true }), [full]);

    await layer.call(US, 'vpc-lattice', 'UpdateResourceConfiguration', { resourceConfigurationIdentifier: cfg.id, portRanges: ['5433'] });
    await advance(emu);
    assert.deepEqual((await layer.getResourceConfiguration(US, String(cfg.id))).portRanges, ['5433']);
    assert.deepEqual(await layer.call(US, 'vpc-lattice', 'DeleteResourceConfiguration', { resourceConfigurationIdentifier: cfg.id }), {});
    await layer.call(US, 'vpc-lattice', 'UpdateResourceGateway', { resourceGatewayIdentifier: gw.id, securityGroupIds: [SG] });
    await advance(emu);
    const deleted = await layer.call(US, 'vpc-lattice', 'DeleteResourceGateway', { resourceGatewayIdentifier: gw.id });
    assert.equal(deleted.id, gw.id);
  });

  it('loads 500+ gateways with the fewest requests (maxResults 100 → 6 pages for 520)', async () => {
    seedGateways(emu, 520);
    await clearLog(emu.url);
    const all = await layer.listResourceGateways(US);
    assert.equal(all.length, 520);
    assert.equal(new Set(all.map((g) => g.id)).size, 520);
    assert.deepEqual(await requestCounts(emu.url), { 'vpc-lattice:ListResourceGateways': 6 });
  });

  it('still loads completely when 30% of requests are throttled (standard retry with backoff)', async function () {
    this.timeout(60_000);
    seedGateways(emu, 520);
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'vpc-lattice', throttleRate: 0.3 }] });
    const all = await layer.listResourceGateways(US);
    assert.equal(all.length, 520);
    const log = await control(emu.url, 'GET', 'log');
    const throttled = log.entries.filter((e: any) => e.errorCode && /Throttl/.test(e.errorCode)).length;
    assert.ok(throttled > 0, 'the fault should have throttled some requests');
  });

  it('AccessDenied surfaces as AwsCallError in plain words, without credentials', async () => {
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'vpc-lattice', operation: 'CreateResourceGateway', accessDenied: true }] });
    const err = await rejection(layer.call(US, 'vpc-lattice', 'CreateResourceGateway', { name: 'denied-gw', vpcIdentifier: VPC, subnetIds: SUBNETS }));
    assert.ok(isAwsCallError(err));
    assert.equal(err.failure.name, 'AccessDeniedException');
    assert.equal(err.failure.service, 'vpc-lattice');
    assert.equal(err.failure.operation, 'CreateResourceGateway');
    assert.equal(err.failure.httpStatus, 403);
    assert.equal(err.message, "AccessDenied: your profile 'clickpipes-demo' is not allowed to call vpc-lattice:CreateResourceGateway in us-east-1.");
    assert.ok(!/AKIA|secret/i.test(JSON.stringify(err.failure)));
  });

  it('not-found and validation errors keep the AWS name and text', async () => {
    const err = await rejection(layer.getResourceGateway(US, 'rgw-00000000000000000'));
    assert.equal(err.failure.name, 'ResourceNotFoundException');
    assert.equal(err.failure.httpStatus, 404);
    assert.match(err.message, /^ResourceNotFoundException: /);
  });

  it('an unknown (service, operation) is a clear error, before any request', async () => {
    await clearLog(emu.url);
    const err = await rejection(layer.call(US, 'vpc-lattice', 'CreateServiceNetwork', {}));
    assert.equal(err.failure.name, 'UnsupportedOperation');
    assert.match(err.message, /vpc-lattice:CreateServiceNetwork/);
    assert.equal((await rejection(layer.call(US, 'clickhouse', 'CreateReversePrivateEndpoint', {}))).failure.name, 'UnsupportedOperation');
    assert.deepEqual(await requestCounts(emu.url), {});
  });

  it('each profile uses its own endpoint_url and region (not only AWS_PROFILE/default)', async () => {
    assert.equal(process.env.AWS_PROFILE, undefined);
    seedNetwork(emu, 'eu-central-1');
    await layer.call({ profile: 'clickpipes-demo-eu', region: 'eu-central-1' }, 'vpc-lattice', 'CreateResourceGateway', {
      name: 'eu-gw', vpcIdentifier: VPC, subnetIds: SUBNETS,
    });
    assert.equal((await layer.listResourceGateways({ profile: 'clickpipes-demo-eu', region: 'eu-central-1' })).length, 1);
    assert.equal((await layer.listResourceGateways(US)).length, 0);
    // A third profile signs as another account: it sees nothing of the demo account.
    assert.equal((await layer.listResourceGateways({ profile: 'clickpipes-other', region: 'eu-central-1' })).length, 0);
  });

  it('reuses one client per (profile, region, service) and rebuilds them after reset()', async () => {
    await layer.listResourceGateways(US);
    await layer.listResourceConfigurations(US);
    layer.reset();
    assert.deepEqual(await layer.listResourceGateways(US), []);
  });
});
