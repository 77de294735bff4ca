// One Output channel with levels. Every message passes through redact(): secrets never reach it.
// The clickpipes.logLevel setting (error|warn|info|debug, default info) drops messages below it;
// a change applies at once. VS Code's own "Developer: Set Log Level…" also filters the channel.
import * as vscode from 'vscode';
import { redact } from './model/redact';
import { logLevelAllows, parseLogLevel, type LogLevelName } from './model/logLevel';

let channel: vscode.LogOutputChannel | undefined;
let level: LogLevelName | undefined;
let watcher: vscode.Disposable | undefined;

function out(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel(vscode.l10n.t('ClickPipes PrivateLink'), { log: true });
  return channel;
}

/** The clickpipes.logLevel setting, read once and re-read when it changes. */
function threshold(): LogLevelName {
  if (level === undefined) {
    level = parseLogLevel(vscode.workspace.getConfiguration('clickpipes').get('logLevel'));
    watcher ??= vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('clickpipes.logLevel')) level = undefined;
    });
  }
  return level;
}

function write(at: LogLevelName, message: string): void {
  if (!logLevelAllows(threshold(), at)) return;
  out()[at](redact(message));
}

export const log = {
  debug: (message: string) => write('debug', message),
  info: (message: string) => write('info', message),
  warn: (message: string) => write('warn', message),
  error: (message: string) => write('error', message),
  show: () => out().show(true),
  dispose: () => {
    channel?.dispose();
    channel = undefined;
    watcher?.dispose();
    watcher = undefined;
    level = undefined;
  },
};
