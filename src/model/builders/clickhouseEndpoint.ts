// The ClickHouse side: one call creating the reverse private endpoint from a finished AWS plan's
// values, then waiting until it is Ready.
import { bodyFromPlan, type CreateRpeBody } from '../clickhouse';
import type { ClickhouseEndpointForm } from '../forms';
import type { Plan } from '../plan';
import { makePlan, ref, type BuildContext } from './buildContext';

function planFor(input: { organizationId: string; serviceId: string; body: CreateRpeBody }, ctx: BuildContext): Plan {
  const { organizationId, serviceId, body } = input;
  return makePlan(
    'clickhouseEndpoint',
    ctx,
    `ClickHouse Cloud reverse private endpoint: ${body.description}`,
    [
      {
        id: 'endpoint',
        title: `Create the ${body.type} reverse private endpoint`,
        service: 'clickhouse',
        operation: 'CreateReversePrivateEndpoint',
        input: { organizationId, serviceId, body },
        outputs: { id: 'id', endpointId: 'endpointId', dnsName: 'dnsNames.0', status: 'status' },
        waitFor: {
          operation: 'GetReversePrivateEndpoint',
          input: { organizationId, serviceId, reversePrivateEndpointId: ref('endpoint', 'id') },
          statusPath: 'status',
          success: ['Ready'],
          failure: ['Failed', 'Rejected', 'Expired'],
          timeoutSeconds: 1800,
        },
        mutating: true,
      },
    ],
    { 'Reverse private endpoint ID': ref('endpoint', 'id'), 'DNS name': ref('endpoint', 'dnsName') },
    body.type === 'VPC_ENDPOINT_SERVICE'
      ? ['If the endpoint service requires acceptance, accept the ClickPipes connection or the endpoint stays PendingAcceptance.']
      : [],
  );
}

/** From the ClickHouse endpoint form (all values typed or picked). */
export function buildClickhouseEndpointPlan(input: ClickhouseEndpointForm, ctx: BuildContext): Plan {
  const body = compactBody(input);
  return planFor({ organizationId: input.organizationId, serviceId: input.serviceId, body }, ctx);
}

/** From a finished AWS plan and its resolved results; the problems instead when values are missing. */
export function buildClickhouseEndpointFromPlan(
  finished: Pick<Plan, 'kind' | 'title'>,
  resolvedResults: Record<string, string>,
  target: { organizationId: string; serviceId: string; overrides?: Partial<CreateRpeBody> },
  ctx: BuildContext,
): { plan: Plan } | { errors: string[] } {
  const made = bodyFromPlan(finished, resolvedResults, target.overrides);
  if ('errors' in made) return made;
  return { plan: planFor({ organizationId: target.organizationId, serviceId: target.serviceId, body: made.body }, ctx) };
}

function compactBody(input: ClickhouseEndpointForm): CreateRpeBody {
  const base = { description: input.description, type: input.type };
  switch (input.type) {
    case 'VPC_RESOURCE':
      return { ...base, vpcResourceConfigurationId: input.vpcResourceConfigurationId, vpcResourceShareArn: input.vpcResourceShareArn };
    case 'MSK_MULTI_VPC':
      return { ...base, mskClusterArn: input.mskClusterArn, mskAuthentication: input.mskAuthentication };
    default:
      return { ...base, vpcEndpointServiceName: input.vpcEndpointServiceName };
  }
}
