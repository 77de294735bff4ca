// Explorer nodes are plain data: the provider renders them, commands read them. No `vscode` here,
// so the whole tree model loads and is tested under plain node (unit tests, the benchmark).
import { l10n } from '../../l10n';
import type { Scope } from '../../aws/api';
import type {
  Database, EndpointConnection, EndpointService, MskCluster, Profile, ResourceConfiguration, ResourceGateway, ResourceShare,
} from '../../model/resources';

export type GroupKind =
  | 'resourceGateways'
  | 'resourceConfigurations'
  | 'resourceShares'
  | 'mskClusters'
  | 'endpointServices'
  | 'databases';

/** Group order under a region, with the words used in labels and "empty" messages. */
export const GROUPS: readonly { kind: GroupKind; label: string; plural: string }[] = [
  { kind: 'resourceGateways', label: l10n.t('Resource gateways'), plural: l10n.t('resource gateways') },
  { kind: 'resourceConfigurations', label: l10n.t('Resource configurations'), plural: l10n.t('resource configurations') },
  { kind: 'resourceShares', label: l10n.t('Resource shares'), plural: l10n.t('resource shares') },
  { kind: 'mskClusters', label: l10n.t('MSK clusters'), plural: l10n.t('MSK clusters') },
  { kind: 'endpointServices', label: l10n.t('VPC endpoint services'), plural: l10n.t('VPC endpoint services') },
  { kind: 'databases', label: l10n.t('Databases'), plural: l10n.t('databases') },
];

export function groupInfo(kind: GroupKind): { kind: GroupKind; label: string; plural: string } {
  return GROUPS.find((g) => g.kind === kind)!;
}

interface Base {
  /** Unique in the tree and stable across refreshes (ARN-based for resources), so expansion survives. */
  id: string;
  parent?: ExplorerNode;
}

export interface ProfileNode extends Base {
  type: 'profile';
  profile: string;
  /** Undefined when the profile is named in settings but missing from the AWS files. */
  info?: Profile;
  account?: string;
  /** Why the account id could not be read (shown in the tooltip, not as a popup). */
  identityError?: { name: string; message: string };
}

export interface RegionNode extends Base {
  type: 'region';
  scope: Scope;
}

export interface GroupNode extends Base {
  type: 'group';
  scope: Scope;
  group: GroupKind;
}

interface InScope extends Base {
  scope: Scope;
}

export interface ResourceGatewayNode extends InScope { type: 'resourceGateway'; resource: ResourceGateway }
export interface ResourceConfigurationNode extends InScope { type: 'resourceConfiguration'; resource: ResourceConfiguration }
export interface ResourceShareNode extends InScope { type: 'resourceShare'; resource: ResourceShare }
export interface SharePrincipalNode extends InScope { type: 'sharePrincipal'; share: ResourceShare; principal: { id: string; status: string } }
export interface SharedResourceNode extends InScope { type: 'sharedResource'; share: ResourceShare; shared: { arn: string; status: string } }
export interface MskClusterNode extends InScope { type: 'mskCluster'; resource: MskCluster }
export interface EndpointServiceNode extends InScope { type: 'endpointService'; resource: EndpointService }
export interface AllowedPrincipalNode extends InScope { type: 'allowedPrincipal'; service: EndpointService; principal: string }
export interface EndpointConnectionNode extends InScope { type: 'endpointConnection'; service: EndpointService; connection: EndpointConnection }
export interface DatabaseNode extends InScope { type: 'database'; resource: Database }
/** An IAM role this extension made for the database (IAM DB auth), confirmed with GetRole. */
export interface IamRoleNode extends InScope { type: 'iamRole'; database: Database; role: { name: string; arn: string; dbUser?: string } }

export type ResourceNode =
  | ResourceGatewayNode
  | ResourceConfigurationNode
  | ResourceShareNode
  | SharePrincipalNode
  | SharedResourceNode
  | MskClusterNode
  | EndpointServiceNode
  | AllowedPrincipalNode
  | EndpointConnectionNode
  | DatabaseNode
  | IamRoleNode;

/** What went wrong while loading a parent's children; shown in place of them, with a retry. */
export interface ErrorNode extends Base {
  type: 'error';
  /** The SDK/layer error name (AccessDenied, SsoLoginRequired, …) for decisions and tests. */
  errorName: string;
  message: string;
  /** The node to refresh when the error node is clicked. */
  retry?: ExplorerNode;
  /** Set when the fix is `aws sso login --profile <ssoProfile>`. */
  ssoProfile?: string;
}

/** "No resource gateways in us-east-1", "Profile x is not in your AWS config", … */
export interface MessageNode extends Base {
  type: 'message';
  message: string;
  /** A command id to run when the message is clicked (e.g. choose profiles). */
  action?: { command: string; title: string };
}

export type ExplorerNode = ProfileNode | RegionNode | GroupNode | ResourceNode | ErrorNode | MessageNode;
export type NodeType = ExplorerNode['type'];

/** The kinds of row that have children (the provider draws them collapsed). */
export const EXPANDABLE_TYPES: ReadonlySet<NodeType> = new Set<NodeType>(['profile', 'region', 'group', 'resourceGateway', 'resourceShare', 'endpointService', 'database']);

/**
 * What a full load of the tree opens (benchmarks, resilience): every expandable row but the
 * databases, whose children are the IAM roles from the plans' journals, not AWS lists.
 */
export const isLoadedByFullWalk = (type: NodeType): boolean => EXPANDABLE_TYPES.has(type) && type !== 'database';

export function isResourceNode(node: ExplorerNode): node is ResourceNode {
  return 'scope' in node && node.type !== 'region' && node.type !== 'group';
}

/** The profile node above any node (itself for a profile node). */
export function profileOf(node: ExplorerNode | undefined): ProfileNode | undefined {
  for (let n = node; n; n = n.parent) if (n.type === 'profile') return n;
  return undefined;
}

/** The (profile, region) a node lives in, if any. */
export function scopeOf(node: ExplorerNode): Scope | undefined {
  for (let n: ExplorerNode | undefined = node; n; n = n.parent) if ('scope' in n) return n.scope;
  return undefined;
}

// Id helpers: one place decides how ids look, so they stay unique when the same resource shows
// twice (a configuration under its gateway and in its group) and when two profiles see one account.
export const ids = {
  profile: (profile: string) => `profile:${profile}`,
  region: (s: Scope) => `${s.profile}/${s.region}`,
  group: (s: Scope, group: GroupKind) => `${s.profile}/${s.region}/${group}`,
  resource: (s: Scope, arnOrId: string, under?: string) => (under ? `${under}>${arnOrId}` : `${s.profile}|${arnOrId}`),
  message: (parentId: string, what: string) => `${parentId}#${what}`,
};

/** The row shown in place of children when there are none. */
export function message(parent: ExplorerNode, text: string): MessageNode {
  return { type: 'message', id: ids.message(parent.id, 'empty'), parent, message: text };
}

function sortKey(n: ExplorerNode): string {
  if ('resource' in n) {
    const r = n.resource as { name?: string; id?: string };
    return r.name || r.id || '';
  }
  return n.id;
}

export function sortByLabel<T extends ExplorerNode>(nodes: T[]): T[] {
  return nodes.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** A tree node passed to a command (menus pass the node; the palette passes nothing or other args). */
export function isNode(x: unknown): x is ExplorerNode {
  return typeof x === 'object' && x !== null && typeof (x as ExplorerNode).id === 'string' && typeof (x as ExplorerNode).type === 'string';
}
