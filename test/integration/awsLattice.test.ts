// The AWS layer against the emulator through the real SDK clients: the emulator is only a
// profile (endpoint_url in a temp config file). Lattice lists/gets, call() for the Lattice
// family, pagination with minimal request counts, throttling and AccessDenied.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../emulator/index';
import { writeAwsProfile } from '../emulator/awsProfile';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { createAwsLayer } from '../../src/aws/index';
import type { AwsLayer, Scope } from '../../src/aws/api';
import { isAwsCallError } from '../../src/aws/api';
import { awsSandbox, AwsSandbox, clearLog, control, requestCounts } from './awsEnv';

const US: Scope = { profile: 'clickpipes-demo', region: 'us-east-1' };
const VPC = 'vpc-0aaaaaaaaaaaaaaa1';
const SUBNETS = ['subnet-0aaaaaaaaaaaaaa01', 'subnet-0aaaaaaaaaaaaaa02'];
const SG = 'sg-0aaaaaaaaaaaaaaa1';

/** A VPC with two subnets and a security group, in the EC2 record shapes the emulator keeps. */
function seedNetwork(emu: RunningEmulator, region = 'us-east-1'): void {
  const r = emu.world.region(DEMO_ACCOUNT, region);
  r.vpcs.set(VPC, { VpcId: VPC, CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false, OwnerId: DEMO_ACCOUNT });
  SUBNETS.forEach((id, i) => r.subnets.set(id, {
    SubnetId: id, VpcId: VPC, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: `${region}${'ab'[i]}`, State: 'available', AvailableIpAddressCount: 250,
  }));
  r.securityGroups.set(SG, { GroupId: SG, GroupName: 'default', VpcId: VPC, Description: 'default', OwnerId: DEMO_ACCOUNT });
}

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

async function rejection(p: Promise<unknown>): Promise<any> {
  const err = await p.then(() => undefined, (e) => e);
  assert.ok(err, 'expected a rejection');
  return err;
}

describe('AWS layer against the emulator: VPC Lattice', () => {
  let box: AwsSandbox;
  let emu: RunningEmulator;
  let layer: AwsLayer;

  before(async () => {
    box = awsSandbox();
    emu = await startEmulator({ scenario: 'empty' });
    writeAwsProfile(box.dir, emu.url);
  });
  after(async () => {
    await emu.stop();
    box.restore();
  });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset', { scenario: 'empty' });
    await control(emu.url, 'POST', 'timings', { create: 0, update: 0, delete: 0 });
    seedNetwork(emu);
    layer = createAwsLayer({ maxAttempts: 5 });
  });
  afterEach(() => layer.dispose());

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

    await control(emu.url, 'POST', 'clock/advance', { ms: 1000 });
    const cfg = await layer.call(US, 'vpc-lattice', 'CreateResourceConfiguration', {
      name: 'pg-single', type: 'SINGLE', resourceGatewayIdentifier: gw.id, portRanges: ['5432'],
      resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.0.10' } }, clientToken: 'plan1-cfg',
    });
    await control(emu.url, 'POST', 'clock/advance', { ms: 1000 });
    const [summary] = await layer.listResourceConfigurations(US);
    assert.deepEqual(summary, {
      id: cfg.id, arn: cfg.arn, name: 'pg-single', type: 'SINGLE', status: 'ACTIVE', resourceGatewayId: gw.id, portRanges: [],
    });
    const full = await layer.getResourceConfiguration(US, String(cfg.id));
    assert.deepEqual(full, { ...summary, portRanges: ['5432'], protocol: 'TCP', definition: { kind: 'ip', ipAddress: '10.0.0.10' } });
    assert.deepEqual(await layer.listResourceConfigurations(US, { details: true }), [full]);

    await layer.call(US, 'vpc-lattice', 'UpdateResourceConfiguration', { resourceConfigurationIdentifier: cfg.id, portRanges: ['5433'] });
    await control(emu.url, 'POST', 'clock/advance', { ms: 1000 });
    assert.deepEqual((await layer.getResourceConfiguration(US, String(cfg.id))).portRanges, ['5433']);
    assert.deepEqual(await layer.call(US, 'vpc-lattice', 'DeleteResourceConfiguration', { resourceConfigurationIdentifier: cfg.id }), {});
    await layer.call(US, 'vpc-lattice', 'UpdateResourceGateway', { resourceGatewayIdentifier: gw.id, securityGroupIds: [SG] });
    await control(emu.url, 'POST', 'clock/advance', { ms: 1000 });
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
