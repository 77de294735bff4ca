// The result view: one webview panel showing the values to paste into ClickHouse Cloud, each with
// a copy button (copied by the host, confirmed in the status bar), and "Apply again" after a
// failure or cancel.
import * as vscode from 'vscode';
import { WebviewHost } from './panelHost';
import { CopyCommand, ResultNotification, RetryApplyCommand, type ResultState } from './protocol';
import type { PlansLog } from '../plans/hooks';

export class ResultView {
  private host: WebviewHost | undefined;
  private state: ResultState | undefined;
  /** Set by registerPlans: "Apply again" in the view. */
  retry: (planId: string) => unknown = () => undefined;
  lastCopied: { label: string; value: string } | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: PlansLog) {}

  show(state: ResultState): void {
    this.state = state;
    if (!this.host) {
      const host = new WebviewHost({ extensionUri: this.extensionUri, viewType: 'clickpipes.result', title: vscode.l10n.t('ClickPipes: result'), app: 'result', column: vscode.ViewColumn.Active, log: this.log });
      host.onReady(() => this.state && host.notify(ResultNotification, this.state));
      host.on(CopyCommand, async ({ label, value }) => {
        await vscode.env.clipboard.writeText(value);
        this.lastCopied = { label, value };
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', label), 5000);
      });
      host.on(RetryApplyCommand, ({ planId }) => void this.retry(planId));
      host.panel.onDidDispose(() => (this.host = undefined));
      this.host = host;
    } else {
      this.host.reveal();
    }
    this.host.panel.title = `ClickPipes: ${state.status === 'succeeded' ? 'done' : state.status}`;
    if (this.host.isReady) this.host.notify(ResultNotification, state);
  }

  get current(): { host?: WebviewHost; state?: ResultState } {
    return { host: this.host, state: this.state };
  }
}
