// registerPlans(): the one call src/features.ts makes for plan → review → apply and the creation
// flows. Puts the plan engine (src/plans) together with the result view (src/webviews), makes the
// `clickpipes-plan:` file system (registered at activation by src/featureLoader.ts, which forwards
// to the one returned here), and registers the tables of the plan and flow commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Scope } from '../aws/api';
import { AWS_REGIONS, isClickPipesRegion } from '../model/clickpipes';
import type { Plan } from '../model/plan';
import { openForm, type FormContext, type NodeLike } from '../webviews/forms';
import { iamDbAuthForm } from '../webviews/forms/iamDbAuth';
import { runIamDbAuthStepByStep } from './stepByStep/iamDbAuth';
import { vpcResourceForm } from '../webviews/forms/vpcResource';
import { runVpcResourceStepByStep } from './stepByStep/vpcResource';
import { WebviewHost } from '../webviews/panelHost';
import { PlanApplier } from '../plans/apply';
import type { PlansDeps } from '../plans/hooks';
import { FileJournalStore, JOURNALS_DIR } from '../plans/journal';
import { endpointServiceCommands } from './endpointService';
import { mskCommands } from './msk';
import { registerCommandTable, type Command } from './register';
import { withForm } from './withForm';
import { PlanFileSystem, planUri } from '../plans/planFileSystem';
import { PlanStore } from '../plans/planStore';
import { ResultView } from '../webviews/resultView';
import { PlanReview } from '../plans/review';
import { registerDoctor } from './doctor';

export type { ExplorerHooks, PlansDeps } from '../plans/hooks';

/** For extension-host tests only (registered in Test and Development mode). */
export type PlansTestApi = {
  applier: PlanApplier;
  review: PlanReview;
  store: PlanStore;
  journals: FileJournalStore;
  results: ResultView;
  hosts: typeof WebviewHost.open;
  openReview(plan: Plan): Promise<vscode.Uri>;
};

function nodeScope(node: unknown): Scope | undefined {
  const s = (node as { scope?: Scope } | undefined)?.scope;
  return s && typeof s.profile === 'string' && typeof s.region === 'string' ? s : undefined;
}

async function pickScope(deps: PlansDeps): Promise<Scope | undefined> {
  const shown = deps.explorer?.scopes?.() ?? [];
  if (shown.length === 1) return shown[0];
  if (shown.length > 1) {
    const picked = await vscode.window.showQuickPick(shown.map((s) => ({ label: `${s.profile} · ${s.region}`, description: isClickPipesRegion(s.region) ? '' : 'not a ClickPipes region', scope: s })), { placeHolder: vscode.l10n.t('Where to create it (profile · region)') });
    return picked?.scope;
  }
  const profiles = await deps.aws().listProfiles();
  const profile = await vscode.window.showQuickPick(profiles.map((p) => ({ label: p.name, description: p.region, p })), { placeHolder: vscode.l10n.t('AWS profile') });
  if (!profile) return undefined;
  const region = await vscode.window.showQuickPick(
    AWS_REGIONS.map((r) => ({ label: r.code, description: `${r.name}${isClickPipesRegion(r.code) ? ' · ClickPipes' : ''}`, picked: r.code === profile.p.region })),
    { placeHolder: vscode.l10n.t('AWS region (ClickPipes regions are marked)') },
  );
  return region ? { profile: profile.p.name, region: region.label } : undefined;
}

async function resume(journals: FileJournalStore, store: PlanStore): Promise<void> {
  const open = (await journals.list()).filter((j) => !j.finishedAt).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  if (!open.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No unfinished plan to resume.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(open.map((j) => ({
    label: j.title, description: `${j.profile} · ${j.region}`, detail: `${Object.keys(j.steps).length} step(s) done${j.lastError ? ` — stopped: ${j.lastError}` : ''}`, j,
  })), { placeHolder: vscode.l10n.t('Unfinished plan to review and resume') });
  if (!picked) return;
  if (!(await store.exists(picked.j.planId))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The plan of that apply is no longer in storage.'));
    return;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planUri(picked.j.planId)), { preview: false });
}

async function copyDocument(uri?: vscode.Uri): Promise<number | undefined> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) return undefined;
  const text = (await vscode.workspace.openTextDocument(target)).getText();
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', path.posix.basename(target.path)), 5000);
  return text.length;
}

export function registerPlans(context: vscode.ExtensionContext, deps: PlansDeps): { fileSystem: vscode.FileSystemProvider; openReview(plan: Plan): Promise<vscode.Uri> } {
  const storage = context.globalStorageUri.fsPath;
  const store = new PlanStore(path.join(storage, 'plans'));
  const journals = new FileJournalStore(path.join(storage, JOURNALS_DIR));
  const fs = new PlanFileSystem(store);
  const review = new PlanReview(store, fs);
  const results = new ResultView(context.extensionUri, deps.log);
  const applier = new PlanApplier(deps, store, journals, review, results);
  results.retry = (planId) => applier.applyStored(planId);

  const openReview = async (plan: Plan): Promise<vscode.Uri> => (await review.open(plan)).document.uri;
  const formContext = async (node: unknown): Promise<FormContext | undefined> => {
    const scope = nodeScope(node) ?? (await pickScope(deps));
    return scope ? { deps, extensionUri: context.extensionUri, scope, node: node as NodeLike, review: openReview, clickhouseServices: deps.clickhouseServices } : undefined;
  };

  const testMode = context.extensionMode !== vscode.ExtensionMode.Production;
  const commands: Command[] = [
    { id: 'clickpipes.applyPlan', handler: (uri?: vscode.Uri) => applier.applyUri(uri instanceof vscode.Uri ? uri : undefined) },
    { id: 'clickpipes.resumePlan', handler: () => resume(journals, store) },
    { id: 'clickpipes.createVpcResourceEndpoint', handler: withForm(formContext, (ctx) => void openForm(vpcResourceForm, ctx)) },
    { id: 'clickpipes.createVpcResourceEndpointQuick', handler: withForm(formContext, (ctx) => runVpcResourceStepByStep(ctx)) },
    ...mskCommands({ formContext, openReview }),
    ...endpointServiceCommands({ formContext, testMode }),
    { id: 'clickpipes.createIamDbAuthRole', handler: withForm(formContext, (ctx) => void openForm(iamDbAuthForm, ctx)) },
    { id: 'clickpipes.createIamDbAuthRoleQuick', handler: withForm(formContext, (ctx) => runIamDbAuthStepByStep(ctx)) },
    // The review's SQL (and any other document) stays open after apply: the extension never
    // connects to the database, so the user copies the SQL and runs it themselves.
    { id: 'clickpipes.copyReviewDocument', handler: copyDocument },
  ];
  const disposables: vscode.Disposable[] = [review, ...registerCommandTable(commands)];
  // The connectivity doctor's fixes open this same review.
  disposables.push(...registerDoctor({ ...deps, openReview }));
  if (testMode) {
    const api: PlansTestApi = { applier, review, store, journals, results, hosts: WebviewHost.open, openReview };
    disposables.push(...registerCommandTable([{ id: 'clickpipes.plans._testApi', handler: () => api }]));
  }
  context.subscriptions.push(vscode.Disposable.from(...disposables));
  return { fileSystem: fs, openReview };
}
