// Create a reverse private endpoint the way every creation works here: review, then apply.
// The body opens as a JSON tab; what is sent is what the tab says after validation (a bad edit
// gets the reasons and nothing is called). Apply is a CodeLens on that tab with a modal
// confirmation naming the organization, service, region and the call. Afterwards the endpoint is
// watched until it settles (2 s → 30 s backoff) and its status is explained.
import * as vscode from 'vscode';
import { log } from '../log';
import {
  endpointRegion, explainRpeStatus, isRpeInTransition, parseCreateBody, regionWarning, type CreateRpeBody,
  type ReversePrivateEndpoint,
} from '../model/clickhouse';
import { ClickHouseApiError } from './api';
import { clickHouseSession } from './currentSession';
import type { ServiceRef } from './pickers';

export const APPLY_COMMAND = 'clickpipes.clickhouse.applyReviewedEndpoint';
export const DISCARD_COMMAND = 'clickpipes.clickhouse.discardReviewedEndpoint';

type Review = ServiceRef & { source?: string };
/** Review tabs waiting for Apply, by document URI. */
const reviews = new Map<string, Review>();
const lensesChanged = new vscode.EventEmitter<void>();

/** Open the body for review; resolves with the document once it shows. */
export async function openReview(target: ServiceRef, body: CreateRpeBody, source?: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(body, null, 2)}\n` });
  reviews.set(doc.uri.toString(), { ...target, source });
  lensesChanged.fire();
  await vscode.window.showTextDocument(doc, { preview: false });
  const warning = regionWarning(body.type, endpointRegion(body), target.service);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Review the reverse private endpoint for "{0}" ({1}), then click "Create in ClickHouse Cloud" above the JSON.', target.service.name, target.service.region) +
    (warning ? ' ' + vscode.l10n.t('Warning: {0}', warning) : ''));
  return doc;
}

class ReviewLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses = lensesChanged.event;
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const review = reviews.get(doc.uri.toString());
    if (!review) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: vscode.l10n.t('$(cloud-upload) Create in ClickHouse Cloud ({0}, {1})', review.service.name, review.service.region), command: APPLY_COMMAND, arguments: [doc.uri] }),
      new vscode.CodeLens(top, { title: vscode.l10n.t('Discard'), command: DISCARD_COMMAND, arguments: [doc.uri] }),
    ];
  }
}

export function registerReview(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    lensesChanged,
    vscode.languages.registerCodeLensProvider({ language: 'json' }, new ReviewLenses()),
    // `options.confirm: false` skips the modal (automation and the extension-host tests).
    vscode.commands.registerCommand(APPLY_COMMAND, (uri?: vscode.Uri, options?: { confirm?: boolean }) =>
      applyReview(uri ?? vscode.window.activeTextEditor?.document.uri, options)),
    vscode.commands.registerCommand(DISCARD_COMMAND, async (uri?: vscode.Uri) => {
      if (uri) await closeReview(uri);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => { if (reviews.delete(doc.uri.toString())) lensesChanged.fire(); }),
  );
}

async function closeReview(uri: vscode.Uri): Promise<void> {
  reviews.delete(uri.toString());
  lensesChanged.fire();
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (editor) {
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    // An untitled review has nothing worth saving: close without the "save?" prompt.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Validate the reviewed tab, confirm, create, and watch. Returns the endpoint when created. */
export async function applyReview(uri: vscode.Uri | undefined, options: { confirm?: boolean } = {}): Promise<ReversePrivateEndpoint | undefined> {
  const review = uri && reviews.get(uri.toString());
  if (!uri || !review) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This tab is not a reverse private endpoint waiting for review.'));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const parsed = parseCreateBody(doc.getText());
  if ('errors' in parsed) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was sent to ClickHouse Cloud. Fix the document: {0}', parsed.errors.join(' · ')));
    return undefined;
  }
  const body = parsed.body;
  const warning = regionWarning(body.type, endpointRegion(body), review.service);
  if (options.confirm !== false) {
    const go = vscode.l10n.t('Create');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Create a {0} reverse private endpoint in ClickHouse Cloud?', body.type),
      {
        modal: true,
        detail: vscode.l10n.t('Organization: {0}\nService: {1} ({2} {3})\nCall: POST …/services/{4}/clickpipesReversePrivateEndpoints\nEndpoints cannot be edited after creation.',
          review.org.name, review.service.name, review.service.provider, review.service.region, review.service.id) +
          (warning ? `\n\n${vscode.l10n.t('Warning: {0}', warning)}` : ''),
      },
      go);
    if (answer !== go) return undefined;
  }
  return createAndWatch(review, body, uri);
}

export async function createAndWatch(target: ServiceRef, body: CreateRpeBody, reviewUri?: vscode.Uri): Promise<ReversePrivateEndpoint | undefined> {
  const api = await clickHouseSession().api();
  if (!api) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Sign in to ClickHouse Cloud first (ClickPipes: Sign in to ClickHouse Cloud).'));
    return undefined;
  }
  let created: ReversePrivateEndpoint;
  try {
    created = await api.createReversePrivateEndpoint(target.org.id, target.service.id, body);
  } catch (e) {
    const text = e instanceof ClickHouseApiError ? e.message : String((e as Error)?.message ?? e);
    log.error(`ClickHouse Cloud: create failed: ${text}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was created. {0}', text));
    return undefined;
  }
  log.info(`ClickHouse Cloud: created reverse private endpoint ${created.id} (${body.type}) in service ${target.service.id}`);
  if (reviewUri) await closeReview(reviewUri);
  void vscode.commands.executeCommand('clickpipes.clickhouse.refresh');
  void watchUntilSettled(target, created);
  return created;
}

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
