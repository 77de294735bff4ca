// Wires the ClickHouse Cloud part: its own view in the ClickPipes container (its own sign-in state
// and refresh, so it is a separate view rather than a root of the AWS explorer), its commands,
// and the review CodeLens. No network here: the tree reads only once it is shown.
// Runs in dist/features.js: the view itself, its description and the signed-in context key are
// set up at activation (./view.ts); the view's provider forwards to the one returned here.
import * as vscode from 'vscode';
import { setClickHouseSession } from '../../clickhouse/currentSession';
import { registerReview } from '../../clickhouse/create';
import { ClickHouseSession } from '../../clickhouse/session';
import { registerClickHouseCommands } from './commands';
import { treeItem, type ChNode } from './nodes';
import { ClickHouseTreeProvider } from './provider';

export function registerClickHouse(context: vscode.ExtensionContext, view: vscode.TreeView<ChNode>): ClickHouseTreeProvider {
  const session = new ClickHouseSession(context.secrets);
  setClickHouseSession(session);
  const provider = new ClickHouseTreeProvider(session);
  context.subscriptions.push(
    session, provider,
    view.onDidChangeVisibility((e) => provider.setVisible(e.visible)),
    { dispose: () => setClickHouseSession(undefined) },
  );
  registerClickHouseCommands(context, session, provider);
  registerReview(context);
  // Not contributed (not in the palette): lets the extension-host tests read the rendered tree.
  context.subscriptions.push(
    vscode.commands.registerCommand('clickpipes.clickhouse.debug.snapshot', () => snapshot(provider)),
    vscode.commands.registerCommand('clickpipes.clickhouse.debug.logDir', () => context.logUri.fsPath),
    vscode.commands.registerCommand('clickpipes.clickhouse.debug.endpoints', (serviceId: string) => provider.endpoints.get(serviceId) ?? []),
  );
  return provider;
}

type Row = { depth: number; label: string; description?: string; contextValue?: string; icon?: string };

async function snapshot(provider: ClickHouseTreeProvider): Promise<Row[]> {
  const rows: Row[] = [];
  const walk = async (node: ChNode | undefined, depth: number) => {
    for (const child of await provider.getChildren(node)) {
      const item = treeItem(child);
      rows.push({
        depth, label: String(typeof item.label === 'string' ? item.label : item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : undefined,
        contextValue: item.contextValue, icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      });
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return rows;
}
