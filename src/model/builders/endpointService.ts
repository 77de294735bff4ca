// VPC endpoint service endpoint: a new service on NLBs with ClickPipes allowed, or an existing
// service given ClickPipes permission and (for cross-region) a ClickPipes region.
import { CLICKPIPES_PRINCIPAL_ARN, isClickPipesRegion } from '../clickpipes';
import type { EndpointServiceForm } from '../forms';
import type { Plan, PlanStep } from '../plan';
import { allTags, compact, makePlan, ref, type BuildContext } from './buildContext';

export function buildEndpointServicePlan(input: EndpointServiceForm, ctx: BuildContext): Plan {
  const steps: PlanStep[] = [];
  const supported = input.supportedRegions?.length ? input.supportedRegions : undefined;
  let serviceId: string;
  let nameRef: string;

  if (input.mode === 'existing') {
    serviceId = input.serviceId ?? '';
    steps.push({
      id: 'service',
      title: `Read endpoint service ${serviceId}`,
      service: 'ec2',
      operation: 'DescribeVpcEndpointServiceConfigurations',
      input: { ServiceIds: [serviceId] },
      outputs: { id: 'ServiceConfigurations.0.ServiceId', name: 'ServiceConfigurations.0.ServiceName' },
      mutating: false,
    });
    nameRef = ref('service', 'name');
    const modify = compact({
      ServiceId: serviceId,
      AddSupportedRegions: supported,
      PrivateDnsName: input.privateDnsName || undefined,
      AcceptanceRequired: input.acceptanceRequired,
    });
    if (Object.keys(modify).length > 1) {
      steps.push({
        id: 'configuration',
        title: supported ? `Offer the service in ${supported.join(', ')}` : 'Update the endpoint service configuration',
        service: 'ec2',
        operation: 'ModifyVpcEndpointServiceConfiguration',
        input: modify,
        outputs: {},
        mutating: true,
      });
    }
  } else {
    const tags = allTags(ctx);
    steps.push({
      id: 'service',
      title: 'Create the VPC endpoint service',
      service: 'ec2',
      operation: 'CreateVpcEndpointServiceConfiguration',
      input: compact({
        NetworkLoadBalancerArns: input.networkLoadBalancerArns ?? [],
        AcceptanceRequired: input.acceptanceRequired ?? true,
        PrivateDnsName: input.privateDnsName || undefined,
        SupportedRegions: supported,
        TagSpecifications: [{ ResourceType: 'vpc-endpoint-service', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }],
      }),
      outputs: {
        id: 'ServiceConfiguration.ServiceId',
        name: 'ServiceConfiguration.ServiceName',
        ...(input.privateDnsName
          ? { txtName: 'ServiceConfiguration.PrivateDnsNameConfiguration.Name', txtValue: 'ServiceConfiguration.PrivateDnsNameConfiguration.Value' }
          : {}),
      },
      waitFor: {
        operation: 'DescribeVpcEndpointServiceConfigurations',
        input: { ServiceIds: [ref('service', 'id')] },
        statusPath: 'ServiceConfigurations.0.ServiceState',
        success: ['Available'],
        failure: ['Failed', 'Deleting', 'Deleted'],
        timeoutSeconds: 600,
      },
      clientTokenField: 'ClientToken',
      mutating: true,
    });
    serviceId = ref('service', 'id');
    nameRef = ref('service', 'name');
  }

  steps.push({
    id: 'permissions',
    title: `Allow ClickPipes (${CLICKPIPES_PRINCIPAL_ARN})`,
    service: 'ec2',
    operation: 'ModifyVpcEndpointServicePermissions',
    input: { ServiceId: serviceId, AddAllowedPrincipals: [CLICKPIPES_PRINCIPAL_ARN] },
    outputs: {},
    mutating: true,
  });

  const warnings: string[] = [];
  const reachable = isClickPipesRegion(ctx.region) || (supported ?? []).some(isClickPipesRegion);
  if (!reachable) {
    warnings.push(`${ctx.region} is not a ClickPipes region: add a ClickPipes region to the supported regions for cross-region access.`);
  }
  if (input.acceptanceRequired ?? input.mode !== 'existing') {
    warnings.push('Acceptance is required: accept the ClickPipes endpoint connection when it appears (it expires after a day).');
  }
  if (input.privateDnsName) {
    warnings.push(`Private DNS ${input.privateDnsName} must be verified with a TXT record before ClickPipes can use it.`);
  }
  // The TXT record ClickPipes' private DNS needs is only known once the service exists: show it
  // with the service name (a new service only; an existing one shows it on its tree node).
  const results: Record<string, string> = { 'Service name': nameRef };
  if (input.mode !== 'existing' && input.privateDnsName) {
    results[`TXT record name (under ${input.privateDnsName})`] = ref('service', 'txtName');
    results['TXT record value'] = ref('service', 'txtValue');
  }
  return makePlan(
    'endpointService',
    ctx,
    input.mode === 'existing' ? `Allow ClickPipes on endpoint service ${input.serviceId}` : 'VPC endpoint service for ClickPipes',
    steps,
    results,
    warnings,
    input.privateDnsName ? { privateDnsName: input.privateDnsName } : undefined,
  );
}
