// What every command handler may use: the tree model and its view, the lazily loaded AWS layer.
import type * as vscode from 'vscode';
import type { AwsLayer } from '../aws/api';
import type { ExplorerModel } from '../views/explorer/model';
import type { ExplorerProvider } from '../views/explorer/provider';
import type { ExplorerNode } from '../views/explorer/nodes';

export interface CommandContext {
  model: ExplorerModel;
  provider: ExplorerProvider;
  view: vscode.TreeView<ExplorerNode>;
  aws(): AwsLayer;
  /** Resets clients/credentials (profile files changed) and reloads the whole tree. */
  reloadAll(): void;
}

/** A command: `node` when run from the tree, nothing (or other args) from the palette. */
export type CommandHandler = (ctx: CommandContext, node?: ExplorerNode, ...rest: unknown[]) => unknown;
