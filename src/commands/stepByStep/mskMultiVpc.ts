// The MSK multi-VPC flow as a multi-step QuickPick: the same session (cluster list with
// prerequisites, validators, fresh read, builder) as the webview form, one question per step.
import * as vscode from 'vscode';
import type { MskMultiVpcForm } from '../../model/forms';
import { validateMskAuthSelection } from '../../model/validation';
import { defaultAuth } from '../../webviews/mskProtocol';
import type { FormContext } from '../../webviews/forms/index';
import { failedPrerequisites, prerequisiteError, startMskMultiVpcSession } from '../../webviews/forms/mskMultiVpc';
import { quickInputPrompter, reviewAnswers, runSteps, type Prompter, type StepIo, type StepResult } from './steps';

type AuthKey = 'iam' | 'scram' | 'tls';
const AUTH_LABELS: Record<AuthKey, string> = { iam: 'SASL/IAM', scram: 'SASL/SCRAM', tls: 'TLS' };

/** `prompter` is the real QuickPick; extension-host tests pass a scripted one. */
export async function runMskMultiVpcQuickPick(ctx: FormContext, prompter: Prompter = quickInputPrompter): Promise<vscode.Uri | undefined> {
  const { pickOne, pickMany } = prompter;
  const session = startMskMultiVpcSession(ctx);
  const init = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading MSK clusters…') }, () => session.loadInit());
  if (init.loadError) void vscode.window.showWarningMessage(init.loadError);
  const v: MskMultiVpcForm = { clusterArn: '', auth: { iam: false, scram: false, tls: false }, ...init.preset };
  const chosen = () => session.options().find((o) => o.arn === v.clusterArn);

  const clusterStep = async (io: StepIo): Promise<StepResult> => {
    for (;;) {
      const options = session.options();
      const r = await pickOne(io, options.length ? vscode.l10n.t('MSK cluster (✗ = a multi-VPC prerequisite fails)') : vscode.l10n.t('No MSK clusters in {0}', init.region), options.map((o) => {
        const failed = failedPrerequisites(o);
        return {
          label: failed.length ? `$(error) ${o.name}` : o.name,
          description: o.label.slice(o.name.length + 1),
          detail: failed.length ? failed.map((p) => p.detail).join(' ') : vscode.l10n.t('Auth: {0}', Object.entries(o.auth).filter(([, on]) => on).map(([k]) => AUTH_LABELS[k as AuthKey]).join(', ')),
          value: o.arn,
        };
      }), v.clusterArn || undefined);
      if (r === undefined || typeof r === 'symbol') return r as StepResult;
      const option = session.options().find((o) => o.arn === r)!;
      const blocked = prerequisiteError(option);
      if (blocked) {
        void vscode.window.showWarningMessage(blocked);
        continue;
      }
      if (r !== v.clusterArn) v.auth = defaultAuth(option);
      v.clusterArn = r;
      return 'next';
    }
  };

  const authStep = async (io: StepIo): Promise<StepResult> => {
    const option = chosen()!;
    const keys = (['iam', 'scram', 'tls'] as const).filter((k) => option.auth[k]);
    const r = await pickMany(io, vscode.l10n.t('Auth types to turn on for multi-VPC connectivity'), keys.map((k) => ({
      label: AUTH_LABELS[k],
      description: option.multiVpc[k] ? vscode.l10n.t('already on (stays on)') : k === 'tls' ? vscode.l10n.t('not used by ClickPipes') : vscode.l10n.t('ClickPipes: {0}', `SASL_${k.toUpperCase()}`),
      value: k,
    })), keys.filter((k) => v.auth[k]), (picked) => validateMskAuthSelection({ iam: picked.includes('iam'), scram: picked.includes('scram'), tls: picked.includes('tls') }, option.auth));
    if (r === undefined || typeof r === 'symbol') return r as StepResult;
    // Types already on stay on whatever is picked: UpdateConnectivity keeps them.
    v.auth = { iam: r.includes('iam') || option.multiVpc.iam, scram: r.includes('scram') || option.multiVpc.scram, tls: r.includes('tls') || option.multiVpc.tls };
    return 'next';
  };

  const completed = await runSteps(() => [clusterStep, authStep], vscode.l10n.t('ClickPipes: MSK multi-VPC endpoint'));
  if (!completed) return undefined;
  return reviewAnswers(ctx, session, v, 'msk');
}
