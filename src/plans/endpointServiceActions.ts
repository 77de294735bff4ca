// What can be done to an existing VPC endpoint service, without `vscode` (unit- and
// integration-tested under plain node): the small reviewed plans ("Allow ClickPipes", "Add
// ClickPipes region"), accept / reject of endpoint connections, private DNS verification and the
// teardown (connections rejected first: EC2 refuses to delete a service that still has live ones).
// EC2's Accept/Reject/Delete calls answer 200 with an `Unsuccessful` list instead of failing, so
// every outcome here reads that list: a call that "succeeded" for no endpoint is a failure.
import type { AwsLayer, Scope } from '../aws/api';
import { buildEndpointServicePlan, type BuildContext } from '../model/builders';
import { CLICKPIPES_ACCOUNT_ID, CLICKPIPES_PRINCIPAL_ARN, CLICKPIPES_REGIONS, regionDisplayName } from '../model/clickpipes';
import type { Plan } from '../model/plan';
import type { EndpointConnection, EndpointService } from '../model/resources';

type Caller = Pick<AwsLayer, 'call'>;

const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** Real EC2 sends `pendingAcceptance`, the SDK enum says `PendingAcceptance`: compare without case. */
export const isPendingAcceptance = (c: Pick<EndpointConnection, 'state'>) => same(c.state, 'PendingAcceptance');

/** States that still hold the service: AWS refuses DeleteVpcEndpointServiceConfigurations while any exist. */
const LIVE_STATES = ['PendingAcceptance', 'Pending', 'Available'];
export const isLive = (c: Pick<EndpointConnection, 'state'>) => LIVE_STATES.some((s) => same(c.state, s));

/** What can still be rejected: anything not already gone (rejected, deleted, failed, expired). */
export const isRejectable = isLive;

export function isClickPipesAllowed(service: Pick<EndpointService, 'allowedPrincipals'>): boolean {
  return service.allowedPrincipals.some((p) => p === '*' || p === CLICKPIPES_PRINCIPAL_ARN || p === CLICKPIPES_ACCOUNT_ID);
}

/** "072088201116 (ClickPipes)" for ClickPipes' account; other owners as they are. */
export function ownerLabel(owner: string): string {
  return owner === CLICKPIPES_ACCOUNT_ID ? `${owner} (ClickPipes)` : owner || 'unknown owner';
}

export function connectionLabel(c: EndpointConnection): string {
  return `${c.vpcEndpointId} from account ${ownerLabel(c.owner)}${c.region ? ` in ${c.region}` : ''}, ${c.state}`;
}

/** ClickPipes regions the service is not yet offered in (its own region always is). */
export function regionsToOffer(service: Pick<EndpointService, 'supportedRegions'>, ownRegion: string): string[] {
  const supported = new Set(service.supportedRegions.map((r) => r.region));
  return CLICKPIPES_REGIONS.filter((r) => r !== ownRegion && !supported.has(r));
}

// ---- the small reviewed plans --------------------------------------------------------------------

/** Describe + ModifyVpcEndpointServicePermissions; or why there is nothing to do. */
export function allowClickPipesPlan(service: EndpointService, ctx: BuildContext): { plan: Plan } | { nothingToDo: string } {
  if (isClickPipesAllowed(service)) return { nothingToDo: `ClickPipes (${CLICKPIPES_PRINCIPAL_ARN}) is already an allowed principal of ${service.id}.` };
  const plan = buildEndpointServicePlan({ mode: 'existing', serviceId: service.id, region: ctx.region }, ctx);
  plan.title = `Allow ClickPipes on endpoint service ${service.id}`;
  return { plan };
}

/**
 * Describe + ModifyVpcEndpointServiceConfiguration AddSupportedRegions, and the permission too
 * when ClickPipes is not allowed yet (a region alone would not let it connect).
 */
export function addClickPipesRegionPlan(service: EndpointService, regions: readonly string[], ctx: BuildContext): { plan: Plan } | { nothingToDo: string } {
  const supported = new Set(service.supportedRegions.map((r) => r.region));
  const add = regions.filter((r) => r !== ctx.region && !supported.has(r));
  if (!add.length) return { nothingToDo: `${service.id} is already offered in ${regions.join(', ') || 'those regions'}.` };
  const plan = buildEndpointServicePlan({ mode: 'existing', serviceId: service.id, supportedRegions: add, region: ctx.region }, ctx);
  if (isClickPipesAllowed(service)) plan.steps = plan.steps.filter((s) => s.id !== 'permissions');
  plan.title = `Offer endpoint service ${service.id} to ClickPipes in ${add.map((r) => `${r} (${regionDisplayName(r)})`).join(', ')}`;
  return { plan };
}

// ---- direct calls with a modal confirmation -------------------------------------------------------

export type Unsuccessful = { id: string; code: string; message: string };
export type BatchOutcome = { done: string[]; failed: Unsuccessful[] };

/** EC2's `Unsuccessful: [{ResourceId, Error: {Code, Message}}]`, as plain records. */
export function unsuccessfulOf(response: Record<string, unknown>): Unsuccessful[] {
  const list = Array.isArray(response.Unsuccessful) ? response.Unsuccessful : [];
  return list.map((u: { ResourceId?: string; Error?: { Code?: string; Message?: string } }) => ({
    id: u?.ResourceId ?? '',
    code: u?.Error?.Code ?? 'Unknown',
    message: u?.Error?.Message ?? '',
  }));
}

function outcome(ids: readonly string[], response: Record<string, unknown>): BatchOutcome {
  const failed = unsuccessfulOf(response);
  return { done: ids.filter((id) => !failed.some((f) => f.id === id)), failed };
}

export function describeFailures(failed: readonly Unsuccessful[]): string {
  return failed.map((f) => `${f.id}: ${f.code}${f.message ? ` (${f.message})` : ''}`).join('; ');
}

export async function acceptConnections(aws: Caller, scope: Scope, serviceId: string, endpointIds: readonly string[]): Promise<BatchOutcome> {
  return outcome(endpointIds, await aws.call(scope, 'ec2', 'AcceptVpcEndpointConnections', { ServiceId: serviceId, VpcEndpointIds: [...endpointIds] }));
}

export async function rejectConnections(aws: Caller, scope: Scope, serviceId: string, endpointIds: readonly string[]): Promise<BatchOutcome> {
  return outcome(endpointIds, await aws.call(scope, 'ec2', 'RejectVpcEndpointConnections', { ServiceId: serviceId, VpcEndpointIds: [...endpointIds] }));
}

export async function startPrivateDnsVerification(aws: Caller, scope: Scope, serviceId: string): Promise<void> {
  await aws.call(scope, 'ec2', 'StartVpcEndpointServicePrivateDnsVerification', { ServiceId: serviceId });
}

export type TeardownOutcome =
  | { status: 'deleted'; rejected: string[] }
  | { status: 'failed'; stage: 'reject' | 'delete'; rejected: string[]; message: string };

/** Rejects the live connections named (the user agreed), then deletes the service; stops at the first failure. */
export async function deleteEndpointService(aws: Caller, scope: Scope, serviceId: string, liveEndpointIds: readonly string[]): Promise<TeardownOutcome> {
  let rejected: string[] = [];
  if (liveEndpointIds.length) {
    const r = await rejectConnections(aws, scope, serviceId, liveEndpointIds);
    rejected = r.done;
    if (r.failed.length) {
      return { status: 'failed', stage: 'reject', rejected, message: `Could not reject ${describeFailures(r.failed)}. The service was not deleted.` };
    }
  }
  const failed = unsuccessfulOf(await aws.call(scope, 'ec2', 'DeleteVpcEndpointServiceConfigurations', { ServiceIds: [serviceId] }));
  if (failed.length) {
    const live = failed.some((f) => f.code === 'ExistingVpcEndpointConnections');
    return {
      status: 'failed', stage: 'delete', rejected,
      message: `EC2 did not delete ${serviceId}: ${describeFailures(failed)}.${live ? ' A connection is still live (a new request may have arrived): reject it and try again.' : ''}`,
    };
  }
  return { status: 'deleted', rejected };
}

// ---- confirmation texts (what the modal says; pure so the wording is tested) ----------------------

export type Confirmation = { message: string; detail: string; button: string };

export function connectionConfirmation(action: 'accept' | 'reject', account: string, scope: Scope, service: Pick<EndpointService, 'id' | 'name'>, connections: readonly EndpointConnection[]): Confirmation {
  const verb = action === 'accept' ? 'Accept' : 'Reject';
  const n = connections.length;
  const what = n === 1 ? `endpoint connection ${connections[0].vpcEndpointId}` : `${n} endpoint connections`;
  const lines = [
    `Account ${account}, region ${scope.region}, profile ${scope.profile}.`,
    `Endpoint service ${service.id} (${service.name}).`,
    '',
    ...connections.map((c) => `• ${connectionLabel(c)}`),
    '',
    action === 'accept'
      ? `Calls ec2 AcceptVpcEndpointConnections: the endpoint${n === 1 ? '' : 's'} can then reach your service.`
      : `Calls ec2 RejectVpcEndpointConnections: the endpoint${n === 1 ? ' is' : 's are'} cut off and cannot be accepted later (the consumer must create a new one).`,
  ];
  if (connections.some((c) => c.owner !== CLICKPIPES_ACCOUNT_ID)) {
    lines.push('', `Note: not every requester is ClickPipes (account ${CLICKPIPES_ACCOUNT_ID}).`);
  }
  return { message: `${verb} ${what} on ${service.id} in account ${account} (${scope.region})?`, detail: lines.join('\n'), button: verb };
}

export function deleteConfirmation(account: string, scope: Scope, service: Pick<EndpointService, 'id' | 'name'>, live: readonly EndpointConnection[]): Confirmation {
  const lines = [`Account ${account}, region ${scope.region}, profile ${scope.profile}.`, `Endpoint service ${service.id} (${service.name}).`, ''];
  if (live.length) {
    lines.push(
      `It still has ${live.length} live endpoint connection${live.length === 1 ? '' : 's'}; EC2 refuses to delete it until they are rejected:`,
      ...live.map((c) => `• ${connectionLabel(c)}`),
      '',
      `1. ec2 RejectVpcEndpointConnections (${live.length})`,
      '2. ec2 DeleteVpcEndpointServiceConfigurations',
    );
  } else {
    lines.push('1. ec2 DeleteVpcEndpointServiceConfigurations');
  }
  lines.push('', 'ClickPipes endpoints using this service stop working. The load balancer is not deleted. This cannot be undone.');
  return {
    message: `Delete endpoint service ${service.id}${live.length ? ` and reject its ${live.length} live connection${live.length === 1 ? '' : 's'}` : ''} in account ${account} (${scope.region})?`,
    detail: lines.join('\n'),
    button: live.length ? 'Reject and delete' : 'Delete',
  };
}

/** What the user must publish before verification can succeed, or why it cannot start. */
export function dnsVerificationInfo(service: Pick<EndpointService, 'id' | 'privateDnsName' | 'privateDnsVerification'>): { ok: true; record: string; value: string; state: string } | { ok: false; reason: string } {
  if (!service.privateDnsName) return { ok: false, reason: `Endpoint service ${service.id} has no private DNS name to verify.` };
  const v = service.privateDnsVerification;
  if (v?.state && same(v.state, 'verified')) return { ok: false, reason: `${service.privateDnsName} is already verified for ${service.id}.` };
  const record = v?.name ? `${v.name}.${service.privateDnsName}` : `(TXT name not reported yet).${service.privateDnsName}`;
  return { ok: true, record, value: v?.value ?? '(not reported yet)', state: v?.state ?? 'unknown' };
}

export function dnsConfirmation(account: string, scope: Scope, service: Pick<EndpointService, 'id' | 'privateDnsName'>, info: { record: string; value: string }): Confirmation {
  return {
    message: `Start private DNS verification of ${service.privateDnsName} for ${service.id} in account ${account} (${scope.region})?`,
    detail: [
      `Account ${account}, region ${scope.region}, profile ${scope.profile}.`,
      '',
      'Publish this TXT record in the DNS zone first (AWS looks it up):',
      `  Name:  ${info.record}`,
      `  Type:  TXT`,
      `  Value: ${info.value}`,
      '',
      'Calls ec2 StartVpcEndpointServicePrivateDnsVerification. The state moves from pendingVerification to verified or failed.',
    ].join('\n'),
    button: 'Start verification',
  };
}
