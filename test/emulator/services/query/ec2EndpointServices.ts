// EC2 VPC endpoint service configurations: create (client-token idempotent), describe, modify,
// delete, and private DNS name verification — with the state changes AWS makes on its own clock.
import { createHash } from 'node:crypto';
import { boolParam, filtersParam, listParam, newRequestId, optionalParam, requireParam } from '../../core/protocols';
import { ApiError, EmuRequest, RegionState, World } from '../../core/types';
import { dryRunGate, QueryOperation, StoredResponse } from './dispatch';
import { badEc2Token } from './ec2Network';
import { checkFilterNames, clampedIntParam, ec2TagSpecifications, matchesFilters, page } from './params';
import { ec2Wire } from './wireNames';
import { ec2Response } from './xml';

type Rec = Record<string, any>;
const HEX = '0123456789abcdef';
const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Connection states that still hold the service (AWS refuses to delete it while any exist). */
export const LIVE_CONNECTION_STATES = ['PendingAcceptance', 'Pending', 'Available'];

const regionOf = (world: World, req: EmuRequest): RegionState => world.region(req.accountId, req.region);

export function serviceNotFound(id: string): ApiError {
  return new ApiError('InvalidVpcEndpointServiceId.NotFound', `The VpcEndpointService Id '${id}' does not exist`);
}

/** The caller's service configuration, or the errors AWS gives for a malformed or unknown id. */
export function findService(world: World, req: EmuRequest, id: string): Rec {
  if (!/^vpce-svc-[0-9a-z]+$/.test(id)) {
    throw new ApiError('InvalidVpcEndpointServiceId.Malformed', `Invalid Id: '${id}' (expecting 'vpce-svc-...')`);
  }
  const svc = regionOf(world, req).endpointServices.get(id);
  if (!svc || svc.ServiceState === 'Deleted') throw serviceNotFound(id);
  return svc;
}

/**
 * Load balancers named by ARN must exist in this region, be of the expected type, and front no
 * other service: "A Network Load Balancer can be associated with a single endpoint service, but an
 * endpoint service can be associated with multiple Network Load Balancers." (PrivateLink guide,
 * "Create an endpoint service", Considerations,
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html). The error code
 * and text of that refusal are unverified.
 */
function checkLoadBalancers(region: RegionState, arns: string[], type: 'network' | 'gateway', serviceId?: string): Rec[] {
  return arns.map((arn) => {
    const lb = region.loadBalancers.get(arn);
    if (!lb) throw new ApiError('InvalidParameterValue', `The specified load balancer ARN '${arn}' does not exist.`);
    if (lb.Type !== type) {
      throw new ApiError('InvalidParameterValue', `The load balancer '${arn}' is of type ${lb.Type}; expected ${type}.`);
    }
    const other = [...region.endpointServices.values()].find((s) => s.ServiceId !== serviceId && s.ServiceState !== 'Deleted'
      && [...(s.NetworkLoadBalancerArns ?? []), ...(s.GatewayLoadBalancerArns ?? [])].includes(arn));
    if (other) throw new ApiError('InvalidParameter', `The load balancer '${arn}' is already associated with endpoint service ${other.ServiceId}.`);
    return lb;
  });
}

function zonesOf(region: RegionState, arns: string[]): { names: string[]; ids: string[] } {
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const arn of arns) {
    for (const az of region.loadBalancers.get(arn)?.AvailabilityZones ?? []) {
      if (az.ZoneName) names.add(az.ZoneName);
      // ELBv2 reports zone names only; the zone id comes from the subnet the NLB sits in.
      const zoneId = az.ZoneId ?? region.subnets.get(az.SubnetId)?.AvailabilityZoneId;
      if (zoneId) ids.add(zoneId);
    }
  }
  return { names: [...names].sort(), ids: [...ids].sort() };
}

const DNS_NAME = /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function checkPrivateDnsName(name: string): void {
  if (!DNS_NAME.test(name)) throw new ApiError('InvalidParameterValue', `Private DNS name '${name}' is not a valid domain name.`);
}

/** A new name starts unverified: AWS hands out a TXT record for the owner to publish. */
function dnsConfiguration(world: World): Rec {
  return { State: 'pendingVerification', Type: 'TXT', Name: world.id('_', 20), Value: `vpce:${world.id('', 20, ALNUM)}` };
}

const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
function checkRegions(regions: string[]): void {
  for (const r of regions) if (!REGION_NAME.test(r)) throw new ApiError('InvalidParameterValue', `Invalid region: ${r}`);
}

function checkIpTypes(types: string[]): void {
  for (const t of types) if (t !== 'ipv4' && t !== 'ipv6') throw new ApiError('InvalidParameterValue', `Invalid IP address type: ${t}`);
}

/** Parameters that identify a create request, for IdempotentParameterMismatch. */
function fingerprint(req: EmuRequest): string {
  const entries = [...(req.form ?? new URLSearchParams())].filter(([k]) => k !== 'ClientToken').sort();
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}
const fingerprints = new WeakMap<World, Map<string, string>>();

export const createVpcEndpointServiceConfiguration: QueryOperation = (req, world) => {
  const region = regionOf(world, req);
  const token = optionalParam(req, 'ClientToken');
  const key = token ? `ec2:CreateVpcEndpointServiceConfiguration:${req.accountId}:${req.region}:${token}` : '';
  if (token && token.length > 64) throw new ApiError('InvalidParameterValue', 'ClientToken must be at most 64 characters.');
  if (key && world.idempotency.has(key)) {
    if (fingerprints.get(world)?.get(key) !== fingerprint(req)) {
      throw new ApiError('IdempotentParameterMismatch', 'The client token you have provided is associated with a request with different parameters.');
    }
    return new StoredResponse(world.idempotency.get(key)!);
  }

  const nlbs = listParam(req, 'NetworkLoadBalancerArn');
  const gwlbs = listParam(req, 'GatewayLoadBalancerArn');
  if (!nlbs.length && !gwlbs.length) {
    throw new ApiError('InvalidParameter', 'exactly one of network_load_balancer_arn or gateway_load_balancer_arn is a required member');
  }
  if (nlbs.length && gwlbs.length) {
    throw new ApiError('InvalidParameterCombination', 'NetworkLoadBalancerArns and GatewayLoadBalancerArns cannot be combined.');
  }
  checkLoadBalancers(region, nlbs, 'network');
  checkLoadBalancers(region, gwlbs, 'gateway');
  const privateDnsName = optionalParam(req, 'PrivateDnsName');
  if (privateDnsName !== undefined) checkPrivateDnsName(privateDnsName);
  const supportedRegions = [...new Set(listParam(req, 'SupportedRegion'))];
  checkRegions(supportedRegions);
  const ipTypes = listParam(req, 'SupportedIpAddressType');
  checkIpTypes(ipTypes);
  const tags = ec2TagSpecifications(req, 'vpc-endpoint-service');
  dryRunGate(req);

  const serviceId = world.id('vpce-svc-', 17, HEX);
  const zones = zonesOf(region, [...nlbs, ...gwlbs]);
  const service: Rec = {
    ServiceType: [{ ServiceType: gwlbs.length ? 'GatewayLoadBalancer' : 'Interface' }],
    ServiceId: serviceId,
    ServiceName: `com.amazonaws.vpce.${req.region}.${serviceId}`,
    ServiceState: 'Pending',
    AvailabilityZoneIds: zones.ids,
    AvailabilityZones: zones.names,
    AcceptanceRequired: boolParam(req, 'AcceptanceRequired') ?? true,
    ManagesVpcEndpoints: false,
    NetworkLoadBalancerArns: nlbs.length ? nlbs : undefined,
    GatewayLoadBalancerArns: gwlbs.length ? gwlbs : undefined,
    SupportedIpAddressTypes: ipTypes.length ? ipTypes : ['ipv4'],
    BaseEndpointDnsNames: [`${serviceId}.${req.region}.vpce.amazonaws.com`],
    PrivateDnsName: privateDnsName,
    PrivateDnsNameConfiguration: privateDnsName ? dnsConfiguration(world) : undefined,
    PayerResponsibility: 'ServiceOwner',
    Tags: tags.length ? tags : undefined,
    // The service's own Region is always supported; cross-Region consumers are added to it.
    SupportedRegions: [{ Region: req.region, ServiceState: 'Pending' },
      ...supportedRegions.filter((r) => r !== req.region).map((r) => ({ Region: r, ServiceState: 'Pending' }))],
    RemoteAccessEnabled: false,
  };
  region.endpointServices.set(serviceId, service);
  region.servicePermissions.set(serviceId, []);
  world.schedule(world.timings.create, `endpoint service ${serviceId} Pending → Available`, () => {
    if (service.ServiceState === 'Pending') service.ServiceState = 'Available';
    for (const r of service.SupportedRegions) if (r.ServiceState === 'Pending') r.ServiceState = 'Available';
  });

  const output = { ServiceConfiguration: structuredClone(service), ClientToken: token };
  const response = ec2Response(ec2Wire, 'CreateVpcEndpointServiceConfiguration', output, newRequestId());
  if (key) {
    world.idempotency.set(key, response);
    if (!fingerprints.has(world)) fingerprints.set(world, new Map());
    fingerprints.get(world)!.set(key, fingerprint(req));
  }
  return new StoredResponse(response);
};

const SERVICE_FILTERS: Record<string, (r: Rec) => unknown> = {
  'service-name': (r) => r.ServiceName,
  'service-id': (r) => r.ServiceId,
  'service-state': (r) => r.ServiceState,
  'supported-ip-address-types': (r) => r.SupportedIpAddressTypes,
};

export const describeVpcEndpointServiceConfigurations: QueryOperation = (req, world) => {
  const ids = listParam(req, 'ServiceId');
  const filters = filtersParam(req);
  checkFilterNames(filters, Object.keys(SERVICE_FILTERS));
  const maxResults = clampedIntParam(req, 'MaxResults', 5, 1000);
  const services = ids.length ? ids.map((id) => findService(world, req, id))
    : [...regionOf(world, req).endpointServices.values()].filter((s) => s.ServiceState !== 'Deleted');
  const items = services.filter((s) => matchesFilters(s, filters, SERVICE_FILTERS));
  const { page: out, nextToken } = page(req, 'endpoint-services', items, maxResults ?? 1000, optionalParam(req, 'NextToken'), badEc2Token);
  return { ServiceConfigurations: out, NextToken: nextToken };
};

export const modifyVpcEndpointServiceConfiguration: QueryOperation = (req, world) => {
  const region = regionOf(world, req);
  const svc = findService(world, req, requireParam(req, 'ServiceId'));
  const privateDnsName = optionalParam(req, 'PrivateDnsName');
  const removeDns = boolParam(req, 'RemovePrivateDnsName') ?? false;
  if (privateDnsName !== undefined && removeDns) {
    throw new ApiError('InvalidParameterCombination', 'PrivateDnsName and RemovePrivateDnsName cannot both be specified.');
  }
  if (privateDnsName !== undefined) checkPrivateDnsName(privateDnsName);

  const addNlb = listParam(req, 'AddNetworkLoadBalancerArn');
  const removeNlb = listParam(req, 'RemoveNetworkLoadBalancerArn');
  checkLoadBalancers(region, addNlb, 'network', svc.ServiceId);
  const current: string[] = svc.NetworkLoadBalancerArns ?? [];
  for (const arn of removeNlb) {
    if (!current.includes(arn)) throw new ApiError('InvalidParameterValue', `Load balancer '${arn}' is not associated with service ${svc.ServiceId}.`);
  }
  const nlbs = [...new Set([...current, ...addNlb])].filter((a) => !removeNlb.includes(a));
  if ((addNlb.length || removeNlb.length) && !nlbs.length && !(svc.GatewayLoadBalancerArns ?? []).length) {
    throw new ApiError('InvalidParameterValue', 'A service must have at least one load balancer.');
  }

  const addIp = listParam(req, 'AddSupportedIpAddressType');
  const removeIp = listParam(req, 'RemoveSupportedIpAddressType');
  checkIpTypes([...addIp, ...removeIp]);
  const ipTypes = [...new Set([...(svc.SupportedIpAddressTypes ?? ['ipv4']), ...addIp])].filter((t) => !removeIp.includes(t));
  if (!ipTypes.length) throw new ApiError('InvalidParameterValue', 'A service must support at least one IP address type.');

  const addRegions = [...new Set(listParam(req, 'AddSupportedRegion'))];
  const removeRegions = [...new Set(listParam(req, 'RemoveSupportedRegion'))];
  checkRegions([...addRegions, ...removeRegions]);
  const supported: Rec[] = svc.SupportedRegions ?? [{ Region: req.region, ServiceState: 'Available' }];
  for (const r of removeRegions) {
    if (r === req.region) throw new ApiError('InvalidParameterValue', `The service Region ${r} cannot be removed from the supported Regions.`);
    if (!supported.some((s) => s.Region === r)) throw new ApiError('InvalidParameterValue', `Region ${r} is not a supported Region of service ${svc.ServiceId}.`);
  }
  const acceptance = boolParam(req, 'AcceptanceRequired');
  dryRunGate(req);

  if (acceptance !== undefined) svc.AcceptanceRequired = acceptance;
  if (privateDnsName !== undefined && privateDnsName !== svc.PrivateDnsName) {
    svc.PrivateDnsName = privateDnsName;
    svc.PrivateDnsNameConfiguration = dnsConfiguration(world);
  }
  if (removeDns) { delete svc.PrivateDnsName; delete svc.PrivateDnsNameConfiguration; }
  if (addNlb.length || removeNlb.length) {
    svc.NetworkLoadBalancerArns = nlbs.length ? nlbs : undefined;
    const zones = zonesOf(region, [...nlbs, ...(svc.GatewayLoadBalancerArns ?? [])]);
    svc.AvailabilityZones = zones.names;
    svc.AvailabilityZoneIds = zones.ids;
  }
  svc.SupportedIpAddressTypes = ipTypes;
  const added = addRegions.filter((r) => !supported.some((s) => s.Region === r)).map((r) => ({ Region: r, ServiceState: 'Pending' }));
  svc.SupportedRegions = [...supported, ...added];
  for (const entry of svc.SupportedRegions as Rec[]) if (removeRegions.includes(entry.Region)) entry.ServiceState = 'Deleting';
  if (added.length) {
    world.schedule(world.timings.update, `endpoint service ${svc.ServiceId} regions → Available`, () => {
      for (const a of added) if (a.ServiceState === 'Pending') a.ServiceState = 'Available';
    });
  }
  if (removeRegions.length) {
    world.schedule(world.timings.delete, `endpoint service ${svc.ServiceId} regions removed`, () => {
      svc.SupportedRegions = (svc.SupportedRegions as Rec[]).filter((s) => !(removeRegions.includes(s.Region) && s.ServiceState === 'Deleting'));
    });
  }
  return { Return: true };
};

export const deleteVpcEndpointServiceConfigurations: QueryOperation = (req, world) => {
  const region = regionOf(world, req);
  const ids = listParam(req, 'ServiceId');
  if (!ids.length) throw new ApiError('MissingParameter', 'The request must contain the parameter ServiceId');
  dryRunGate(req);
  const unsuccessful: Rec[] = [];
  for (const id of ids) {
    const svc = region.endpointServices.get(id);
    if (!svc || svc.ServiceState === 'Deleted') {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpointService.NotFound', Message: `The VpcEndpointService Id '${id}' does not exist` } });
      continue;
    }
    const live = [...region.endpointConnections.values()].some((c) => c.ServiceId === id
      && LIVE_CONNECTION_STATES.some((s) => s.toLowerCase() === String(c.VpcEndpointState).toLowerCase()));
    if (live) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'ExistingVpcEndpointConnections', Message: 'Service has existing active VPC Endpoint connections!' } });
      continue;
    }
    svc.ServiceState = 'Deleting';
    world.schedule(world.timings.delete, `endpoint service ${id} deleted`, () => {
      region.endpointServices.delete(id);
      region.servicePermissions.delete(id);
      for (const [vpce, c] of region.endpointConnections) if (c.ServiceId === id) region.endpointConnections.delete(vpce);
    });
  }
  return { Unsuccessful: unsuccessful };
};

export const startVpcEndpointServicePrivateDnsVerification: QueryOperation = (req, world) => {
  const svc = findService(world, req, requireParam(req, 'ServiceId'));
  const config = svc.PrivateDnsNameConfiguration;
  if (!svc.PrivateDnsName || !config) {
    throw new ApiError('InvalidParameter', `Service ${svc.ServiceId} has no private DNS name to verify.`);
  }
  dryRunGate(req);
  if (config.State !== 'verified') {
    config.State = 'pendingVerification';
    const name = svc.PrivateDnsName as string;
    world.schedule(world.timings.update, `private DNS ${name} verification`, () => {
      // The .invalid TLD can never hold the TXT record, so it stands in for a failed verification.
      if (svc.PrivateDnsNameConfiguration === config) config.State = /\.invalid$/i.test(name) ? 'failed' : 'verified';
    });
  }
  return { ReturnValue: true };
};
