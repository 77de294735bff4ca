// The palette fallback for node commands: a QuickPick over explorer nodes that fit the command.
// Uses what the tree loaded; when nothing fits yet, loads the regions' groups (cached lists).
import * as vscode from 'vscode';
import { describeNode } from '../views/explorer/describe';
import type { ExplorerModel } from '../views/explorer/model';
import { type ExplorerNode, scopeOf } from '../views/explorer/nodes';

async function loadGroups(model: ExplorerModel): Promise<void> {
  const roots = await model.getChildren();
  const regions = (await Promise.all(roots.filter((r) => r.type === 'profile').map((p) => model.getChildren(p)))).flat();
  const groups = (await Promise.all(regions.map((r) => model.getChildren(r)))).flat();
  await Promise.all(groups.map((g) => model.getChildren(g)));
}

export async function pickNode(
  model: ExplorerModel,
  fits: (node: ExplorerNode) => boolean,
  placeHolder: string,
): Promise<ExplorerNode | undefined> {
  const unique = () => {
    const seen = new Map<string, ExplorerNode>();
    for (const n of model.loadedNodes()) if (fits(n) && !seen.has(n.id)) seen.set(n.id, n);
    return [...seen.values()];
  };
  let candidates = unique();
  if (!candidates.length) {
    await loadGroups(model);
    candidates = unique();
  }
  if (!candidates.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in the ClickPipes explorer fits this command yet.'));
    return undefined;
  }
  const items = candidates.map((node) => {
    const text = describeNode(node);
    const scope = scopeOf(node);
    return { label: text.label, description: text.description, detail: scope ? `${scope.profile} · ${scope.region}` : undefined, node };
  });
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.node;
}
