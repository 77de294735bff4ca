// activate() only wires parts together: no network, no awaits on AWS, no SDK module loaded.
import * as vscode from 'vscode';

class EmptyExplorer implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }
  getChildren(): never[] {
    return [];
  }
}

export function activate(context: vscode.ExtensionContext): void {
  const view = vscode.window.createTreeView('clickpipes.explorer', { treeDataProvider: new EmptyExplorer() });
  context.subscriptions.push(view, vscode.commands.registerCommand('clickpipes.refresh', () => undefined));
}

export function deactivate(): void {}
