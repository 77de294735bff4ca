// Watching an existing endpoint until it settles (the ClickHouse view's "Watch until settled"),
// explaining its status, and taking the user to accepting a pending connection on the AWS side.
// Creating one is a plan step like any other (src/clickhouse/stepCall.ts, reviewed and applied
// by src/plans), so nothing here creates.
import * as vscode from 'vscode';
import { log } from '../log';
import { explainRpeStatus, isRpeInTransition, type ReversePrivateEndpoint } from '../model/clickhouse';
import { clickHouseSession } from './currentSession';
import type { ServiceRef } from './pickers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll one endpoint until it leaves Provisioning/Deleting, then say what its status means. */
export async function watchUntilSettled(target: ServiceRef, rpe: ReversePrivateEndpoint, maxMinutes = 30): Promise<ReversePrivateEndpoint> {
  let current = rpe;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reverse private endpoint "{0}"', rpe.description), cancellable: true },
    async (progress, token) => {
      const deadline = Date.now() + maxMinutes * 60_000;
      let delay = 2_000;
      while (isRpeInTransition(current.status) && !token.isCancellationRequested && Date.now() < deadline) {
        progress.report({ message: `${current.status}…` });
        await sleep(delay);
        delay = Math.min(delay * 2, 30_000);
        const api = await clickHouseSession().api();
        if (!api) return;
        try {
          current = await api.getReversePrivateEndpoint(target.org.id, target.service.id, rpe.id);
        } catch (e) {
          log.warn(`ClickHouse Cloud: reading endpoint ${rpe.id} failed: ${(e as Error).message}`);
        }
      }
    });
  void vscode.commands.executeCommand('clickpipes.clickhouse.refresh');
  void reportStatus(current);
  return current;
}

async function reportStatus(rpe: ReversePrivateEndpoint): Promise<void> {
  const text = `"${rpe.description}": ${explainRpeStatus(rpe.status, rpe.type)}`;
  switch (rpe.status) {
    case 'Ready': {
      const copy = vscode.l10n.t('Copy connection address');
      if ((await vscode.window.showInformationMessage(text, copy)) === copy) {
        await vscode.commands.executeCommand('clickpipes.clickhouse.copyConnectionAddress', rpe);
      }
      return;
    }
    case 'PendingAcceptance': {
      const accept = vscode.l10n.t('Accept on the endpoint service…');
      if ((await vscode.window.showWarningMessage(text, accept)) === accept) await openAcceptance(rpe);
      return;
    }
    case 'Provisioning':
    case 'Deleting':
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is still {1}; the ClickHouse Cloud view keeps watching it.', rpe.description, rpe.status));
      return;
    default:
      void vscode.window.showErrorMessage(text);
  }
}

/**
 * Take the user to accepting the connection on the AWS side: the explorer's own accept command
 * when it exists (it receives the service name and the endpoint id), else the AWS explorer.
 */
export async function openAcceptance(rpe: Pick<ReversePrivateEndpoint, 'vpcEndpointServiceName' | 'endpointId'>): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  const accept = commands.find((c) => /^clickpipes\.(endpointService\.)?accept(Vpc)?(Endpoint)?Connections?$/i.test(c));
  if (accept) {
    await vscode.commands.executeCommand(accept, { serviceName: rpe.vpcEndpointServiceName, vpcEndpointId: rpe.endpointId });
    return;
  }
  await vscode.commands.executeCommand('clickpipes.explorer.focus');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('In the AWS explorer, open the endpoint service {0} and accept the pending connection {1} from account 072088201116 (EC2 AcceptVpcEndpointConnections).', rpe.vpcEndpointServiceName ?? '', rpe.endpointId ?? ''));
}
