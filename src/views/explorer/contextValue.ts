// contextValue = node type + capability flags (+ status), built here and nowhere else. Menus in
// package.json match flags (`viewItem =~ /\bhasArn\b/`), never lists of node types.
import { isTransitional, statusKind } from '../../model/status';
import { hasClickPipesValues } from './clickPipesValues';
import type { ExplorerNode } from './nodes';
import { arnOf, consoleUrlOf, dnsNameOf, idOf, isDeletable, serviceNameOf, statusOf } from './nodeValues';

export type Flag =
  | 'hasId'
  | 'hasAccountId'
  | 'hasArn'
  | 'hasDns'
  | 'hasServiceName'
  | 'hasClickPipesValues'
  | 'hasConsoleUrl'
  | 'canDelete'
  | 'canAddRegion'
  | 'canRemoveRegion'
  | 'canSsoLogin'
  | 'canRetry'
  | 'hasPendingConnection'
  | 'pendingAcceptance'
  | 'transitional';

/**
 * Accept / reject show only where a connection waits. Either spelling: real EC2 sends
 * `pendingAcceptance`, the SDK's State enum says PendingAcceptance
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpointConnection.html).
 * Not the row's status: Pending, Deleting and Partial are `status:pending` too.
 */
const isPendingAcceptance = (c: { state: string }) => c.state.toLowerCase() === 'pendingacceptance';

/** `kind;flagA;flagB;status:active`: flags sorted so the value is stable for tests and menus. */
export function formatContextValue(kind: string, flags: Iterable<Flag>, status?: string): string {
  const parts = [kind, ...[...new Set(flags)].sort()];
  if (status) parts.push(`status:${status}`);
  return parts.join(';');
}

export function capabilities(node: ExplorerNode): Flag[] {
  const flags: Flag[] = [];
  if (node.type === 'profile') {
    if (node.account) flags.push('hasAccountId');
    if (node.info) flags.push('canAddRegion');
  } else if (idOf(node)) flags.push('hasId');
  if (arnOf(node)) flags.push('hasArn');
  if (dnsNameOf(node)) flags.push('hasDns');
  if (serviceNameOf(node)) flags.push('hasServiceName');
  if (hasClickPipesValues(node)) flags.push('hasClickPipesValues');
  if (consoleUrlOf(node)) flags.push('hasConsoleUrl');
  if (isDeletable(node)) flags.push('canDelete');
  if (node.type === 'region') flags.push('canRemoveRegion');
  if (node.type === 'endpointService' && node.resource.connections.some(isPendingAcceptance)) flags.push('hasPendingConnection');
  if (node.type === 'endpointConnection' && isPendingAcceptance(node.connection)) flags.push('pendingAcceptance');
  if (node.type === 'error') {
    if (node.ssoProfile) flags.push('canSsoLogin');
    if (node.retry) flags.push('canRetry');
  }
  const s = statusOf(node);
  if (s && isTransitional(s.kind, s.status)) flags.push('transitional');
  return flags;
}

export function contextValueOf(node: ExplorerNode): string {
  const s = statusOf(node);
  return formatContextValue(node.type, capabilities(node), s ? statusKind(s.kind, s.status) : undefined);
}
