// The VPC endpoint service commands: create (webview form and QuickPick), and on an existing
// service "Allow ClickPipes" / "Add ClickPipes region" (small reviewed plans), accept / reject of
// endpoint connections, private DNS verification and delete (each a modal that names account and
// region). From the tree they act on the node; from the palette they ask for profile · region and
// the service. The logic and the wording live in endpointServiceActions.ts (no `vscode`).
import * as vscode from 'vscode';
import type { BuildContext } from '../model/builders';
import { regionDisplayName } from '../model/clickpipes';
import type { Plan } from '../model/plan';
import type { EndpointConnection, EndpointService } from '../model/resources';
import { buildPlan, openForm, type FormContext } from '../webviews/forms';
import { endpointServiceForm } from '../webviews/forms/endpointService';
import { runEndpointServiceQuickPick } from '../webviews/forms/endpointServiceQuick';
import {
  acceptConnections, addClickPipesRegionPlan, allowClickPipesPlan, connectionConfirmation, connectionLabel, deleteConfirmation,
  deleteEndpointService, describeFailures, dnsConfirmation, dnsVerificationInfo, isLive, isPendingAcceptance, isRejectable,
  ownerLabel, regionsToOffer, rejectConnections, startPrivateDnsVerification, type Confirmation,
} from './endpointServiceActions';
import { describeAwsError } from './failure';

export const ENDPOINT_SERVICE_COMMANDS = {
  create: 'clickpipes.createEndpointServiceEndpoint',
  createQuick: 'clickpipes.createEndpointServiceEndpointQuick',
  allowClickPipes: 'clickpipes.allowClickPipesOnEndpointService',
  addRegion: 'clickpipes.addClickPipesRegionToEndpointService',
  accept: 'clickpipes.acceptEndpointConnection',
  reject: 'clickpipes.rejectEndpointConnection',
  verifyDns: 'clickpipes.startPrivateDnsVerification',
  remove: 'clickpipes.deleteEndpointService',
} as const;

/** The questions these commands ask; extension-host tests replace them (modals cannot be clicked there). */
export type EndpointServiceUi = {
  confirm(c: Confirmation): Promise<boolean>;
  pickRegions(choices: { code: string; name: string }[], service: EndpointService): Promise<string[] | undefined>;
};

export const endpointServiceUi: EndpointServiceUi = {
  async confirm(c) {
    return (await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, c.button)) === c.button;
  },
  async pickRegions(choices, service) {
    const picked = await vscode.window.showQuickPick(choices.map((c) => ({ label: c.code, description: c.name })), {
      canPickMany: true, placeHolder: `ClickPipes region(s) to offer ${service.id} in (cross-region ClickPipes)`, ignoreFocusOut: true,
    });
    return picked?.map((p) => p.label);
  },
};

export type EndpointServiceCommandDeps = {
  formContext(node: unknown): Promise<FormContext | undefined>;
  /** Outside production: also register `clickpipes.endpointService._testUi`, returning the (replaceable) ui. */
  testMode?: boolean;
};

type AnyNode = { type?: string; resource?: unknown; service?: unknown; connection?: unknown } | undefined;

/** The service id a tree node is about (the service itself, or a principal/connection under it). */
function serviceIdOf(node: unknown): string | undefined {
  const n = node as AnyNode;
  const svc = n?.type === 'endpointService' ? n.resource : n?.type === 'endpointConnection' || n?.type === 'allowedPrincipal' ? n.service : undefined;
  const id = (svc as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function connectionIdOf(node: unknown): string | undefined {
  const n = node as AnyNode;
  const id = n?.type === 'endpointConnection' ? (n.connection as { vpcEndpointId?: unknown } | undefined)?.vpcEndpointId : undefined;
  return typeof id === 'string' ? id : undefined;
}

const tell = (kind: 'info' | 'warning' | 'error', message: string) => {
  const shown = kind === 'info' ? vscode.window.showInformationMessage(message) : kind === 'warning' ? vscode.window.showWarningMessage(message) : vscode.window.showErrorMessage(message);
  shown.then(undefined, () => undefined);
};

/** The service as AWS says now (the tree may be stale): the node's, or one picked from the list. */
async function currentService(ctx: FormContext, node: unknown, placeHolder: string, fits: (s: EndpointService) => boolean = () => true): Promise<EndpointService | undefined> {
  let services: EndpointService[];
  try {
    services = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading VPC endpoint services…' }, () => ctx.deps.aws().listEndpointServices(ctx.scope));
  } catch (err) {
    tell('error', `Could not read the endpoint services: ${describeAwsError(err, { service: 'ec2', operation: 'DescribeVpcEndpointServiceConfigurations' }).text}`);
    return undefined;
  }
  const wanted = serviceIdOf(node);
  if (wanted) {
    const found = services.find((s) => s.id === wanted);
    if (!found) tell('error', `Endpoint service ${wanted} is no longer in ${ctx.scope.region} (refresh the explorer).`);
    return found;
  }
  const candidates = services.filter(fits);
  if (!candidates.length) {
    tell('info', `No VPC endpoint service in ${ctx.scope.region} for profile ${ctx.scope.profile} fits this command.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(candidates.map((s) => ({
    label: s.id, description: `${s.state} · ${s.connections.filter(isPendingAcceptance).length} pending`, detail: s.name, s,
  })), { placeHolder, matchOnDetail: true });
  return picked?.s;
}

async function accountOf(ctx: FormContext): Promise<string | undefined> {
  try {
    return (await ctx.deps.aws().callerIdentity(ctx.scope.profile)).account;
  } catch (err) {
    tell('error', `Could not confirm the account of profile "${ctx.scope.profile}": ${describeAwsError(err, { service: 'sts', operation: 'GetCallerIdentity' }).text} Nothing was changed.`);
    return undefined;
  }
}

function refresh(ctx: FormContext): void {
  void Promise.resolve(ctx.deps.explorer?.refresh(ctx.scope)).catch((err: unknown) => ctx.deps.log.warn(`explorer refresh: ${(err as Error).message}`));
}

async function reviewSmallPlan(ctx: FormContext, built: (buildCtx: BuildContext) => { plan: Plan } | { nothingToDo: string }): Promise<vscode.Uri | undefined> {
  // A dry build first: nothing to do means no plan and no STS call.
  const dry = built({ planId: 'check', createdAt: '', profile: ctx.scope.profile, region: ctx.scope.region });
  if ('nothingToDo' in dry) {
    tell('info', dry.nothingToDo);
    return undefined;
  }
  const plan = await buildPlan((_: undefined, buildCtx) => (built(buildCtx) as { plan: Plan }).plan, undefined, 'vpcesvc', ctx.deps, ctx.scope);
  return ctx.review(plan);
}

/** Accept or reject: the connection node's endpoint, or the ones picked from the service's list. */
async function decideConnections(ctx: FormContext, node: unknown, action: 'accept' | 'reject', ui: EndpointServiceUi): Promise<'done' | 'cancelled' | 'failed'> {
  const fits = action === 'accept' ? isPendingAcceptance : isRejectable;
  const service = await currentService(ctx, node, `Endpoint service whose connection to ${action}`, (s) => s.connections.some(fits));
  if (!service) return 'cancelled';
  const candidates = service.connections.filter(fits);
  let chosen: EndpointConnection[];
  const wanted = connectionIdOf(node);
  if (wanted) {
    const c = service.connections.find((x) => x.vpcEndpointId === wanted);
    if (!c || !fits(c)) {
      tell('warning', c ? `${wanted} is ${c.state}: only ${action === 'accept' ? 'connections pending acceptance' : 'pending or available connections'} can be ${action}ed.` : `${wanted} is no longer a connection of ${service.id}.`);
      return 'cancelled';
    }
    chosen = [c];
  } else if (!candidates.length) {
    tell('info', `${service.id} has no connection to ${action}.`);
    return 'cancelled';
  } else {
    const picked = await vscode.window.showQuickPick(candidates.map((c) => ({
      label: c.vpcEndpointId, description: `account ${ownerLabel(c.owner)}`, detail: connectionLabel(c), picked: candidates.length === 1, c,
    })), { canPickMany: true, placeHolder: `Connection(s) to ${action} on ${service.id} (the requester account is shown)` });
    if (!picked?.length) return 'cancelled';
    chosen = picked.map((p) => p.c);
  }
  const account = await accountOf(ctx);
  if (!account) return 'failed';
  if (!(await ui.confirm(connectionConfirmation(action, account, ctx.scope, service, chosen)))) return 'cancelled';
  const ids = chosen.map((c) => c.vpcEndpointId);
  try {
    const result = await (action === 'accept' ? acceptConnections : rejectConnections)(ctx.deps.aws(), ctx.scope, service.id, ids);
    refresh(ctx);
    if (result.failed.length) {
      tell('error', `EC2 did not ${action} ${describeFailures(result.failed)}.${result.done.length ? ` ${action === 'accept' ? 'Accepted' : 'Rejected'}: ${result.done.join(', ')}.` : ''}`);
      return 'failed';
    }
    vscode.window.setStatusBarMessage(`$(check) ${action === 'accept' ? 'Accepted' : 'Rejected'} ${ids.join(', ')}`, 5_000);
    return 'done';
  } catch (err) {
    tell('error', `Could not ${action} ${ids.join(', ')}: ${describeAwsError(err, { service: 'ec2', operation: action === 'accept' ? 'AcceptVpcEndpointConnections' : 'RejectVpcEndpointConnections' }).text} Nothing was changed.`);
    return 'failed';
  }
}

async function verifyDns(ctx: FormContext, node: unknown, ui: EndpointServiceUi): Promise<'done' | 'cancelled' | 'failed'> {
  const service = await currentService(ctx, node, 'Endpoint service whose private DNS name to verify', (s) => !!s.privateDnsName);
  if (!service) return 'cancelled';
  const info = dnsVerificationInfo(service);
  if (!info.ok) {
    tell('info', info.reason);
    return 'cancelled';
  }
  const account = await accountOf(ctx);
  if (!account) return 'failed';
  if (!(await ui.confirm(dnsConfirmation(account, ctx.scope, service, info)))) return 'cancelled';
  try {
    await startPrivateDnsVerification(ctx.deps.aws(), ctx.scope, service.id);
  } catch (err) {
    tell('error', `Could not start the verification: ${describeAwsError(err, { service: 'ec2', operation: 'StartVpcEndpointServicePrivateDnsVerification' }).text}`);
    return 'failed';
  }
  refresh(ctx);
  tell('info', `Verification of ${service.privateDnsName} started: the service node shows verified (or failed) once AWS has looked up ${info.record}.`);
  return 'done';
}

async function removeService(ctx: FormContext, node: unknown, ui: EndpointServiceUi): Promise<'deleted' | 'cancelled' | 'failed'> {
  const service = await currentService(ctx, node, 'Endpoint service to delete');
  if (!service) return 'cancelled';
  const live = service.connections.filter(isLive);
  const account = await accountOf(ctx);
  if (!account) return 'failed';
  if (!(await ui.confirm(deleteConfirmation(account, ctx.scope, service, live)))) return 'cancelled';
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting endpoint service ${service.id}` }, () =>
      deleteEndpointService(ctx.deps.aws(), ctx.scope, service.id, live.map((c) => c.vpcEndpointId)));
    refresh(ctx);
    if (result.status === 'failed') {
      tell('error', result.message + (result.rejected.length ? ` Rejected before stopping: ${result.rejected.join(', ')}.` : ''));
      return 'failed';
    }
    vscode.window.setStatusBarMessage(`$(trash) Deleted endpoint service ${service.id}`, 5_000);
    return 'deleted';
  } catch (err) {
    refresh(ctx);
    tell('error', `Could not delete ${service.id}: ${describeAwsError(err, { service: 'ec2' }).text}`);
    return 'failed';
  }
}

export function registerEndpointServiceCommands(deps: EndpointServiceCommandDeps, ui: EndpointServiceUi = endpointServiceUi): vscode.Disposable[] {
  const C = ENDPOINT_SERVICE_COMMANDS;
  const withContext = <T>(run: (ctx: FormContext, node: unknown) => Promise<T>) => async (node?: unknown): Promise<T | undefined> => {
    const ctx = await deps.formContext(node);
    return ctx ? run(ctx, node) : undefined;
  };
  return [
    vscode.commands.registerCommand(C.create, withContext(async (ctx) => {
      openForm(endpointServiceForm, ctx);
    })),
    vscode.commands.registerCommand(C.createQuick, withContext((ctx) => runEndpointServiceQuickPick(ctx))),
    vscode.commands.registerCommand(C.allowClickPipes, withContext(async (ctx, node) => {
      const service = await currentService(ctx, node, 'Endpoint service to allow ClickPipes on');
      return service ? reviewSmallPlan(ctx, (b) => allowClickPipesPlan(service, b)) : undefined;
    })),
    vscode.commands.registerCommand(C.addRegion, withContext(async (ctx, node) => {
      const service = await currentService(ctx, node, 'Endpoint service to offer in another ClickPipes region');
      if (!service) return undefined;
      const choices = regionsToOffer(service, ctx.scope.region).map((code) => ({ code, name: regionDisplayName(code) }));
      if (!choices.length) {
        tell('info', `${service.id} is already offered in every ClickPipes region.`);
        return undefined;
      }
      const regions = await ui.pickRegions(choices, service);
      return regions?.length ? reviewSmallPlan(ctx, (b) => addClickPipesRegionPlan(service, regions, b)) : undefined;
    })),
    vscode.commands.registerCommand(C.accept, withContext((ctx, node) => decideConnections(ctx, node, 'accept', ui))),
    vscode.commands.registerCommand(C.reject, withContext((ctx, node) => decideConnections(ctx, node, 'reject', ui))),
    vscode.commands.registerCommand(C.verifyDns, withContext((ctx, node) => verifyDns(ctx, node, ui))),
    vscode.commands.registerCommand(C.remove, withContext((ctx, node) => removeService(ctx, node, ui))),
    ...(deps.testMode ? [vscode.commands.registerCommand('clickpipes.endpointService._testUi', () => ui)] : []),
  ];
}
