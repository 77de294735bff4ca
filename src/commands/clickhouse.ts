// The ClickHouse Cloud view's commands, one table (registered by src/features.ts). Each accepts its tree node and falls back to a picker from
// the palette. The API key secret is asked with a password box and goes to SecretStorage only.
import * as vscode from 'vscode';
import { log } from '../log';
import {
  connectionAddress, endpointRegion, hostWithPort, isValidPort, knownSource, MAX_DESCRIPTION_LENGTH, MSK_AUTHENTICATIONS, RPE_TYPES,
  regionWarning, rpeTypeLabel, validateDescription, validateEndpointServiceName, validateMskClusterArn, validateResourceConfigurationId,
  validateResourceShareArn, type CreateRpeBody, type MskAuthentication, type ReversePrivateEndpoint, type ReversePrivateEndpointType,
  type SourceKind,
} from '../model/clickhouse';
import type { Plan, StepOutputs } from '../model/plan';
import { ClickHouseApi, ClickHouseApiError, type ApiKey } from '../clickhouse/api';
import { endpointPlanId, offerReversePrivateEndpoint, type ReviewPlan } from '../clickhouse/offer';
import { openAcceptance, watchUntilSettled } from '../clickhouse/watch';
import { buildClickhouseEndpointPlan } from '../model/builders/clickhouseEndpoint';
import { pickEndpoint, pickService, type ServiceRef } from '../clickhouse/pickers';
import type { ClickHouseSession } from '../clickhouse/session';
import type { DnsNode, RpeNode, ServiceNode } from '../views/clickhouse/nodes';
import type { ClickHouseTreeProvider } from '../views/clickhouse/provider';
import { snapshot } from '../views/clickhouse/register';
import type { ExplorerNode } from '../views/explorer/nodes';
import { registerCommandTable, type Command } from './register';
import { rpePresetOf, type RpePreset } from './rpePreset';

const PORT_MEMORY = 'clickpipes.clickhouse.sourcePorts';
/** The profile of a plan with no AWS step (the plan schema wants one; nothing uses it). */
const NO_AWS_PROFILE = 'none';

type EndpointTarget = ServiceRef & { rpe: ReversePrivateEndpoint };

export function registerClickHouseCommands(
  context: vscode.ExtensionContext,
  session: ClickHouseSession,
  provider: ClickHouseTreeProvider,
  review: ReviewPlan,
): void {
  const api = async (): Promise<ClickHouseApi | undefined> => {
    const client = await session.api();
    if (!client) void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to ClickHouse Cloud first.'), vscode.l10n.t('Sign in'))
      .then((a) => a && vscode.commands.executeCommand('clickpipes.clickhouse.signIn'));
    return client;
  };

  /** A tree node, a bare endpoint (from a notification), or a pick from the palette. */
  const endpointOf = async (arg: unknown, title: string): Promise<(EndpointTarget & { dnsName?: string }) | undefined> => {
    const node = arg as RpeNode | DnsNode | undefined;
    if (node?.kind === 'rpe') return node;
    if (node?.kind === 'dns') return { ...node.parent, dnsName: node.name };
    const client = await api();
    if (!client) return undefined;
    if (arg && typeof arg === 'object' && 'id' in arg && 'dnsNames' in arg) {
      // A bare endpoint (e.g. from the "Ready" notification): org/service are not needed to copy.
      return { org: { id: '', name: '' }, service: { id: (arg as ReversePrivateEndpoint).serviceId, name: '', provider: 'aws', region: '' }, rpe: arg as ReversePrivateEndpoint };
    }
    return pickEndpoint(client, title);
  };

  const commands: Command[] = [];
  const reg = (id: Command['id'], handler: Command['handler']) => commands.push({ id, handler });

  reg('clickpipes.clickhouse.signIn', (prefilled?: Partial<ApiKey> & { verify?: boolean }) => signIn(session, prefilled));
  reg('clickpipes.clickhouse.signOut', async () => {
    await session.signOut();
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of ClickHouse Cloud; the API key was removed from this machine\'s secret storage.'));
  });
  reg('clickpipes.clickhouse.refresh', (node?: ServiceNode) => provider.refresh(node?.kind === 'service' ? node : undefined));

  reg('clickpipes.clickhouse.copyDnsName', async (arg?: unknown) => {
    const target = await endpointOf(arg, 'Copy DNS name');
    if (!target) return undefined;
    const name = target.dnsName ?? target.rpe.privateDnsNames[0] ?? target.rpe.dnsNames[0];
    if (!name) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" has no DNS name yet (status {1}).', target.rpe.description, target.rpe.status));
      return undefined;
    }
    await vscode.env.clipboard.writeText(name);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', name), 4000);
    return name;
  });

  // The optional second argument (a source kind or port) skips the question; tests use it.
  reg('clickpipes.clickhouse.copyConnectionAddress', async (arg?: unknown, source?: SourceKind | number) => {
    const target = await endpointOf(arg, vscode.l10n.t('Copy connection address'));
    if (!target) return undefined;
    const { rpe } = target;
    const chosen = source ?? knownSource(rpe) ?? (await askSourcePort(context, rpe));
    if (chosen === undefined) return undefined;
    const address = target.dnsName && chosen !== 'kafka'
      ? hostWithPort(target.dnsName, typeof chosen === 'number' ? chosen : chosen === 'postgres' ? 5432 : 3306)
      : connectionAddress(rpe, chosen);
    if (!address) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" has no DNS name yet (status {1}).', rpe.description, rpe.status));
      return undefined;
    }
    await vscode.env.clipboard.writeText(address);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', address), 4000);
    if (chosen === 'kafka') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Copied the multi-VPC bootstrap string built from the endpoint\'s broker names (ports from 14001). MSK\'s own GetBootstrapBrokers "VPC connectivity" string is authoritative when they differ.'));
    }
    return address;
  });

  reg('clickpipes.clickhouse.deleteEndpoint', async (arg?: unknown, options?: { confirm?: boolean }) => {
    const target = await endpointOf(arg, vscode.l10n.t('Delete reverse private endpoint'));
    const client = await api();
    if (!target || !client) return false;
    const { rpe } = target;
    if (options?.confirm !== false) {
      const go = vscode.l10n.t('Delete');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete the reverse private endpoint "{0}"?', rpe.description || rpe.id),
        { modal: true, detail: deleteDetail(rpe, target.service.name) }, go);
      if (answer !== go) return false;
    }
    try {
      await client.deleteReversePrivateEndpoint(target.org.id, target.service.id, rpe.id);
      log.info(`ClickHouse Cloud: deleting reverse private endpoint ${rpe.id}`);
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof ClickHouseApiError ? e.message : String(e));
      return false;
    }
    provider.refreshService(target.service.id);
    return true;
  });

  // A prefilled body (automation, tests) skips the questions; the plan review still opens.
  // Returns the plan tab's document.
  // From an AWS explorer row (Create for ClickPipes), the row's values start the questions.
  reg('clickpipes.clickhouse.createEndpoint', async (arg?: ServiceNode | ExplorerNode, prefilled?: CreateRpeBody) => {
    const client = await api();
    if (!client) return undefined;
    const preset = arg && 'type' in arg ? rpePresetOf(arg) : undefined;
    const target = arg && 'kind' in arg && arg.kind === 'service' ? arg : await pickService(client, { title: vscode.l10n.t('Create a reverse private endpoint in which service?') });
    if (!target) return undefined;
    const body = prefilled ?? (await askBody(target, preset));
    if (!body) return undefined;
    const plan = buildClickhouseEndpointPlan({
      ...body, organizationId: target.org.id, serviceId: target.service.id, organizationName: target.org.name,
      serviceName: target.service.name, serviceRegion: target.service.region,
    }, {
      // No AWS step: the profile is not used, the region is the endpoint's (or the service's).
      planId: endpointPlanId(), createdAt: new Date().toISOString(), profile: NO_AWS_PROFILE, region: endpointRegion(body) ?? target.service.region,
    });
    const warning = regionWarning(body.type, endpointRegion(body), target.service);
    if (warning) plan.warnings.push(warning);
    return vscode.workspace.openTextDocument(await review(plan));
  });

  reg('clickpipes.clickhouse.createFromPlan', async (plan: Plan, outputs: StepOutputs, options?: { ask?: boolean }) => {
    const uri = await offerReversePrivateEndpoint(plan, outputs, review, options);
    return uri && vscode.workspace.openTextDocument(uri);
  });

  reg('clickpipes.clickhouse.acceptConnection', async (arg?: unknown) => {
    const target = await endpointOf(arg, vscode.l10n.t('Accept the connection'));
    if (target) await openAcceptance(target.rpe);
  });

  reg('clickpipes.clickhouse.watchEndpoint', async (arg?: unknown) => {
    const target = await endpointOf(arg, vscode.l10n.t('Watch until settled'));
    if (target) await watchUntilSettled(target, target.rpe);
  });

  // Not contributed (not in the palette): lets the extension-host tests read the rendered tree.
  reg('clickpipes.clickhouse.debug.snapshot', () => snapshot(provider));
  reg('clickpipes.clickhouse.debug.logDir', () => context.logUri.fsPath);
  reg('clickpipes.clickhouse.debug.endpoints', (serviceId: string) => provider.endpoints.get(serviceId) ?? []);
  context.subscriptions.push(...registerCommandTable(commands));
}

async function signIn(session: ClickHouseSession, prefilled?: Partial<ApiKey> & { verify?: boolean }): Promise<boolean> {
  const keyId = prefilled?.keyId ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to ClickHouse Cloud (1/2)'),
    prompt: vscode.l10n.t('API key ID (ClickHouse Cloud console → Organization → API keys)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The key ID is required.')),
  }))?.trim();
  if (!keyId) return false;
  const keySecret = prefilled?.keySecret ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to ClickHouse Cloud (2/2)'),
    prompt: vscode.l10n.t('API key secret (kept in VS Code secret storage only)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v ? undefined : vscode.l10n.t('The key secret is required.')),
  }));
  if (!keySecret) return false;
  if (prefilled?.verify !== false) {
    // Check the key before keeping it, so a typo does not leave a broken sign-in behind.
    const probe = new ClickHouseApi({ baseUrl: session.baseUrl, key: { keyId, keySecret } });
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the ClickHouse Cloud API key…') },
        () => probe.listOrganizations());
    } catch (e) {
      const err = e as ClickHouseApiError;
      if (err.kind === 'network') {
        const keep = vscode.l10n.t('Save anyway');
        if ((await vscode.window.showWarningMessage(err.message, keep)) !== keep) return false;
      } else {
        void vscode.window.showErrorMessage(err.kind === 'unauthorized'
          ? vscode.l10n.t('The ClickHouse Cloud API key was rejected (401). Check the key ID and secret and sign in again.') : err.message);
        return false;
      }
    }
  }
  await session.signIn({ keyId, keySecret });
  return true;
}

function deleteDetail(rpe: ReversePrivateEndpoint, serviceName: string): string {
  const lines = [vscode.l10n.t('Service: {0}', serviceName || rpe.serviceId), vscode.l10n.t('Type: {0}', rpeTypeLabel(rpe.type)), '', vscode.l10n.t('ClickPipes using this endpoint will stop connecting.')];
  if (rpe.type === 'VPC_RESOURCE') {
    lines.push(vscode.l10n.t('The RAM resource share {0} is left behind in your AWS account and cannot be reused for a new endpoint: delete it from the AWS explorer when nothing else needs it.', rpe.vpcResourceShareArn ?? ''));
  } else if (rpe.type === 'MSK_MULTI_VPC') {
    lines.push(vscode.l10n.t('The cluster policy and multi-VPC connectivity stay on the MSK cluster.'));
  } else if (rpe.type === 'VPC_ENDPOINT_SERVICE') {
    lines.push(vscode.l10n.t('The VPC endpoint service and its allowed principals stay in your AWS account.'));
  }
  return lines.join('\n');
}

/** Which port the source listens on, remembered per endpoint once asked. */
async function askSourcePort(context: vscode.ExtensionContext, rpe: ReversePrivateEndpoint): Promise<number | undefined> {
  const memory = context.globalState.get<Record<string, number>>(PORT_MEMORY, {});
  const remembered = memory[rpe.id];
  const items = [
    { label: 'PostgreSQL', description: '5432', port: 5432 },
    { label: 'MySQL', description: '3306', port: 3306 },
    { label: 'MariaDB', description: '3306', port: 3306 },
    { label: vscode.l10n.t('Other port…'), description: '', port: 0 },
  ];
  if (remembered && !items.some((i) => i.port === remembered)) items.unshift({ label: `Port ${remembered}`, description: 'used last time', port: remembered });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which source is behind "{0}"? (the DNS name has no port)', rpe.description) });
  if (!picked) return undefined;
  let port = picked.port;
  if (port === 0) {
    const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Source port'), validateInput: (v) => (isValidPort(v.trim()) ? undefined : vscode.l10n.t('A port is 1–65535.')) });
    if (!text) return undefined;
    port = Number(text.trim());
  }
  await context.globalState.update(PORT_MEMORY, { ...memory, [rpe.id]: port });
  return port;
}

/** The palette's "create by hand": type, then each field with its own validation. */
async function askBody(target: ServiceRef, preset?: RpePreset): Promise<CreateRpeBody | undefined> {
  const typePick = preset ? { type: preset.type } : await vscode.window.showQuickPick(
    RPE_TYPES.map((t) => ({
      label: rpeTypeLabel(t), description: t, type: t,
      detail: t === 'VPC_RESOURCE' ? vscode.l10n.t('VPC Lattice resource configuration shared through RAM (same region only)')
        : t === 'MSK_MULTI_VPC' ? vscode.l10n.t('Amazon MSK multi-VPC private connectivity (same region only)')
          : vscode.l10n.t('VPC endpoint service on an NLB (cross-region with supported regions)'),
    })),
    { title: vscode.l10n.t('Reverse private endpoint for "{0}" ({1}): type', target.service.name, target.service.region) });
  if (!typePick) return undefined;
  const type: ReversePrivateEndpointType = typePick.type;
  const ask = (prompt: string, validate: (v: string) => string | undefined, placeHolder?: string, value?: string) =>
    vscode.window.showInputBox({ title: vscode.l10n.t('{0}: {1}', rpeTypeLabel(type), prompt), placeHolder, value, ignoreFocusOut: true, validateInput: (v) => validate(v.trim()) })
      .then((v) => v?.trim());
  const body: Partial<CreateRpeBody> = { type };
  if (type === 'VPC_RESOURCE') {
    body.vpcResourceConfigurationId = await ask(vscode.l10n.t('resource configuration ID'), validateResourceConfigurationId, 'rcfg-0123456789abcdef0', preset?.vpcResourceConfigurationId);
    if (!body.vpcResourceConfigurationId) return undefined;
    body.vpcResourceShareArn = await ask(vscode.l10n.t('resource share ARN'), validateResourceShareArn, 'arn:aws:ram:us-east-1:123456789012:resource-share/…', preset?.vpcResourceShareArn);
    if (!body.vpcResourceShareArn) return undefined;
  } else if (type === 'MSK_MULTI_VPC') {
    body.mskClusterArn = await ask(vscode.l10n.t('MSK cluster ARN'), validateMskClusterArn, 'arn:aws:kafka:us-east-1:123456789012:cluster/name/uuid', preset?.mskClusterArn);
    if (!body.mskClusterArn) return undefined;
    // The cluster's own authentication first.
    const auths = [...MSK_AUTHENTICATIONS].sort((a, b) => Number(b === preset?.mskAuthentication) - Number(a === preset?.mskAuthentication));
    const auth = await vscode.window.showQuickPick(auths.map((a) => ({ label: a })), { title: vscode.l10n.t('MSK authentication') });
    if (!auth) return undefined;
    body.mskAuthentication = auth.label as MskAuthentication;
  } else {
    body.vpcEndpointServiceName = await ask(vscode.l10n.t('endpoint service name'), validateEndpointServiceName, 'com.amazonaws.vpce.us-east-1.vpce-svc-…', preset?.vpcEndpointServiceName);
    if (!body.vpcEndpointServiceName) return undefined;
  }
  body.description = await ask(vscode.l10n.t('description (≤ {0} characters)', MAX_DESCRIPTION_LENGTH), validateDescription, undefined, `ClickPipes ${type}`);
  if (!body.description) return undefined;
  return body as CreateRpeBody;
}
