// EC2: VPC endpoint services (with allowed principals and endpoint connections) and the network
// pickers (VPCs, subnets, security groups) as plain models.
import {
  paginateDescribeSecurityGroups, paginateDescribeSubnets, paginateDescribeVpcEndpointConnections,
  paginateDescribeVpcEndpointServiceConfigurations, paginateDescribeVpcEndpointServicePermissions, paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import type { Filter, ServiceConfiguration, Tag, VpcEndpointConnection } from '@aws-sdk/client-ec2';
import type { Scope } from './api';
import type { EndpointConnection, EndpointService, SecurityGroup, Subnet, Vpc } from '../model/resources';
import { allPages, AwsContext, compact, mapLimit, PER_ITEM_CONCURRENCY } from './awsContext';

/** EC2's maximum page size for these Describe calls. */
const PAGE = 1000;

const nameTag = (tags?: Tag[]) => tags?.find((t) => t.Key === 'Name')?.Value;
const iso = (d?: Date | string) => (d instanceof Date ? d.toISOString() : d);

function toConnection(c: VpcEndpointConnection): EndpointConnection {
  return compact({
    vpcEndpointId: c.VpcEndpointId ?? '',
    owner: c.VpcEndpointOwner ?? '',
    state: c.VpcEndpointState ?? 'unknown',
    region: c.VpcEndpointRegion,
    createdAt: iso(c.CreationTimestamp),
  });
}

function toEndpointService(s: ServiceConfiguration, allowedPrincipals: string[], connections: EndpointConnection[]): EndpointService {
  const dns = s.PrivateDnsNameConfiguration;
  return compact({
    id: s.ServiceId ?? '',
    name: s.ServiceName ?? '',
    state: s.ServiceState ?? 'unknown',
    acceptanceRequired: !!s.AcceptanceRequired,
    networkLoadBalancerArns: s.NetworkLoadBalancerArns ?? [],
    privateDnsName: s.PrivateDnsName,
    privateDnsVerification: dns?.State ? compact({ state: dns.State, type: dns.Type, name: dns.Name, value: dns.Value }) : undefined,
    supportedRegions: (s.SupportedRegions ?? []).map((r) => compact({ region: r.Region ?? '', state: r.ServiceState })),
    allowedPrincipals,
    connections,
    baseEndpointDnsNames: s.BaseEndpointDnsNames ?? [],
  });
}

/**
 * Configurations and ALL endpoint connections (one paginated call, grouped by ServiceId) in
 * parallel; then one DescribeVpcEndpointServicePermissions per service, because that API takes
 * exactly one ServiceId — the only per-item call here, and unavoidable.
 */
export async function listEndpointServices(ctx: AwsContext, scope: Scope): Promise<EndpointService[]> {
  const configurations = ctx.run(scope, 'ec2', 'DescribeVpcEndpointServiceConfigurations', (client) =>
    allPages(paginateDescribeVpcEndpointServiceConfigurations({ client }, { MaxResults: PAGE }), (p) => p.ServiceConfigurations));
  const connections = ctx.run(scope, 'ec2', 'DescribeVpcEndpointConnections', (client) =>
    allPages(paginateDescribeVpcEndpointConnections({ client }, { MaxResults: PAGE }), (p) => p.VpcEndpointConnections));
  const permissions = configurations.then((list) => mapLimit(list, PER_ITEM_CONCURRENCY, (s) =>
    ctx.run(scope, 'ec2', 'DescribeVpcEndpointServicePermissions', (client) =>
      allPages(paginateDescribeVpcEndpointServicePermissions({ client }, { ServiceId: s.ServiceId, MaxResults: PAGE }), (p) => p.AllowedPrincipals))));
  const [services, conns, perms] = await Promise.all([configurations, connections, permissions]);
  const connsOf = new Map<string, EndpointConnection[]>();
  for (const c of conns) {
    const list = connsOf.get(c.ServiceId ?? '') ?? [];
    list.push(toConnection(c));
    connsOf.set(c.ServiceId ?? '', list);
  }
  return services.map((s, i) => toEndpointService(s,
    perms[i].map((p) => p.Principal ?? '').filter(Boolean), connsOf.get(s.ServiceId ?? '') ?? []));
}

/**
 * (added) One endpoint service by id or name with its permissions and connections: three calls
 * (in parallel when the id is known), instead of listing every service in the region.
 */
export async function findEndpointService(ctx: AwsContext, scope: Scope, which: { id?: string; name?: string }): Promise<EndpointService> {
  const read = (id: string) => ({
    permissions: ctx.run(scope, 'ec2', 'DescribeVpcEndpointServicePermissions', (client) =>
      allPages(paginateDescribeVpcEndpointServicePermissions({ client }, { ServiceId: id, MaxResults: PAGE }), (p) => p.AllowedPrincipals)),
    connections: ctx.run(scope, 'ec2', 'DescribeVpcEndpointConnections', (client) =>
      allPages(paginateDescribeVpcEndpointConnections({ client }, { Filters: [{ Name: 'service-id', Values: [id] }], MaxResults: PAGE }), (p) => p.VpcEndpointConnections)),
  });
  const configuration = ctx.run(scope, 'ec2', 'DescribeVpcEndpointServiceConfigurations', (client) =>
    allPages(paginateDescribeVpcEndpointServiceConfigurations({ client }, which.id
      ? { ServiceIds: [which.id] } : { Filters: [{ Name: 'service-name', Values: [which.name ?? ''] }], MaxResults: PAGE }), (p) => p.ServiceConfigurations));
  const early = which.id ? read(which.id) : undefined;
  // All in flight at once when the id is known; awaited together so no rejection goes unobserved.
  const [[service], earlyPerms, earlyConns] = await Promise.all([configuration, early?.permissions, early?.connections]);
  if (!service?.ServiceId) throw new Error(`Endpoint service ${which.id ?? which.name} not found in ${scope.region}.`);
  const late = early ? undefined : read(service.ServiceId);
  const [perms, conns] = late ? await Promise.all([late.permissions, late.connections]) : [earlyPerms!, earlyConns!];
  return toEndpointService(service, perms.map((p) => p.Principal ?? '').filter(Boolean), conns.map(toConnection));
}

export function listVpcs(ctx: AwsContext, scope: Scope): Promise<Vpc[]> {
  return ctx.run(scope, 'ec2', 'DescribeVpcs', async (client) =>
    (await allPages(paginateDescribeVpcs({ client }, { MaxResults: PAGE }), (p) => p.Vpcs)).map((v) => compact({
      id: v.VpcId ?? '',
      // The primary block plus any associated ones that are in use, IPv4 then IPv6.
      cidrBlocks: [...new Set([v.CidrBlock, ...(v.CidrBlockAssociationSet ?? [])
        .filter((a) => !a.CidrBlockState?.State || a.CidrBlockState.State === 'associated').map((a) => a.CidrBlock),
      ...(v.Ipv6CidrBlockAssociationSet ?? []).filter((a) => !a.Ipv6CidrBlockState?.State || a.Ipv6CidrBlockState.State === 'associated').map((a) => a.Ipv6CidrBlock)]
        .filter((c): c is string => !!c))],
      isDefault: !!v.IsDefault,
      state: v.State ?? 'unknown',
      name: nameTag(v.Tags),
    })));
}

export function listSubnets(ctx: AwsContext, scope: Scope, vpcId: string): Promise<Subnet[]> {
  return subnets(ctx, scope, { Filters: [{ Name: 'vpc-id', Values: [vpcId] }], MaxResults: PAGE }, vpcId);
}

/**
 * EC2 caps the values of one filter (FilterLimitExceeded, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html);
 * 200 per filter is unverified (no AWS page found that states the number), so chunks stay at 200.
 */
export const VPC_FILTER_CHUNK = 200;

/** The subnets of these VPCs: one DescribeSubnets per 200 VPC ids (in parallel), not one per VPC. */
export async function listSubnetsOfVpcs(ctx: AwsContext, scope: Scope, vpcIds: string[]): Promise<Subnet[]> {
  const unique = [...new Set(vpcIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += VPC_FILTER_CHUNK) chunks.push(unique.slice(i, i + VPC_FILTER_CHUNK));
  const pages = await Promise.all(chunks.map((c) => subnets(ctx, scope, { Filters: [{ Name: 'vpc-id', Values: c }], MaxResults: PAGE }, '')));
  return pages.flat();
}

/** (added) The subnets with these ids, in one call. */
export function listSubnetsByIds(ctx: AwsContext, scope: Scope, ids: string[]): Promise<Subnet[]> {
  return ids.length ? subnets(ctx, scope, { SubnetIds: ids }, '') : Promise.resolve([]);
}

function subnets(ctx: AwsContext, scope: Scope, input: { Filters?: Filter[]; SubnetIds?: string[]; MaxResults?: number }, vpcId: string): Promise<Subnet[]> {
  return ctx.run(scope, 'ec2', 'DescribeSubnets', async (client) =>
    (await allPages(paginateDescribeSubnets({ client }, input), (p) => p.Subnets))
      .map((s) => compact({
        id: s.SubnetId ?? '',
        vpcId: s.VpcId ?? vpcId,
        cidrBlock: s.CidrBlock ?? '',
        availabilityZone: s.AvailabilityZone ?? '',
        availabilityZoneId: s.AvailabilityZoneId,
        availableIpAddressCount: s.AvailableIpAddressCount ?? 0,
        state: s.State ?? 'unknown',
        name: nameTag(s.Tags),
      })));
}

export function listSecurityGroups(ctx: AwsContext, scope: Scope, vpcId: string): Promise<SecurityGroup[]> {
  return ctx.run(scope, 'ec2', 'DescribeSecurityGroups', async (client) =>
    (await allPages(paginateDescribeSecurityGroups({ client }, { Filters: [{ Name: 'vpc-id', Values: [vpcId] }], MaxResults: PAGE }), (p) => p.SecurityGroups))
      .map((g) => compact({ id: g.GroupId ?? '', name: g.GroupName ?? '', vpcId: g.VpcId ?? vpcId, description: g.Description })));
}
