// The explorer's commands, one table, in dist/extension.js (the flows' tables are in
// dist/features.js). Each handler takes the tree node it was run on (or nothing, from the
// palette, and then asks with a QuickPick).
import type * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from './handlerContext';
import type { ContributedCommandId } from './ids';
import { registerCommandTable } from './register';
import { copyArn, copyClickPipesValues, copyDnsName, copyId, copyServiceName } from './copy';
import { deleteResource } from './deleteResource';
import { learnProfiles, openAwsConfig, openInConsole, ssoLogin } from './external';
import { IAM_POLICY_COMMANDS } from './iamPolicy';
import { addRegion, removeRegion, selectProfiles } from './profilesAndRegions';
import { refresh } from './refresh';
import { log } from '../log';

export const EXPLORER_COMMANDS: readonly { id: ContributedCommandId; handler: CommandHandler }[] = [
  { id: 'clickpipes.refresh', handler: refresh },
  { id: 'clickpipes.selectProfiles', handler: selectProfiles },
  { id: 'clickpipes.addRegion', handler: addRegion },
  { id: 'clickpipes.removeRegion', handler: removeRegion },
  { id: 'clickpipes.copyId', handler: copyId },
  // Same handler: on a profile node "Copy ID" copies the account id; this is its menu title there.
  { id: 'clickpipes.copyAccountId', handler: copyId },
  { id: 'clickpipes.copyArn', handler: copyArn },
  { id: 'clickpipes.copyDnsName', handler: copyDnsName },
  { id: 'clickpipes.copyServiceName', handler: copyServiceName },
  { id: 'clickpipes.copyClickPipesValues', handler: copyClickPipesValues },
  { id: 'clickpipes.openInConsole', handler: openInConsole },
  { id: 'clickpipes.delete', handler: deleteResource },
  { id: 'clickpipes.ssoLogin', handler: ssoLogin },
  { id: 'clickpipes.openAwsConfig', handler: openAwsConfig },
  { id: 'clickpipes.learnProfiles', handler: learnProfiles },
  ...IAM_POLICY_COMMANDS,
  { id: 'clickpipes.showLogs', handler: () => log.show() },
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return registerCommandTable(EXPLORER_COMMANDS.map(({ id, handler }) => ({
    id, handler: (node?: unknown, ...rest: unknown[]) => handler(ctx, node as never, ...rest),
  })));
}
