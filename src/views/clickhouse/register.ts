// Wires the ClickHouse Cloud part: its own view in the ClickPipes container (its own sign-in state
// and refresh, so it is a separate view rather than a root of the AWS explorer), its commands,
// and the review CodeLens. No network here: the tree reads only once it is shown.
import * as vscode from 'vscode';
import { DEFAULT_API_URL } from '../../clickhouse/api';
import { setClickHouseSession } from '../../clickhouse/context';
import { registerReview } from '../../clickhouse/create';
import { ClickHouseSession } from '../../clickhouse/session';
import { registerClickHouseCommands } from './commands';
import { treeItem, type ChNode } from './nodes';
import { ClickHouseTreeProvider } from './provider';

export const CLICKHOUSE_VIEW_ID = 'clickpipes.clickhouse';

export function registerClickHouse(context: vscode.ExtensionContext): void {
  const session = new ClickHouseSession(context.secrets);
  setClickHouseSession(session);
  const provider = new ClickHouseTreeProvider(session);
  const view = vscode.window.createTreeView(CLICKHOUSE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    // Name the API only when it is not the real one (an emulator, a proxy).
    view.description = session.baseUrl === DEFAULT_API_URL ? undefined : new URL(session.baseUrl).host;
  };
  describe();
  context.subscriptions.push(
    session, provider, view,
    view.onDidChangeVisibility((e) => provider.setVisible(e.visible)),
    session.onDidChange(describe),
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
