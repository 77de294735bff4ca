// EC2 network discovery: DescribeVpcs, DescribeSubnets, DescribeSecurityGroups, DescribeNetworkInterfaces —
// ids, filters (with wildcards), NotFound/Malformed errors and MaxResults/NextToken paging.
import { filtersParam, listParam, optionalParam } from '../../core/protocols';
import { ApiError, EmuRequest, World } from '../../core/types';
import { QueryOperation } from './dispatch';
import { checkFilterNames, intParam, matchesFilters, page } from './params';

export const badEc2Token = () => new ApiError('InvalidPaginationToken', 'The pagination token is invalid.');

type Rec = Record<string, any>;

interface Listing {
  /** Collection in the region, the response member and the listing name for page tokens. */
  collection: (world: World, req: EmuRequest) => Map<string, Rec>;
  member: string;
  listing: string;
  /** Request list of ids, the id pattern, and the error codes for unknown or malformed ids. */
  idParam: string;
  idPattern: RegExp;
  notFound: (id: string) => ApiError;
  malformed: (id: string) => ApiError;
  filters: Record<string, (r: Rec) => unknown>;
  /** Other lookups by a list parameter (DescribeSecurityGroups GroupName.N). */
  extra?: (req: EmuRequest, items: Rec[]) => Rec[];
}

/** The common Describe* flow: ids first (every id must exist), then filters, then one page. */
export function describe(l: Listing): QueryOperation {
  return (req, world) => {
    const ids = listParam(req, l.idParam);
    const filters = filtersParam(req);
    checkFilterNames(filters, Object.keys(l.filters));
    const maxResults = intParam(req, 'MaxResults', 5, 1000);
    const token = optionalParam(req, 'NextToken');
    const all = l.collection(world, req);
    let items: Rec[];
    if (ids.length) {
      for (const id of ids) if (!l.idPattern.test(id)) throw l.malformed(id);
      const missing = ids.filter((id) => !all.has(id));
      if (missing.length) throw l.notFound(missing.join(', '));
      items = [...new Set(ids)].map((id) => all.get(id)!);
    } else {
      items = [...all.values()];
    }
    if (l.extra) items = l.extra(req, items);
    items = items.filter((r) => matchesFilters(r, filters, l.filters));
    // Without MaxResults EC2 answers with everything, as the real API does for these calls.
    const { page: out, nextToken } = page(req, l.listing, items, maxResults ?? Math.max(items.length, 1), token, badEc2Token);
    return { [l.member]: out, NextToken: nextToken };
  };
}

const cidrs = (r: Rec) => [r.CidrBlock, ...(r.CidrBlockAssociationSet ?? []).map((a: Rec) => a.CidrBlock)];
const region = (world: World, req: EmuRequest) => world.region(req.accountId, req.region);

export const describeVpcs = describe({
  collection: (w, r) => region(w, r).vpcs,
  member: 'Vpcs',
  listing: 'vpcs',
  idParam: 'VpcId',
  idPattern: /^vpc-[0-9a-z]+$/,
  notFound: (id) => new ApiError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`),
  malformed: (id) => new ApiError('InvalidVpcID.Malformed', `Invalid id: "${id}"`),
  filters: {
    'vpc-id': (r) => r.VpcId,
    state: (r) => r.State,
    'cidr': (r) => r.CidrBlock,
    'cidr-block-association.cidr-block': cidrs,
    'is-default': (r) => String(!!r.IsDefault),
    'owner-id': (r) => r.OwnerId,
    'dhcp-options-id': (r) => r.DhcpOptionsId,
  },
});

export const describeSubnets = describe({
  collection: (w, r) => region(w, r).subnets,
  member: 'Subnets',
  listing: 'subnets',
  idParam: 'SubnetId',
  idPattern: /^subnet-[0-9a-z]+$/,
  notFound: (id) => new ApiError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`),
  malformed: (id) => new ApiError('InvalidSubnetID.Malformed', `Invalid id: "${id}"`),
  filters: {
    'subnet-id': (r) => r.SubnetId,
    'vpc-id': (r) => r.VpcId,
    state: (r) => r.State,
    'availability-zone': (r) => r.AvailabilityZone,
    'availability-zone-id': (r) => r.AvailabilityZoneId,
    'cidr-block': (r) => r.CidrBlock,
    cidr: (r) => r.CidrBlock,
    cidrBlock: (r) => r.CidrBlock,
    'default-for-az': (r) => String(!!r.DefaultForAz),
    'map-public-ip-on-launch': (r) => String(!!r.MapPublicIpOnLaunch),
    'owner-id': (r) => r.OwnerId,
    'subnet-arn': (r) => r.SubnetArn,
    'available-ip-address-count': (r) => r.AvailableIpAddressCount,
  },
});

export const describeSecurityGroups = describe({
  collection: (w, r) => region(w, r).securityGroups,
  member: 'SecurityGroups',
  listing: 'security-groups',
  idParam: 'GroupId',
  idPattern: /^sg-[0-9a-z]+$/,
  notFound: (id) => new ApiError('InvalidGroup.NotFound', `The security group '${id}' does not exist`),
  malformed: (id) => new ApiError('InvalidGroupId.Malformed', `Invalid id: "${id}" (expecting "sg-...")`),
  filters: {
    'group-id': (r) => r.GroupId,
    'group-name': (r) => r.GroupName,
    'vpc-id': (r) => r.VpcId,
    'owner-id': (r) => r.OwnerId,
    description: (r) => r.Description,
  },
  extra: (req, items) => {
    const names = listParam(req, 'GroupName');
    if (!names.length) return items;
    const missing = names.filter((n) => !items.some((g) => g.GroupName === n));
    if (missing.length) throw new ApiError('InvalidGroup.NotFound', `The security group '${missing[0]}' does not exist in default VPC`);
    return items.filter((g) => names.includes(g.GroupName));
  },
});

const privateIps = (r: Rec) => (r.PrivateIpAddresses ?? []).map((a: Rec) => a.PrivateIpAddress);

// Filter names from botocore ec2 2016-11-15 service-2.json, DescribeNetworkInterfacesRequest.Filters
// (the subset a scenario's records can answer). `addresses.private-ip-address` and `private-ip-address`
// both match any private IPv4 address of the interface, primary or secondary.
export const describeNetworkInterfaces = describe({
  collection: (w, r) => region(w, r).networkInterfaces,
  member: 'NetworkInterfaces',
  listing: 'network-interfaces',
  idParam: 'NetworkInterfaceId',
  idPattern: /^eni-[0-9a-z]+$/,
  notFound: (id) => new ApiError('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`),
  malformed: (id) => new ApiError('InvalidNetworkInterfaceID.Malformed', `Invalid id: "${id}" (expecting "eni-...")`),
  filters: {
    'addresses.private-ip-address': privateIps,
    'addresses.primary': (r) => (r.PrivateIpAddresses ?? []).map((a: Rec) => String(!!a.Primary)),
    'private-ip-address': privateIps,
    'private-dns-name': (r) => r.PrivateDnsName,
    'network-interface-id': (r) => r.NetworkInterfaceId,
    'vpc-id': (r) => r.VpcId,
    'subnet-id': (r) => r.SubnetId,
    'availability-zone': (r) => r.AvailabilityZone,
    'group-id': (r) => (r.Groups ?? []).map((g: Rec) => g.GroupId),
    'group-name': (r) => (r.Groups ?? []).map((g: Rec) => g.GroupName),
    description: (r) => r.Description,
    status: (r) => r.Status,
    'interface-type': (r) => r.InterfaceType,
    'owner-id': (r) => r.OwnerId,
    'requester-managed': (r) => String(!!r.RequesterManaged),
    'requester-id': (r) => r.RequesterId,
    'attachment.instance-id': (r) => r.Attachment?.InstanceId,
    'attachment.status': (r) => r.Attachment?.Status,
    'mac-address': (r) => r.MacAddress,
  },
});
