// activate() only wires parts together: no network, no awaits on AWS, no SDK module loaded.
// The AWS bundle (dist/aws.js) loads the first time the tree asks for its roots; the features
// bundle (dist/features.js: plans, forms, ClickHouse Cloud) the first time one of its commands,
// a review tab or the ClickHouse Cloud tree is used (src/featureLoader.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsLayer } from './aws/api';
import { disposeAws, getAws, isAwsLoaded } from './awsLoader';
import { registerCommands } from './commands';
import type { CommandContext } from './commands/handlerContext';
import { translateModelMessages } from './l10n';
import { log } from './log';
import { ExplorerModel } from './views/explorer/model';
import { ExplorerProvider } from './views/explorer/provider';
import { labelOf } from './views/explorer/describe';
import { scopeOf, type ExplorerNode, type ProfileNode } from './views/explorer/nodes';
import { arnOf, idOf } from './views/explorer/nodeValues';
import { Poller } from './views/explorer/poller';
import { explorerSettings } from './views/explorer/settings';
import { createClickHouseView } from './views/clickhouse/view';
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
  const poller = new Poller();
  let provider: ExplorerProvider | undefined;
  // Set below, before anything can call it (nothing runs before activate() returns).
  let features!: FeatureLoader;
  const model = new ExplorerModel({
    aws,
    settings: explorerSettings,
    poller,
    onDidChange: (node) => provider?.fire(node),
    onState: (state) => void vscode.commands.executeCommand('setContext', 'clickpipes.state', state),
    // Roles made for a database from this machine's apply journals, each confirmed by one GetRole.
    // (src/plans/iamDbAuthRoles.ts, in the features bundle: activation does no path or file work.)
    databaseRoles: (scope, db) => features.get().databaseRoles(scope, db),
  });
  provider = new ExplorerProvider(model);
  const view = vscode.window.createTreeView('clickpipes.explorer', { treeDataProvider: provider, showCollapseAll: true });

  // Polling runs only while someone can see the result.
  poller.setPaused(!view.visible);
  const statusBar = vscode.window.createStatusBarItem('clickpipes.profile', vscode.StatusBarAlignment.Left, 50);
  statusBar.name = vscode.l10n.t('ClickPipes AWS profile');
  statusBar.command = 'clickpipes.selectProfiles';

  // View description `profile · region` and the status bar follow the first root.
  const showActive = async () => {
    const roots = (await model.getChildren()).filter((n): n is ProfileNode => n.type === 'profile');
    const first = roots[0];
    if (!first) {
      view.description = undefined;
      statusBar.hide();
      return;
    }
    view.description = `${first.profile} · ${model.regionsOf(first)[0]}${roots.length > 1 ? ` +${roots.length - 1}` : ''}`;
    const names = roots.map((r) => r.profile).join(', ');
    statusBar.text = vscode.l10n.t('$(account) AWS: {0}', first.profile);
    statusBar.tooltip = roots.length > 1
      ? vscode.l10n.t('ClickPipes explorer profiles: {0} (click to choose)', names)
      : vscode.l10n.t('ClickPipes explorer profile: {0} (click to choose)', names);
    statusBar.accessibilityInformation = { label: vscode.l10n.t('ClickPipes AWS profile: {0}. Press Enter to choose profiles.', names), role: 'button' };
    statusBar.show();
    watchProfileFiles();
  };

  const reloadAll = () => {
    if (isAwsLoaded()) aws().reset();
    model.refresh();
    provider?.fire(undefined);
    void showActive();
  };

  // Editing ~/.aws/config or credentials reloads profiles (started once the AWS layer is loaded).
  let watching = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const watchProfileFiles = () => {
    if (watching || !isAwsLoaded()) return;
    watching = true;
    const files = aws().profileFiles();
    for (const file of [files.config, files.credentials]) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
      );
      const changed = () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => {
          log.info(`AWS profile file changed (${file}): reloading profiles`);
          reloadAll();
        }, 300);
      };
      context.subscriptions.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
  };

  const ctx: CommandContext = { model, provider, view, aws, reloadAll };
  context.subscriptions.push(
    view,
    provider,
    statusBar,
    { dispose: () => poller.dispose() },
    { dispose: disposeAws },
    { dispose: () => clearTimeout(debounce) },
    { dispose: () => log.dispose() },
    view.onDidChangeVisibility((e) => {
      poller.setPaused(!e.visible);
      if (e.visible) void showActive();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (explorerSettings.affects(e)) reloadAll();
    }),
    ...registerCommands(ctx),
  );
  if (view.visible) void showActive();
  // Plan → review → apply, the creation forms and the ClickHouse Cloud side load on first use;
  // the explorer is reached through ExplorerHooks.
  const regionNode = (scope: { profile: string; region: string }) =>
    model.loadedNodes().find((n) => n.type === 'region' && n.scope.profile === scope.profile && n.scope.region === scope.region);
  features = new FeatureLoader(() => ({
    context,
    log,
    clickHouseView,
    plans: {
      aws,
      log,
      explorer: {
        scopes: () => model.loadedNodes().flatMap((n) => (n.type === 'region' ? [n.scope] : [])),
        refresh: async (scope) => {
          const region = regionNode(scope);
          if (region) await vscode.commands.executeCommand('clickpipes.refresh', region);
        },
        reveal: async (scope, arnOrId) => {
          const region = regionNode(scope);
          if (!region) return;
          for (const group of await model.getChildren(region)) await model.getChildren(group);
          const node = model.loadedNodes().find((n) => (arnOf(n) === arnOrId || idOf(n) === arnOrId) && scopeOf(n)?.profile === scope.profile);
          if (node) await view.reveal(node, { select: true, focus: false, expand: true });
        },
      },
    },
  }), context.extensionMode !== vscode.ExtensionMode.Production);
  // The ClickHouse Cloud view: its own sign-in state, tree and commands.
  const clickHouseTree = features.clickHouseTree();
  const clickHouseView = createClickHouseView(context, clickHouseTree, () => features.loaded);
  context.subscriptions.push(features, clickHouseTree);

  return {
    explorer: {
      getChildren: (node) => model.getChildren(node),
      findNode: (key) =>
        model.loadedNodes().find((n) => n.id === key || arnOf(n) === key || idOf(n) === key)
        ?? model.loadedNodes().find((n) => labelOf(n) === key),
      refresh: async (node) => {
        await vscode.commands.executeCommand('clickpipes.refresh', node);
      },
      model,
      poller,
    },
  };
}

export function deactivate(): void {}
