// "Create Reverse Private Endpoint…" run on an AWS explorer row: the endpoint's type and the
// values the row already knows, so the questions start filled in (each still editable and checked).
import type { CreateRpeBody } from '../model/clickhouse';
import { configIdFromArn, mskAuthentications } from '../views/explorer/clickPipesValues';
import type { ExplorerNode } from '../views/explorer/nodes';

export type RpePreset = Partial<CreateRpeBody> & Pick<CreateRpeBody, 'type'>;

export function rpePresetOf(node: ExplorerNode): RpePreset | undefined {
  switch (node.type) {
    case 'resourceConfiguration':
      return { type: 'VPC_RESOURCE', vpcResourceConfigurationId: node.resource.id };
    case 'resourceShare': {
      const cfg = node.resource.resources.map((r) => configIdFromArn(r.arn)).find(Boolean);
      return cfg ? { type: 'VPC_RESOURCE', vpcResourceConfigurationId: cfg, vpcResourceShareArn: node.resource.arn } : undefined;
    }
    case 'mskCluster':
      return { type: 'MSK_MULTI_VPC', mskClusterArn: node.resource.arn, mskAuthentication: mskAuthentications(node.resource)[0] };
    case 'endpointService':
      return { type: 'VPC_ENDPOINT_SERVICE', vpcEndpointServiceName: node.resource.name };
    default:
      return undefined;
  }
}
