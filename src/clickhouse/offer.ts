// The bridge from a finished AWS plan to ClickHouse Cloud: offer to create the reverse private
// endpoint, pick the service, and open a plan for it in the common review (the same tab, Apply
// CodeLens, journal and result view as every plan). Plans that already create the endpoint, and
// teardowns, are not offered anything (rpeTypeForPlan).
import * as vscode from 'vscode';
import { buildClickhouseEndpointFromPlan } from '../model/builders/clickhouseEndpoint';
import {
  bodyFromPlan, endpointRegion, MSK_AUTHENTICATIONS, regionWarning, resolveResultTemplates, rpeTypeForPlan,
  type CreateRpeBody, type MskAuthentication,
} from '../model/clickhouse';
import type { Plan, StepOutputs } from '../model/plan';
import { clickHouseSession } from './currentSession';
import { pickService } from './pickers';

export const OFFER_ACTION = vscode.l10n.t('Create the reverse private endpoint in ClickHouse Cloud');

/** Opens a plan in the common review; returns its plan tab. */
export type ReviewPlan = (plan: Plan) => Promise<vscode.Uri>;

/** A plan id for the ClickHouse side, safe as a file name and unique enough. */
export function endpointPlanId(now = new Date()): string {
  return `chrpe-${now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * After an AWS plan of kind vpcResource / mskMultiVpc / endpointService succeeds. Other plans
 * are ignored. `outputs` are the executor's step outputs (plan.results are resolved from them).
 * Returns the plan tab when one was opened (tests use it), else undefined.
 */
export async function offerReversePrivateEndpoint(
  plan: Plan,
  outputs: StepOutputs,
  review: ReviewPlan,
  options: { ask?: boolean } = {},
): Promise<vscode.Uri | undefined> {
  if (!rpeTypeForPlan(plan)) return undefined;
  if (options.ask !== false) {
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('The AWS side of "{0}" is ready. ClickPipes connects once a reverse private endpoint exists in your ClickHouse Cloud service.', plan.title),
      OFFER_ACTION);
    if (answer !== OFFER_ACTION) return undefined;
  }
  return createFromResults(plan, resolveResultTemplates(plan.results, outputs), review);
}

async function createFromResults(plan: Plan, results: Record<string, string>, review: ReviewPlan): Promise<vscode.Uri | undefined> {
  const type = rpeTypeForPlan(plan)!;
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
  const made = buildClickhouseEndpointFromPlan(plan, results, {
    organizationId: target.org.id, serviceId: target.service.id, organizationName: target.org.name, serviceName: target.service.name,
    serviceRegion: target.service.region, overrides,
  }, { planId: endpointPlanId(), createdAt: new Date().toISOString(), profile: plan.profile, region: plan.region, accountId: plan.accountId });
  if ('errors' in made) return undefined; // bodyFromPlan said yes just above with the same values
  if (warning) made.plan.warnings.push(warning);
  return review(made.plan);
}
