// The one way a command is registered: a table of { id, handler }. A handler that throws (or
// rejects) gets the same treatment everywhere: the stack goes to the log (which redacts secrets)
// and the user sees the command's title as the palette shows it, the error's words, and a
// "Show Logs" button. Users know commands by their titles, not by their ids.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { log } from '../log';
import type { CommandId } from './ids';

// The handlers take whatever VS Code passes: a tree node, a URI, the test harness's arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Command = { id: CommandId; handler: (...args: any[]) => unknown };

export const EXTENSION_ID = 'clickpipes-tools.clickpipes-privatelink';

export function registerCommandTable(table: readonly Command[]): vscode.Disposable[] {
  return table.map(({ id, handler }) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        log.error(`${id} failed: ${(err as Error)?.stack ?? String(err)}`);
        showFailure(commandTitle(id), err);
        return undefined;
      }
    }),
  );
}

function showFailure(title: string, err: unknown): void {
  const showLogs = vscode.l10n.t('Show Logs');
  const message = (err as Error)?.message ?? String(err);
  void Promise.resolve(vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', title, message), showLogs)).then(
    (picked) => picked === showLogs && log.show(),
    () => undefined,
  );
}

type ManifestCommand = { command: string; title: string; category?: string };
let titles: Map<string, string> | undefined;

/** "ClickPipes: Create VPC Resource Endpoint…", localized; the id when the manifest has no title. */
export function commandTitle(id: string): string {
  titles ??= readTitles();
  return titles.get(id) ?? id;
}

/** Read on the first failure only: activation does no file work for this. */
function readTitles(): Map<string, string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const commands: ManifestCommand[] = extension?.packageJSON?.contributes?.commands ?? [];
  const nls = extension ? nlsStrings(extension.extensionPath) : {};
  // The manifest may still hold %key% placeholders; the package.nls files have their words.
  const text = (value: string | undefined) => (value && /^%.+%$/.test(value) ? nls[value.slice(1, -1)] ?? value : value);
  return new Map(commands.map((c) => {
    const title = text(c.title) ?? c.command;
    const category = text(c.category);
    return [c.command, category ? `${category}: ${title}` : title];
  }));
}

function nlsStrings(root: string): Record<string, string> {
  const read = (name: string): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, name), 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return { ...read('package.nls.json'), ...read(`package.nls.${vscode.env.language}.json`) };
}
