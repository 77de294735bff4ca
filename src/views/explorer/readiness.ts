// Readiness lines for a node, from the pure checks in src/model over what the explorer loaded with
// the node's list (src/views/explorer/verdictLoads.ts): drawing an icon never costs an AWS call, and
// a hover adds nothing the icon depends on. A fact that could not be read makes the verdict unknown.
import {
  databaseReadiness, endpointServiceReadiness, regionReadiness, shareReadiness, type Finding,
} from '../../model/readiness';
import { configurationVerdict, gatewayVerdict, mskVerdict } from '../../model/rowReadiness';
import type { Report, Verdict } from '../../model/doctor/types';
import { diagnosisFindings, diagnosisVerdict } from '../../model/doctor/verdict';
import type { ExplorerModel } from './model';
import type { ExplorerNode } from './nodes';

export type { Finding };

export type LoadedFacts = Pick<ExplorerModel, 'listFact' | 'loadedSubnets' | 'policyErrorOf'>;

export function readinessOf(node: ExplorerNode, model: LoadedFacts): Finding[] {
  switch (node.type) {
    case 'region':
      return regionReadiness(node.scope.region);
    case 'resourceGateway': {
      const vpcId = node.resource.vpcId;
      return gatewayVerdict(node.resource, node.scope.region, vpcId ? model.loadedSubnets(node.scope, vpcId) : { ok: true, value: [] });
    }
    case 'resourceConfiguration':
      return configurationVerdict(node.resource, node.scope.region, {
        shares: model.listFact(node.scope, 'shares'),
        databases: model.listFact(node.scope, 'databases'),
      });
    case 'resourceShare':
      return [...shareReadiness(node.resource), ...regionReadiness(node.scope.region).filter((f) => f.level !== 'ok')];
    case 'mskCluster':
      return mskVerdict(node.resource, node.scope.region, model.policyErrorOf(node.scope, node.resource.arn));
    case 'endpointService':
      return endpointServiceReadiness(node.resource, node.scope.region);
    case 'database':
      return databaseReadiness(node.resource);
    default:
      return [];
  }
}

/**
 * What a row shows: its readiness and, once the doctor diagnosed it, the doctor's lines first and
 * its verdict for the icon (the doctor reads every hop; readiness only what the lists carry).
 */
export function rowVerdict(node: ExplorerNode, model: LoadedFacts, reports?: readonly Report[]): { readiness: Finding[]; doctor?: Verdict } {
  const readiness = readinessOf(node, model);
  if (!reports?.length) return { readiness };
  return { readiness: [...diagnosisFindings(reports), ...readiness], doctor: diagnosisVerdict(reports) };
}
