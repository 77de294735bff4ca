// Commands that leave the editor: the AWS console, the AWS config file, docs, `aws sso login`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_CREDENTIALS } from '../model/resources';
import { consoleUrlOf } from '../views/explorer/nodeValues';
import { profileOf } from '../views/explorer/nodes';
import { isNode } from './copy';
import type { CommandHandler } from './handlerContext';
import { pickNode } from './pickNode';

export const PROFILE_DOCS_URL = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html';
export const CLI_INSTALL_URL = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';

/** The `aws` executable on the extension host's PATH (PATHEXT on Windows), or undefined. */
export function findAwsCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const file = path.join(dir, `aws${ext}`);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        if (fs.statSync(file).isFile()) return file;
      } catch { /* not here */ }
    }
  }
  return undefined;
}

export const openInConsole: CommandHandler = async (ctx, node) => {
  const target = isNode(node) ? node : await pickNode(ctx.model, (n) => !!consoleUrlOf(n), vscode.l10n.t('Open in the AWS console…'));
  const url = target && consoleUrlOf(target);
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
};

/** Opens a terminal running `aws sso login --profile X` (the SDK cannot sign in by itself). */
export const ssoLogin: CommandHandler = async (ctx, node, profileArg?: unknown) => {
  let profile = typeof profileArg === 'string' ? profileArg : undefined;
  if (!profile && isNode(node)) profile = node.type === 'error' && node.ssoProfile ? node.ssoProfile : profileOf(node)?.profile;
  if (!profile && typeof node === 'string') profile = node;
  if (!profile) {
    profile = await vscode.window.showInputBox({ prompt: vscode.l10n.t('AWS profile to sign in with IAM Identity Center (SSO)'), value: process.env.AWS_PROFILE ?? 'default' });
  }
  if (!profile) return;
  if (!findAwsCli()) {
    const install = vscode.l10n.t('How to Install the AWS CLI');
    // Not awaited: the command ends now, the message stays until dismissed.
    void vscode.window.showErrorMessage(vscode.l10n.t(
      'Signing in with IAM Identity Center (SSO) runs `aws sso login`, and the AWS CLI (`aws`) is not on the PATH of VS Code. Install AWS CLI version 2, then try again.'), install)
      .then((choice) => (choice === install ? vscode.env.openExternal(vscode.Uri.parse(CLI_INSTALL_URL)) : undefined));
    return undefined;
  }
  const terminal = vscode.window.createTerminal({ name: `aws sso login (${profile})` });
  terminal.show();
  // The default chain's SSO profile is AWS_PROFILE / `default`: what the CLI uses with no --profile.
  const args = profile === DEFAULT_CREDENTIALS ? '' : ` --profile ${/^[\w.@+-]+$/.test(profile) ? profile : JSON.stringify(profile)}`;
  terminal.sendText(`aws sso login${args}`);
  return terminal;
};

export const openAwsConfig: CommandHandler = async (ctx) => {
  let file: string;
  try {
    file = ctx.aws().profileFiles().config;
  } catch {
    file = process.env.AWS_CONFIG_FILE || path.join(process.env.HOME || process.env.USERPROFILE || '', '.aws', 'config');
  }
  // A missing file opens as a new, unsaved document at that path.
  const uri = fs.existsSync(file) ? vscode.Uri.file(file) : vscode.Uri.file(file).with({ scheme: 'untitled' });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
};

export const learnProfiles: CommandHandler = () => vscode.env.openExternal(vscode.Uri.parse(PROFILE_DOCS_URL));
