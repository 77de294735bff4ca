// The one AWS call that deletes each deletable node (pure, no `vscode`: unit-tested).
import type { StepService } from '../model/plan';
import type { ExplorerNode } from '../views/explorer/nodes';

export type DeleteCall = { title: string; service: StepService; operation: string; input: Record<string, unknown> };

export function deleteCallFor(node: ExplorerNode): DeleteCall | undefined {
  switch (node.type) {
    case 'resourceGateway':
      return { title: 'resource gateway', service: 'vpc-lattice', operation: 'DeleteResourceGateway', input: { resourceGatewayIdentifier: node.resource.id } };
    case 'resourceConfiguration':
      return {
        title: 'resource configuration', service: 'vpc-lattice', operation: 'DeleteResourceConfiguration',
        input: { resourceConfigurationIdentifier: node.resource.id },
      };
    case 'resourceShare':
      return { title: 'resource share', service: 'ram', operation: 'DeleteResourceShare', input: { resourceShareArn: node.resource.arn } };
    case 'endpointService':
      return {
        title: 'VPC endpoint service', service: 'ec2', operation: 'DeleteVpcEndpointServiceConfigurations',
        input: { ServiceIds: [node.resource.id] },
      };
    default:
      return undefined;
  }
}

