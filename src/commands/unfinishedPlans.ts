// The status bar item "N unfinished plan(s)": shown while journals hold an interrupted apply, a
// click runs Resume an Unfinished Plan…. Counted after activation (no file work during it) and
// again whenever an apply starts or ends (PlansDeps.onApplyChange).
import * as vscode from 'vscode';
import type { JournalStore } from '../plans/journal';
import { unfinishedSummary } from '../model/unfinishedPlans';

/** The part of vscode.StatusBarItem used here, so unit tests can pass a plain object. */
export type StatusItem = Pick<vscode.StatusBarItem, 'text' | 'tooltip' | 'command' | 'name' | 'show' | 'hide' | 'dispose'>;

export class UnfinishedPlansStatus implements vscode.Disposable {
  private running = new Set<string>();
  private counting: Promise<void> = Promise.resolve();
  private store: Pick<JournalStore, 'list'> | undefined;
  count = 0;

  /** `journals` is called at the first count: activation does no path or file work. */
  constructor(private readonly journals: () => Pick<JournalStore, 'list'>, private readonly item: StatusItem = vscode.window.createStatusBarItem('clickpipes.unfinishedPlans', vscode.StatusBarAlignment.Left, 49)) {
    item.name = vscode.l10n.t('ClickPipes unfinished plans');
    item.command = 'clickpipes.resumePlan';
  }

  /** Re-reads the journals; `running` (when given) replaces the plans being applied now. Calls run one after another. */
  refresh(running?: readonly string[]): Promise<void> {
    if (running) this.running = new Set(running);
    this.counting = this.counting.then(() => this.recount(), () => this.recount());
    return this.counting;
  }

  private async recount(): Promise<void> {
    this.store ??= this.journals();
    const summary = unfinishedSummary(await this.store.list(), this.running);
    this.count = summary?.count ?? 0;
    if (!summary) {
      this.item.hide();
      return;
    }
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
