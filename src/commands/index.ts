// The explorer's commands, one table. Each handler takes the tree node it was run on (or
// nothing, from the palette, and then asks with a QuickPick). package.json lists the same ids.
import * as vscode from 'vscode';
import { log } from '../log';
import type { CommandContext, CommandHandler } from './handlerContext';
import { copyArn, copyClickPipesValues, copyDnsName, copyId, copyServiceName } from './copy';
import { deleteResource } from './deleteResource';
import { learnProfiles, openAwsConfig, openInConsole, ssoLogin } from './external';
import { addRegion, removeRegion, selectProfiles } from './profilesAndRegions';
import { refresh } from './refresh';

export const COMMANDS: readonly { id: string; handler: CommandHandler }[] = [
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
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.map(({ id, handler }) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(ctx, args[0] as never, ...args.slice(1));
      } catch (err) {
        // Commands are user actions: a failure is worth a message (getChildren never pops one).
        log.error(`${id} failed: ${(err as Error)?.stack ?? String(err)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', id.replace('clickpipes.', ''), (err as Error)?.message ?? String(err)));
        return undefined;
      }
    }),
  );
}
