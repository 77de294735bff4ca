// The VPC-resource flow as a multi-step QuickPick, for keyboard users: the same session (AWS
// reads, validators, host checks, builder) as the webview form, one question per step.
import * as vscode from 'vscode';
import type { VpcResourceForm } from '../../model/forms';
import {
  validateConfigurationName, validateDnsName, validateGatewayName, validatePortRanges, validateResourceShareName, validateSecurityGroupIds,
  validateSubnetIds, validateIpAddress,
} from '../../model/validation';
import type { VpcDetails, VpcResourceInit } from '../../webviews/protocol';
import type { FormContext } from '../../webviews/forms/index';
import { BACK, next, quickInputPrompter, reviewAnswers, runSteps, type Prompter, type StepIo, type StepResult } from './steps';
import { startVpcResourceSession } from '../../webviews/forms/vpcResource';

/** `prompter` is the real QuickPick/InputBox; extension-host tests pass a scripted one. */
export async function runVpcResourceQuickPick(ctx: FormContext, prompter: Prompter = quickInputPrompter): Promise<vscode.Uri | undefined> {
  const { pickOne, pickMany, inputText } = prompter;
  const session = startVpcResourceSession(ctx);
  const init: VpcResourceInit = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading VPCs, gateways and databases…') },
    () => session.loadInit(),
  );
  if (init.regionWarning && prompter === quickInputPrompter) {
    const go = await vscode.window.showWarningMessage(init.regionWarning, { modal: true }, vscode.l10n.t('Continue anyway'));
    if (go !== vscode.l10n.t('Continue anyway')) return undefined;
  }
  if (init.loadError) vscode.window.showWarningMessage(init.loadError).then(undefined, () => undefined);
  const v: VpcResourceForm = {
    gatewayMode: init.gateways.length && init.preset.gatewayId ? 'existing' : 'new', configurationType: 'ARN', definitionKind: 'arn', ipAddressType: 'IPV4',
    configurationName: '', shareName: '', allowExternalPrincipals: true, subnetIds: [], securityGroupIds: [], protocol: 'TCP', ...init.preset,
  };
  let details: VpcDetails | undefined;

  const typeStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('Resource configuration type'), [
    { label: 'ARN', description: vscode.l10n.t('an RDS cluster or instance'), value: 'ARN' as const },
    { label: 'SINGLE', description: vscode.l10n.t('one IP address or DNS name'), value: 'SINGLE' as const },
    { label: 'GROUP', description: vscode.l10n.t('a parent for CHILD configurations'), value: 'GROUP' as const },
    { label: 'CHILD', description: vscode.l10n.t('a member of a GROUP'), value: 'CHILD' as const },
  ], v.configurationType), (t) => {
    v.configurationType = t;
    v.definitionKind = t === 'ARN' ? 'arn' : t === 'GROUP' ? undefined : v.definitionKind === 'arn' ? 'ip' : v.definitionKind ?? 'ip';
  });
  const gatewayStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('Resource gateway'), [
    { label: vscode.l10n.t('$(add) Create a new resource gateway'), value: '' },
    ...init.gateways.map((g) => ({ label: g.name, description: `${g.id} · ${g.status}`, detail: g.vpcId, value: g.id })),
  ], v.gatewayMode === 'existing' ? v.gatewayId : ''), (id) => {
    v.gatewayMode = id ? 'existing' : 'new';
    v.gatewayId = id || undefined;
  });
  const gatewayNameStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('Gateway name (3–40 lowercase letters, digits, hyphens)'), v.gatewayName ?? '', validateGatewayName, 'clickpipes-gateway'), (s) => (v.gatewayName = s));
  const vpcStep = async (io: StepIo) => {
    const r = await pickOne(io, init.vpcs.length ? vscode.l10n.t('VPC for the gateway') : vscode.l10n.t('No VPCs found in this region'), init.vpcs.map((x) => ({ label: x.label, value: x.id })), v.vpcId);
    if (r === undefined || r === BACK) return r as StepResult;
    if (r !== v.vpcId || !details) {
      v.vpcId = r;
      details = await session.loadVpc(r);
      v.subnetIds = (v.subnetIds ?? []).filter((id) => details!.subnets.some((s) => s.id === id));
      v.securityGroupIds = (v.securityGroupIds ?? []).filter((id) => details!.securityGroups.some((g) => g.value === id));
    }
    return 'next' as const;
  };
  const subnetStep = async (io: StepIo) => next(await pickMany(io, vscode.l10n.t('Subnets (one per Availability Zone; /26 recommended, a free /28 needed)'), (details?.subnets ?? []).map((s) => ({
    label: s.label,
    description: vscode.l10n.t('{0} · {1} · {2} free', s.availabilityZone, s.cidr, s.free),
    detail: s.freeSlash28 === 'no' ? vscode.l10n.t('$(error) no free /28 block: an endpoint would fail here') : !s.atLeastSlash26 ? vscode.l10n.t('$(warning) smaller than /26') : s.freeSlash28 === 'maybe' ? vscode.l10n.t('$(info) a free /28 is likely, not certain') : vscode.l10n.t('$(check) /26 or larger'),
    value: s.id,
  })), v.subnetIds ?? [], (ids) => validateSubnetIds(ids) ?? (details?.subnets.filter((s) => ids.includes(s.id) && s.freeSlash28 === 'no').map((s) => vscode.l10n.t('{0} has no free /28 block.', s.id))[0])), (ids) => (v.subnetIds = ids));
  const sgStep = async (io: StepIo) => next(await pickMany(io, vscode.l10n.t('Security groups (up to 5; they must allow the database port)'), (details?.securityGroups ?? []).map((g) => ({ label: g.label, detail: g.detail, value: g.value })), v.securityGroupIds ?? [], (ids) => validateSecurityGroupIds(ids)), (ids) => (v.securityGroupIds = ids));
  const ipTypeStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('Gateway IP address type'), [
    { label: 'IPv4', value: 'IPV4' as const }, { label: 'IPv6', value: 'IPV6' as const }, { label: vscode.l10n.t('Dual stack'), value: 'DUALSTACK' as const },
  ], v.ipAddressType), (t) => (v.ipAddressType = t));
  const groupStep = async (io: StepIo) => next(await pickOne(io, init.groups.length ? vscode.l10n.t('Parent GROUP configuration') : vscode.l10n.t('No GROUP configurations in this region'), init.groups.map((g) => ({ label: g.label, value: g.value })), v.groupId), (g) => (v.groupId = g));
  const databaseStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const r = await pickOne(io, init.databases.length ? vscode.l10n.t('RDS database (publicly accessible ones are refused)') : vscode.l10n.t('No RDS databases in this region'), init.databases.map((d) => ({
        label: d.publiclyAccessible ? `$(error) ${d.label}` : d.label,
        detail: d.publiclyAccessible ? vscode.l10n.t('Publicly accessible: refused, ClickPipes needs a private database') : d.arn,
        value: d.arn,
      })), v.arn);
      if (r === undefined || r === BACK) return r as StepResult;
      if (init.databases.find((d) => d.arn === r)?.publiclyAccessible) {
        vscode.window.showWarningMessage(vscode.l10n.t('That database is publicly accessible; choose a private one.')).then(undefined, () => undefined);
        continue;
      }
      v.arn = r;
      return 'next';
    }
  };
  const definitionKindStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('Target'), [
    { label: vscode.l10n.t('IP address in the VPC'), value: 'ip' as const }, { label: vscode.l10n.t('Public DNS name'), value: 'dns' as const },
  ], v.definitionKind), (k) => (v.definitionKind = k));
  const ipStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('IP address of the database (inside the VPC)'), v.ipAddress ?? '', (s) => validateIpAddress(s, details?.cidrs.length ? details.cidrs : undefined), '10.0.1.25'), (s) => (v.ipAddress = s));
  const dnsStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('Publicly resolvable DNS name'), v.domainName ?? '', validateDnsName, 'db.example.com'), (s) => (v.domainName = s));
  const split = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  const portsStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('Port ranges, comma-separated (5432, 3306 or 1-65535)'), (v.portRanges ?? []).join(', '), (s) => validatePortRanges(split(s)), '5432'), (s) => (v.portRanges = split(s)));
  const configNameStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('Resource configuration name'), v.configurationName, validateConfigurationName, 'clickpipes-postgres'), (s) => (v.configurationName = s));
  const shareNameStep = async (io: StepIo) => next(await inputText(io, vscode.l10n.t('Resource share name (shared with ClickPipes, account {0})', init.clickpipesAccount), v.shareName, validateResourceShareName, 'clickpipes-share'), (s) => (v.shareName = s));
  const externalStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('Share with {0} (outside your organization)', init.clickpipesAccount), [
    { label: vscode.l10n.t('Allow external principals'), description: vscode.l10n.t('needed for ClickPipes'), value: true },
    { label: vscode.l10n.t('Do not allow external principals'), description: vscode.l10n.t('ClickPipes will not be able to use the share'), value: false },
  ], v.allowExternalPrincipals !== false), (b) => (v.allowExternalPrincipals = b));

  const completed = await runSteps(() => {
    const list = [typeStep];
    if (v.configurationType !== 'CHILD') {
      list.push(gatewayStep);
      if (v.gatewayMode === 'new') list.push(gatewayNameStep, vpcStep, subnetStep, sgStep, ipTypeStep);
    } else list.push(groupStep);
    if (v.configurationType === 'ARN') list.push(databaseStep);
    if (v.configurationType === 'SINGLE' || v.configurationType === 'CHILD') {
      list.push(definitionKindStep, v.definitionKind === 'dns' ? dnsStep : ipStep);
    }
    if (v.configurationType !== 'ARN') list.push(portsStep);
    list.push(configNameStep, shareNameStep, externalStep);
    return list;
  }, vscode.l10n.t('ClickPipes: VPC resource endpoint'));
  if (!completed) return undefined;

  return reviewAnswers(ctx, session, v, 'vpcres');
}
