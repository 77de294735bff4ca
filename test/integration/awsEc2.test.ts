// EC2 and ELBv2 through the AWS layer: endpoint services with allowed principals and connections
// (configurations + all connections in parallel, permissions per service), the EC2 call()
// family as the endpoint-service plan uses it, and the network / load balancer pickers.
import * as assert from 'node:assert/strict';
import type { RunningEmulator } from '../emulator/index';
import { DEMO_ACCOUNT } from '../emulator/scenarios/accounts';
import { connection, seedNetwork } from '../emulator/services/query/fixtures';
import type { AwsLayer } from '../../src/aws/api';
import { advance, clearLog, control, emulatorSuite, requestCounts, US } from './awsEnv';

const CLICKPIPES_ROOT = 'arn:aws:iam::072088201116:root';

describe('AWS layer against the emulator: EC2 endpoint services, network, load balancers', () => {
  const suite = emulatorSuite('empty');
  let emu: RunningEmulator;
  let layer: AwsLayer;
  let lbs: Record<string, string>;
  beforeEach(() => {
    ({ emu, layer } = suite);
    lbs = seedNetwork(emu.world, DEMO_ACCOUNT, 'us-east-1');
  });

  async function createService(nlb: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
    const out = await layer.call(US, 'ec2', 'CreateVpcEndpointServiceConfiguration', { NetworkLoadBalancerArns: [nlb], AcceptanceRequired: true, ...extra });
    const cfg = out.ServiceConfiguration as Record<string, string>;
    return { id: cfg.ServiceId, name: cfg.ServiceName };
  }

  it('runs the endpoint-service plan through call() and lists the service with principals and connections', async () => {
    const svc = await createService(lbs.nlb, { SupportedRegions: ['us-east-1', 'eu-central-1'], ClientToken: 'plan-eps' });
    assert.match(svc.name, /^com\.amazonaws\.vpce\.us-east-1\.vpce-svc-[0-9a-f]{17}$/);
    await advance(emu);
    const perm = await layer.call(US, 'ec2', 'ModifyVpcEndpointServicePermissions', { ServiceId: svc.id, AddAllowedPrincipals: [CLICKPIPES_ROOT] });
    assert.equal(perm.ReturnValue, true);
    const described = await layer.call(US, 'ec2', 'DescribeVpcEndpointServicePermissions', { ServiceId: svc.id });
    assert.deepEqual((described.AllowedPrincipals as Array<{ Principal: string }>).map((p) => p.Principal), [CLICKPIPES_ROOT]);
    await layer.call(US, 'ec2', 'ModifyVpcEndpointServiceConfiguration', { ServiceId: svc.id, PrivateDnsName: 'db.example.com' });
    const dns = await layer.call(US, 'ec2', 'StartVpcEndpointServicePrivateDnsVerification', { ServiceId: svc.id });
    assert.equal(dns.ReturnValue, true);

    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    r.endpointConnections.set('vpce-0aaaaaaaaaaaaaaa1', connection(svc.id, 'vpce-0aaaaaaaaaaaaaaa1', 'pendingAcceptance'));
    r.endpointConnections.set('vpce-0aaaaaaaaaaaaaaa2', connection(svc.id, 'vpce-0aaaaaaaaaaaaaaa2', 'pendingAcceptance'));
    const conns = await layer.call(US, 'ec2', 'DescribeVpcEndpointConnections', { Filters: [{ Name: 'service-id', Values: [svc.id] }] });
    const first = (conns.VpcEndpointConnections as Array<Record<string, unknown>>)[0];
    assert.equal(typeof first.CreationTimestamp, 'string', 'XML timestamps come back as ISO strings');
    const accepted = await layer.call(US, 'ec2', 'AcceptVpcEndpointConnections', { ServiceId: svc.id, VpcEndpointIds: ['vpce-0aaaaaaaaaaaaaaa1'] });
    assert.deepEqual(accepted.Unsuccessful ?? [], []);
    await layer.call(US, 'ec2', 'RejectVpcEndpointConnections', { ServiceId: svc.id, VpcEndpointIds: ['vpce-0aaaaaaaaaaaaaaa2'] });
    await advance(emu);

    await clearLog(emu.url);
    const [listed] = await layer.listEndpointServices(US);
    assert.deepEqual(await requestCounts(emu.url), {
      'ec2:DescribeVpcEndpointServiceConfigurations': 1, 'ec2:DescribeVpcEndpointConnections': 1, 'ec2:DescribeVpcEndpointServicePermissions': 1,
    });
    assert.equal(listed.id, svc.id);
    assert.equal(listed.name, svc.name);
    assert.equal(listed.state, 'Available');
    assert.equal(listed.acceptanceRequired, true);
    assert.deepEqual(listed.networkLoadBalancerArns, [lbs.nlb]);
    assert.deepEqual(listed.allowedPrincipals, [CLICKPIPES_ROOT]);
    assert.equal(listed.privateDnsName, 'db.example.com');
    assert.ok(listed.privateDnsVerification?.state, JSON.stringify(listed.privateDnsVerification));
    assert.deepEqual(listed.supportedRegions.map((x) => x.region).sort(), ['eu-central-1', 'us-east-1']);
    assert.ok(listed.baseEndpointDnsNames.length > 0);
    const states = Object.fromEntries(listed.connections.map((c) => [c.vpcEndpointId, c.state]));
    assert.deepEqual(Object.keys(states).sort(), ['vpce-0aaaaaaaaaaaaaaa1', 'vpce-0aaaaaaaaaaaaaaa2']);
    assert.match(states['vpce-0aaaaaaaaaaaaaaa1'], /^available$/i);
    assert.match(states['vpce-0aaaaaaaaaaaaaaa2'], /^rejected$/i);
    assert.equal(listed.connections[0].owner, '072088201116');
    assert.ok(listed.connections[0].createdAt && !Number.isNaN(Date.parse(listed.connections[0].createdAt)));

    // EC2 refuses to delete a service with an active connection, per service, inside a 200 response.
    const del = await layer.call(US, 'ec2', 'DeleteVpcEndpointServiceConfigurations', { ServiceIds: [svc.id] });
    assert.deepEqual((del.Unsuccessful as Array<{ Error: { Code: string } }>).map((u) => u.Error.Code), ['ExistingVpcEndpointConnections']);
    const after = await layer.call(US, 'ec2', 'DescribeVpcEndpointServiceConfigurations', { ServiceIds: [svc.id] });
    assert.equal((after.ServiceConfigurations as unknown[]).length, 1);
  });

  it('connections are read once for all services and grouped; permissions are one call per service', async () => {
    const a = await createService(lbs.nlb);
    const b = await createService(lbs.nlb2);
    await advance(emu);
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    r.endpointConnections.set('vpce-0bbbbbbbbbbbbbbb1', connection(b.id, 'vpce-0bbbbbbbbbbbbbbb1', 'pendingAcceptance'));
    await clearLog(emu.url);
    const services = await layer.listEndpointServices(US);
    assert.deepEqual(await requestCounts(emu.url), {
      'ec2:DescribeVpcEndpointServiceConfigurations': 1, 'ec2:DescribeVpcEndpointConnections': 1, 'ec2:DescribeVpcEndpointServicePermissions': 2,
    });
    const byId = Object.fromEntries(services.map((s) => [s.id, s]));
    assert.deepEqual(byId[a.id].connections, []);
    assert.deepEqual(byId[b.id].connections.map((c) => c.vpcEndpointId), ['vpce-0bbbbbbbbbbbbbbb1']);
    assert.deepEqual(byId[a.id].allowedPrincipals, []);
  });

  it('a VPC\'s IPv6 blocks (associated ones only) are among its CIDR blocks, for the "IP address in the VPC" check', async () => {
    const vpc = emu.world.region(DEMO_ACCOUNT, 'us-east-1').vpcs.get('vpc-0a1b2c3d4e5f60001')!;
    // botocore ec2 VpcIpv6CidrBlockAssociation.
    vpc.Ipv6CidrBlockAssociationSet = [
      { AssociationId: 'vpc-cidr-assoc-0a1b2c3d4e5f6a001', Ipv6CidrBlock: '2600:1f18:abcd:1200::/56', Ipv6CidrBlockState: { State: 'associated' }, Ipv6Pool: 'Amazon', NetworkBorderGroup: 'us-east-1' },
      { AssociationId: 'vpc-cidr-assoc-0a1b2c3d4e5f6a002', Ipv6CidrBlock: '2600:1f18:abcd:1300::/56', Ipv6CidrBlockState: { State: 'disassociated' }, Ipv6Pool: 'Amazon', NetworkBorderGroup: 'us-east-1' },
    ];
    try {
      const found = (await layer.listVpcs(US)).find((v) => v.id === 'vpc-0a1b2c3d4e5f60001');
      assert.deepEqual(found?.cidrBlocks, ['10.1.0.0/16', '2600:1f18:abcd:1200::/56']);
    } finally {
      delete vpc.Ipv6CidrBlockAssociationSet;
    }
  });

  it('lists VPCs, subnets and security groups of a VPC, and load balancers, as plain models', async () => {
    await clearLog(emu.url);
    const vpcs = await layer.listVpcs(US);
    assert.equal(vpcs.length, 7);
    assert.deepEqual(vpcs.find((v) => v.id === 'vpc-0a1b2c3d4e5f60001'), {
      id: 'vpc-0a1b2c3d4e5f60001', cidrBlocks: ['10.1.0.0/16'], isDefault: false, state: 'available', name: 'prod-main',
    });
    const subnets = await layer.listSubnets(US, 'vpc-0a1b2c3d4e5f60001');
    assert.deepEqual(subnets.map((s) => s.id).sort(), ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002']);
    assert.deepEqual(subnets.find((s) => s.id === 'subnet-0a1b2c3d4e5f60002'), {
      id: 'subnet-0a1b2c3d4e5f60002', vpcId: 'vpc-0a1b2c3d4e5f60001', cidrBlock: '10.1.1.0/28', availabilityZone: 'us-east-1b',
      availabilityZoneId: 'use1-az2', availableIpAddressCount: 11, state: 'available',
    });
    assert.deepEqual(await layer.listSecurityGroups(US, 'vpc-0a1b2c3d4e5f60001'), [
      { id: 'sg-0a1b2c3d4e5f60001', name: 'db', vpcId: 'vpc-0a1b2c3d4e5f60001', description: 'db security group' },
    ]);
    const lbList = await layer.listLoadBalancers(US);
    assert.deepEqual(lbList.map((l) => l.type).sort(), ['application', 'network', 'network']);
    assert.deepEqual(lbList.find((l) => l.arn === lbs.nlb), {
      arn: lbs.nlb, name: 'db-nlb', type: 'network', scheme: 'internal', state: 'active', vpcId: 'vpc-0a1b2c3d4e5f60001',
      dnsName: lbList.find((l) => l.arn === lbs.nlb)!.dnsName,
    });
    assert.deepEqual(await requestCounts(emu.url), {
      'ec2:DescribeVpcs': 1, 'ec2:DescribeSubnets': 1, 'ec2:DescribeSecurityGroups': 1, 'elasticloadbalancing:DescribeLoadBalancers': 1,
    });
    const raw = await layer.call(US, 'elbv2', 'DescribeLoadBalancers', { LoadBalancerArns: [lbs.nlb] });
    assert.equal(typeof (raw.LoadBalancers as Array<Record<string, unknown>>)[0].CreatedTime, 'string');
  });

  it('pages 1,200 VPCs at 1,000 per request and survives EC2 throttling', async function () {
    this.timeout(60_000);
    const r = emu.world.region(DEMO_ACCOUNT, 'us-east-1');
    for (let i = 0; i < 1193; i++) {
      const id = `vpc-${i.toString(16).padStart(17, '0')}`;
      r.vpcs.set(id, { VpcId: id, CidrBlock: '10.9.0.0/16', State: 'available', IsDefault: false, OwnerId: DEMO_ACCOUNT });
    }
    await clearLog(emu.url);
    assert.equal((await layer.listVpcs(US)).length, 1200);
    assert.deepEqual(await requestCounts(emu.url), { 'ec2:DescribeVpcs': 2 });
    await control(emu.url, 'POST', 'faults', { faults: [{ service: 'ec2', throttleRate: 0.3 }] });
    assert.equal((await layer.listVpcs(US)).length, 1200);
  });
});
