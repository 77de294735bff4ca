// activate() only wires parts together: no network, no awaits on AWS, no SDK module loaded.
// The explorer's profile and region rows come from the AWS config files (dist/profiles.js); the
// AWS bundle (dist/aws.js) loads after them, for the account id and the resource lists. The
// features bundle (dist/features.js: plans, forms, ClickHouse Cloud, the explorer's commands but
// Refresh and Show Logs, row tooltips) loads the first time one of its commands, a tooltip, a
// review tab or the signed-in ClickHouse Cloud tree is used (src/featureLoader.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsLayer } from './aws/api';
import { disposeAws, getAws, getProfileReader, isAwsLoaded } from './awsLoader';
import { storedKey } from './clickhouse/keys';
import { registerCommands } from './commands';
import { translateModelMessages } from './l10n';
import { log } from './log';
import { createClickHouseView } from './views/clickhouse/view';
import type { ExplorerModel } from './views/explorer/model';
import type { ExplorerNode } from './views/explorer/nodes';
import type { Poller } from './views/explorer/poller';
import { registerExplorer } from './views/explorer/register';
import { FeatureLoader } from './featureLoader';
import { UnfinishedPlansStatus } from './commands/unfinishedPlans';
import { FileJournalStore, JOURNALS_DIR } from './plans/journal';

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
  /** How many interrupted applies the status bar item counts now. */
  unfinishedPlans: { count(): number };
}

function mfaCodeProvider(serial: string): Promise<string> {
  return Promise.resolve(
    vscode.window.showInputBox({ title: vscode.l10n.t('AWS MFA'), prompt: vscode.l10n.t('MFA code for {0}', serial), ignoreFocusOut: true, password: false }),
  ).then((code) => {
    if (code) return code.trim();
    throw Object.assign(new Error('MFA code entry was cancelled'), { name: 'MfaCancelled' });
  });
}

/** After the explorer's first rows, so the count never competes with them. */
const UNFINISHED_COUNT_DELAY_MS = 2_000;

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
    // Markdown tooltips are built on hover only: their builder is not parsed at activation.
    tooltips: () => features.get().tooltipOf,
  });
  const { model, provider, view, poller, reloadAll } = explorer;
  const explorerCommands = { model, provider, view, aws, reloadAll };
  // Interrupted applies, counted once activation is over (it does no file work) and at every apply.
  const unfinished = new UnfinishedPlansStatus(() => new FileJournalStore(path.join(context.globalStorageUri.fsPath, JOURNALS_DIR)));
  const recount = (running?: readonly string[]) => void unfinished.refresh(running).catch((err: Error) => log.warn(`unfinished plans: ${err.message}`));
  const firstCount = setTimeout(() => recount(), UNFINISHED_COUNT_DELAY_MS);
  context.subscriptions.push(unfinished, { dispose: () => clearTimeout(firstCount) });
  context.subscriptions.push(
    { dispose: disposeAws },
    { dispose: () => log.dispose() },
    ...registerCommands(explorerCommands),
  );
  // Plan → review → apply, the creation forms and the ClickHouse Cloud side load on first use;
  // the explorer is reached through its hooks.
  features = new FeatureLoader(() => ({
    context,
    log,
    clickHouseView,
    explorer: explorerCommands,
    plans: { aws, log, explorer: explorer.hooks, onApplyChange: recount },
  }), context.extensionMode !== vscode.ExtensionMode.Production);
  // The ClickHouse Cloud view: its own sign-in state, tree and commands.
  const clickHouseTree = features.clickHouseTree(
    async () => (await storedKey(context.secrets)) !== undefined,
    context.secrets.onDidChange,
  );
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
    unfinishedPlans: { count: () => unfinished.count },
  };
}

export function deactivate(): void {}
