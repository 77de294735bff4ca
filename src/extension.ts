// activate() only wires parts together: no network, no awaits on AWS, no SDK module loaded.
// The AWS bundle (dist/aws.js) loads the first time the tree asks for its roots; the features
// bundle (dist/features.js: plans, forms, ClickHouse Cloud) the first time one of its commands,
// a review tab or the ClickHouse Cloud tree is used (src/featureLoader.ts).
import * as vscode from 'vscode';
import type { AwsLayer } from './aws/api';
import { disposeAws, getAws, getProfileReader, isAwsLoaded } from './awsLoader';
import { registerCommands } from './commands';
import { translateModelMessages } from './l10n';
import { log } from './log';
import { createClickHouseView } from './views/clickhouse/view';
import type { ExplorerModel } from './views/explorer/model';
import type { ExplorerNode } from './views/explorer/nodes';
import type { Poller } from './views/explorer/poller';
import { registerExplorer } from './views/explorer/register';
import { FeatureLoader } from './featureLoader';

/** What activate() returns: a small API for the suite tests (and nothing else relies on it). */
export interface ClickPipesTestApi {
  explorer: {
    getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
    /** A loaded node by id, ARN, resource id or label. */
    findNode(idOrLabel: string): ExplorerNode | undefined;
    refresh(node?: ExplorerNode): Promise<void>;
    model: ExplorerModel;
    poller: Poller;
    /** The row as the view draws it (icon, description), and with its tooltip as a hover fills it. */
    treeItem(node: ExplorerNode): Promise<vscode.TreeItem>;
  };
}

function mfaCodeProvider(serial: string): Promise<string> {
  return Promise.resolve(
    vscode.window.showInputBox({ title: vscode.l10n.t('AWS MFA'), prompt: vscode.l10n.t('MFA code for {0}', serial), ignoreFocusOut: true, password: false }),
  ).then((code) => {
    if (code) return code.trim();
    throw Object.assign(new Error('MFA code entry was cancelled'), { name: 'MfaCancelled' });
  });
}

export function activate(context: vscode.ExtensionContext): ClickPipesTestApi {
  translateModelMessages();
  const aws = (): AwsLayer =>
    getAws({ mfaCodeProvider, log: (level, message) => log[level](message) });
  // Set below, before anything can call it (nothing runs before activate() returns).
  let features!: FeatureLoader;
  const explorer = registerExplorer(context, {
    aws,
    isAwsLoaded,
    profiles: getProfileReader,
    // Roles made for a database from this machine's apply journals, each confirmed by one GetRole.
    // (src/commands/iamDbAuthRoles.ts, in the features bundle: activation does no path or file work.)
    databaseRoles: (scope, db) => features.get().databaseRoles(scope, db),
  });
  const { model, provider, view, poller, reloadAll } = explorer;
  context.subscriptions.push(
    { dispose: disposeAws },
    { dispose: () => log.dispose() },
    ...registerCommands({ model, provider, view, aws, reloadAll }),
  );
  // Plan → review → apply, the creation forms and the ClickHouse Cloud side load on first use;
  // the explorer is reached through its hooks.
  features = new FeatureLoader(() => ({
    context,
    log,
    clickHouseView,
    plans: { aws, log, explorer: explorer.hooks },
  }), context.extensionMode !== vscode.ExtensionMode.Production);
  // The ClickHouse Cloud view: its own sign-in state, tree and commands.
  const clickHouseTree = features.clickHouseTree();
  const clickHouseView = createClickHouseView(context, clickHouseTree, () => features.loaded);
  context.subscriptions.push(features, clickHouseTree);

  return {
    explorer: {
      getChildren: (node) => model.getChildren(node),
      findNode: explorer.findNode,
      refresh: async (node) => {
        await vscode.commands.executeCommand('clickpipes.refresh', node);
      },
      model,
      poller,
      treeItem: (node) => provider.resolveTreeItem(provider.getTreeItem(node), node),
    },
  };
}

export function deactivate(): void {}
