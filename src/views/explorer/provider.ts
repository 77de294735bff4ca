// Renders ExplorerModel nodes as VS Code tree items: a fresh TreeItem per getTreeItem, so a node
// changed in place (status from the poller, account id from STS) re-renders with one event.
import * as vscode from 'vscode';
import { log } from '../../log';
import { contextValueOf } from './contextValue';
import { describeRow, type ReadinessLine, type TooltipOf } from './describe';
import type { ExplorerModel } from './model';
import { iconSpec } from './icons';
import { EXPANDABLE_TYPES, type ExplorerNode } from './nodes';
import { DiagnosisStore } from './diagnoses';
import { rowVerdict } from './readiness';
import type { Verdict } from '../../model/doctor/types';

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /**
   * `tooltips` gives the tooltip builder on the first hover: it comes from dist/features.js, so
   * activation does not parse it (src/extension.ts).
   */
  constructor(readonly model: ExplorerModel, private readonly tooltips: () => TooltipOf, readonly diagnoses = new DiagnosisStore()) {}

  /** Re-render one node (undefined = the whole tree). Expansion is kept: ids are stable. */
  fire(node: ExplorerNode | undefined): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const { readiness, doctor } = rowVerdict(node, this.model, this.diagnoses.of(node));
    const text = describeRow(node, readiness);
    const item = new vscode.TreeItem(
      text.label,
      EXPANDABLE_TYPES.has(node.type)
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = text.description;
    item.contextValue = contextValueOf(node);
    item.accessibilityInformation = { label: text.accessibilityLabel };
    item.iconPath = iconOf(node, readiness, doctor);
    if (node.type === 'message' && node.action) item.command = { ...node.action, arguments: [] };
    if (node.type === 'error') {
      item.command = node.ssoProfile
        ? { command: 'clickpipes.ssoLogin', title: vscode.l10n.t('Sign In with IAM Identity Center (SSO)'), arguments: [node] }
        : { command: 'clickpipes.refresh', title: vscode.l10n.t('Retry'), arguments: [node] };
    }
    return item;
  }

  /**
   * Tooltips are Markdown with ids, ARNs and readiness: built on hover, not for every row. A hover
   * only fills the tooltip, from the same loaded facts as the icon: it loads nothing and never
   * re-renders the row, so what a person points at does not change under the pointer.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    const { readiness } = rowVerdict(node, this.model, this.diagnoses.of(node));
    let shown = node;
    try {
      shown = await this.model.tooltipNode(node);
    } catch (err) {
      log.warn(`details of ${node.id}: ${(err as Error)?.message ?? String(err)}`);
    }
    let tooltip: string | undefined;
    try {
      tooltip = this.tooltips()(shown, readiness);
    } catch (err) {
      log.warn(`tooltip of ${node.id}: ${(err as Error)?.message ?? String(err)}`);
    }
    if (tooltip) item.tooltip = new vscode.MarkdownString(tooltip, true);
    return item;
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return this.model.getChildren(node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The pure icon choice wrapped in ThemeIcon + ThemeColor. */
function iconOf(node: ExplorerNode, readiness: readonly ReadinessLine[], doctor?: Verdict): vscode.ThemeIcon {
  const { icon, color } = iconSpec(node, readiness, doctor);
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}
