// The MSK multi-VPC commands: the form (webview and QuickPick) and the teardown, each ending in
// the usual review tabs plus a diff editor with the cluster policy before and after the plan.
// registerPlans() calls registerMskCommands() with its form context and review opener.
import * as vscode from 'vscode';
import type { Scope } from '../aws/api';
import type { Plan } from '../model/plan';
import type { MskCluster } from '../model/resources';
import { buildPlan, openForm, type FormContext, type NodeLike } from '../webviews/forms';
import { mskMultiVpcForm } from '../webviews/forms/mskMultiVpc';
import { runMskMultiVpcQuickPick } from './stepByStep/mskMultiVpc';
import { describeAwsError } from '../plans/failure';
import { buildMskTeardownPlan, type MskTeardownInput } from '../model/mskTeardownPlan';
import { planUri } from '../plans/planFileSystem';
import { NO_POLICY_SCHEME } from '../plans/schemes';

export const MSK_COMMANDS = {
  create: 'clickpipes.createMskMultiVpcEndpoint',
  createQuick: 'clickpipes.createMskMultiVpcEndpointQuick',
  remove: 'clickpipes.removeClickPipesFromMskCluster',
} as const;

/** The read-only stand-in for "no policy" on one side of the diff (its content provider is
 * registered at activation, src/featureLoader.ts, so a restored diff tab resolves). */
const NO_POLICY = vscode.Uri.from({ scheme: NO_POLICY_SCHEME, path: '/no-cluster-policy.json' });

/** Opens the old and new cluster policy of an MSK plan side by side, beside the plan tab. */
export async function openPolicyDiff(plan: Plan): Promise<void> {
  const hasCurrent = Boolean(plan.meta?.previousPolicy);
  const hasNew = plan.steps.some((s) => s.service === 'kafka' && s.operation === 'PutClusterPolicy');
  if (plan.kind !== 'mskMultiVpc' || (!hasCurrent && !hasNew)) return;
  // The right side is the editable cluster-policy.json tab: edits made in the diff are what apply sends.
  const left = hasCurrent ? planUri(plan.id, 'cluster-policy.current.json') : NO_POLICY;
  const right = hasNew ? planUri(plan.id, 'cluster-policy.json') : NO_POLICY;
  const arn = plan.steps.map((s) => s.input.ClusterArn).find((a): a is string => typeof a === 'string') ?? '';
  const name = arn.split('/')[1] ?? 'MSK cluster';
  await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('Cluster policy {0}: now ↔ after apply', name), {
    preview: false, preserveFocus: true, viewColumn: vscode.ViewColumn.Beside,
  });
}

export type MskCommandDeps = {
  formContext(node: unknown): Promise<FormContext | undefined>;
  openReview(plan: Plan): Promise<vscode.Uri>;
};

async function pickCluster(ctx: FormContext, placeHolder: string): Promise<MskCluster | undefined> {
  const clusters = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading MSK clusters…') }, () => ctx.deps.aws().listMskClusters(ctx.scope));
  if (!clusters.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No MSK clusters in {0} for profile {1}.', ctx.scope.region, ctx.scope.profile));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(clusters.map((c) => ({ label: c.name, description: `${c.state} · ${c.kafkaVersion ?? ''}`, detail: c.arn, c })), { placeHolder });
  return picked?.c;
}

/** Reads the policy, builds the teardown plan and opens it for review (apply asks again, modally). */
export async function removeClickPipesFromCluster(ctx: FormContext, arn: string): Promise<vscode.Uri | undefined> {
  const scope: Scope = ctx.scope;
  let input: MskTeardownInput;
  try {
    input = { clusterArn: arn, policy: await ctx.deps.aws().getMskClusterPolicy(scope, arn) };
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the cluster policy: {0}', describeAwsError(err, { service: 'kafka', operation: 'GetClusterPolicy' }).text));
    return undefined;
  }
  // A pure dry run first: nothing to remove means no plan, no STS call.
  const dry = buildMskTeardownPlan(input, { planId: 'check', createdAt: '', profile: scope.profile, region: scope.region });
  if ('nothingToDo' in dry) {
    void vscode.window.showInformationMessage(dry.nothingToDo);
    return undefined;
  }
  const plan = await buildPlan((values: MskTeardownInput, buildCtx) => (buildMskTeardownPlan(values, buildCtx) as { plan: Plan }).plan, input, 'mskdown', ctx.deps, scope);
  return ctx.review(plan);
}

export function registerMskCommands(deps: MskCommandDeps): vscode.Disposable[] {
  // Every MSK review also opens the policy diff.
  const withDiff = (ctx: FormContext): FormContext => ({
    ...ctx,
    review: async (plan) => {
      const uri = await deps.openReview(plan);
      await openPolicyDiff(plan);
      return uri;
    },
  });
  const context = async (node: unknown) => {
    const ctx = await deps.formContext(node);
    return ctx ? withDiff(ctx) : undefined;
  };
  const clusterArnOf = (node: unknown): string | undefined => {
    const n = node as NodeLike;
    return n?.type === 'mskCluster' && typeof n.resource?.arn === 'string' ? n.resource.arn : undefined;
  };
  return [
    vscode.commands.registerCommand(MSK_COMMANDS.create, async (node?: unknown) => {
      const ctx = await context(node);
      if (ctx) openForm(mskMultiVpcForm, ctx);
    }),
    vscode.commands.registerCommand(MSK_COMMANDS.createQuick, async (node?: unknown) => {
      const ctx = await context(node);
      return ctx ? runMskMultiVpcQuickPick(ctx) : undefined;
    }),
    vscode.commands.registerCommand(MSK_COMMANDS.remove, async (node?: unknown) => {
      const ctx = await context(node);
      if (!ctx) return undefined;
      const arn = clusterArnOf(node) ?? (await pickCluster(ctx, vscode.l10n.t('MSK cluster to remove ClickPipes from')))?.arn;
      return arn ? removeClickPipesFromCluster(ctx, arn) : undefined;
    }),
  ];
}
