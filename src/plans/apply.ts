// The apply command: re-read the plan tab (edits honoured), refuse it with a clear message when
// it has problems, name the account (STS), region and every mutating call in a modal, then run
// the executor with per-step progress (cancellable), and show the result view. Resumes from the
// journal: applying the same plan again never creates anything twice.
import * as vscode from 'vscode';
import type { Scope } from '../aws/api';
import { applyDocumentEdit } from '../model/builders';
import { rpeTypeForPlan } from '../model/clickhouse';
import { backendOf, type Plan } from '../model/plan';
import { createdView } from '../model/resultView';
import { confirmationText } from './confirm';
import { applyPlan, type ApplyOutcome } from './executor';
import { describeAwsError } from '../aws/errors';
import type { PlansDeps, ResultSink } from './hooks';
import type { JournalStore } from './journal';
import { parsePlanUri, planUri } from './planFileSystem';
import { PLAN_FILE, type PlanStore } from './planStore';
import { checkPlanText } from './planValidation';
import type { PlanReview } from './review';

export type Confirm = (message: string, detail: string) => Promise<boolean>;

/** Messages are fire-and-forget; a refused dialog (smoke tests, closing window) is not an error. */
function tell(kind: 'error' | 'warning', message: string, modal = false): void {
  const shown = kind === 'error' ? vscode.window.showErrorMessage(message, { modal }) : vscode.window.showWarningMessage(message, { modal });
  shown.then(undefined, () => undefined);
}

const modalConfirm: Confirm = async (message, detail) =>
  (await vscode.window.showWarningMessage(message, { modal: true, detail }, vscode.l10n.t('Apply'))) === vscode.l10n.t('Apply');

async function textOf(uri: vscode.Uri, store: PlanStore): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const parsed = parsePlanUri(uri);
  return parsed ? store.readText(parsed.planId, parsed.name) : undefined;
}

export class PlanApplier {
  /** Replaced by extension-host tests; the product always uses the modal. */
  confirm: Confirm = modalConfirm;
  lastOutcome: ApplyOutcome | undefined;
  private readonly running = new Set<string>();

  constructor(
    private readonly deps: PlansDeps,
    private readonly store: PlanStore,
    private readonly journals: JournalStore,
    private readonly review: PlanReview,
    private readonly results: ResultSink,
  ) {
    review.journals = journals;
  }

  /** The plan as the tabs say now: plan.json plus edited policy documents; or the reason it can't be applied. */
  async readPlan(uri: vscode.Uri): Promise<{ plan?: Plan; error?: string }> {
    const parsed = parsePlanUri(uri);
    if (!parsed) return { error: vscode.l10n.t('This is not a ClickPipes plan tab.') };
    const text = await textOf(planUri(parsed.planId), this.store);
    if (text === undefined) return { error: vscode.l10n.t('The plan was not found in storage (it may have been removed).') };
    const checked = checkPlanText(text);
    const errors = checked.problems.filter((p) => p.severity === 'error');
    if (!checked.plan) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri(parsed.planId).toString());
      const where = (offset: number) => (doc ? vscode.l10n.t('line {0}: ', doc.positionAt(offset).line + 1) : '');
      // The problems' own messages come from the plan check (src/model/planSchema.ts): English, like the plan.
      const list = errors.slice(0, 5).map((p) => `• ${where(p.offset)}${p.message}`).join('\n');
      return { error: errors.length === 1
        ? vscode.l10n.t('The plan has 1 problem and was not applied. Fix it in {0} (see Problems):\n{1}', PLAN_FILE, list)
        : vscode.l10n.t('The plan has {0} problems and was not applied. Fix them in {1} (see Problems):\n{2}', errors.length, PLAN_FILE, list) };
    }
    let plan = checked.plan;
    for (const entry of await this.store.manifest(parsed.planId)) {
      if (!entry.editable || !entry.source) continue;
      const content = await textOf(planUri(parsed.planId, entry.name), this.store);
      if (content === undefined) continue;
      if (entry.language === 'json') {
        try {
          JSON.parse(content);
        } catch (err) {
          return { error: vscode.l10n.t('{0} is not valid JSON ({1}); nothing was applied.', entry.name, (err as Error).message) };
        }
      }
      plan = applyDocumentEdit(plan, { name: entry.name, content, source: entry.source });
    }
    const again = checkPlanText(JSON.stringify(plan));
    if (!again.plan) return { error: vscode.l10n.t('After taking the edited documents in, the plan has problems: {0}', again.problems.map((p) => p.message).join(' ')) };
    return { plan };
  }

  async applyUri(uri: vscode.Uri | undefined): Promise<ApplyOutcome | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target || !parsePlanUri(target)) {
      tell('error', vscode.l10n.t('Open a ClickPipes plan tab (plan.json) to apply it.'));
      return undefined;
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri(parsePlanUri(target)!.planId).toString());
    if (doc) this.review.check(doc);
    const { plan, error } = await this.readPlan(target);
    if (!plan) {
      tell('error', error ?? vscode.l10n.t('The plan cannot be applied.'), true);
      return undefined;
    }
    return this.apply(plan);
  }

  async applyStored(planId: string): Promise<ApplyOutcome | undefined> {
    return this.applyUri(planUri(planId));
  }

  async apply(plan: Plan): Promise<ApplyOutcome | undefined> {
    if (this.running.has(plan.id)) {
      tell('warning', vscode.l10n.t('"{0}" is already being applied.', plan.title));
      return undefined;
    }
    const aws = this.deps.aws();
    const scope: Scope = { profile: plan.profile, region: plan.region };
    const usesAws = plan.steps.some((s) => backendOf(s.service) === 'aws');
    let account = '';
    try {
      // A plan with ClickHouse Cloud steps only has no AWS account to confirm.
      if (usesAws) account = (await aws.callerIdentity(plan.profile)).account;
    } catch (err) {
      tell('error', vscode.l10n.t('Could not confirm the account of profile "{0}": {1} Nothing was applied.', plan.profile, describeAwsError(err, { service: 'sts', operation: 'GetCallerIdentity' }).text));
      return undefined;
    }
    if (usesAws && plan.accountId && plan.accountId !== account) {
      tell('error', vscode.l10n.t('Profile "{0}" now signs in to account {1}, but the plan was made for {2}. Nothing was applied; switch the profile back or make a new plan.', plan.profile, account, plan.accountId), true);
      return undefined;
    }
    const journal = await this.journals.load(plan.id);
    const text = confirmationText(plan, account, journal);
    // Nothing left to do (an applied plan): show the recorded results without asking.
    const nothingPending = plan.steps.every((s) => journal?.steps[s.id]?.state === 'done');
    if (!nothingPending && !(await this.confirm(text.message, text.detail))) return undefined;

    this.running.add(plan.id);
    this.deps.onApplyChange?.([...this.running]);
    this.deps.log.info(`apply ${plan.id} (${plan.kind}) in ${account}/${plan.region}: ${text.calls.length} mutating call(s)`);
    try {
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: plan.title, cancellable: true },
        (progress, token) => {
          const share = 100 / Math.max(1, plan.steps.length);
          const clickhouse = this.deps.clickhouse?.();
          const shownWaiting = new Set<string>();
          return applyPlan(plan, {
            call: (service, operation, input) => aws.call(scope, service, operation, input),
            backends: clickhouse ? { clickhouse: (_service, operation, input) => clickhouse(operation, input) } : {},
            journal: this.journals,
            cancelled: () => token.isCancellationRequested,
            onEvent: (e) => {
              switch (e.type) {
                case 'step-start':
                  progress.report({ message: e.resuming
                    ? vscode.l10n.t('{0}/{1} {2} (resuming)', e.index + 1, e.total, e.step.title)
                    : vscode.l10n.t('{0}/{1} {2}', e.index + 1, e.total, e.step.title) });
                  break;
                case 'waiting':
                  // Show the new endpoint in the ClickHouse view while it provisions.
                  if (backendOf(e.step.service) === 'clickhouse' && !shownWaiting.has(e.step.id)) {
                    shownWaiting.add(e.step.id);
                    void vscode.commands.executeCommand('clickpipes.clickhouse.refresh').then(undefined, () => undefined);
                  }
                  progress.report({ message: vscode.l10n.t('{0}: {1} ({2} s)', e.step.title, e.status ?? vscode.l10n.t('waiting'), Math.round(e.elapsedMs / 1000)) });
                  break;
                case 'step-done':
                case 'step-skipped':
                  progress.report({ increment: share });
                  this.deps.log.info(`apply ${plan.id}: ${e.step.id} ${e.type === 'step-done' ? 'done' : `skipped (${e.reason})`}`);
                  break;
              }
            },
          });
        },
      );
      this.lastOutcome = outcome;
      this.review.refreshLenses();
      this.report(plan, account, outcome);
      return outcome;
    } finally {
      this.running.delete(plan.id);
      this.deps.onApplyChange?.([...this.running]);
    }
  }

  private report(plan: Plan, account: string, outcome: ApplyOutcome): void {
    const scope: Scope = { profile: plan.profile, region: plan.region };
    if (outcome.status === 'failed' && outcome.failure) {
      this.deps.log.error(`apply ${plan.id}: ${outcome.failure.stepId} failed (${outcome.failure.error.code})`);
    }
    const createdText = outcome.created.length
      ? ' ' + vscode.l10n.t('Already created: {0}.', outcome.created.map((c) => `${c.title}${c.outputs.id ? ` (${c.outputs.id})` : ''}`).join('; '))
      : ' ' + vscode.l10n.t('Nothing was created.');
    let message: string | undefined;
    if (outcome.status === 'failed' && outcome.failure) {
      message = vscode.l10n.t('Step "{0}" failed: {1}{2} Apply again to resume: finished steps are skipped.', outcome.failure.title, outcome.failure.error.text, createdText);
      tell('error', message);
    } else if (outcome.status === 'cancelled') {
      message = vscode.l10n.t('Cancelled before "{0}".{1} Apply again to continue.', plan.steps.find((s) => s.id === outcome.stoppedAt)?.title ?? outcome.stoppedAt ?? '', createdText);
      tell('warning', message);
    }
    this.results.show({
      status: outcome.status, planId: plan.id, title: plan.title, account, region: plan.region, results: outcome.results, message,
      created: outcome.created.map((c) => createdView(plan.steps.find((s) => s.id === c.stepId) ?? { operation: '', title: c.title }, c)),
    });
    if (plan.steps.some((s) => backendOf(s.service) === 'clickhouse')) {
      void vscode.commands.executeCommand('clickpipes.clickhouse.refresh').then(undefined, () => undefined);
    }
    // The source documents end in ClickHouse Cloud: offer that step when the plan did not take it
    // and leads to an endpoint (not a teardown). The ClickHouse view owns the offer.
    if (outcome.status === 'succeeded' && rpeTypeForPlan(plan)) {
      void vscode.commands.executeCommand('clickpipes.clickhouse.createFromPlan', plan, outcome.outputs).then(undefined, (err: Error) =>
        this.deps.log.warn(`ClickHouse Cloud offer after apply: ${err.message}`));
    }
    const awsCreated = outcome.created.filter((c) => plan.steps.some((s) => s.id === c.stepId && backendOf(s.service) === 'aws'));
    if (awsCreated.length && this.deps.explorer) {
      const explorer = this.deps.explorer;
      void (async () => {
        try {
          await explorer.refresh(scope);
          for (const c of awsCreated) {
            const arn = c.outputs.arn ?? c.outputs.id;
            if (arn) await explorer.reveal(scope, arn);
          }
        } catch (err) {
          this.deps.log.warn(`explorer refresh after apply: ${(err as Error).message}`);
        }
      })();
    }
  }
}
