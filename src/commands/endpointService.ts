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
import { runEndpointServiceQuickPick } from './stepByStep/endpointService';
import {
  acceptConnections, addClickPipesRegionPlan, allowClickPipesPlan, connectionConfirmation, connectionLabel, deleteConfirmation,
  deleteEndpointService, describeFailures, dnsConfirmation, dnsVerificationInfo, isLive, isPendingAcceptance, isRejectable,
  ownerLabel, regionsToOffer, rejectConnections, startPrivateDnsVerification, type Confirmation,
} from './endpointServiceActions';
import { describeAwsError } from '../plans/failure';

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
      canPickMany: true, placeHolder: vscode.l10n.t('ClickPipes region(s) to offer {0} in (cross-region ClickPipes)', service.id), ignoreFocusOut: true,
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
    services = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading VPC endpoint services…') }, () => ctx.deps.aws().listEndpointServices(ctx.scope));
  } catch (err) {
    tell('error', vscode.l10n.t('Could not read the endpoint services: {0}', describeAwsError(err, { service: 'ec2', operation: 'DescribeVpcEndpointServiceConfigurations' }).text));
    return undefined;
  }
  const wanted = serviceIdOf(node);
  if (wanted) {
    const found = services.find((s) => s.id === wanted);
    if (!found) tell('error', vscode.l10n.t('Endpoint service {0} is no longer in {1} (refresh the explorer).', wanted, ctx.scope.region));
    return found;
  }
  const candidates = services.filter(fits);
  if (!candidates.length) {
    tell('info', vscode.l10n.t('No VPC endpoint service in {0} for profile {1} fits this command.', ctx.scope.region, ctx.scope.profile));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(candidates.map((s) => ({
    label: s.id, description: vscode.l10n.t('{0} · {1} pending', s.state, s.connections.filter(isPendingAcceptance).length), detail: s.name, s,
  })), { placeHolder, matchOnDetail: true });
  return picked?.s;
}

async function accountOf(ctx: FormContext): Promise<string | undefined> {
  try {
    return (await ctx.deps.aws().callerIdentity(ctx.scope.profile)).account;
  } catch (err) {
    tell('error', vscode.l10n.t('Could not confirm the account of profile "{0}": {1} Nothing was changed.', ctx.scope.profile, describeAwsError(err, { service: 'sts', operation: 'GetCallerIdentity' }).text));
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
  const accept = action === 'accept';
  const fits = accept ? isPendingAcceptance : isRejectable;
  const service = await currentService(ctx, node, accept ? vscode.l10n.t('Endpoint service whose connection to accept') : vscode.l10n.t('Endpoint service whose connection to reject'), (s) => s.connections.some(fits));
  if (!service) return 'cancelled';
  const candidates = service.connections.filter(fits);
  let chosen: EndpointConnection[];
  const wanted = connectionIdOf(node);
  if (wanted) {
    const c = service.connections.find((x) => x.vpcEndpointId === wanted);
    if (!c || !fits(c)) {
      tell('warning', !c
        ? vscode.l10n.t('{0} is no longer a connection of {1}.', wanted, service.id)
        : accept
          ? vscode.l10n.t('{0} is {1}: only connections pending acceptance can be accepted.', wanted, c.state)
          : vscode.l10n.t('{0} is {1}: only pending or available connections can be rejected.', wanted, c.state));
      return 'cancelled';
    }
    chosen = [c];
  } else if (!candidates.length) {
    tell('info', accept ? vscode.l10n.t('{0} has no connection to accept.', service.id) : vscode.l10n.t('{0} has no connection to reject.', service.id));
    return 'cancelled';
  } else {
    const picked = await vscode.window.showQuickPick(candidates.map((c) => ({
      label: c.vpcEndpointId, description: vscode.l10n.t('account {0}', ownerLabel(c.owner)), detail: connectionLabel(c), picked: candidates.length === 1, c,
    })), {
      canPickMany: true,
      placeHolder: accept
        ? vscode.l10n.t('Connection(s) to accept on {0} (the requester account is shown)', service.id)
        : vscode.l10n.t('Connection(s) to reject on {0} (the requester account is shown)', service.id),
    });
    if (!picked?.length) return 'cancelled';
    chosen = picked.map((p) => p.c);
  }
  const account = await accountOf(ctx);
  if (!account) return 'failed';
  if (!(await ui.confirm(connectionConfirmation(action, account, ctx.scope, service, chosen)))) return 'cancelled';
  const ids = chosen.map((c) => c.vpcEndpointId);
  try {
    const result = await (accept ? acceptConnections : rejectConnections)(ctx.deps.aws(), ctx.scope, service.id, ids);
    refresh(ctx);
    if (result.failed.length) {
      const failed = accept ? vscode.l10n.t('EC2 did not accept {0}.', describeFailures(result.failed)) : vscode.l10n.t('EC2 did not reject {0}.', describeFailures(result.failed));
      const done = !result.done.length ? '' : accept ? vscode.l10n.t('Accepted: {0}.', result.done.join(', ')) : vscode.l10n.t('Rejected: {0}.', result.done.join(', '));
      tell('error', done ? `${failed} ${done}` : failed);
      return 'failed';
    }
    vscode.window.setStatusBarMessage(accept ? vscode.l10n.t('$(check) Accepted {0}', ids.join(', ')) : vscode.l10n.t('$(check) Rejected {0}', ids.join(', ')), 5_000);
    return 'done';
  } catch (err) {
    const why = describeAwsError(err, { service: 'ec2', operation: accept ? 'AcceptVpcEndpointConnections' : 'RejectVpcEndpointConnections' }).text;
    tell('error', accept
      ? vscode.l10n.t('Could not accept {0}: {1} Nothing was changed.', ids.join(', '), why)
      : vscode.l10n.t('Could not reject {0}: {1} Nothing was changed.', ids.join(', '), why));
    return 'failed';
  }
}

async function verifyDns(ctx: FormContext, node: unknown, ui: EndpointServiceUi): Promise<'done' | 'cancelled' | 'failed'> {
  const service = await currentService(ctx, node, vscode.l10n.t('Endpoint service whose private DNS name to verify'), (s) => !!s.privateDnsName);
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
    tell('error', vscode.l10n.t('Could not start the verification: {0}', describeAwsError(err, { service: 'ec2', operation: 'StartVpcEndpointServicePrivateDnsVerification' }).text));
    return 'failed';
  }
  refresh(ctx);
  tell('info', vscode.l10n.t('Verification of {0} started: the service node shows verified (or failed) once AWS has looked up {1}.', service.privateDnsName ?? '', info.record));
  return 'done';
}

async function removeService(ctx: FormContext, node: unknown, ui: EndpointServiceUi): Promise<'deleted' | 'cancelled' | 'failed'> {
  const service = await currentService(ctx, node, vscode.l10n.t('Endpoint service to delete'));
  if (!service) return 'cancelled';
  const live = service.connections.filter(isLive);
  const account = await accountOf(ctx);
  if (!account) return 'failed';
  if (!(await ui.confirm(deleteConfirmation(account, ctx.scope, service, live)))) return 'cancelled';
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting endpoint service {0}', service.id) }, () =>
      deleteEndpointService(ctx.deps.aws(), ctx.scope, service.id, live.map((c) => c.vpcEndpointId)));
    refresh(ctx);
    if (result.status === 'failed') {
      tell('error', result.rejected.length ? `${result.message} ${vscode.l10n.t('Rejected before stopping: {0}.', result.rejected.join(', '))}` : result.message);
      return 'failed';
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Deleted endpoint service {0}', service.id), 5_000);
    return 'deleted';
  } catch (err) {
    refresh(ctx);
    tell('error', vscode.l10n.t('Could not delete {0}: {1}', service.id, describeAwsError(err, { service: 'ec2' }).text));
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
      const service = await currentService(ctx, node, vscode.l10n.t('Endpoint service to allow ClickPipes on'));
      return service ? reviewSmallPlan(ctx, (b) => allowClickPipesPlan(service, b)) : undefined;
    })),
    vscode.commands.registerCommand(C.addRegion, withContext(async (ctx, node) => {
      const service = await currentService(ctx, node, vscode.l10n.t('Endpoint service to offer in another ClickPipes region'));
      if (!service) return undefined;
      const choices = regionsToOffer(service, ctx.scope.region).map((code) => ({ code, name: regionDisplayName(code) }));
      if (!choices.length) {
        tell('info', vscode.l10n.t('{0} is already offered in every ClickPipes region.', service.id));
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
