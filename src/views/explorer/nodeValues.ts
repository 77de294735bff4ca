// The values a node carries (ID, ARN, DNS name, service name, status, console URL). The copy
// commands and the contextValue flags both read these functions, so a menu item is shown exactly
// when its command has something to copy.
import { accountFromArn } from '../../model/arn';
import type { ResourceKind } from '../../model/resources';
import type { ExplorerNode } from './nodes';

export function idOf(node: ExplorerNode): string | undefined {
  switch (node.type) {
    case 'profile': return node.account;
    case 'resourceGateway':
    case 'resourceConfiguration':
    case 'endpointService':
    case 'database': return node.resource.id;
    case 'sharePrincipal': return node.principal.id;
    case 'allowedPrincipal': return node.principal;
    case 'endpointConnection': return node.connection.vpcEndpointId;
    default: return undefined;
  }
}

export function arnOf(node: ExplorerNode): string | undefined {
  switch (node.type) {
    case 'resourceGateway':
    case 'resourceConfiguration':
    case 'resourceShare':
    case 'mskCluster':
    case 'database': return node.resource.arn;
    case 'iamRole': return node.role.arn;
    case 'sharedResource': return node.shared.arn;
    case 'sharePrincipal': return node.principal.id.startsWith('arn:') ? node.principal.id : undefined;
    case 'allowedPrincipal': return node.principal.startsWith('arn:') ? node.principal : undefined;
    default: return undefined;
  }
}

export function dnsNameOf(node: ExplorerNode): string | undefined {
  switch (node.type) {
    case 'database': return node.resource.endpoint;
    case 'endpointService': return node.resource.privateDnsName ?? node.resource.baseEndpointDnsNames[0];
    case 'resourceConfiguration': {
      const d = node.resource.definition;
      return d?.kind === 'dns' ? d.domainName : undefined;
    }
    default: return undefined;
  }
}

export function serviceNameOf(node: ExplorerNode): string | undefined {
  return node.type === 'endpointService' ? node.resource.name : undefined;
}

/** The status kind (for src/model/status) and value of a node, when it has one. */
export function statusOf(node: ExplorerNode): { kind: ResourceKind; status: string } | undefined {
  switch (node.type) {
    case 'resourceGateway': return { kind: 'resourceGateway', status: node.resource.status };
    case 'resourceConfiguration': return { kind: 'resourceConfiguration', status: node.resource.status };
    case 'resourceShare': return { kind: 'resourceShare', status: node.resource.status };
    case 'sharePrincipal': return { kind: 'resourceShareAssociation', status: node.principal.status };
    case 'sharedResource': return { kind: 'resourceShareAssociation', status: node.shared.status };
    case 'mskCluster': return { kind: 'mskCluster', status: node.resource.state };
    case 'endpointService': return { kind: 'endpointService', status: node.resource.state };
    case 'endpointConnection': return { kind: 'endpointConnection', status: node.connection.state };
    case 'database':
      return { kind: node.resource.kind === 'cluster' ? 'dbCluster' : 'dbInstance', status: node.resource.status };
    default: return undefined;
  }
}

/** The account that owns a node: the profile's STS account, else the one in its ARN. */
export function accountOf(node: ExplorerNode): string | undefined {
  for (let n: ExplorerNode | undefined = node; n; n = n.parent) if (n.type === 'profile' && n.account) return n.account;
  const arn = arnOf(node);
  return arn ? accountFromArn(arn) || undefined : undefined;
}

/** The AWS console page of a resource (region-scoped consoles). */
export function consoleUrlOf(node: ExplorerNode): string | undefined {
  if (!('scope' in node)) return undefined;
  const r = node.scope.region;
  const base = (service: string) => `https://${r}.console.aws.amazon.com/${service}/home?region=${r}`;
  switch (node.type) {
    case 'region': return `https://${r}.console.aws.amazon.com/console/home?region=${r}`;
    case 'resourceGateway': return `${base('vpcconsole')}#ResourceGatewayDetails:resourceGatewayId=${node.resource.id}`;
    case 'resourceConfiguration':
      return `${base('vpcconsole')}#ResourceConfigurationDetails:resourceConfigurationId=${node.resource.id}`;
    case 'resourceShare':
      return `${base('ram')}#ResourceShareDetails:resourceShareArn=${encodeURIComponent(node.resource.arn)}`;
    case 'mskCluster': return `${base('msk')}#/cluster/${encodeURIComponent(node.resource.arn)}/view`;
    case 'endpointService': return `${base('vpcconsole')}#EndpointServiceDetails:endpointServiceId=${node.resource.id}`;
    case 'database':
      return `${base('rds')}#database:id=${node.resource.id};is-cluster=${node.resource.kind === 'cluster'}`;
    default: return undefined;
  }
}

/** Kinds the delete command handles (MSK clusters and databases are deliberately not deletable here). */
export function isDeletable(node: ExplorerNode): boolean {
  return node.type === 'resourceGateway' || node.type === 'resourceConfiguration' || node.type === 'resourceShare'
    || node.type === 'endpointService';
}
