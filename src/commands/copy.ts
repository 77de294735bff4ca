// Copy commands: one per field, confirmed quietly in the status bar for 5 s (no toast).
import * as vscode from 'vscode';
import { clickPipesValues, formatClickPipesValues, hasClickPipesValues } from '../views/explorer/clickPipesValues';
import { isNode, type ExplorerNode } from '../views/explorer/nodes';
import { arnOf, dnsNameOf, idOf, serviceNameOf } from '../views/explorer/nodeValues';
import type { CommandContext, CommandHandler } from './handlerContext';
import { pickNode } from './pickNode';

export async function copyQuietly(what: string, text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  const shown = text.includes('\n') ? what : `${what}: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Copied {0}', shown), 5_000);
}

function copier(what: string, valueOf: (node: ExplorerNode) => string | undefined, whatFor?: (node: ExplorerNode) => string): CommandHandler {
  return async (ctx, node) => {
    const target = isNode(node) ? node : await pickNode(ctx.model, (n) => !!valueOf(n), vscode.l10n.t('Copy {0} of…', what));
    if (!target) return undefined;
    const value = valueOf(target);
    if (!value) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(info) This item has no {0}', what), 5_000);
      return undefined;
    }
    await copyQuietly(whatFor?.(target) ?? what, value);
    return value;
  };
}

export { isNode };

export const copyId = copier(vscode.l10n.t('ID'), idOf, (n) => (n.type === 'profile' ? vscode.l10n.t('account ID') : vscode.l10n.t('ID')));
export const copyArn = copier(vscode.l10n.t('ARN'), arnOf);
export const copyDnsName = copier(vscode.l10n.t('DNS name'), dnsNameOf);
export const copyServiceName = copier(vscode.l10n.t('service name'), serviceNameOf);

/** The fields ClickHouse Cloud asks for; a configuration's share ARN comes from the region's shares. */
export const copyClickPipesValues: CommandHandler = async (ctx: CommandContext, node) => {
  const target = isNode(node) ? node : await pickNode(ctx.model, hasClickPipesValues, vscode.l10n.t('Copy ClickPipes values of…'));
  if (!target) return undefined;
  let shares = [] as Awaited<ReturnType<typeof ctx.model.list<'shares'>>>;
  if (target.type === 'resourceConfiguration') {
    try {
      shares = await ctx.model.list(target.scope, 'shares');
    } catch (err) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(warning) Could not read resource shares: {0}', (err as Error).message), 5_000);
    }
  }
  const values = clickPipesValues(target, shares);
  if (!values) return undefined;
  const text = formatClickPipesValues(values);
  await copyQuietly(vscode.l10n.t('ClickPipes values ({0})', values.fields.map((f) => f.label).join(', ')), text);
  if (values.note) vscode.window.setStatusBarMessage(vscode.l10n.t('$(warning) Copied, but {0}', values.note), 5_000);
  return text;
};
