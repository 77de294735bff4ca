// Which codicon and colour a node shows: the status icon from src/model/status (spinning while
// AWS works, red when failed), replaced by a readiness warning on a healthy resource. Pure, so
// the provider only wraps it in ThemeIcon/ThemeColor.
import type { Verdict } from '../../model/doctor/types';
import { statusIcon, statusKind, type StatusIcon } from '../../model/status';
import type { ReadinessLine } from './describe';
import type { ExplorerNode, GroupKind } from './nodes';
import { statusOf } from './nodeValues';

const GROUP_ICONS: Record<GroupKind, string> = {
  resourceGateways: 'server-environment',
  resourceConfigurations: 'symbol-interface',
  resourceShares: 'live-share',
  mskClusters: 'pulse',
  endpointServices: 'plug',
  databases: 'database',
};

const DOCTOR_ICONS: Record<Verdict, StatusIcon> = {
  fail: { icon: 'error', color: 'list.errorForeground' },
  unknown: { icon: 'question' },
  pass: { icon: 'verified-filled', color: 'charts.green' },
};

/** `doctor`: the verdict of the row's latest diagnosis, which outranks the explorer's own readiness. */
export function iconSpec(node: ExplorerNode, readiness: readonly ReadinessLine[] = [], doctor?: Verdict): StatusIcon {
  switch (node.type) {
    case 'profile':
      return node.identityError ? { icon: 'account', color: 'list.warningForeground' } : { icon: 'account' };
    case 'region': return { icon: 'globe' };
    case 'group': return { icon: GROUP_ICONS[node.group] };
    case 'error': return { icon: node.ssoProfile ? 'key' : 'error', color: 'list.errorForeground' };
    case 'message': return { icon: 'info' };
    case 'allowedPrincipal': return { icon: 'person' };
    case 'iamRole': return { icon: 'shield' };
  }
  const s = statusOf(node);
  const status = s ? statusIcon(s.kind, s.status) : { icon: 'circle-outline' };
  // Moving, failed or stopped says more than readiness; a healthy resource shows its readiness.
  const healthy = !s || statusKind(s.kind, s.status) === 'active';
  if (healthy && doctor) return DOCTOR_ICONS[doctor];
  if (healthy && readiness.some((r) => r.level === 'error')) return { icon: 'warning', color: 'list.errorForeground' };
  if (healthy && readiness.some((r) => r.level === 'warning')) return { icon: 'warning', color: 'list.warningForeground' };
  // A fact the verdict needs could not be read: say so rather than show a check.
  if (healthy && readiness.some((r) => r.level === 'unknown')) return { icon: 'question' };
  return status;
}
