// One Output channel with levels. Every message passes through redact(): secrets never reach it.
import * as vscode from 'vscode';
import { redact } from './model/redact';

let channel: vscode.LogOutputChannel | undefined;

function out(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('ClickPipes PrivateLink', { log: true });
  return channel;
}

export const log = {
  debug: (message: string) => out().debug(redact(message)),
  info: (message: string) => out().info(redact(message)),
  warn: (message: string) => out().warn(redact(message)),
  error: (message: string) => out().error(redact(message)),
  show: () => out().show(true),
  dispose: () => {
    channel?.dispose();
    channel = undefined;
  },
};
