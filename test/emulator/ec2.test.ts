import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  EC2Client, DescribeVpcsCommand, DescribeSubnetsCommand, DescribeSecurityGroupsCommand,
  CreateVpcEndpointServiceConfigurationCommand, DescribeVpcEndpointServiceConfigurationsCommand,
  ModifyVpcEndpointServiceConfigurationCommand, DeleteVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand, ModifyVpcEndpointServicePermissionsCommand,
  DescribeVpcEndpointConnectionsCommand, AcceptVpcEndpointConnectionsCommand, RejectVpcEndpointConnectionsCommand,
  StartVpcEndpointServicePrivateDnsVerificationCommand, paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { startEmulator, RunningEmulator } from './index';
import { sdkConfig, control } from './testHelpers';
import { DEMO_ACCOUNT } from './scenarios/accounts';
import { connection, loadBalancer, seedNetwork } from './services/query/fixtures';

const REGION = 'us-east-1';

async function rejects(p: Promise<unknown>, name: string, status?: number): Promise<any> {
  const err: any = await p.then(() => undefined, (e) => e);
  assert.ok(err, `expected ${name}, but the call succeeded`);
  assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
  if (status) assert.equal(err.$metadata?.httpStatusCode, status);
  return err;
}

describe('emulator EC2 (ec2 query protocol)', () => {
  let emu: RunningEmulator;
  let ec2: EC2Client;
  let lbs: Record<string, string>;
  const advance = (ms: number) => control(emu.url, 'POST', 'clock/advance', { ms });
  const region = () => emu.world.region(DEMO_ACCOUNT, REGION);
  const create = (input: Record<string, any> = {}) => ec2.send(new CreateVpcEndpointServiceConfigurationCommand({
    NetworkLoadBalancerArns: [lbs.nlb], AcceptanceRequired: true, ...input,
  }));
  /** A network load balancer of its own: each fronts a single endpoint service. */
  let nlbCount = 0;
  const freshNlb = () => {
    const lb = loadBalancer(REGION, `svc-nlb-${++nlbCount}`, 'network');
    region().loadBalancers.set(lb.LoadBalancerArn, lb);
    return lb.LoadBalancerArn as string;
  };

  before(async () => { emu = await startEmulator({ scenario: 'empty' }); });
  after(async () => { await emu.stop(); });
  beforeEach(async () => {
    await control(emu.url, 'POST', 'reset', { scenario: 'empty' });
    lbs = seedNetwork(emu.world, DEMO_ACCOUNT, REGION);
    ec2 = new EC2Client(sdkConfig(emu.url, REGION));
  });

  describe('network discovery', () => {
    it('DescribeVpcs lists, looks up by id and filters (with wildcards and tags)', async () => {
      const all = await ec2.send(new DescribeVpcsCommand({}));
      assert.equal(all.Vpcs!.length, 7);
      const v = all.Vpcs![0];
      assert.equal(v.VpcId, 'vpc-0a1b2c3d4e5f60001');
      assert.equal(v.CidrBlock, '10.1.0.0/16');
      assert.equal(v.IsDefault, false);
      assert.equal(v.CidrBlockAssociationSet![0].CidrBlockState!.State, 'associated');
      assert.deepEqual(v.Tags, [{ Key: 'Name', Value: 'prod-main' }]);
      const byId = await ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0a1b2c3d4e5f60002'] }));
      assert.deepEqual(byId.Vpcs!.map((x) => x.VpcId), ['vpc-0a1b2c3d4e5f60002']);
      const tagged = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['dev-*'] }] }));
      assert.equal(tagged.Vpcs!.length, 6);
      const both = await ec2.send(new DescribeVpcsCommand({
        Filters: [{ Name: 'vpc-id', Values: ['vpc-0a1b2c3d4e5f60001', 'vpc-0a1b2c3d4e5f60003'] }, { Name: 'tag-key', Values: ['Name'] }],
      }));
      assert.deepEqual(both.Vpcs!.map((x) => x.VpcId), ['vpc-0a1b2c3d4e5f60001', 'vpc-0a1b2c3d4e5f60003']);
    });

    it('DescribeVpcs errors: unknown id, malformed id, unknown filter, MaxResults out of range, bad token', async () => {
      const err = await rejects(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0000000000000dead'] })), 'InvalidVpcID.NotFound', 400);
      assert.match(err.message, /vpc-0000000000000dead/);
      await rejects(ec2.send(new DescribeVpcsCommand({ VpcIds: ['nope'] })), 'InvalidVpcID.Malformed');
      await rejects(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })), 'InvalidParameterValue');
      await rejects(ec2.send(new DescribeVpcsCommand({ MaxResults: 4 })), 'InvalidParameterValue');
      await rejects(ec2.send(new DescribeVpcsCommand({ MaxResults: 1001 })), 'InvalidParameterValue');
      await rejects(ec2.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: 'garbage' })), 'InvalidPaginationToken');
    });

    it('DescribeVpcs pages with MaxResults and an opaque NextToken (SDK paginator)', async () => {
      const first = await ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }));
      assert.equal(first.Vpcs!.length, 5);
      assert.ok(first.NextToken);
      const pages: number[] = [];
      for await (const p of paginateDescribeVpcs({ client: ec2, pageSize: 5 }, {})) pages.push(p.Vpcs!.length);
      assert.deepEqual(pages, [5, 2]);
      // A subnets token is not a VPC token.
      const subnetsPage = await ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 }));
      assert.equal(subnetsPage.NextToken, undefined);
    });

    it('DescribeSubnets filters by vpc-id and reports sizes; unknown subnet id fails', async () => {
      const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: ['vpc-0a1b2c3d4e5f60001'] }] }));
      assert.deepEqual(out.Subnets!.map((s) => [s.SubnetId, s.AvailableIpAddressCount]), [
        ['subnet-0a1b2c3d4e5f60001', 251], ['subnet-0a1b2c3d4e5f60002', 11]]);
      assert.equal(out.Subnets![0].AvailabilityZone, 'us-east-1a');
      const byId = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0a1b2c3d4e5f60003'], Filters: [{ Name: 'subnet-id', Values: ['subnet-*'] }] }));
      assert.equal(byId.Subnets![0].VpcId, 'vpc-0a1b2c3d4e5f60002');
      await rejects(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })), 'InvalidSubnetID.NotFound');
    });

    it('DescribeSecurityGroups by id, name and filters, with rules and description', async () => {
      const out = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0a1b2c3d4e5f60001'] }));
      const g = out.SecurityGroups![0];
      assert.equal(g.GroupName, 'db');
      assert.equal(g.Description, 'db security group');
      assert.equal(g.IpPermissions![0].FromPort, 5432);
      assert.equal(g.IpPermissions![0].IpRanges![0].CidrIp, '10.0.0.0/16');
      assert.equal(g.IpPermissionsEgress![0].IpProtocol, '-1');
      const byVpc = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: ['vpc-0a1b2c3d4e5f60002'] }] }));
      assert.deepEqual(byVpc.SecurityGroups!.map((s) => s.GroupId), ['sg-0a1b2c3d4e5f60002']);
      const byName = await ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
      assert.equal(byName.SecurityGroups![0].GroupId, 'sg-0a1b2c3d4e5f60002');
      await rejects(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0123456789abcdef0'] })), 'InvalidGroup.NotFound');
      await rejects(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['db'] })), 'InvalidGroupId.Malformed');
    });
  });

  describe('endpoint service configurations', () => {
    it('creates a service on an NLB: ids, name, private DNS TXT record, regions, tags; Pending → Available on the clock', async () => {
      const out = await create({
        PrivateDnsName: 'db.example.com', SupportedRegions: ['us-west-2'],
        TagSpecifications: [{ ResourceType: 'vpc-endpoint-service', Tags: [{ Key: 'team', Value: 'data' }] }],
      });
      const s = out.ServiceConfiguration!;
      assert.match(s.ServiceId!, /^vpce-svc-[0-9a-f]{17}$/);
      assert.equal(s.ServiceName, `com.amazonaws.vpce.us-east-1.${s.ServiceId}`);
      assert.equal(s.ServiceState, 'Pending');
      assert.deepEqual(s.ServiceType, [{ ServiceType: 'Interface' }]);
      assert.deepEqual(s.NetworkLoadBalancerArns, [lbs.nlb]);
      assert.deepEqual(s.AvailabilityZones, ['us-east-1a', 'us-east-1b']);
      assert.deepEqual(s.AvailabilityZoneIds, ['use1-az1', 'use1-az2']);
      assert.equal(s.AcceptanceRequired, true);
      assert.equal(s.PrivateDnsName, 'db.example.com');
      assert.equal(s.PrivateDnsNameConfiguration!.State, 'pendingVerification');
      assert.equal(s.PrivateDnsNameConfiguration!.Type, 'TXT');
      assert.match(s.PrivateDnsNameConfiguration!.Name!, /^_[0-9a-z]{20}$/);
      assert.match(s.PrivateDnsNameConfiguration!.Value!, /^vpce:[0-9A-Za-z]{20}$/);
      assert.deepEqual(s.SupportedRegions, [{ Region: 'us-east-1', ServiceState: 'Pending' }, { Region: 'us-west-2', ServiceState: 'Pending' }]);
      assert.deepEqual(s.Tags, [{ Key: 'team', Value: 'data' }]);
      assert.deepEqual(s.BaseEndpointDnsNames, [`${s.ServiceId}.us-east-1.vpce.amazonaws.com`]);

      await advance(emu.world.timings.create);
      const after = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [s.ServiceId!] }));
      assert.equal(after.ServiceConfigurations![0].ServiceState, 'Available');
      assert.deepEqual(after.ServiceConfigurations![0].SupportedRegions!.map((r) => r.ServiceState), ['Available', 'Available']);
    });

    it('refuses missing, unknown or non-network load balancers and bad private DNS names', async () => {
      await rejects(ec2.send(new CreateVpcEndpointServiceConfigurationCommand({})), 'InvalidParameter');
      await rejects(create({ NetworkLoadBalancerArns: [lbs.nlb.replace('db-nlb', 'gone-nlb')] }), 'InvalidParameterValue');
      const err = await rejects(create({ NetworkLoadBalancerArns: [lbs.alb] }), 'InvalidParameterValue');
      assert.match(err.message, /application/);
      await rejects(create({ PrivateDnsName: 'not a domain' }), 'InvalidParameterValue');
      await rejects(create({ SupportedRegions: ['mars-1'] }), 'InvalidParameterValue');
      assert.equal(region().endpointServices.size, 0);
    });

    it('a load balancer fronts a single endpoint service: a second service on it, or adding it to another, is refused', async () => {
      const first = (await create()).ServiceConfiguration!.ServiceId!;
      const err = await rejects(create(), 'InvalidParameter');
      assert.match(err.message, new RegExp(`already associated with endpoint service ${first}`));
      const other = (await create({ NetworkLoadBalancerArns: [lbs.nlb2] })).ServiceConfiguration!.ServiceId!;
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: other, AddNetworkLoadBalancerArns: [lbs.nlb] })), 'InvalidParameter');
      // Its own load balancer again is no conflict; once the service is deleted, the load balancer is free.
      await ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: first, AddNetworkLoadBalancerArns: [lbs.nlb] }));
      await ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [first] }));
      await advance(60_000);
      assert.ok((await create()).ServiceConfiguration!.ServiceId);
    });

    it('is idempotent on ClientToken and rejects a reused token with other parameters', async () => {
      const a = await create({ ClientToken: 'plan-1/step-3' });
      const b = await create({ ClientToken: 'plan-1/step-3' });
      assert.equal(b.ServiceConfiguration!.ServiceId, a.ServiceConfiguration!.ServiceId);
      assert.equal(b.ClientToken, 'plan-1/step-3');
      assert.equal(region().endpointServices.size, 1);
      await rejects(create({ ClientToken: 'plan-1/step-3', AcceptanceRequired: false }), 'IdempotentParameterMismatch');
      const c = await create({ ClientToken: 'plan-2/step-3', NetworkLoadBalancerArns: [freshNlb()] });
      assert.notEqual(c.ServiceConfiguration!.ServiceId, a.ServiceConfiguration!.ServiceId);
    });

    it('creates a GatewayLoadBalancer service on a GWLB; refuses a foreign tag resource type', async () => {
      const gwlb = loadBalancer(REGION, 'inspect-gwlb', 'gateway');
      region().loadBalancers.set(gwlb.LoadBalancerArn, gwlb);
      const out = await ec2.send(new CreateVpcEndpointServiceConfigurationCommand({ GatewayLoadBalancerArns: [gwlb.LoadBalancerArn] }));
      assert.deepEqual(out.ServiceConfiguration!.ServiceType, [{ ServiceType: 'GatewayLoadBalancer' }]);
      assert.deepEqual(out.ServiceConfiguration!.GatewayLoadBalancerArns, [gwlb.LoadBalancerArn]);
      await rejects(create({ GatewayLoadBalancerArns: [gwlb.LoadBalancerArn] }), 'InvalidParameterCombination');
      await rejects(create({ TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'a', Value: 'b' }] }] }), 'InvalidParameterValue');
    });

    it('DryRun validates and creates nothing', async () => {
      await rejects(create({ DryRun: true }), 'DryRunOperation', 412);
      await rejects(create({ DryRun: true, NetworkLoadBalancerArns: [lbs.alb] }), 'InvalidParameterValue');
      assert.equal(region().endpointServices.size, 0);
    });

    it('describes by id, filter and page; unknown ids fail', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await create({ NetworkLoadBalancerArns: [freshNlb()] })).ServiceConfiguration!.ServiceId!);
      const page1 = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 5 }));
      assert.equal(page1.ServiceConfigurations!.length, 5);
      const page2 = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 5, NextToken: page1.NextToken }));
      assert.deepEqual(page2.ServiceConfigurations!.map((s) => s.ServiceId), [ids[5]]);
      assert.equal(page2.NextToken, undefined);
      const byName = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({
        Filters: [{ Name: 'service-name', Values: [`com.amazonaws.vpce.us-east-1.${ids[2]}`] }],
      }));
      assert.deepEqual(byName.ServiceConfigurations!.map((s) => s.ServiceId), [ids[2]]);
      const pending = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ Filters: [{ Name: 'service-state', Values: ['Available'] }] }));
      assert.equal(pending.ServiceConfigurations!.length, 0);
      await rejects(ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 2 })), 'InvalidParameterValue');
      // Above 1,000 is answered with at most 1,000, not refused (the model's MaxResults documentation).
      const many = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 5000 }));
      assert.equal(many.ServiceConfigurations!.length, 6);
      assert.equal((await ec2.send(new DescribeVpcEndpointConnectionsCommand({ MaxResults: 1001 }))).NextToken, undefined);
      assert.ok((await ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: ids[0], MaxResults: 1001 }))).AllowedPrincipals);
      await rejects(ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: ['vpce-svc-00000000000000000'] })), 'InvalidVpcEndpointServiceId.NotFound');
      await rejects(ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: ['svc-1'] })), 'InvalidVpcEndpointServiceId.Malformed');
    });

    it('modifies acceptance, private DNS, load balancers and supported regions', async () => {
      const id = (await create({ PrivateDnsName: 'db.example.com' })).ServiceConfiguration!.ServiceId!;
      await advance(emu.world.timings.create);
      const describe = async () => (await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [id] }))).ServiceConfigurations![0];
      const before = await describe();

      const out = await ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({
        ServiceId: id, AcceptanceRequired: false, PrivateDnsName: 'kafka.example.com',
        AddNetworkLoadBalancerArns: [lbs.nlb2], AddSupportedRegions: ['eu-west-1'],
      }));
      assert.equal(out.Return, true);
      let s = await describe();
      assert.equal(s.AcceptanceRequired, false);
      assert.equal(s.PrivateDnsName, 'kafka.example.com');
      assert.notEqual(s.PrivateDnsNameConfiguration!.Value, before.PrivateDnsNameConfiguration!.Value);
      assert.deepEqual(s.NetworkLoadBalancerArns, [lbs.nlb, lbs.nlb2]);
      assert.deepEqual(s.SupportedRegions, [{ Region: 'us-east-1', ServiceState: 'Available' }, { Region: 'eu-west-1', ServiceState: 'Pending' }]);
      await advance(emu.world.timings.update);
      assert.equal((await describe()).SupportedRegions![1].ServiceState, 'Available');

      await ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({
        ServiceId: id, RemovePrivateDnsName: true, RemoveNetworkLoadBalancerArns: [lbs.nlb], RemoveSupportedRegions: ['eu-west-1'],
      }));
      s = await describe();
      assert.equal(s.PrivateDnsName, undefined);
      assert.equal(s.PrivateDnsNameConfiguration, undefined);
      assert.deepEqual(s.NetworkLoadBalancerArns, [lbs.nlb2]);
      assert.equal(s.SupportedRegions![1].ServiceState, 'Deleting');
      await advance(emu.world.timings.delete);
      assert.deepEqual((await describe()).SupportedRegions!.map((r) => r.Region), ['us-east-1']);

      await ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, AddSupportedIpAddressTypes: ['ipv6'] }));
      assert.deepEqual((await describe()).SupportedIpAddressTypes, ['ipv4', 'ipv6']);
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, RemoveSupportedIpAddressTypes: ['ipv4', 'ipv6'] })), 'InvalidParameterValue');
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, AddSupportedIpAddressTypes: ['ipv5'] })), 'InvalidParameterValue');
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, RemoveSupportedRegions: ['us-east-1'] })), 'InvalidParameterValue');
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, RemoveNetworkLoadBalancerArns: [lbs.nlb2] })), 'InvalidParameterValue');
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, AddNetworkLoadBalancerArns: [lbs.alb] })), 'InvalidParameterValue');
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: id, PrivateDnsName: 'a.example.com', RemovePrivateDnsName: true })), 'InvalidParameterCombination');
      await rejects(ec2.send(new ModifyVpcEndpointServiceConfigurationCommand({ ServiceId: 'vpce-svc-00000000000000000', AcceptanceRequired: true })), 'InvalidVpcEndpointServiceId.NotFound');
    });

    it('verifies the private DNS name on the clock (failed when the TXT record cannot exist)', async () => {
      const ok = (await create({ PrivateDnsName: 'db.example.com' })).ServiceConfiguration!.ServiceId!;
      const bad = (await create({ PrivateDnsName: 'db.example.invalid', NetworkLoadBalancerArns: [freshNlb()] })).ServiceConfiguration!.ServiceId!;
      const none = (await create({ NetworkLoadBalancerArns: [freshNlb()] })).ServiceConfiguration!.ServiceId!;
      assert.equal((await ec2.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId: ok }))).ReturnValue, true);
      await ec2.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId: bad }));
      await rejects(ec2.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId: none })), 'InvalidParameter');
      const state = async (id: string) => (await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [id] })))
        .ServiceConfigurations![0].PrivateDnsNameConfiguration!.State;
      assert.equal(await state(ok), 'pendingVerification');
      await advance(emu.world.timings.update);
      assert.equal(await state(ok), 'verified');
      assert.equal(await state(bad), 'failed');
    });
  });

  describe('permissions and connections', () => {
    let serviceId: string;
    beforeEach(async () => {
      serviceId = (await create()).ServiceConfiguration!.ServiceId!;
      await advance(emu.world.timings.create);
    });

    it('adds, describes, filters and removes allowed principals; invalid principals fail', async () => {
      const out = await ec2.send(new ModifyVpcEndpointServicePermissionsCommand({
        ServiceId: serviceId, AddAllowedPrincipals: ['arn:aws:iam::072088201116:root', 'arn:aws:iam::123456789012:role/ops'],
      }));
      assert.equal(out.ReturnValue, true);
      assert.deepEqual(out.AddedPrincipals!.map((p) => [p.Principal, p.PrincipalType]),
        [['arn:aws:iam::072088201116:root', 'Account'], ['arn:aws:iam::123456789012:role/ops', 'Role']]);
      assert.match(out.AddedPrincipals![0].ServicePermissionId!, /^vpce-svc-perm-[0-9a-f]{17}$/);
      const all = await ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId }));
      assert.equal(all.AllowedPrincipals!.length, 2);
      assert.equal(all.AllowedPrincipals![0].ServiceId, serviceId);
      assert.equal(all.AllowedPrincipals![0].ServicePermissionId, out.AddedPrincipals![0].ServicePermissionId);
      const roles = await ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId, Filters: [{ Name: 'principal-type', Values: ['Role'] }] }));
      assert.deepEqual(roles.AllowedPrincipals!.map((p) => p.Principal), ['arn:aws:iam::123456789012:role/ops']);

      await ec2.send(new ModifyVpcEndpointServicePermissionsCommand({ ServiceId: serviceId, RemoveAllowedPrincipals: ['arn:aws:iam::123456789012:role/ops'] }));
      const left = await ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: serviceId }));
      assert.deepEqual(left.AllowedPrincipals!.map((p) => p.Principal), ['arn:aws:iam::072088201116:root']);

      await rejects(ec2.send(new ModifyVpcEndpointServicePermissionsCommand({ ServiceId: serviceId, AddAllowedPrincipals: ['072088201116'] })), 'InvalidPrincipal');
      await rejects(ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: 'vpce-svc-00000000000000000' })), 'InvalidVpcEndpointServiceId.NotFound');
    });

    it('describes connections with filters; accept moves pendingAcceptance → pending → available; reject → rejected', async () => {
      // Real EC2 sends lowerCamel states here although the SDK enum is PascalCase (aws/aws-sdk#360).
      const conns = region().endpointConnections;
      for (const [id, state] of [['vpce-0aaaaaaaaaaaaaaa1', 'pendingAcceptance'], ['vpce-0aaaaaaaaaaaaaaa2', 'pendingAcceptance'], ['vpce-0aaaaaaaaaaaaaaa3', 'available']]) {
        conns.set(id, connection(serviceId, id, state));
      }
      const pending = await ec2.send(new DescribeVpcEndpointConnectionsCommand({
        Filters: [{ Name: 'service-id', Values: [serviceId] }, { Name: 'vpc-endpoint-state', Values: ['pendingAcceptance'] }],
      }));
      assert.deepEqual(pending.VpcEndpointConnections!.map((c) => [c.VpcEndpointId, c.VpcEndpointState]),
        [['vpce-0aaaaaaaaaaaaaaa1', 'pendingAcceptance'], ['vpce-0aaaaaaaaaaaaaaa2', 'pendingAcceptance']]);
      const c0 = pending.VpcEndpointConnections![0];
      assert.equal(c0.VpcEndpointOwner, '072088201116');
      assert.ok(c0.CreationTimestamp instanceof Date);
      assert.equal(c0.DnsEntries![0].HostedZoneId, 'Z7HUB22UULQXV');
      const none = await ec2.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'vpc-endpoint-state', Values: ['rejected'] }] }));
      assert.deepEqual(none.VpcEndpointConnections, []);

      const acc = await ec2.send(new AcceptVpcEndpointConnectionsCommand({
        ServiceId: serviceId, VpcEndpointIds: ['vpce-0aaaaaaaaaaaaaaa1', 'vpce-0aaaaaaaaaaaaaaa3', 'vpce-0bbbbbbbbbbbbbbb9'],
      }));
      assert.deepEqual(acc.Unsuccessful!.map((u) => [u.ResourceId, u.Error!.Code]),
        [['vpce-0aaaaaaaaaaaaaaa3', 'InvalidState'], ['vpce-0bbbbbbbbbbbbbbb9', 'InvalidVpcEndpointId.NotFound']]);
      const state = async (id: string) => (await ec2.send(new DescribeVpcEndpointConnectionsCommand({
        Filters: [{ Name: 'vpc-endpoint-id', Values: [id] }] }))).VpcEndpointConnections![0].VpcEndpointState;
      assert.equal(await state('vpce-0aaaaaaaaaaaaaaa1'), 'pending');
      await advance(emu.world.timings.update);
      assert.equal(await state('vpce-0aaaaaaaaaaaaaaa1'), 'available');

      const rej = await ec2.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: ['vpce-0aaaaaaaaaaaaaaa2'] }));
      assert.deepEqual(rej.Unsuccessful, []);
      assert.equal(await state('vpce-0aaaaaaaaaaaaaaa2'), 'rejected');

      const page = await ec2.send(new DescribeVpcEndpointConnectionsCommand({ MaxResults: 5 }));
      assert.equal(page.VpcEndpointConnections!.length, 3);
      await rejects(ec2.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: [] })), 'MissingParameter');
    });

    it('keeps the spelling a record uses (PascalCase records, as the SDK enum writes them, stay PascalCase)', async () => {
      region().endpointConnections.set('vpce-0ccccccccccccccc1', connection(serviceId, 'vpce-0ccccccccccccccc1', 'PendingAcceptance'));
      const found = await ec2.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'vpc-endpoint-state', Values: ['pendingAcceptance'] }] }));
      assert.equal(found.VpcEndpointConnections!.length, 1);
      await ec2.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: ['vpce-0ccccccccccccccc1'] }));
      await advance(emu.world.timings.update);
      assert.equal(region().endpointConnections.get('vpce-0ccccccccccccccc1')!.VpcEndpointState, 'Available');
    });

    it('delete fails per service while connections are live, then Deleting → gone on the clock', async () => {
      region().endpointConnections.set('vpce-0aaaaaaaaaaaaaaa1', connection(serviceId, 'vpce-0aaaaaaaaaaaaaaa1', 'available'));
      const first = await ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId, 'vpce-svc-00000000000000000'] }));
      assert.deepEqual(first.Unsuccessful!.map((u) => [u.ResourceId, u.Error!.Code]),
        [[serviceId, 'ExistingVpcEndpointConnections'], ['vpce-svc-00000000000000000', 'InvalidVpcEndpointService.NotFound']]);
      await ec2.send(new RejectVpcEndpointConnectionsCommand({ ServiceId: serviceId, VpcEndpointIds: ['vpce-0aaaaaaaaaaaaaaa1'] }));
      const second = await ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }));
      assert.deepEqual(second.Unsuccessful, []);
      const during = await ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }));
      assert.equal(during.ServiceConfigurations![0].ServiceState, 'Deleting');
      await advance(emu.world.timings.delete);
      await rejects(ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] })), 'InvalidVpcEndpointServiceId.NotFound');
      assert.equal(region().endpointConnections.size, 0);
    });
  });

  it('speaks the ec2 query wire format: lowerCamel members, <item> lists, requestId, InvalidAction', async () => {
    const post = (body: string) => fetch(`${emu.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEMULATORDEMO0001/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
      },
      body,
    });
    const res = await post('Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-0a1b2c3d4e5f60001');
    const xml = await res.text();
    assert.equal(res.status, 200);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<DescribeVpcsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><vpcSet><item>/);
    assert.match(xml, /<vpcId>vpc-0a1b2c3d4e5f60001<\/vpcId>/);
    assert.match(xml, /<tagSet><item><key>Name<\/key><value>prod-main<\/value><\/item><\/tagSet>/);
    assert.match(xml, /<isDefault>false<\/isDefault>/);
    const bad = await post('Action=DescribeUnicorns&Version=2016-11-15');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /<Code>InvalidAction<\/Code>/);
  });

  it('serializes with element names generated from the installed SDK schemas (the table is not stale)', () => {
    // Compiled tests run from out/; the generator is plain JS beside the sources.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, loaded at run time
    const gen = require(path.resolve(__dirname, '../../../test/emulator/services/query/gen-wire-names.js'));
    assert.equal(readFileSync(gen.target, 'utf8'), gen.generate());
  });

  it('logs the operations it served', async () => {
    await ec2.send(new DescribeVpcsCommand({}));
    const log = await control(emu.url, 'GET', 'log');
    assert.equal(log.counts['ec2:DescribeVpcs'], 1);
  });
});
