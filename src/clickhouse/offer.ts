// The bridge from a finished AWS plan to ClickHouse Cloud: offer to create the reverse private
// endpoint, pick the service, build the body from the plan's results and open it for review.
// The plan result view calls offerReversePrivateEndpoint(plan, outputs) and does not await it.
import * as vscode from 'vscode';
import {
  bodyFromPlan, endpointRegion, MSK_AUTHENTICATIONS, regionWarning, resolveResultTemplates, rpeTypeForPlan,
  type CreateRpeBody, type MskAuthentication,
} from '../model/clickhouse';
import type { Plan, StepOutputs } from '../model/plan';
import { clickHouseSession } from './currentSession';
import { openReview } from './create';
import { pickService } from './pickers';

export const OFFER_ACTION = vscode.l10n.t('Create the reverse private endpoint in ClickHouse Cloud');

/**
 * After an AWS plan of kind vpcResource / mskMultiVpc / endpointService succeeds. Other kinds
 * are ignored. `outputs` are the executor's step outputs (plan.results are resolved from them).
 * Returns the review document when one was opened (tests use it), else undefined.
 */
export async function offerReversePrivateEndpoint(
  plan: Plan,
  outputs: StepOutputs,
  options: { ask?: boolean } = {},
): Promise<vscode.TextDocument | undefined> {
  const type = rpeTypeForPlan(plan.kind);
  if (!type) return undefined;
  if (options.ask !== false) {
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('The AWS side of "{0}" is ready. ClickPipes connects once a reverse private endpoint exists in your ClickHouse Cloud service.', plan.title),
      OFFER_ACTION);
    if (answer !== OFFER_ACTION) return undefined;
  }
  return createFromResults(plan, resolveResultTemplates(plan.results, outputs));
}

async function createFromResults(plan: Pick<Plan, 'kind' | 'title' | 'region'>, results: Record<string, string>): Promise<vscode.TextDocument | undefined> {
  const type = rpeTypeForPlan(plan.kind)!;
  const overrides: Partial<CreateRpeBody> = {};
  let built = bodyFromPlan(plan, results);
  if ('errors' in built && type === 'MSK_MULTI_VPC' && !Object.values(results).some((v) => MSK_AUTHENTICATIONS.includes(v as MskAuthentication))) {
    // The plan may enable both auth types; ClickPipes takes one per endpoint.
    const auth = await vscode.window.showQuickPick(
      [{ label: 'SASL_IAM', description: vscode.l10n.t('IAM access control') }, { label: 'SASL_SCRAM', description: vscode.l10n.t('username/password (Secrets Manager)') }],
      { title: vscode.l10n.t('Which MSK authentication will the ClickPipe use?') });
    if (!auth) return undefined;
    overrides.mskAuthentication = auth.label as MskAuthentication;
    built = bodyFromPlan(plan, results, overrides);
  }
  if ('errors' in built) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The plan\'s results are not enough for a reverse private endpoint: {0}', built.errors.join(' · ')));
    return undefined;
  }
  const body = built.body;
  const session = clickHouseSession();
  if (!(await session.isSignedIn())) {
    await vscode.commands.executeCommand('clickpipes.clickhouse.signIn');
    if (!(await session.isSignedIn())) return undefined;
  }
  const api = (await session.api())!;
  const awsRegion = endpointRegion(body) ?? plan.region;
  let target;
  try {
    target = await pickService(api, { title: vscode.l10n.t('Create the reverse private endpoint in which ClickHouse Cloud service?'), awsRegion, type });
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return undefined;
  }
  if (!target) return undefined;
  const warning = regionWarning(type, awsRegion, target.service);
  if (warning) {
    const go = vscode.l10n.t('Review anyway');
    if ((await vscode.window.showWarningMessage(warning, { modal: true }, go)) !== go) return undefined;
  }
  return openReview(target, body, plan.title);
}
