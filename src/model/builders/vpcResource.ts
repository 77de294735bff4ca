// VPC resource endpoint (seed: "VPC resource"): optional resource gateway (wait ACTIVE) →
// resource configuration (wait ACTIVE) → RAM share to the ClickPipes account.
import { CLICKPIPES_ACCOUNT_ID, isClickPipesRegion } from '../clickpipes';
import type { VpcResourceForm } from '../forms';
import type { PlanStep, WaitFor } from '../plan';
import type { Plan } from '../plan';
import { allTags, compact, makePlan, ref, type BuildContext } from './buildContext';

const LATTICE_FAILED = ['CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED', 'DELETE_IN_PROGRESS'];

/** Wait for what step `stepId` created to be ACTIVE: `operation` reads it by the id the step output. */
function untilActive(operation: string, identifierField: string, stepId: string): WaitFor {
  return {
    operation,
    input: { [identifierField]: ref(stepId, 'id') },
    statusPath: 'status',
    success: ['ACTIVE'],
    failure: LATTICE_FAILED,
    timeoutSeconds: 900,
  };
}

export const VPC_RESOURCE_RESULTS = { configurationId: 'Resource configuration ID', shareArn: 'Resource share ARN' } as const;

function definition(input: VpcResourceForm): Record<string, unknown> | undefined {
  if (input.configurationType === 'ARN') return { arnResource: { arn: input.arn } };
  if (input.configurationType === 'GROUP') return undefined;
  if (input.definitionKind === 'ip') return { ipResource: { ipAddress: input.ipAddress } };
  if (input.definitionKind === 'dns') return { dnsResource: { domainName: input.domainName, ipAddressType: 'IPV4' } };
  return undefined;
}

export function buildVpcResourcePlan(input: VpcResourceForm, ctx: BuildContext): Plan {
  const steps: PlanStep[] = [];
  const tags = allTags(ctx);
  const child = input.configurationType === 'CHILD';
  let gatewayRef: string | undefined = child ? undefined : input.gatewayId;

  if (!child && input.gatewayMode === 'new') {
    steps.push({
      id: 'gateway',
      title: `Create resource gateway ${input.gatewayName}`,
      service: 'vpc-lattice',
      operation: 'CreateResourceGateway',
      // Key order follows the seed's CLI command, so the rendered script reads the same.
      input: compact({
        vpcIdentifier: input.vpcId,
        subnetIds: input.subnetIds ?? [],
        securityGroupIds: input.securityGroupIds?.length ? input.securityGroupIds : undefined,
        name: input.gatewayName,
        ipAddressType: input.ipAddressType,
        tags,
      }),
      outputs: { id: 'id', arn: 'arn' },
      waitFor: untilActive('GetResourceGateway', 'resourceGatewayIdentifier', 'gateway'),
      clientTokenField: 'clientToken',
      mutating: true,
    });
    gatewayRef = ref('gateway', 'id');
  }

  steps.push({
    id: 'configuration',
    title: `Create resource configuration ${input.configurationName} (${input.configurationType})`,
    service: 'vpc-lattice',
    operation: 'CreateResourceConfiguration',
    input: compact({
      resourceGatewayIdentifier: gatewayRef,
      resourceConfigurationGroupIdentifier: child ? input.groupId : undefined,
      type: input.configurationType,
      resourceConfigurationDefinition: definition(input),
      name: input.configurationName,
      portRanges: input.configurationType === 'ARN' ? undefined : input.portRanges,
      protocol: input.configurationType === 'ARN' ? undefined : input.protocol ?? 'TCP',
      tags,
    }),
    outputs: { id: 'id', arn: 'arn' },
    waitFor: untilActive('GetResourceConfiguration', 'resourceConfigurationIdentifier', 'configuration'),
    clientTokenField: 'clientToken',
    mutating: true,
  });

  steps.push({
    id: 'share',
    title: `Share it with ClickPipes (${CLICKPIPES_ACCOUNT_ID}) as ${input.shareName}`,
    service: 'ram',
    operation: 'CreateResourceShare',
    input: {
      principals: [CLICKPIPES_ACCOUNT_ID],
      resourceArns: [ref('configuration', 'arn')],
      name: input.shareName,
      allowExternalPrincipals: input.allowExternalPrincipals ?? true,
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    },
    outputs: { arn: 'resourceShare.resourceShareArn', status: 'resourceShare.status' },
    clientTokenField: 'clientToken',
    mutating: true,
  });

  const warnings: string[] = [];
  if (!isClickPipesRegion(ctx.region)) {
    warnings.push(`${ctx.region} is not a ClickPipes region; VPC resource endpoints do not work across regions.`);
  }
  warnings.push('A resource share serves one reverse private endpoint only and stays behind when the endpoint is deleted.');
  if (input.configurationType === 'ARN') {
    warnings.push('The target database must not be publicly accessible; Lattice refuses public RDS targets.');
  }
  return makePlan(
    'vpcResource',
    ctx,
    `VPC resource endpoint for ClickPipes: ${input.configurationName}`,
    steps,
    { [VPC_RESOURCE_RESULTS.configurationId]: ref('configuration', 'id'), [VPC_RESOURCE_RESULTS.shareArn]: ref('share', 'arn') },
    warnings,
  );
}
