// VPC Lattice resource gateways and resource configurations as plain models.
// List calls return summaries; a configuration summary has no ports, protocol or definition,
// so those are filled only by getResourceConfiguration (or list with details: one Get each).
import {
  GetResourceConfigurationCommand, GetResourceGatewayCommand, paginateListResourceConfigurations,
  paginateListResourceGateways,
} from '@aws-sdk/client-vpc-lattice';
import type { ResourceConfigurationSummary, ResourceGatewaySummary, GetResourceGatewayCommandOutput, GetResourceConfigurationCommandOutput } from '@aws-sdk/client-vpc-lattice';
import type { Scope } from './api';
import type { ResourceConfiguration, ResourceConfigurationDefinition, ResourceGateway } from '../model/resources';
import { allPages, AwsContext, compact, mapLimit, PER_ITEM_CONCURRENCY } from './awsContext';

/** The API's maximum page size: fewest requests. */
const PAGE = 100;

export function toGateway(g: ResourceGatewaySummary & Partial<Pick<GetResourceGatewayCommandOutput, 'vpcId'>>): ResourceGateway {
  return compact({
    id: g.id ?? '',
    arn: g.arn ?? '',
    name: g.name ?? '',
    status: g.status ?? 'UNKNOWN',
    // List items say vpcIdentifier, Get says vpcId.
    vpcId: g.vpcId ?? g.vpcIdentifier,
    subnetIds: g.subnetIds ?? [],
    securityGroupIds: g.securityGroupIds ?? [],
    ipAddressType: g.ipAddressType,
  });
}

function toDefinition(d: GetResourceConfigurationCommandOutput['resourceConfigurationDefinition']): ResourceConfigurationDefinition | undefined {
  if (!d) return undefined;
  if (d.arnResource?.arn) return { kind: 'arn', arn: d.arnResource.arn };
  if (d.ipResource?.ipAddress) return { kind: 'ip', ipAddress: d.ipResource.ipAddress };
  if (d.dnsResource?.domainName) {
    return compact({ kind: 'dns' as const, domainName: d.dnsResource.domainName, ipAddressType: d.dnsResource.ipAddressType });
  }
  if ('cidrResource' in d && d.cidrResource?.cidrRanges) return { kind: 'cidr', cidrRanges: d.cidrResource.cidrRanges };
  return undefined;
}

export function toConfiguration(c: ResourceConfigurationSummary & Partial<GetResourceConfigurationCommandOutput>): ResourceConfiguration {
  return compact({
    id: c.id ?? '',
    arn: c.arn ?? '',
    name: c.name ?? '',
    type: c.type ?? 'UNKNOWN',
    status: c.status ?? 'UNKNOWN',
    resourceGatewayId: c.resourceGatewayId,
    groupId: c.resourceConfigurationGroupId,
    portRanges: c.portRanges ?? [],
    protocol: c.protocol,
    definition: toDefinition(c.resourceConfigurationDefinition),
    failureReason: c.failureReason,
  });
}

export function listResourceGateways(ctx: AwsContext, scope: Scope): Promise<ResourceGateway[]> {
  return ctx.run(scope, 'vpc-lattice', 'ListResourceGateways', async (client) =>
    (await allPages(paginateListResourceGateways({ client }, { maxResults: PAGE }), (p) => p.items)).map(toGateway));
}

export function getResourceGateway(ctx: AwsContext, scope: Scope, id: string): Promise<ResourceGateway> {
  return ctx.run(scope, 'vpc-lattice', 'GetResourceGateway', async (client) =>
    toGateway(await client.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: id }))));
}

export function getResourceConfiguration(ctx: AwsContext, scope: Scope, id: string): Promise<ResourceConfiguration> {
  return ctx.run(scope, 'vpc-lattice', 'GetResourceConfiguration', async (client) =>
    toConfiguration(await client.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: id }))));
}

export function getResourceConfigurations(ctx: AwsContext, scope: Scope, ids: string[]): Promise<ResourceConfiguration[]> {
  return mapLimit(ids, PER_ITEM_CONCURRENCY, (id) => getResourceConfiguration(ctx, scope, id));
}

/**
 * All configurations. With `details`, one GetResourceConfiguration per item (bounded
 * concurrency) adds ports, protocol and definition, which ListResourceConfigurations lacks.
 */
export async function listResourceConfigurations(ctx: AwsContext, scope: Scope, details = false): Promise<ResourceConfiguration[]> {
  const summaries = await ctx.run(scope, 'vpc-lattice', 'ListResourceConfigurations', (client) =>
    allPages(paginateListResourceConfigurations({ client }, { maxResults: PAGE }), (p) => p.items));
  if (!details) return summaries.map((s) => toConfiguration(s));
  return mapLimit(summaries, PER_ITEM_CONCURRENCY, (s) => getResourceConfiguration(ctx, scope, s.id ?? s.arn ?? ''));
}
