// Review before apply: the plan and its documents open as `clickpipes-plan:` tabs; plan.json is
// checked as it is typed (diagnostics + hover), saving it regenerates the read-only documents
// (CLI script, notes), and a CodeLens + editor-title button apply it.
import * as vscode from 'vscode';
import type { Plan, ReviewDocument } from '../model/plan';
import { documentsFor, reviewTabs, SUMMARY_FILE } from '../model/builders';
import { PLAN_FILE, type PlanStore } from './planStore';
import { isPlanDocument, parsePlanUri, planUri, type PlanFileSystem } from './planFileSystem';
import { checkPlanText, schemaDescription } from './planValidation';
import { findNode, parseJsonTree, pathAt } from './jsonTree';
import { parseRef } from './references';
import { isMutating } from './planText';
import type { JournalStore } from './journal';

export const APPLY_COMMAND = 'clickpipes.applyPlan';

export class PlanReview implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('clickpipes-plan');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lensChanged = new vscode.EventEmitter<void>();
  /** Set by the applier: lets the CodeLens say "Resume" or "Applied" from the journal. */
  journals: JournalStore | undefined;

  constructor(private readonly store: PlanStore, private readonly fs: PlanFileSystem) {
    const selector: vscode.DocumentSelector = [
      { scheme: 'clickpipes-plan', pattern: `**/${PLAN_FILE}` },
      { scheme: 'clickpipes-plan', pattern: `**/${SUMMARY_FILE}` },
    ];
    this.disposables.push(
      this.diagnostics,
      this.lensChanged,
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.diagnostics.delete(d.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.regenerate(d)),
      vscode.languages.registerCodeLensProvider(selector, { provideCodeLenses: (d) => this.lenses(d), onDidChangeCodeLenses: this.lensChanged.event }),
      vscode.languages.registerHoverProvider({ scheme: 'clickpipes-plan', pattern: `**/${PLAN_FILE}` }, { provideHover: (d, p) => this.hover(d, p) }),
    );
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  /**
   * Writes the plan and its documents to storage and opens at most three tabs (reviewTabs), the
   * summary in front. The other documents are loaded too, one click away from the summary's
   * CodeLens, so apply and the tests find them without a tab each.
   */
  async open(plan: Plan, documents: ReviewDocument[] = documentsFor(plan)): Promise<vscode.TextEditor> {
    const entries = await this.store.save(plan, documents);
    const tabs = reviewTabs([{ name: PLAN_FILE, language: 'json', editable: true }, ...entries]);
    for (const entry of entries) {
      if (!tabs.includes(entry.name)) await vscode.workspace.openTextDocument(planUri(plan.id, entry.name));
    }
    const planDoc = await vscode.workspace.openTextDocument(planUri(plan.id));
    if (planDoc.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(planDoc, 'json');
    let planEditor: vscode.TextEditor | undefined;
    // Back to front, so the summary ends up the active tab and plan.json right beside it.
    for (const name of [...tabs].reverse()) {
      const doc = name === PLAN_FILE ? planDoc : await vscode.workspace.openTextDocument(planUri(plan.id, name));
      const editor = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: name !== tabs[0], viewColumn: vscode.ViewColumn.Active });
      if (name === PLAN_FILE) planEditor = editor;
    }
    this.check(planDoc);
    return planEditor ?? vscode.window.showTextDocument(planDoc, { preview: false, viewColumn: vscode.ViewColumn.Active });
  }

  check(doc: vscode.TextDocument): void {
    if (!isPlanDocument(doc)) return;
    const { problems } = checkPlanText(doc.getText());
    this.diagnostics.set(doc.uri, problems.map((p) => {
      const range = new vscode.Range(doc.positionAt(p.offset), doc.positionAt(p.offset + p.length));
      const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = vscode.l10n.t('ClickPipes plan');
      return d;
    }));
    this.lensChanged.fire();
  }

  /** Tell the editor to ask for the CodeLens again (after an apply changed the journal). */
  refreshLenses(): void {
    this.lensChanged.fire();
  }

  private async lenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const parsed = parsePlanUri(doc.uri);
    if (parsed?.name === SUMMARY_FILE) return this.summaryLenses(parsed.planId);
    return this.applyLenses(doc.getText(), doc.uri, (top, planId) => [
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(terminal) AWS CLI script'), command: 'vscode.open', arguments: [planUri(planId, 'commands.sh')] }),
    ]);
  }

  /** The summary's top line: the same Apply/Resume lens as plan.json, then every document by name. */
  private async summaryLenses(planId: string): Promise<vscode.CodeLens[]> {
    const planDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === planUri(planId).toString());
    const text = planDoc?.getText() ?? (await this.store.readText(planId, PLAN_FILE));
    if (text === undefined) return [];
    const names = [PLAN_FILE, ...(await this.store.manifest(planId)).map((e) => e.name).filter((n) => n !== SUMMARY_FILE)];
    return this.applyLenses(text, planUri(planId), (top) => names.map((name) => new vscode.CodeLens(top, {
      title: `$(file) ${name}`,
      tooltip: vscode.l10n.t('Open {0}', name),
      command: 'vscode.open',
      arguments: [planUri(planId, name)],
    })));
  }

  /** Apply / Resume / Applied from the plan text and its journal, then `more` (document links). */
  private async applyLenses(
    text: string, planDocUri: vscode.Uri, more: (top: vscode.Range, planId: string) => vscode.CodeLens[],
  ): Promise<vscode.CodeLens[]> {
    const top = new vscode.Range(0, 0, 0, 0);
    const { plan, problems } = checkPlanText(text);
    if (!plan) {
      const count = problems.filter((p) => p.severity === 'error').length;
      return [new vscode.CodeLens(top, { title: vscode.l10n.t('$(error) {0} problem{1}: fix before applying', count, count === 1 ? '' : 's'), command: 'workbench.actions.view.problems' })];
    }
    const calls = plan.steps.filter(isMutating).length;
    const journal = await this.journals?.load(plan.id);
    const done = plan.steps.filter((s) => journal?.steps[s.id]?.state === 'done').length;
    const title = journal?.finishedAt
      ? vscode.l10n.t('$(check) Applied — show the result')
      : journal && Object.keys(journal.steps).length
        ? vscode.l10n.t('$(debug-restart) Resume apply ({0} of {1} steps done)', done, plan.steps.length)
        : vscode.l10n.t('$(play) Apply plan ({0} change{1} in {2})', calls, calls === 1 ? '' : 's', plan.region);
    return [new vscode.CodeLens(top, { title, command: APPLY_COMMAND, arguments: [planDocUri] }), ...more(top, plan.id)];
  }

  private hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const { root } = parseJsonTree(text);
    if (!root) return undefined;
    const path = pathAt(root, offset);
    const lines: string[] = [];
    const node = findNode(root, path);
    if (node?.type === 'string' && typeof node.value === 'string') {
      const ref = parseRef(node.value);
      if (ref) {
        const { plan } = checkPlanText(text);
        const target = plan?.steps.find((s) => s.id === ref.stepId);
        lines.push(target
          ? `Output **${ref.output}** of step **${ref.stepId}** (${target.title}), read from \`${target.outputs[ref.output] ?? '?'}\` in its ${target.operation} response. Filled in when that step has run.`
          : vscode.l10n.t('Reference to step **{0}**, output **{1}**.', ref.stepId, ref.output));
      }
    }
    const described = schemaDescription(path);
    if (described) lines.push(described);
    if (path[0] === 'steps' && typeof path[1] === 'number' && path[2] === 'clientTokenField') {
      lines.push(vscode.l10n.t('At apply, this field gets a token made from the plan id and step id, so a re-run returns the same resource instead of a new one.'));
    }
    return lines.length ? new vscode.Hover(new vscode.MarkdownString(lines.join('\n\n'))) : undefined;
  }

  /** After plan.json is saved, the CLI script and notes follow it. */
  private async regenerate(doc: vscode.TextDocument): Promise<void> {
    const parsed = parsePlanUri(doc.uri);
    if (!parsed || parsed.name !== PLAN_FILE) return;
    const { plan } = checkPlanText(doc.getText());
    if (!plan || plan.id !== parsed.planId) return;
    const changed = await this.store.refreshDocuments(plan.id, documentsFor(plan));
    this.fs.changed(changed.map((name) => planUri(plan.id, name)));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
