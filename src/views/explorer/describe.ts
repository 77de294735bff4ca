// What a node says: label, description, Markdown tooltip and screen-reader label. Pure text (the
// provider wraps the tooltip in a MarkdownString), so every line is unit-tested without VS Code.
import { l10n } from '../../l10n';
import { CLICKPIPES_ACCOUNT_ID, isClickPipesRegion, regionDisplayName } from '../../model/clickpipes';
import { resourceIdFromArn } from '../../model/arn';
import { isAwaitingAction } from '../../model/status';
import type { Finding } from '../../model/readiness';
import { DEFAULT_CREDENTIALS, type ResourceConfigurationDefinition } from '../../model/resources';
import { mskAuthentications } from './clickPipesValues';
import { groupInfo, type ExplorerNode } from './nodes';
import { arnOf, dnsNameOf, idOf, serviceNameOf, statusOf } from './nodeValues';


/** A readiness finding (src/model/readiness) as the tree shows it. */
export type ReadinessLine = Finding;

export type NodeText = {
  label: string;
  description?: string;
  /** Markdown (theme icons allowed), or undefined for no tooltip. */
  tooltip?: string;
  accessibilityLabel: string;
};

const KIND_TITLES: Record<string, string> = {
  profile: l10n.t('AWS profile'),
  region: l10n.t('Region'),
  resourceGateway: l10n.t('Resource gateway'),
  resourceConfiguration: l10n.t('Resource configuration'),
  resourceShare: l10n.t('Resource share'),
  sharePrincipal: l10n.t('Share principal'),
  sharedResource: l10n.t('Shared resource'),
  mskCluster: l10n.t('MSK cluster'),
  endpointService: l10n.t('VPC endpoint service'),
  allowedPrincipal: l10n.t('Allowed principal'),
  endpointConnection: l10n.t('Endpoint connection'),
  iamRole: l10n.t('IAM role (IAM DB auth)'),
};

/** Escapes Markdown punctuation in free text (names, messages) so it renders literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

const code = (v: string) => '`' + v.replace(/`/g, "'") + '`';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function definitionText(d: ResourceConfigurationDefinition | undefined): string | undefined {
  if (!d) return undefined;
  switch (d.kind) {
    case 'arn': return resourceIdFromArn(d.arn) ?? d.arn;
    case 'ip': return d.ipAddress;
    case 'dns': return d.domainName;
    case 'cidr': return d.cidrRanges.join(', ');
  }
}

function kindTitle(node: ExplorerNode): string {
  if (node.type === 'database') return node.resource.kind === 'cluster' ? l10n.t('Aurora/RDS DB cluster') : l10n.t('RDS DB instance');
  if (node.type === 'group') return groupInfo(node.group).label;
  return KIND_TITLES[node.type] ?? node.type;
}

export function labelOf(node: ExplorerNode): string {
  switch (node.type) {
    case 'profile': return node.profile === DEFAULT_CREDENTIALS ? l10n.t('Default credentials') : node.profile;
    case 'region': return node.scope.region;
    case 'group': return groupInfo(node.group).label;
    case 'resourceGateway':
    case 'resourceConfiguration':
    case 'resourceShare':
    case 'mskCluster': return node.resource.name || (idOf(node) ?? node.resource.arn);
    case 'sharePrincipal': return node.principal.id;
    case 'sharedResource': return resourceIdFromArn(node.shared.arn) ?? node.shared.arn;
    case 'endpointService': return node.resource.id;
    case 'allowedPrincipal': return node.principal;
    case 'endpointConnection': return node.connection.vpcEndpointId;
    case 'database': return node.resource.id;
    case 'iamRole': return node.role.name;
    case 'error':
    case 'message': return node.message;
  }
}

const isClickPipesPrincipal = (p: string) => p === CLICKPIPES_ACCOUNT_ID || p === `arn:aws:iam::${CLICKPIPES_ACCOUNT_ID}:root`;

export function descriptionOf(node: ExplorerNode): string | undefined {
  const parts: (string | undefined | false)[] = [];
  switch (node.type) {
    case 'profile':
      if (node.account) parts.push(node.account);
      else if (node.identityError?.name === 'SsoLoginRequired') parts.push(l10n.t('IAM Identity Center (SSO) sign-in needed'));
      else if (node.identityError) parts.push('account unknown');
      if (!node.info) parts.push('not in AWS config');
      break;
    case 'region':
      parts.push(regionDisplayName(node.scope.region), !isClickPipesRegion(node.scope.region) && 'not a ClickPipes region');
      break;
    case 'resourceGateway': {
      const g = node.resource;
      parts.push(g.status, g.vpcId, plural(g.subnetIds.length, 'subnet'));
      break;
    }
    case 'resourceConfiguration': {
      const c = node.resource;
      parts.push(c.status, c.type, definitionText(c.definition), c.portRanges.length > 0 && `ports ${c.portRanges.join(',')}`);
      break;
    }
    case 'resourceShare': {
      const s = node.resource;
      parts.push(s.status, plural(s.principals.length, 'principal'), plural(s.resources.length, 'resource'));
      break;
    }
    case 'sharePrincipal':
      parts.push(node.principal.status, isClickPipesPrincipal(node.principal.id) && 'ClickPipes');
      break;
    case 'sharedResource':
      parts.push(node.shared.status);
      break;
    case 'mskCluster': {
      const m = node.resource;
      const mv = [m.multiVpc.iam && 'IAM', m.multiVpc.scram && 'SCRAM', m.multiVpc.tls && 'TLS'].filter(Boolean).join(', ');
      parts.push(m.state, m.kafkaVersion && `Kafka ${m.kafkaVersion}`, m.instanceType, `multi-VPC: ${mv || 'off'}`);
      break;
    }
    case 'endpointService': {
      const e = node.resource;
      // Either spelling: real EC2 sends `pendingAcceptance`, the SDK enum says PendingAcceptance.
      const pending = e.connections.filter((c) => isAwaitingAction('endpointConnection', c.state)).length;
      parts.push(
        e.state,
        e.acceptanceRequired ? 'acceptance required' : 'auto-accept',
        plural(e.allowedPrincipals.length, 'principal'),
        pending > 0 && `${pending} pending`,
      );
      break;
    }
    case 'allowedPrincipal':
      parts.push(isClickPipesPrincipal(node.principal) && 'ClickPipes');
      break;
    case 'endpointConnection':
      parts.push(node.connection.state, node.connection.owner, node.connection.region);
      break;
    case 'iamRole':
      parts.push(node.role.dbUser && `as ${node.role.dbUser}`, 'rds-db:connect');
      break;
    case 'database': {
      const d = node.resource;
      parts.push(d.status, `${d.engine} ${d.engineVersion}`, d.iamAuth ? l10n.t('IAM auth on') : l10n.t('IAM auth off'), d.publiclyAccessible && 'public');
      break;
    }
    default:
      return undefined;
  }
  const text = parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' · ');
  return text || undefined;
}

const LEVEL_ICON: Record<Finding['level'], string> = { error: '$(error)', warning: '$(warning)', unknown: '$(question)', ok: '$(pass)' };

/** Builds a row's Markdown tooltip (tooltipOf, reached through dist/features.js by the provider). */
export type TooltipOf = (node: ExplorerNode, readiness: readonly ReadinessLine[]) => string | undefined;

/** The Markdown tooltip: title, status, identifiers, key facts, readiness lines. */
export function tooltipOf(node: ExplorerNode, readiness: readonly ReadinessLine[] = []): string | undefined {
  if (node.type === 'message') return undefined;
  if (node.type === 'error') {
    const fix = node.ssoProfile ? `\n\nRun \`aws sso login --profile ${node.ssoProfile}\`, then retry.` : '\n\nClick to retry.';
    return l10n.t('$(error) **{0}**\n\n{1}{2}', escapeMarkdown(node.errorName), escapeMarkdown(node.message), fix);
  }
  const lines: string[] = [`**${kindTitle(node)}** ${escapeMarkdown(labelOf(node))}`, ''];
  const fact = (label: string, value: string | undefined) => {
    if (value) lines.push(`- ${label}: ${code(value)}`);
  };
  const s = statusOf(node);
  if (s) lines.push(`- Status: ${escapeMarkdown(s.status)}`);
  switch (node.type) {
    case 'profile':
      fact('Account', node.account);
      fact('Credentials', node.info?.kind);
      fact(l10n.t('Default region'), node.info?.region);
      if (node.identityError) lines.push(`- Account: ${escapeMarkdown(node.identityError.message)}`);
      break;
    case 'region':
      fact('Profile', node.scope.profile);
      lines.push(`- ${escapeMarkdown(regionDisplayName(node.scope.region))}${isClickPipesRegion(node.scope.region) ? ' (ClickPipes region)' : ''}`);
      break;
    case 'group':
      fact('Profile', node.scope.profile);
      fact('Region', node.scope.region);
      break;
    case 'resourceGateway':
      fact('ID', node.resource.id);
      fact('VPC', node.resource.vpcId);
      fact('Subnets', node.resource.subnetIds.join(', '));
      fact(l10n.t('Security groups'), node.resource.securityGroupIds.join(', '));
      break;
    case 'resourceConfiguration':
      fact('ID', node.resource.id);
      fact('Type', node.resource.type);
      fact('Gateway', node.resource.resourceGatewayId);
      fact('Target', definitionText(node.resource.definition));
      fact('Ports', node.resource.portRanges.join(', '));
      fact('Failure', node.resource.failureReason);
      break;
    case 'resourceShare':
      fact('Principals', node.resource.principals.map((p) => p.id).join(', '));
      fact(l10n.t('External principals'), node.resource.allowExternalPrincipals ? 'allowed' : 'not allowed');
      break;
    case 'mskCluster': {
      const auths = mskAuthentications(node.resource);
      fact('Type', node.resource.clusterType);
      fact('Kafka', node.resource.kafkaVersion);
      fact(l10n.t('Broker type'), node.resource.instanceType);
      fact(l10n.t('ClickPipes authentication'), auths.join(', ') || undefined);
      break;
    }
    case 'endpointService':
      fact('Private DNS', node.resource.privateDnsName);
      fact(l10n.t('Load balancers'), node.resource.networkLoadBalancerArns.map((a) => resourceIdFromArn(a) ?? a).join(', '));
      fact(l10n.t('Supported regions'), node.resource.supportedRegions.map((r) => r.region).join(', '));
      break;
    case 'endpointConnection':
      fact('Owner', node.connection.owner);
      fact('Region', node.connection.region);
      break;
    case 'database':
      fact('Engine', `${node.resource.engine} ${node.resource.engineVersion}`);
      fact('Resource ID', node.resource.resourceId);
      fact('Port', node.resource.port?.toString());
      fact('IAM DB auth', node.resource.iamAuth ? 'enabled' : 'disabled');
      fact(l10n.t('Publicly accessible'), node.resource.publiclyAccessible ? 'yes' : 'no');
      fact('Cluster', node.resource.clusterId);
      break;
  }
  if (node.type !== 'profile' && node.type !== 'resourceGateway' && node.type !== 'resourceConfiguration') fact('ID', idOf(node));
  fact('ARN', arnOf(node));
  fact(l10n.t('Service name'), serviceNameOf(node));
  fact('DNS name', dnsNameOf(node));
  if (readiness.length) {
    lines.push('', '**ClickPipes readiness**', '');
    for (const r of readiness) lines.push(`- ${LEVEL_ICON[r.level]} ${escapeMarkdown(r.message)}`);
  }
  return lines.join('\n');
}

/** Screen readers hear kind, name, status and the worst readiness finding. */
export function accessibilityLabelOf(node: ExplorerNode, readiness: readonly ReadinessLine[] = []): string {
  if (node.type === 'error') return l10n.t('Error: {0}', node.message);
  if (node.type === 'message') return node.message;
  const parts = [kindTitle(node), labelOf(node)];
  const d = descriptionOf(node);
  if (d) parts.push(d.replace(/ · /g, ', '));
  const problems = readiness.filter((r) => r.level !== 'ok');
  const worst = problems.find((r) => r.level === 'error') ?? problems[0];
  if (worst) parts.push(problems.length === 1 ? l10n.t('1 readiness problem: {0}', worst.message) : l10n.t('{0} readiness problems: {1}', problems.length, worst.message));
  return parts.join(', ');
}

/** What a tree row shows at once; the tooltip is built only on hover (resolveTreeItem). */
export function describeRow(node: ExplorerNode, readiness: readonly ReadinessLine[] = []): Omit<NodeText, 'tooltip'> {
  return { label: labelOf(node), description: descriptionOf(node), accessibilityLabel: accessibilityLabelOf(node, readiness) };
}

export function describeNode(node: ExplorerNode, readiness: readonly ReadinessLine[] = []): NodeText {
  return {
    label: labelOf(node),
    description: descriptionOf(node),
    tooltip: tooltipOf(node, readiness),
    accessibilityLabel: accessibilityLabelOf(node, readiness),
  };
}
