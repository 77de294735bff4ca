// The per-region lists the explorer reads (each fetched once per profile · region and shared by
// every node that shows it) and which of them a group's subtree needs.
import type { AwsLayer, Scope } from '../../aws/api';
import type { Database, EndpointService, MskCluster, ResourceConfiguration, ResourceGateway, ResourceShare } from '../../model/resources';
import type { GroupKind } from './nodes';

export type RegionLists = {
  gateways: ResourceGateway[];
  configurations: ResourceConfiguration[];
  shares: ResourceShare[];
  msk: MskCluster[];
  endpointServices: EndpointService[];
  databases: Database[];
};
export type ListName = keyof RegionLists;

export const LIST_LOADERS: { [K in ListName]: (aws: AwsLayer, scope: Scope) => Promise<RegionLists[K]> } = {
  gateways: (aws, s) => aws.listResourceGateways(s),
  configurations: (aws, s) => aws.listResourceConfigurations(s),
  shares: (aws, s) => aws.listResourceShares(s),
  msk: (aws, s) => aws.listMskClusters(s),
  endpointServices: (aws, s) => aws.listEndpointServices(s),
  databases: (aws, s) => aws.listDatabases(s),
};

/** The lists a group's subtree reads (gateways show their configurations as children). */
export const GROUP_LISTS: Record<GroupKind, ListName[]> = {
  resourceGateways: ['gateways', 'configurations'],
  resourceConfigurations: ['configurations'],
  resourceShares: ['shares'],
  mskClusters: ['msk'],
  endpointServices: ['endpointServices'],
  databases: ['databases'],
};

export function listKey(scope: Scope, name: ListName): string {
  return `${scope.profile}/${scope.region}/${name}`;
}
