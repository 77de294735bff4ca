// The VPC endpoint service flow as a multi-step QuickPick: the same session (ELBv2 list,
// validators, builder) as the webview form, one question per step. Every question goes through
// the Prompter, so extension-host tests script it (test/suite/endpointService.test.ts).
import * as vscode from 'vscode';
import type { EndpointServiceForm } from '../../model/forms';
import { validatePrivateDnsName } from '../../model/validation';
import { clickPipesCanReach, startEndpointServiceSession } from '../../webviews/forms/endpointService';
import type { FormContext } from '../../webviews/forms/index';
import { BACK, next, quickInputPrompter, reviewAnswers, runSteps, type Prompter, type StepIo, type StepResult } from './steps';

export async function runEndpointServiceQuickPick(ctx: FormContext, prompter: Prompter = quickInputPrompter): Promise<vscode.Uri | undefined> {
  const { pickOne, pickMany, inputText } = prompter;
  const session = startEndpointServiceSession(ctx);
  const init = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading load balancers…') },
    () => session.loadInit(),
  );
  if (init.loadError) void vscode.window.showWarningMessage(init.loadError);
  const v: EndpointServiceForm = { mode: 'new', networkLoadBalancerArns: [], acceptanceRequired: true, privateDnsName: '', supportedRegions: [], ...init.preset };

  const nlbStep = async (io: StepIo) => next(await pickMany(io,
    init.loadBalancers.length ? vscode.l10n.t('Network Load Balancer(s) in front of the service') : vscode.l10n.t('No load balancers in {0}', init.region),
    init.loadBalancers.map((o) => ({
      label: o.disabledReason ? `$(circle-slash) ${o.name}` : o.name,
      description: `${o.type} · ${o.state}`,
      detail: o.disabledReason ?? o.note ?? o.arn,
      value: o.arn,
    })),
    v.networkLoadBalancerArns ?? [],
    (arns) => {
      if (!arns.length) return vscode.l10n.t('Choose at least one Network Load Balancer.');
      return init.loadBalancers.find((o) => arns.includes(o.arn) && o.disabledReason)?.disabledReason;
    }), (arns) => (v.networkLoadBalancerArns = arns));

  const acceptanceStep = async (io: StepIo) => next(await pickOne(io, vscode.l10n.t('Must you accept each connection request?'), [
    { label: vscode.l10n.t('Acceptance required (recommended)'), detail: vscode.l10n.t('Connection requests wait until you accept them (the ClickPipes endpoint shows Pending acceptance; it expires after a day).'), value: true },
    { label: vscode.l10n.t('Accept automatically'), detail: vscode.l10n.t('Allowed principals (ClickPipes) connect without approval.'), value: false },
  ], v.acceptanceRequired ?? true), (b) => (v.acceptanceRequired = b));

  const dnsStep = async (io: StepIo) => next(await inputText(io,
    vscode.l10n.t('Private DNS name (optional; leave empty for none). A TXT record proves you own the domain before it is used.'),
    v.privateDnsName ?? '', (s) => (s.trim() ? validatePrivateDnsName(s.trim()) : undefined), 'db.example.com'), (s) => (v.privateDnsName = s.trim()));

  const regionsStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const r = await pickMany(io,
        vscode.l10n.t('Supported regions for cross-region ClickPipes (optional; {0} is always supported)', init.region),
        init.clickpipesRegions.map((c) => ({ label: c.code, description: c.name, value: c.code })),
        v.supportedRegions ?? [], () => undefined);
      if (r === undefined || r === BACK) return r as StepResult;
      v.supportedRegions = r;
      if (clickPipesCanReach(init.region, r)) return 'next';
      // Not an error (a region can be added later), but ClickPipes could not connect yet: ask.
      const answer = await pickOne(io, init.regionWarning ?? vscode.l10n.t('ClickPipes cannot reach {0}.', init.region), [
        { label: vscode.l10n.t('Choose a ClickPipes region'), value: 'choose' as const },
        { label: vscode.l10n.t('Continue without one'), detail: vscode.l10n.t('ClickPipes cannot connect until a ClickPipes region is added ("Add ClickPipes Region to Endpoint Service…").'), value: 'continue' as const },
      ]);
      if (answer === undefined) return undefined;
      if (answer === 'continue') return 'next';
    }
  };

  const completed = await runSteps(() => [nlbStep, acceptanceStep, dnsStep, regionsStep], vscode.l10n.t('ClickPipes: VPC endpoint service'));
  if (!completed) return undefined;
  const values: EndpointServiceForm = { ...v, privateDnsName: v.privateDnsName || undefined, supportedRegions: v.supportedRegions?.length ? v.supportedRegions : undefined };
  return reviewAnswers(ctx, session, values, 'vpcesvc');
}
