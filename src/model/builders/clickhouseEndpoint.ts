// The ClickHouse side as a plan step: create the reverse private endpoint (the ClickHouse backend
// reuses an existing one for the same AWS resource, so a retry never makes a second) and wait
// until it is Ready. Either a plan of its own (values typed or taken from a finished plan) or the
// last step of an AWS plan, taking the AWS steps' outputs by reference.
import { bodyFromPlan, defaultDescription, rpeTypeForPlan, type CreateRpeBody, type ReversePrivateEndpointType } from '../clickhouse';
import type { ClickhouseEndpointForm } from '../forms';
import type { Plan, PlanStep } from '../plan';
import { VPC_RESOURCE_RESULTS } from './vpcResource';
import { makePlan, ref, type BuildContext } from './buildContext';

/** Where the endpoint goes. Names are for the review and the confirmation only; ids are sent. */
export type ClickhouseTarget = {
  organizationId: string;
  serviceId: string;
  organizationName?: string;
  serviceName?: string;
  serviceRegion?: string;
};

export const CLICKHOUSE_STEP_ID = 'endpoint';

/** Body fields that may be `${steps.…}` references until the apply resolves them. */
type BodyTemplate = { description: string; type: ReversePrivateEndpointType } & Partial<Record<Exclude<keyof CreateRpeBody, 'description' | 'type'>, string>>;

/** An endpoint service may ask for acceptance: ClickHouse then stops at PendingAcceptance, a state the user resolves on the AWS side. */
function settledStates(type: ReversePrivateEndpointType): string[] {
  return type === 'VPC_ENDPOINT_SERVICE' ? ['Ready', 'PendingAcceptance'] : ['Ready'];
}

export function clickhouseEndpointStep(target: ClickhouseTarget, body: BodyTemplate, id = CLICKHOUSE_STEP_ID): PlanStep {
  const { organizationId, serviceId } = target;
  const where = target.serviceName ? ` in ClickHouse Cloud service ${target.serviceName}` : ' in ClickHouse Cloud';
  return {
    id,
    title: `Create the ${body.type} reverse private endpoint${where}`,
    service: 'clickhouse',
    operation: 'CreateReversePrivateEndpoint',
    input: { organizationId, serviceId, body },
    outputs: { id: 'id', endpointId: 'endpointId', dnsName: 'dnsNames.0', privateDnsName: 'privateDnsNames.0', kafkaBootstrap: 'kafkaBootstrap', status: 'status' },
    waitFor: {
      operation: 'GetReversePrivateEndpoint',
      input: { organizationId, serviceId, reversePrivateEndpointId: ref(id, 'id') },
      statusPath: 'status',
      success: settledStates(body.type),
      failure: ['Failed', 'Rejected', 'Expired'],
      timeoutSeconds: 1800,
    },
    mutating: true,
  };
}

function targetMeta(target: ClickhouseTarget): Record<string, string> {
  const meta: Record<string, string> = {};
  if (target.organizationName) meta.clickhouseOrganization = target.organizationName;
  if (target.serviceName) meta.clickhouseService = target.serviceName;
  if (target.serviceRegion) meta.clickhouseServiceRegion = target.serviceRegion;
  return meta;
}

/** What to paste into the ClickPipe: the DNS name(s), with the port where the plan knows it. */
function endpointResults(type: ReversePrivateEndpointType, id: string, port?: string, statusStep = id): Record<string, string> {
  const results: Record<string, string> = { 'Reverse private endpoint ID': ref(id, 'id'), 'Endpoint status': ref(statusStep, 'status') };
  if (type === 'MSK_MULTI_VPC') results['Brokers (host:port) to paste into the ClickPipe'] = ref(id, 'kafkaBootstrap');
  else results['DNS name'] = ref(id, 'dnsName');
  if (port && type !== 'MSK_MULTI_VPC') results[`Host:port to paste into the ClickPipe`] = `${ref(id, 'dnsName')}:${port}`;
  return results;
}

function planFor(target: ClickhouseTarget, body: CreateRpeBody, ctx: BuildContext): Plan {
  return makePlan(
    'clickhouseEndpoint',
    ctx,
    `ClickHouse Cloud reverse private endpoint: ${body.description}`,
    [clickhouseEndpointStep(target, body)],
    endpointResults(body.type, CLICKHOUSE_STEP_ID),
    body.type === 'VPC_ENDPOINT_SERVICE'
      ? ['If the endpoint service requires acceptance, accept the ClickPipes connection or the endpoint stays PendingAcceptance.']
      : [],
    targetMeta(target),
  );
}

/** From the ClickHouse endpoint form (all values typed or picked). */
export function buildClickhouseEndpointPlan(input: ClickhouseEndpointForm & Omit<ClickhouseTarget, 'organizationId' | 'serviceId'>, ctx: BuildContext): Plan {
  return planFor(input, compactBody(input), ctx);
}

/** From a finished AWS plan and its resolved results; the problems instead when values are missing. */
export function buildClickhouseEndpointFromPlan(
  finished: Pick<Plan, 'kind' | 'title'> & Partial<Pick<Plan, 'meta' | 'steps'>>,
  resolvedResults: Record<string, string>,
  target: ClickhouseTarget & { overrides?: Partial<CreateRpeBody> },
  ctx: BuildContext,
): { plan: Plan } | { errors: string[] } {
  const made = bodyFromPlan(finished, resolvedResults, target.overrides);
  if ('errors' in made) return made;
  return { plan: planFor(target, made.body, ctx) };
}

/** The plan's result labels that carry each body field (builders name them; see each builder's results). */
const BODY_FROM_RESULT: Record<ReversePrivateEndpointType, Partial<Record<keyof CreateRpeBody, string>>> = {
  VPC_RESOURCE: { vpcResourceConfigurationId: VPC_RESOURCE_RESULTS.configurationId, vpcResourceShareArn: VPC_RESOURCE_RESULTS.shareArn },
  MSK_MULTI_VPC: { mskClusterArn: 'MSK cluster ARN', mskAuthentication: 'Authentication' },
  VPC_ENDPOINT_SERVICE: { vpcEndpointServiceName: 'Service name' },
};

/** The single port a VPC resource configuration exposes, when the plan says it. */
function knownPort(plan: Plan): string | undefined {
  const ranges = plan.steps.find((s) => s.id === 'configuration')?.input.portRanges;
  if (Array.isArray(ranges) && ranges.length === 1 && /^\d+$/.test(String(ranges[0]))) return String(ranges[0]);
  return plan.meta?.port;
}

/**
 * An AWS plan that also creates the endpoint: one more step whose body takes the AWS steps'
 * outputs by reference, so one apply goes from nothing to a Ready endpoint.
 */
export function withClickhouseEndpoint(plan: Plan, target: ClickhouseTarget, description?: string): Plan {
  const type = rpeTypeForPlan(plan);
  if (!type) throw new Error(`A ${plan.kind} plan does not produce a reverse private endpoint.`);
  const body: BodyTemplate = { description: description ?? defaultDescription(type, plan.title), type };
  for (const [field, label] of Object.entries(BODY_FROM_RESULT[type])) {
    const value = plan.results[label!];
    if (value === undefined) throw new Error(`The plan has no "${label}" result for the endpoint's ${field}.`);
    (body as Record<string, string>)[field] = value;
  }
  const step = clickhouseEndpointStep(target, body);
  const acceptance = type === 'VPC_ENDPOINT_SERVICE' ? acceptanceSteps(plan, target, step.id) : [];
  return {
    ...plan,
    title: `${plan.title} + ClickHouse Cloud endpoint`,
    steps: [...plan.steps, step, ...acceptance],
    results: { ...plan.results, ...endpointResults(type, step.id, knownPort(plan), acceptance.length ? READY_STEP_ID : step.id) },
    meta: { ...(plan.meta ?? {}), ...targetMeta(target) },
  };
}

const READY_STEP_ID = 'endpointReady';

/**
 * A new endpoint service that requires acceptance stops the endpoint at PendingAcceptance: the
 * plan accepts exactly the ClickPipes endpoint it just made, then waits until it is Ready. On a
 * resume it may accept again: the call reports endpoints it did not accept in `Unsuccessful`
 * (EC2 API reference, AcceptVpcEndpointConnections). That an already accepted endpoint lands there
 * rather than failing the call is unverified (the emulator behaves so); the wait that follows
 * decides either way.
 */
function acceptanceSteps(plan: Plan, target: ClickhouseTarget, endpointStep: string): PlanStep[] {
  const service = plan.steps.find((s) => s.id === 'service' && s.operation === 'CreateVpcEndpointServiceConfiguration');
  if (!service || service.input.AcceptanceRequired !== true || !('id' in service.outputs)) return [];
  const { organizationId, serviceId } = target;
  return [
    {
      id: 'accept',
      title: 'Accept the ClickPipes endpoint connection on the endpoint service',
      service: 'ec2',
      operation: 'AcceptVpcEndpointConnections',
      input: { ServiceId: ref('service', 'id'), VpcEndpointIds: [ref(endpointStep, 'endpointId')] },
      outputs: {},
      mutating: true,
    },
    {
      id: READY_STEP_ID,
      title: 'Wait until the ClickHouse Cloud endpoint is Ready',
      service: 'clickhouse',
      operation: 'GetReversePrivateEndpoint',
      input: { organizationId, serviceId, reversePrivateEndpointId: ref(endpointStep, 'id') },
      outputs: { status: 'status' },
      waitFor: {
        operation: 'GetReversePrivateEndpoint',
        input: { organizationId, serviceId, reversePrivateEndpointId: ref(endpointStep, 'id') },
        statusPath: 'status',
        success: ['Ready'],
        failure: ['Failed', 'Rejected', 'Expired'],
        timeoutSeconds: 1800,
      },
      mutating: false,
    },
  ];
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
