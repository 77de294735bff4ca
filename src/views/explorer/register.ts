// Wires the AWS explorer: its model, provider and tree view, the poller (paused while the view is
// hidden), the status bar item and view description that show the active profile · region, and
// the watch on ~/.aws/config and credentials. No network here: the tree reads once it is shown;
// its profile and region rows need only the config files (dist/profiles.js), and the AWS layer
// (dist/aws.js) loads after them (the account id, the resource lists).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsLayer, ProfileReader, Scope } from '../../aws/api';
import type { Diagnosis } from '../../model/doctor/types';
import { log } from '../../log';
import { labelOf, type TooltipOf } from './describe';
import { ExplorerModel, type ExplorerModelOptions } from './model';
import { scopeOf, type ExplorerNode, type ProfileNode } from './nodes';
import { arnOf, idOf } from './nodeValues';
import { Poller } from './poller';
import { ExplorerProvider } from './provider';
import { explorerSettings } from './settings';

export type ExplorerDeps = {
  aws(): AwsLayer;
  /** True once dist/aws.js is loaded: only then is there a client cache to reset or files to watch. */
  isAwsLoaded(): boolean;
  /** The config-file reader (dist/profiles.js): profile rows and the file watch need no SDK. */
  profiles(): ProfileReader;
  databaseRoles: ExplorerModelOptions['databaseRoles'];
  /** The rows' tooltip builder, asked for on the first hover (it is in dist/features.js). */
  tooltips(): TooltipOf;
};

export type Explorer = {
  model: ExplorerModel;
  provider: ExplorerProvider;
  view: vscode.TreeView<ExplorerNode>;
  poller: Poller;
  /** Resets clients/credentials (profile files changed) and reloads the whole tree. */
  reloadAll(): void;
  /** A loaded node by id, ARN, resource id or label. */
  findNode(key: string): ExplorerNode | undefined;
  /** What the plans need of the explorer: its scopes, a scope's refresh, a new resource revealed. */
  hooks: {
    scopes(): Scope[];
    refresh(scope: Scope): Promise<void>;
    reveal(scope: Scope, arnOrId: string): Promise<void>;
    diagnosed(scope: Scope, diagnoses: Diagnosis[]): void;
  };
};

/** How long background AWS work waits after the rows that started it (see ExplorerModel's defer). */
const DEFER_AWS_MS = 50;

export function registerExplorer(context: vscode.ExtensionContext, deps: ExplorerDeps): Explorer {
  const poller = new Poller();
  let provider: ExplorerProvider | undefined;
  const model = new ExplorerModel({
    aws: deps.aws,
    // Profile and region rows need no SDK: only the config files. The account id (STS, in
    // dist/aws.js) starts once the rows are on their way: the extension host sends replies on a
    // timer, and evaluating the SDK bundle before it fires would hold them back.
    listProfiles: () => deps.profiles().listProfiles(),
    defer: (work) => void setTimeout(work, DEFER_AWS_MS),
    settings: explorerSettings,
    poller,
    onDidChange: (node) => provider?.fire(node),
    onState: (state) => void vscode.commands.executeCommand('setContext', 'clickpipes.state', state),
    databaseRoles: deps.databaseRoles,
  });
  provider = new ExplorerProvider(model, deps.tooltips);
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
    if (deps.isAwsLoaded()) deps.aws().reset();
    provider?.diagnoses.clear();
    model.refresh();
    provider?.fire(undefined);
    void showActive();
  };

  // Editing ~/.aws/config or credentials reloads profiles (started once the tree has listed them).
  let watching = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const watchProfileFiles = () => {
    if (watching) return;
    watching = true;
    const files = deps.profiles().profileFiles();
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

  context.subscriptions.push(
    view,
    provider,
    statusBar,
    { dispose: () => poller.dispose() },
    { dispose: () => clearTimeout(debounce) },
    view.onDidChangeVisibility((e) => {
      poller.setPaused(!e.visible);
      if (e.visible) void showActive();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (explorerSettings.affects(e)) reloadAll();
    }),
  );
  if (view.visible) void showActive();

  const regionNode = (scope: Scope) =>
    model.loadedNodes().find((n) => n.type === 'region' && n.scope.profile === scope.profile && n.scope.region === scope.region);
  return {
    model, provider, view, poller, reloadAll,
    findNode: (key) =>
      model.loadedNodes().find((n) => n.id === key || arnOf(n) === key || idOf(n) === key)
      ?? model.loadedNodes().find((n) => labelOf(n) === key),
    hooks: {
      scopes: () => model.loadedNodes().flatMap((n) => (n.type === 'region' ? [n.scope] : [])),
      refresh: async (scope) => {
        // Something changed in this scope (an apply): an earlier diagnosis may no longer hold.
        provider?.diagnoses.clear(scope);
        const region = regionNode(scope);
        if (region) await vscode.commands.executeCommand('clickpipes.refresh', region);
      },
      diagnosed: (scope, diagnoses) => {
        provider?.diagnoses.record(scope, diagnoses);
        provider?.fire(undefined);
      },
      reveal: async (scope, arnOrId) => {
        const region = regionNode(scope);
        if (!region) return;
        for (const group of await model.getChildren(region)) await model.getChildren(group);
        const node = model.loadedNodes().find((n) => (arnOf(n) === arnOrId || idOf(n) === arnOrId) && scopeOf(n)?.profile === scope.profile);
        if (node) await view.reveal(node, { select: true, focus: false, expand: true });
      },
    },
  };
}
