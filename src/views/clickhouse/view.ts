// The ClickHouse Cloud view as activation sets it up (dist/extension.js): the tree view exists at
// once (so VS Code never says "no data provider" when the view is restored open), its description
// names a non-default API URL, and the `clickpipes.clickhouse.signedIn` context key (welcome view,
// menus) is set from SecretStorage. Everything else — session, tree contents, commands — is in
// dist/features.js and loads the first time the tree asks for children while signed in
// (src/featureLoader.ts); signed out, the tree is empty and the welcome text shows.
import * as vscode from 'vscode';
import { API_URL_SETTING, apiUrlDescription, CLICKHOUSE_VIEW_ID, KEY_ID, KEY_SECRET, SIGNED_IN_CONTEXT, storedKey, userApiUrl } from '../../clickhouse/keys';
import type { ChNode } from './nodes';

export function createClickHouseView(
  context: vscode.ExtensionContext,
  treeDataProvider: vscode.TreeDataProvider<ChNode>,
  /** True once dist/features.js is loaded: its ClickHouseSession keeps the context key from then on. */
  sessionLoaded: () => boolean,
): vscode.TreeView<ChNode> {
  const view = vscode.window.createTreeView(CLICKHOUSE_VIEW_ID, { treeDataProvider, showCollapseAll: true });
  const describe = () => {
    // Name the API only when it is not the real one (an emulator, a proxy).
    view.description = apiUrlDescription(userApiUrl(vscode.workspace.getConfiguration()));
  };
  const updateSignedIn = async () => {
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, (await storedKey(context.secrets)) !== undefined);
  };
  describe();
  void updateSignedIn();
  context.subscriptions.push(
    view,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(API_URL_SETTING)) describe();
    }),
    // A sign-in from another window changes the shared secrets: until the session is loaded,
    // keep the context key right here (the session does the same once it exists).
    context.secrets.onDidChange((e) => {
      if (!sessionLoaded() && (e.key === KEY_ID || e.key === KEY_SECRET)) void updateSignedIn();
    }),
  );
  return view;
}
