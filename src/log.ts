// One Output channel with levels. Every message passes through redact(): secrets never reach it.
// The clickpipes.logLevel setting (error|warn|info|debug, default info) drops messages below it;
// a change applies at once. VS Code's own "Developer: Set Log Level…" also filters the channel.
import * as vscode from 'vscode';
import { redact } from './model/redact';
import { logLevelAllows, parseLogLevel, type LogLevelName } from './model/logLevel';

let channel: vscode.LogOutputChannel | undefined;
let level: LogLevelName | undefined;
let watcher: vscode.Disposable | undefined;
/**
 * Both bundles contain this module: dist/extension.js (which owns the channel) and the lazily
 * loaded dist/features.js. Two copies would mean two "ClickPipes PrivateLink" channels and two
 * level watchers, so src/features.ts points its copy at extension.js's `log` (passed in through
 * FeatureHost) and every call goes to the one channel.
 */
let owner: Log | undefined;

type Log = {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(): void;
  dispose(): void;
};

/** Sends everything this copy of the module gets to `shared` (the copy in dist/extension.js). */
export function forwardLogTo(shared: Log): void {
  owner = shared === log ? undefined : shared;
}

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
  if (owner) return owner[at](message);
  if (!logLevelAllows(threshold(), at)) return;
  out()[at](redact(message));
}

export const log: Log = {
  debug: (message: string) => write('debug', message),
  info: (message: string) => write('info', message),
  warn: (message: string) => write('warn', message),
  error: (message: string) => write('error', message),
  show: () => (owner ? owner.show() : out().show(true)),
  dispose: () => {
    if (owner) return; // the owner's activation disposes the channel
    channel?.dispose();
    channel = undefined;
    watcher?.dispose();
    watcher = undefined;
    level = undefined;
  },
};
