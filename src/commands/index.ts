// The explorer's commands in dist/extension.js: only Refresh and Show Logs. The rest of its
// node and palette commands (copy, delete, links, profiles and regions, IAM policy) are in
// src/commands/explorerActions.ts, in dist/features.js; the flows' tables are there too. Each
// handler takes the tree node it was run on (or nothing, from the palette).
import type * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from './handlerContext';
import type { ContributedCommandId } from './ids';
import { registerCommandTable } from './register';
import { refresh } from './refresh';
import { log } from '../log';

export const EXPLORER_COMMANDS: readonly { id: ContributedCommandId; handler: CommandHandler }[] = [
  { id: 'clickpipes.refresh', handler: refresh },
  { id: 'clickpipes.showLogs', handler: () => log.show() },
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return registerCommandTable(EXPLORER_COMMANDS.map(({ id, handler }) => ({
    id, handler: (node?: unknown, ...rest: unknown[]) => handler(ctx, node as never, ...rest),
  })));
}
