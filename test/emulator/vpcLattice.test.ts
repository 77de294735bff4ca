import * as assert from 'node:assert/strict';
import {
  VPCLatticeClient, CreateResourceGatewayCommand, GetResourceGatewayCommand, ListResourceGatewaysCommand, UpdateResourceGatewayCommand,
  DeleteResourceGatewayCommand, CreateResourceConfigurationCommand, GetResourceConfigurationCommand, ListResourceConfigurationsCommand,
  UpdateResourceConfigurationCommand, DeleteResourceConfigurationCommand, ListResourceEndpointAssociationsCommand,
  paginateListResourceGateways, paginateListResourceConfigurations, ValidationException, ConflictException, ResourceNotFoundException,
} from '@aws-sdk/client-vpc-lattice';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control, seedNetwork, NET } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';

describe('VPC Lattice resource gateways and configurations', () => {
  let emu: RunningEmulator;
  let lattice: VPCLatticeClient;
  before(async () => { emu = await startEmulator({ scenario: 'empty' }); lattice = new VPCLatticeClient({ ...sdkConfig(emu.url), maxAttempts: 1 }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => { await control(emu.url, 'POST', 'reset'); seedNetwork(emu.world, DEMO_ACCOUNT, 'us-east-1'); });

  const settle = () => control(emu.url, 'POST', 'clock/advance', { ms: 60_000 });
  const gatewayInput = (name = 'orders-gw') => ({ name, vpcIdentifier: NET.vpc, subnetIds: [NET.subnetA, NET.subnetB], securityGroupIds: [NET.sgApp] });
  async function activeGateway(name = 'orders-gw') {
    const gw = await lattice.send(new CreateResourceGatewayCommand(gatewayInput(name)));
    await settle();
    return gw;
  }

  it('creates a gateway CREATE_IN_PROGRESS that becomes ACTIVE on the clock, with real id/ARN formats', async () => {
    const gw = await lattice.send(new CreateResourceGatewayCommand({ ...gatewayInput(), tags: { team: 'data' } }));
    assert.match(gw.id!, /^rgw-[0-9a-z]{17}$/);
    assert.equal(gw.arn, `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourcegateway/${gw.id}`);
    assert.equal(gw.status, 'CREATE_IN_PROGRESS');
    assert.equal(gw.vpcIdentifier, NET.vpc);
    assert.equal(gw.ipAddressType, 'IPV4');
    const before = await lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gw.id }));
    assert.equal(before.status, 'CREATE_IN_PROGRESS');
    assert.ok(before.createdAt instanceof Date);
    await settle();
    const after = await lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gw.arn }));
    assert.equal(after.status, 'ACTIVE');
    assert.equal(after.vpcId, NET.vpc);
    assert.deepEqual(after.subnetIds, [NET.subnetA, NET.subnetB]);
  });

  it('settles in CREATE_FAILED when tagged emulator:outcome=CREATE_FAILED', async () => {
    const gw = await lattice.send(new CreateResourceGatewayCommand({ ...gatewayInput(), tags: { 'emulator:outcome': 'CREATE_FAILED' } }));
    await settle();
    assert.equal((await lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gw.id }))).status, 'CREATE_FAILED');
  });

  it('validates gateway input with ValidationException and fieldList', async () => {
    for (const [input, field] of [
      [{ ...gatewayInput(), name: 'ab' }, 'name'],
      [{ ...gatewayInput(), name: 'rgw-named' }, 'name'],
      [{ ...gatewayInput(), name: 'bad--name' }, 'name'],
      [{ ...gatewayInput(), name: 'Upper' }, 'name'],
      [{ ...gatewayInput(), name: 'x'.repeat(41) }, 'name'],
      [{ ...gatewayInput(), vpcIdentifier: 'vpc-123' }, 'vpcIdentifier'],
      [{ ...gatewayInput(), vpcIdentifier: undefined }, 'vpcIdentifier'],
      [{ ...gatewayInput(), subnetIds: undefined }, 'subnetIds'],
      [{ ...gatewayInput(), securityGroupIds: Array(6).fill(NET.sgApp) }, 'securityGroupIds'],
      [{ ...gatewayInput(), ipv4AddressesPerEni: 63 }, 'ipv4AddressesPerEni'],
      [{ ...gatewayInput(), subnetIds: [NET.otherSubnet] }, 'subnetIds'],
      [{ ...gatewayInput(), subnetIds: [NET.subnetA, NET.subnetA2] }, 'subnetIds'],
      [{ ...gatewayInput(), vpcIdentifier: 'vpc-0123456789abcdef0' }, 'vpcIdentifier'],
    ] as const) {
      const err = await lattice.send(new CreateResourceGatewayCommand(input as any)).catch((e) => e);
      assert.ok(err instanceof ValidationException, `${JSON.stringify(input)} → ${err.name}`);
      assert.equal(err.fieldList?.[0]?.name, field, JSON.stringify(input));
    }
  });

  it('refuses a duplicate gateway name with ConflictException', async () => {
    await lattice.send(new CreateResourceGatewayCommand(gatewayInput()));
    const err = await lattice.send(new CreateResourceGatewayCommand(gatewayInput())).catch((e) => e);
    assert.ok(err instanceof ConflictException);
    assert.equal(err.resourceType, 'RESOURCE_GATEWAY');
  });

  it('is idempotent on clientToken, and refuses a reused token with other parameters', async () => {
    const a = await lattice.send(new CreateResourceGatewayCommand({ ...gatewayInput(), clientToken: 'plan-1-step-1' }));
    const b = await lattice.send(new CreateResourceGatewayCommand({ ...gatewayInput(), clientToken: 'plan-1-step-1' }));
    assert.equal(a.id, b.id);
    assert.equal((await lattice.send(new ListResourceGatewaysCommand({}))).items!.length, 1);
    const err = await lattice.send(new CreateResourceGatewayCommand({ ...gatewayInput('other-gw'), clientToken: 'plan-1-step-1' })).catch((e) => e);
    assert.ok(err instanceof ConflictException);
  });

  it('gets unknown or malformed identifiers as ResourceNotFound / Validation', async () => {
    const nf = await lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: 'rgw-0000000000000000a' })).catch((e) => e);
    assert.ok(nf instanceof ResourceNotFoundException);
    assert.equal(nf.$metadata.httpStatusCode, 404);
    const bad = await lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: 'gateway-1234567890abc' })).catch((e) => e);
    assert.ok(bad instanceof ValidationException);
  });

  it('paginates gateways with the SDK paginator and rejects bad maxResults / tokens', async () => {
    for (let i = 0; i < 7; i++) await lattice.send(new CreateResourceGatewayCommand(gatewayInput(`gw-${i}`)));
    const pages: number[] = [];
    const names: string[] = [];
    for await (const p of paginateListResourceGateways({ client: lattice, pageSize: 3 }, {})) {
      pages.push(p.items!.length);
      names.push(...p.items!.map((g) => g.name!));
    }
    assert.deepEqual(pages, [3, 3, 1]);
    assert.deepEqual(names, [0, 1, 2, 3, 4, 5, 6].map((i) => `gw-${i}`));
    const big = await lattice.send(new ListResourceGatewaysCommand({ maxResults: 101 })).catch((e) => e);
    assert.ok(big instanceof ValidationException);
    const tok = await lattice.send(new ListResourceGatewaysCommand({ nextToken: 'not-a-token' })).catch((e) => e);
    assert.ok(tok instanceof ValidationException);
  });

  it('updates security groups (UPDATE_IN_PROGRESS → ACTIVE) and refuses updates while not ACTIVE', async () => {
    const gw = await lattice.send(new CreateResourceGatewayCommand(gatewayInput()));
    const early = await lattice.send(new UpdateResourceGatewayCommand({ resourceGatewayIdentifier: gw.id, securityGroupIds: [NET.sgDefault] })).catch((e) => e);
    assert.ok(early instanceof ConflictException);
    await settle();
    const up = await lattice.send(new UpdateResourceGatewayCommand({ resourceGatewayIdentifier: gw.id, securityGroupIds: [NET.sgDefault] }));
    assert.equal(up.status, 'UPDATE_IN_PROGRESS');
    assert.deepEqual(up.securityGroupIds, [NET.sgDefault]);
    await settle();
    assert.equal((await lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gw.id }))).status, 'ACTIVE');
  });

  it('creates an ARN configuration on a private Aurora cluster, with the DB port, ACTIVE after settling', async () => {
    const gw = await activeGateway();
    const arn = `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.privateCluster}`;
    const cfg = await lattice.send(new CreateResourceConfigurationCommand({
      name: 'orders-db', type: 'ARN', resourceGatewayIdentifier: gw.id, resourceConfigurationDefinition: { arnResource: { arn } },
    }));
    assert.match(cfg.id!, /^rcfg-[0-9a-z]{17}$/);
    assert.equal(cfg.arn, `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourceconfiguration/${cfg.id}`);
    assert.equal(cfg.status, 'CREATE_IN_PROGRESS');
    assert.equal(cfg.resourceGatewayId, gw.id);
    assert.deepEqual(cfg.portRanges, ['5432']);
    assert.deepEqual(cfg.resourceConfigurationDefinition, { arnResource: { arn } });
    assert.ok(cfg.createdAt instanceof Date);
    await settle();
    const got = await lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.arn }));
    assert.equal(got.status, 'ACTIVE');
    assert.equal(got.amazonManaged, false);
  });

  it('refuses a configuration on a publicly accessible RDS cluster, a missing one, or another region', async () => {
    const gw = await activeGateway();
    for (const arn of [
      `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.publicCluster}`,
      `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:nope`,
      `arn:aws:rds:eu-central-1:${DEMO_ACCOUNT}:cluster:${NET.privateCluster}`,
      `arn:aws:s3:::bucket`,
    ]) {
      const err = await lattice.send(new CreateResourceConfigurationCommand({
        name: 'x-db', type: 'ARN', resourceGatewayIdentifier: gw.id, resourceConfigurationDefinition: { arnResource: { arn } },
      })).catch((e) => e);
      assert.ok(err instanceof ValidationException, `${arn} → ${err.name}`);
    }
    const pub = await lattice.send(new CreateResourceConfigurationCommand({
      name: 'x-db', type: 'ARN', resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { arnResource: { arn: `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.publicCluster}` } },
    })).catch((e) => e);
    assert.match(pub.message, /publicly accessible/);
  });

  it('needs an existing ACTIVE gateway', async () => {
    const input = (gwId: string) => ({ name: 'billing', type: 'SINGLE' as const, portRanges: ['3306'], resourceGatewayIdentifier: gwId,
      resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.1.20' } } });
    const missing = await lattice.send(new CreateResourceConfigurationCommand(input('rgw-0000000000000000a'))).catch((e) => e);
    assert.ok(missing instanceof ResourceNotFoundException);
    const gw = await lattice.send(new CreateResourceGatewayCommand(gatewayInput()));
    const pending = await lattice.send(new CreateResourceConfigurationCommand(input(gw.id!))).catch((e) => e);
    assert.ok(pending instanceof ConflictException);
    await settle();
    const ok = await lattice.send(new CreateResourceConfigurationCommand(input(gw.id!)));
    assert.equal(ok.type, 'SINGLE');
    assert.equal(ok.protocol, 'TCP');
  });

  it('validates configuration input', async () => {
    const gw = await activeGateway();
    const base = { name: 'svc', type: 'SINGLE' as const, portRanges: ['443'], resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { dnsResource: { domainName: 'db.example.com', ipAddressType: 'IPV4' as const } } };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, name: 'rcfg-x' }, 'name'],
      [{ ...base, type: 'WHOLE' }, 'type'],
      [{ ...base, portRanges: ['70000'] }, 'portRanges[0]'],
      [{ ...base, portRanges: ['abc'] }, 'portRanges[0]'],
      [{ ...base, portRanges: undefined }, 'portRanges'],
      [{ ...base, protocol: 'TCP_UDP' }, 'protocol'],
      [{ ...base, resourceConfigurationDefinition: { ipResource: { ipAddress: '192.168.1.1' } } }, 'resourceConfigurationDefinition.ipResource.ipAddress'],
      // The gateway's VPC has no IPv6 block: no IPv6 address is in it.
      [{ ...base, resourceConfigurationDefinition: { ipResource: { ipAddress: '2600:1f18:abcd:1200::5' } } }, 'resourceConfigurationDefinition.ipResource.ipAddress'],
      [{ ...base, resourceConfigurationDefinition: { dnsResource: { domainName: 'db.example.com', ipAddressType: 'DUALSTACK' } } }, 'resourceConfigurationDefinition.dnsResource.ipAddressType'],
      [{ ...base, resourceConfigurationDefinition: undefined }, 'resourceConfigurationDefinition'],
      [{ ...base, type: 'ARN', portRanges: undefined }, 'resourceConfigurationDefinition'],
      [{ ...base, resourceGatewayIdentifier: undefined }, 'resourceGatewayIdentifier'],
    ];
    for (const [input, field] of cases) {
      const err = await lattice.send(new CreateResourceConfigurationCommand(input as any)).catch((e) => e);
      assert.ok(err instanceof ValidationException, `${JSON.stringify(input)} → ${err.name}: ${err.message}`);
      assert.equal(err.fieldList?.[0]?.name, field, `${JSON.stringify(input)}: ${err.message}`);
    }
  });

  it('supports GROUP and CHILD configurations, and lists by gateway and group with pagination', async () => {
    const gw = await activeGateway();
    const group = await lattice.send(new CreateResourceConfigurationCommand({ name: 'grp', type: 'GROUP', portRanges: ['1-65535'], resourceGatewayIdentifier: gw.id }));
    await settle();
    for (const i of [1, 2, 3]) {
      const child = await lattice.send(new CreateResourceConfigurationCommand({
        name: `child-${i}`, type: 'CHILD', portRanges: ['5432'], resourceConfigurationGroupIdentifier: group.id,
        resourceConfigurationDefinition: { dnsResource: { domainName: `db${i}.internal.example.com`, ipAddressType: 'IPV4' } },
      }));
      assert.equal(child.resourceGatewayId, gw.id, 'a child inherits the gateway');
      assert.equal(child.resourceConfigurationGroupId, group.id);
    }
    const children: string[] = [];
    for await (const p of paginateListResourceConfigurations({ client: lattice, pageSize: 2 }, { resourceConfigurationGroupIdentifier: group.id })) {
      children.push(...p.items!.map((c) => c.name!));
    }
    assert.deepEqual(children, ['child-1', 'child-2', 'child-3']);
    const byGateway = await lattice.send(new ListResourceConfigurationsCommand({ resourceGatewayIdentifier: gw.arn }));
    assert.equal(byGateway.items!.length, 4);
    const delGroup = await lattice.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: group.id })).catch((e) => e);
    assert.ok(delGroup instanceof ConflictException, 'a group with children cannot be deleted');
  });

  it('refuses a duplicate configuration name and honours clientToken', async () => {
    const gw = await activeGateway();
    const input = { name: 'dup', type: 'SINGLE' as const, portRanges: ['80'], resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.1.5' } }, clientToken: 'tok-1' };
    const a = await lattice.send(new CreateResourceConfigurationCommand(input));
    const b = await lattice.send(new CreateResourceConfigurationCommand(input));
    assert.equal(a.id, b.id);
    const err = await lattice.send(new CreateResourceConfigurationCommand({ ...input, clientToken: 'tok-2' })).catch((e) => e);
    assert.ok(err instanceof ConflictException);
  });

  it('updates a configuration and deletes it (204) before its gateway', async () => {
    const gw = await activeGateway();
    const cfg = await lattice.send(new CreateResourceConfigurationCommand({ name: 'web', type: 'SINGLE', portRanges: ['80'], resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.1.5' } } }));
    await settle();
    const up = await lattice.send(new UpdateResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id, portRanges: ['80', '443'], allowAssociationToShareableServiceNetwork: true }));
    assert.deepEqual(up.portRanges, ['80', '443']);
    assert.equal(up.allowAssociationToShareableServiceNetwork, true);

    const blocked = await lattice.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: gw.id })).catch((e) => e);
    assert.ok(blocked instanceof ConflictException, 'a gateway with configurations cannot be deleted');
    const del = await lattice.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    assert.equal((await lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id }))).status, 'DELETE_IN_PROGRESS');
    await settle();
    const gone = await lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id })).catch((e) => e);
    assert.ok(gone instanceof ResourceNotFoundException);

    const delGw = await lattice.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: gw.id }));
    assert.equal(delGw.status, 'DELETE_IN_PROGRESS');
    await settle();
    assert.deepEqual((await lattice.send(new ListResourceGatewaysCommand({}))).items, []);
  });

  it('guards updates and deletes by status, and re-derives an ARN configuration\'s port from a new target', async () => {
    const pendingGw = await lattice.send(new CreateResourceGatewayCommand(gatewayInput('pending-gw')));
    assert.ok(await lattice.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: pendingGw.id })).catch((e) => e) instanceof ConflictException);
    const gw = await activeGateway();
    const cfg = await lattice.send(new CreateResourceConfigurationCommand({ name: 'orders-db', type: 'ARN', resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { arnResource: { arn: `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.privateCluster}` } } }));
    const early = await lattice.send(new UpdateResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id, allowAssociationToShareableServiceNetwork: true })).catch((e) => e);
    assert.ok(early instanceof ConflictException, 'not ACTIVE yet');
    await settle();
    const ports = await lattice.send(new UpdateResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id, portRanges: ['1-65535'] })).catch((e) => e);
    assert.ok(ports instanceof ValidationException, 'an ARN configuration takes the database port');
    const moved = await lattice.send(new UpdateResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id,
      resourceConfigurationDefinition: { arnResource: { arn: `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:db:${NET.privateInstance}` } } }));
    assert.deepEqual(moved.portRanges, ['3306']);
    const toPublic = await lattice.send(new UpdateResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id,
      resourceConfigurationDefinition: { arnResource: { arn: `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.publicCluster}` } } })).catch((e) => e);
    assert.ok(toPublic instanceof ValidationException);
  });

  it('CIDR configurations need an IN_VPC gateway; TCP_UDP is allowed for them; ARN ones need a PUBLIC-resolution gateway', async () => {
    const publicGw = await activeGateway('public-gw');
    const cidr = { name: 'subnet-range', type: 'CIDR' as const, protocol: 'TCP_UDP' as const,
      resourceConfigurationDefinition: { cidrResource: { cidrRanges: ['10.0.1.0/24'] } } };
    const refused = await lattice.send(new CreateResourceConfigurationCommand({ ...cidr, resourceGatewayIdentifier: publicGw.id })).catch((e) => e);
    assert.ok(refused instanceof ValidationException);
    const inVpc = await lattice.send(new CreateResourceGatewayCommand({ ...gatewayInput('in-vpc-gw'), resourceConfigDnsResolution: 'IN_VPC' }));
    await settle();
    const ok = await lattice.send(new CreateResourceConfigurationCommand({ ...cidr, resourceGatewayIdentifier: inVpc.id }));
    assert.equal(ok.protocol, 'TCP_UDP');
    assert.deepEqual(ok.portRanges, ['1-65535']);
    const arn = await lattice.send(new CreateResourceConfigurationCommand({ name: 'db', type: 'ARN', resourceGatewayIdentifier: inVpc.id,
      resourceConfigurationDefinition: { arnResource: { arn: `arn:aws:rds:us-east-1:${DEMO_ACCOUNT}:cluster:${NET.privateCluster}` } } })).catch((e) => e);
    assert.ok(arn instanceof ValidationException);
  });

  it('requires resourceConfigurationIdentifier to list endpoint associations', async () => {
    const err = await lattice.send(new ListResourceEndpointAssociationsCommand({} as any)).catch((e) => e);
    assert.ok(err instanceof ValidationException);
    const nf = await lattice.send(new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: 'rcfg-0000000000000000a' })).catch((e) => e);
    assert.ok(nf instanceof ResourceNotFoundException);
  });

  it('lists resource endpoint associations of a configuration', async () => {
    const gw = await activeGateway();
    const cfg = await lattice.send(new CreateResourceConfigurationCommand({ name: 'web', type: 'SINGLE', portRanges: ['80'], resourceGatewayIdentifier: gw.id,
      resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.1.5' } } }));
    const empty = await lattice.send(new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: cfg.id }));
    assert.deepEqual(empty.items, []);
    emu.world.region(DEMO_ACCOUNT, 'us-east-1').resourceEndpointAssociations.set('rea-0123456789abcdefg', {
      id: 'rea-0123456789abcdefg', arn: `arn:aws:vpc-lattice:us-east-1:${DEMO_ACCOUNT}:resourceendpointassociation/rea-0123456789abcdefg`,
      resourceConfigurationId: cfg.id, resourceConfigurationArn: cfg.arn, resourceConfigurationName: 'web',
      vpcEndpointId: 'vpce-0123456789abcdef0', vpcEndpointOwner: '072088201116', createdAt: new Date().toISOString(),
    });
    const one = await lattice.send(new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: cfg.arn }));
    assert.equal(one.items!.length, 1);
    assert.equal(one.items![0].vpcEndpointOwner, '072088201116');
    assert.ok(one.items![0].createdAt instanceof Date);
    const blocked = await lattice.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: cfg.id })).catch((e) => e);
    assert.ok(blocked instanceof ConflictException);
  });
});
