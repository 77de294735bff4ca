// Readiness lines for a node, from the pure checks in src/model/readiness over what the explorer
// has already loaded: drawing an icon never costs an AWS call. A check that needs a list not
// loaded yet (databases for a configuration's target) simply has less to say until it is.
import { l10n } from '../../l10n';
import {
  configurationReadiness, databaseReadiness, endpointServiceReadiness, gatewayReadiness, mskReadiness, regionReadiness,
  shareReadiness, type Finding,
} from '../../model/readiness';
import type { ExplorerModel } from './model';
import type { ExplorerNode } from './nodes';

export type { Finding };

export function readinessOf(node: ExplorerNode, model: Pick<ExplorerModel, 'loadedList' | 'loadedSubnets'>): Finding[] {
  switch (node.type) {
    case 'region':
      return regionReadiness(node.scope.region);
    case 'resourceGateway': {
      // Subnet sizes need DescribeSubnets: known once the gateway was hovered (loadDetails).
      const subnets = node.resource.vpcId ? model.loadedSubnets(node.scope, node.resource.vpcId) : undefined;
      return [
        ...(subnets ? gatewayReadiness(node.resource, subnets) : []),
        ...regionReadiness(node.scope.region).filter((f) => f.level !== 'ok'),
      ];
    }
    case 'resourceConfiguration': {
      const cfg = node.resource;
      const findings = [
        ...configurationReadiness(cfg, model.loadedList(node.scope, 'databases') ?? []),
        ...regionReadiness(node.scope.region).filter((f) => f.level !== 'ok'),
      ];
      const shares = model.loadedList(node.scope, 'shares');
      if (shares) {
        const holder = shares.find((s) => s.resources.some((r) => r.arn === cfg.arn));
        if (holder) findings.push(...shareReadiness(holder, cfg.arn).map((f) => ({ ...f, message: `Share ${holder.name}: ${f.message}` })));
        else findings.push({ level: 'warning', message: l10n.t('No resource share holds this configuration: ClickPipes cannot use it yet.') });
      }
      return findings;
    }
    case 'resourceShare':
      return [...shareReadiness(node.resource), ...regionReadiness(node.scope.region).filter((f) => f.level !== 'ok')];
    case 'mskCluster':
      return [...mskReadiness(node.resource), ...regionReadiness(node.scope.region).filter((f) => f.level !== 'ok')];
    case 'endpointService':
      return endpointServiceReadiness(node.resource, node.scope.region);
    case 'database':
      return databaseReadiness(node.resource);
    default:
      return [];
  }
}
