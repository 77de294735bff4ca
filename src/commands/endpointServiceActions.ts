// What can be done to an existing VPC endpoint service, without `vscode` (unit- and
// integration-tested under plain node): the small reviewed plans ("Allow ClickPipes", "Add
// ClickPipes region"), accept / reject of endpoint connections, private DNS verification and the
// teardown (connections rejected first: EC2 refuses to delete a service that still has live ones).
// EC2's Accept/Reject/Delete calls answer 200 with an `Unsuccessful` list instead of failing, so
// every outcome here reads that list: a call that "succeeded" for no endpoint is a failure.
import type { AwsLayer, Scope } from '../aws/api';
import { l10n } from '../l10n';
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
  return owner === CLICKPIPES_ACCOUNT_ID ? l10n.t('{0} (ClickPipes)', owner) : owner || l10n.t('unknown owner');
}

export function connectionLabel(c: EndpointConnection): string {
  return c.region
    ? l10n.t('{0} from account {1} in {2}, {3}', c.vpcEndpointId, ownerLabel(c.owner), c.region, c.state)
    : l10n.t('{0} from account {1}, {2}', c.vpcEndpointId, ownerLabel(c.owner), c.state);
}

/** ClickPipes regions the service is not yet offered in (its own region always is). */
export function regionsToOffer(service: Pick<EndpointService, 'supportedRegions'>, ownRegion: string): string[] {
  const supported = new Set(service.supportedRegions.map((r) => r.region));
  return CLICKPIPES_REGIONS.filter((r) => r !== ownRegion && !supported.has(r));
}

// ---- the small reviewed plans --------------------------------------------------------------------

/** Describe + ModifyVpcEndpointServicePermissions; or why there is nothing to do. */
export function allowClickPipesPlan(service: EndpointService, ctx: BuildContext): { plan: Plan } | { nothingToDo: string } {
  if (isClickPipesAllowed(service)) return { nothingToDo: l10n.t('ClickPipes ({0}) is already an allowed principal of {1}.', CLICKPIPES_PRINCIPAL_ARN, service.id) };
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
  if (!add.length) return { nothingToDo: l10n.t('{0} is already offered in {1}.', service.id, regions.join(', ') || l10n.t('those regions')) };
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
      return { status: 'failed', stage: 'reject', rejected, message: l10n.t('Could not reject {0}. The service was not deleted.', describeFailures(r.failed)) };
    }
  }
  const failed = unsuccessfulOf(await aws.call(scope, 'ec2', 'DeleteVpcEndpointServiceConfigurations', { ServiceIds: [serviceId] }));
  if (failed.length) {
    const live = failed.some((f) => f.code === 'ExistingVpcEndpointConnections');
    return {
      status: 'failed', stage: 'delete', rejected,
      message: live
        ? l10n.t('EC2 did not delete {0}: {1}. A connection is still live (a new request may have arrived): reject it and try again.', serviceId, describeFailures(failed))
        : l10n.t('EC2 did not delete {0}: {1}.', serviceId, describeFailures(failed)),
    };
  }
  return { status: 'deleted', rejected };
}

// ---- confirmation texts (what the modal says; pure so the wording is tested) ----------------------

export type Confirmation = { message: string; detail: string; button: string };

export function connectionConfirmation(action: 'accept' | 'reject', account: string, scope: Scope, service: Pick<EndpointService, 'id' | 'name'>, connections: readonly EndpointConnection[]): Confirmation {
  const accept = action === 'accept';
  const one = connections.length === 1;
  const id = connections[0]?.vpcEndpointId ?? '';
  const n = connections.length;
  const lines = [
    l10n.t('Account {0}, region {1}, profile {2}.', account, scope.region, scope.profile),
    l10n.t('Endpoint service {0} ({1}).', service.id, service.name),
    '',
    ...connections.map((c) => `• ${connectionLabel(c)}`),
    '',
    accept
      ? (one ? l10n.t('Calls ec2 AcceptVpcEndpointConnections: the endpoint can then reach your service.') : l10n.t('Calls ec2 AcceptVpcEndpointConnections: the endpoints can then reach your service.'))
      : (one
        ? l10n.t('Calls ec2 RejectVpcEndpointConnections: the endpoint is cut off and cannot be accepted later (the consumer must create a new one).')
        : l10n.t('Calls ec2 RejectVpcEndpointConnections: the endpoints are cut off and cannot be accepted later (the consumer must create a new one).')),
  ];
  if (connections.some((c) => c.owner !== CLICKPIPES_ACCOUNT_ID)) {
    lines.push('', l10n.t('Note: not every requester is ClickPipes (account {0}).', CLICKPIPES_ACCOUNT_ID));
  }
  const message = accept
    ? (one
      ? l10n.t('Accept endpoint connection {0} on {1} in account {2} ({3})?', id, service.id, account, scope.region)
      : l10n.t('Accept {0} endpoint connections on {1} in account {2} ({3})?', n, service.id, account, scope.region))
    : (one
      ? l10n.t('Reject endpoint connection {0} on {1} in account {2} ({3})?', id, service.id, account, scope.region)
      : l10n.t('Reject {0} endpoint connections on {1} in account {2} ({3})?', n, service.id, account, scope.region));
  return { message, detail: lines.join('\n'), button: accept ? l10n.t('Accept') : l10n.t('Reject') };
}

export function deleteConfirmation(account: string, scope: Scope, service: Pick<EndpointService, 'id' | 'name'>, live: readonly EndpointConnection[]): Confirmation {
  const n = live.length;
  const lines = [l10n.t('Account {0}, region {1}, profile {2}.', account, scope.region, scope.profile), l10n.t('Endpoint service {0} ({1}).', service.id, service.name), ''];
  if (n) {
    lines.push(
      n === 1
        ? l10n.t('It still has 1 live endpoint connection; EC2 refuses to delete it until they are rejected:')
        : l10n.t('It still has {0} live endpoint connections; EC2 refuses to delete it until they are rejected:', n),
      ...live.map((c) => `• ${connectionLabel(c)}`),
      '',
      `1. ec2 RejectVpcEndpointConnections (${n})`,
      '2. ec2 DeleteVpcEndpointServiceConfigurations',
    );
  } else {
    lines.push('1. ec2 DeleteVpcEndpointServiceConfigurations');
  }
  lines.push('', l10n.t('ClickPipes endpoints using this service stop working. The load balancer is not deleted. This cannot be undone.'));
  const message = !n
    ? l10n.t('Delete endpoint service {0} in account {1} ({2})?', service.id, account, scope.region)
    : n === 1
      ? l10n.t('Delete endpoint service {0} and reject its 1 live connection in account {1} ({2})?', service.id, account, scope.region)
      : l10n.t('Delete endpoint service {0} and reject its {1} live connections in account {2} ({3})?', service.id, n, account, scope.region);
  return { message, detail: lines.join('\n'), button: n ? l10n.t('Reject and delete') : l10n.t('Delete') };
}

/** What the user must publish before verification can succeed, or why it cannot start. */
export function dnsVerificationInfo(service: Pick<EndpointService, 'id' | 'privateDnsName' | 'privateDnsVerification'>): { ok: true; record: string; value: string; state: string } | { ok: false; reason: string } {
  if (!service.privateDnsName) return { ok: false, reason: l10n.t('Endpoint service {0} has no private DNS name to verify.', service.id) };
  const v = service.privateDnsVerification;
  if (v?.state && same(v.state, 'verified')) return { ok: false, reason: l10n.t('{0} is already verified for {1}.', service.privateDnsName, service.id) };
  const record = `${v?.name || l10n.t('(TXT name not reported yet)')}.${service.privateDnsName}`;
  return { ok: true, record, value: v?.value ?? l10n.t('(not reported yet)'), state: v?.state ?? 'unknown' };
}

export function dnsConfirmation(account: string, scope: Scope, service: Pick<EndpointService, 'id' | 'privateDnsName'>, info: { record: string; value: string }): Confirmation {
  return {
    message: l10n.t('Start private DNS verification of {0} for {1} in account {2} ({3})?', service.privateDnsName ?? '', service.id, account, scope.region),
    detail: [
      l10n.t('Account {0}, region {1}, profile {2}.', account, scope.region, scope.profile),
      '',
      l10n.t('Publish this TXT record in the DNS zone first (AWS looks it up):'),
      l10n.t('  Name:  {0}', info.record),
      l10n.t('  Type:  {0}', 'TXT'),
      l10n.t('  Value: {0}', info.value),
      '',
      l10n.t('Calls ec2 StartVpcEndpointServicePrivateDnsVerification. The state moves from pendingVerification to verified or failed.'),
    ].join('\n'),
    button: l10n.t('Start verification'),
  };
}
