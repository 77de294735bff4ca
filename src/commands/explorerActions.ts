// The explorer's node and palette commands that draw nothing in the tree: copy, delete, the
// console and config links, profile and region choice, the IAM policy. They live in
// dist/features.js (registered by src/features.ts with the explorer's CommandContext), so
// activation does not parse them nor the IAM permissions table; until the bundle loads,
// src/featureLoader.ts registers a stub for each id. Refresh and Show Logs stay in
// src/commands/index.ts (dist/extension.js).
import type * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from './handlerContext';
import type { ContributedCommandId } from './ids';
import { registerCommandTable } from './register';
import { copyArn, copyClickPipesValues, copyDnsName, copyId, copyServiceName } from './copy';
import { deleteResource } from './deleteResource';
import { learnProfiles, openAwsConfig, openInConsole, ssoLogin } from './external';
import { IAM_POLICY_COMMANDS } from './iamPolicy';
import { addRegion, removeRegion, selectProfiles } from './profilesAndRegions';

export const EXPLORER_ACTION_COMMANDS: readonly { id: ContributedCommandId; handler: CommandHandler }[] = [
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
];

export function registerExplorerActions(ctx: CommandContext): vscode.Disposable[] {
  return registerCommandTable(EXPLORER_ACTION_COMMANDS.map(({ id, handler }) => ({
    id, handler: (node?: unknown, ...rest: unknown[]) => handler(ctx, node as never, ...rest),
  })));
}
