// VPC resource endpoint (seed: "VPC resource"): optional resource gateway (wait ACTIVE) →
// resource configuration (wait ACTIVE) → RAM share to the ClickPipes account (wait ACTIVE).
// GROUP and CHILD follow AWS (VPC Lattice guide, "Resource configurations for VPC resources",
// https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html): a GROUP is a
// collection of CHILD configurations, and a CHILD "can't be shared independently; it can only be
// shared as part of a group" and is "automatically accessible to those who can access the group".
// So a GROUP plan creates the group and its first child and shares the group; a CHILD plan creates
// the child in an existing group and shares nothing (the group's share already reaches it).
import { CLICKPIPES_ACCOUNT_ID, isClickPipesRegion } from '../clickpipes';
import type { VpcResourceForm } from '../forms';
import type { PlanStep, WaitFor } from '../plan';
import type { Plan } from '../plan';
import { allTags, compact, makePlan, ref, withUnchanged, type BuildContext } from './buildContext';

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

/**
 * A share is created PENDING and becomes ACTIVE (or FAILED); the result then shows its real state.
 * Statuses: https://docs.aws.amazon.com/ram/latest/APIReference/API_ResourceShare.html;
 * GetResourceShares needs resourceOwner: https://docs.aws.amazon.com/ram/latest/APIReference/API_GetResourceShares.html
 */
function shareActive(): WaitFor {
  return {
    operation: 'GetResourceShares',
    input: { resourceOwner: 'SELF', resourceShareArns: [ref('share', 'arn')] },
    statusPath: 'resourceShares.0.status',
    success: ['ACTIVE'],
    failure: ['FAILED', 'DELETING', 'DELETED'],
    timeoutSeconds: 300,
  };
}

export const VPC_RESOURCE_RESULTS = {
  configurationId: 'Resource configuration ID', childId: 'Child resource configuration ID', shareArn: 'Resource share ARN',
} as const;

/** The name of a GROUP's first child: the group's name with `-child`, within Lattice's 40 characters. */
export function childConfigurationName(groupName: string): string {
  return `${groupName.slice(0, 34).replace(/-+$/, '')}-child`;
}

function definition(input: VpcResourceForm): Record<string, unknown> | undefined {
  if (input.configurationType === 'ARN') return { arnResource: { arn: input.arn } };
  if (input.definitionKind === 'ip') return { ipResource: { ipAddress: input.ipAddress } };
  if (input.definitionKind === 'dns') return { dnsResource: { domainName: input.domainName, ipAddressType: 'IPV4' } };
  return undefined;
}

function results(input: VpcResourceForm): Record<string, string> {
  const configurationId = { [VPC_RESOURCE_RESULTS.configurationId]: ref('configuration', 'id') };
  if (input.configurationType === 'CHILD') {
    return input.groupShareArn ? { ...configurationId, [VPC_RESOURCE_RESULTS.shareArn]: input.groupShareArn } : configurationId;
  }
  if (input.configurationType === 'GROUP') {
    return { ...configurationId, [VPC_RESOURCE_RESULTS.childId]: ref('child', 'id'), [VPC_RESOURCE_RESULTS.shareArn]: ref('share', 'arn') };
  }
  return { ...configurationId, [VPC_RESOURCE_RESULTS.shareArn]: ref('share', 'arn') };
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

  const group = input.configurationType === 'GROUP';
  steps.push({
    id: 'configuration',
    title: `Create resource configuration ${input.configurationName} (${input.configurationType})`,
    service: 'vpc-lattice',
    operation: 'CreateResourceConfiguration',
    input: compact({
      resourceGatewayIdentifier: gatewayRef,
      resourceConfigurationGroupIdentifier: child ? input.groupId : undefined,
      type: input.configurationType,
      // A GROUP has no definition of its own: its children do.
      resourceConfigurationDefinition: group ? undefined : definition(input),
      name: input.configurationName,
      portRanges: input.configurationType === 'ARN' ? undefined : input.portRanges,
      // botocore's CreateResourceConfiguration: protocol is "(SINGLE, GROUP)"; a CHILD inherits it.
      protocol: input.configurationType === 'ARN' || child ? undefined : input.protocol ?? 'TCP',
      tags,
    }),
    outputs: { id: 'id', arn: 'arn' },
    waitFor: untilActive('GetResourceConfiguration', 'resourceConfigurationIdentifier', 'configuration'),
    clientTokenField: 'clientToken',
    mutating: true,
  });

  if (group) {
    const childName = childConfigurationName(input.configurationName);
    steps.push({
      id: 'child',
      title: `Create child resource configuration ${childName} in ${input.configurationName}`,
      service: 'vpc-lattice',
      operation: 'CreateResourceConfiguration',
      input: compact({
        resourceConfigurationGroupIdentifier: ref('configuration', 'id'),
        type: 'CHILD',
        resourceConfigurationDefinition: definition(input),
        name: childName,
        portRanges: input.portRanges,
        tags,
      }),
      outputs: { id: 'id', arn: 'arn' },
      waitFor: untilActive('GetResourceConfiguration', 'resourceConfigurationIdentifier', 'child'),
      clientTokenField: 'clientToken',
      mutating: true,
    });
  }

  if (!child) {
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
      waitFor: shareActive(),
      clientTokenField: 'clientToken',
      mutating: true,
    });
  }

  const warnings: string[] = [];
  if (!isClickPipesRegion(ctx.region)) {
    warnings.push(`${ctx.region} is not a ClickPipes region; VPC resource endpoints do not work across regions.`);
  }
  if (child) {
    warnings.push(input.groupShareArn
      ? `A CHILD configuration is not shared on its own: ClickPipes reaches it through its group's share ${input.groupShareArn}.`
      : 'A CHILD configuration is not shared on its own, only through its GROUP: share the group with ClickPipes if it is not shared yet.');
  } else {
    warnings.push('A resource share serves one reverse private endpoint only and stays behind when the endpoint is deleted.');
  }
  if (input.configurationType === 'ARN') {
    warnings.push('The target database must not be publicly accessible; Lattice refuses public RDS targets.');
  }
  return withUnchanged(makePlan(
    'vpcResource',
    ctx,
    `VPC resource endpoint for ClickPipes: ${input.configurationName}`,
    steps,
    results(input),
    warnings,
  ), [!child && input.gatewayMode === 'existing' && input.gatewayId && `Resource gateway ${input.gatewayId}: existing, used as it is`]);
}
