// Delete with a modal confirmation that names the account and region. Gateways refuse while
// configurations still use them (AWS would fail later with a less helpful error).
import * as vscode from 'vscode';
import { describeNode } from '../views/describe';
import type { ExplorerNode } from '../views/nodes';
import { accountOf, isDeletable } from '../views/nodeValues';
import { isNode } from './copy';
import type { CommandHandler } from './context';
import { deleteCallFor } from './deleteCalls';
import { pickNode } from './pickNode';

export type DeleteOutcome = 'deleted' | 'cancelled' | 'refused' | 'failed';

export const deleteResource: CommandHandler = async (ctx, node): Promise<DeleteOutcome> => {
  const target = isNode(node) ? node : await pickNode(ctx.model, isDeletable, 'Delete…');
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
      void vscode.window.showErrorMessage(`Could not check the gateway's resource configurations: ${(err as Error).message}`);
      return 'failed';
    }
    if (users.length) {
      void vscode.window.showErrorMessage(
        `Resource gateway "${name}" still has ${users.length} resource configuration${users.length === 1 ? '' : 's'} ` +
          `(${users.slice(0, 5).join(', ')}${users.length > 5 ? ', …' : ''}). Delete them first, then the gateway.`,
      );
      return 'refused';
    }
  }

  const account = accountOf(target) ?? ctx.model.accountOf(scope.profile) ?? 'unknown account';
  const answer = await vscode.window.showWarningMessage(
    `Delete ${call.title} "${name}" in account ${account}, ${scope.region}?`,
    { modal: true, detail: `Profile ${scope.profile} calls ${call.operation}. This cannot be undone.` },
    'Delete',
  );
  if (answer !== 'Delete') return 'cancelled';
  try {
    await vscode.window.withProgress({ location: { viewId: 'clickpipes.explorer' }, title: `Deleting ${name}` }, () =>
      ctx.aws().call(scope, call.service, call.operation, call.input),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not delete ${call.title} "${name}": ${(err as Error).message}`);
    return 'failed';
  }
  ctx.provider.fire(ctx.model.refresh(target));
  vscode.window.setStatusBarMessage(`$(trash) Deleted ${call.title} ${name}`, 5_000);
  return 'deleted';
};
