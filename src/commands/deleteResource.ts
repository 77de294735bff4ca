// Delete with a modal confirmation that names the account and region. Gateways refuse while
// configurations still use them (AWS would fail later with a less helpful error).
import * as vscode from 'vscode';
import { describeNode } from '../views/explorer/describe';
import type { ExplorerNode } from '../views/explorer/nodes';
import { accountOf, isDeletable } from '../views/explorer/nodeValues';
import { isNode } from './copy';
import type { CommandHandler } from './handlerContext';
import { deleteCallFor } from './deleteCalls';
import { pickNode } from './pickNode';

export type DeleteOutcome = 'deleted' | 'cancelled' | 'refused' | 'failed';

export const deleteResource: CommandHandler = async (ctx, node): Promise<DeleteOutcome> => {
  const target = isNode(node) ? node : await pickNode(ctx.model, isDeletable, vscode.l10n.t('Delete…'));
  const call = target ? deleteCallFor(target) : undefined;
  if (!target || !call || !('scope' in target)) return 'cancelled';
  const scope = target.scope;
  const name = describeNode(target).label;
  // Endpoint services need their live connections rejected first and EC2's Unsuccessful list
  // read: the endpoint-service teardown does both (src/plans/endpointServiceCommands.ts).
  if (target.type === 'endpointService') {
    const result = await vscode.commands.executeCommand<string | undefined>('clickpipes.deleteEndpointService', target);
    return result === 'deleted' ? 'deleted' : result === 'failed' ? 'failed' : 'cancelled';
  }

  if (target.type === 'resourceGateway') {
    let users: string[];
    try {
      users = (await ctx.aws().listResourceConfigurations(scope))
        .filter((c) => c.resourceGatewayId === target.resource.id)
        .map((c) => c.name || c.id);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not check the gateway\'s resource configurations: {0}', (err as Error).message));
      return 'failed';
    }
    if (users.length) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Resource gateway "{0}" still has {1} resource configuration{2} ({3}). Delete them first, then the gateway.',
          name, users.length, users.length === 1 ? '' : 's', `${users.slice(0, 5).join(', ')}${users.length > 5 ? ', …' : ''}`),
      );
      return 'refused';
    }
  }

  const account = accountOf(target) ?? ctx.model.accountOf(scope.profile) ?? 'unknown account';
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} "{1}" in account {2}, {3}?', call.title, name, account, scope.region),
    { modal: true, detail: vscode.l10n.t('Profile {0} calls {1}. This cannot be undone.', scope.profile, call.operation) },
    vscode.l10n.t('Delete'),
  );
  if (answer !== vscode.l10n.t('Delete')) return 'cancelled';
  try {
    await vscode.window.withProgress({ location: { viewId: 'clickpipes.explorer' }, title: vscode.l10n.t('Deleting {0}', name) }, () =>
      ctx.aws().call(scope, call.service, call.operation, call.input),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not delete {0} "{1}": {2}', call.title, name, (err as Error).message));
    return 'failed';
  }
  ctx.provider.fire(ctx.model.refresh(target));
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Deleted {0} {1}', call.title, name), 5_000);
  return 'deleted';
};
